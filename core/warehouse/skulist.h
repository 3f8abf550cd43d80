#pragma once
// The SKUs `warehouse sql --exclude-skus FILE` leaves out of every basket (non-merchandise of a store whose
// catalog lives outside the workspace): one SKU a line, as a spreadsheet column or `psql -At` writes it.
#include <string>
#include <string_view>
#include <vector>

namespace mb {

// Appends each line's SKU to `out` (lines end with LF, CR LF or CR), trimmed of blanks and tabs (the import trims SKUs the same way, and
// the query compares the trimmed column); empty lines are skipped. False with `error` naming the file and line
// when a line holds a NUL byte (a binary file, or UTF-16 that was not converted): nothing is appended then.
bool readSkuList(std::string_view data, const std::string &path, std::vector<std::string> &out, std::string &error);

}  // namespace mb
