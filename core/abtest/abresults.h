#pragma once
// An experiment's results as read from a file (abparser.h): one entry per variant, in the order the file
// first names them. Per-row files keep what the statistics need from each row (order values, revenue per
// visitor); summary files keep the totals and, when the file gives it, the spread of revenue per visitor.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mb::abtest {

enum class AbFileKind { Rows, Summary };

struct AbVariant {
    std::string name;
    int64_t line = 0;              // the line that first names it
    int64_t visitors = 0;          // visitors (or sessions: the file's unit); see AbResults::visitorsKnown
    int64_t conversions = 0;       // visitors with at least one order
    int64_t orders = 0;
    double revenue = 0;
    // Per-row files only.
    std::vector<double> orderValues;       // one per order: AOV's sample
    std::vector<double> visitorRevenue;    // the non-zero revenue of each visitor; the other visitors had 0
    // Summary files only: sum over visitors of revenue², given or derived from a standard deviation.
    std::optional<double> revenueSumOfSquares;
    double expectedShare = 0;      // the planned share of traffic (summary column), 0 when not given
};

struct AbResults {
    std::string path;
    AbFileKind kind = AbFileKind::Rows;
    std::vector<AbVariant> variants;
    bool hasRevenue = false;
    // False for a per-row file in which every row is an order: without the visits that did not buy, neither
    // conversion nor revenue per visitor can be read (AOV can).
    bool visitorsKnown = true;
    std::optional<int64_t> firstTime, lastTime;   // UTC seconds, per-row files with a date column
    int64_t rowsRead = 0;
    int64_t crossoverVisitors = 0;   // visitors seen in more than one variant: counted in the first only
    int64_t crossoverRows = 0;       // the rows left out for that
    std::vector<std::string> notes;  // how the columns were read ("converted from \"purchased\"")
};

}  // namespace mb::abtest
