#pragma once
// A saved column -> field mapping (`--mapping FILE`, the import dialog's "Save mapping") for files whose
// headers no alias knows. Applying it renames header columns to the canonical field names before format
// detection, so a mapped file goes through the same generic parser as any other.
#include "core/io/csvreader.h"

#include <string>
#include <utility>
#include <vector>

namespace mb {

struct ColumnMapping {
    std::string kind;  // "catalog" or "orders" ("" = either)
    std::vector<std::pair<std::string, std::string>> columns;  // file column name -> canonical field

    bool empty() const { return columns.empty(); }
    void apply(CsvHeader &header) const;

    // JSON: {"kind": "orders", "columns": {"Bestellnr": "order_id", ...}}
    static bool load(const std::string &path, ColumnMapping &out, std::string &error);
    // The same over the file's text (path only names it in errors).
    static bool parse(const std::string &json, const std::string &path, ColumnMapping &out, std::string &error);
    bool save(const std::string &path, std::string &error) const;
};

// Canonical field names the generic parsers understand, with what each means (for the dialog).
struct FieldInfo { const char *name; const char *label; bool required; };
const std::vector<FieldInfo> &catalogFields();
const std::vector<FieldInfo> &orderFields();

}  // namespace mb
