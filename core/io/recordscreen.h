#pragma once
// The checks every importer makes on a record before it reads a single cell, so that each format refuses
// the same damage the same way, naming the line and the field: a field too large to be a shop's cell (a
// 200 MB "title" is a missing quote or not an export, and would cost minutes and gigabytes downstream), and
// bytes that are not UTF-8 in a file read as UTF-8 (TextFile::invalidUtf8).
#include "core/io/csvreader.h"
#include "core/io/importrecords.h"
#include "core/io/textfile.h"

#include <optional>

namespace mb {

// The largest field any import accepts. Real exports stay far below it (the largest cell of the shared data
// sets is a 2.3 KB Shopify description); 64 KiB still holds a long HTML product description.
constexpr size_t kMaxFieldBytes = 64 * 1024;

class RecordScreen {
public:
    explicit RecordScreen(const TextFile &file) : invalid_(file.invalidUtf8) {}

    // The reject for the first offending field of the record, or nothing when it may be read. Records must
    // come in file order (one reader's order); the cost on a clean record is two comparisons.
    std::optional<Reject> check(const CsvRecord &record, const CsvHeader &header);

private:
    const std::vector<size_t> &invalid_;
    size_t next_ = 0;  // first offset of invalid_ not before the current record
};

}  // namespace mb
