#pragma once
// Reads an A/B test's results from CSV, in either of two shapes, told apart by the header:
//  - rows: one row per visitor / session or per order (line), with a variant column, and "converted" (0/1)
//    or an order id (a row without one is a visit that did not buy), revenue, and optional visitor id and
//    date columns;
//  - summary: one row per variant with visitors, conversions and revenue, and optionally the spread of
//    revenue per visitor (sum of squares or standard deviation) and the planned traffic share.
// The column names each shape accepts are listed in core/abtest/README.md. A file either parses whole or
// not at all: the error names the file, the line, the field and what was expected, and the result is empty.
#include "core/abtest/abresults.h"

#include <functional>
#include <string>

namespace mb::abtest {

// Told the share of the file read so far, every few thousand rows; returning false cancels the read.
using AbProgress = std::function<bool(double fraction)>;

struct AbParse {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    AbResults results;
};

AbParse parseAbResults(const std::string &path, const AbProgress &progress = {});
// The same over UTF-8 text already in memory (tests, fuzzing).
AbParse parseAbResultsText(const std::string &utf8, const std::string &path, const AbProgress &progress = {});

}  // namespace mb::abtest
