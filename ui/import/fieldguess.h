#pragma once
// Which canonical field a file column most likely holds, for the import dialog's mapping column. The
// parsers match their own aliases; this mirrors the common ones from FORMATS.md so that the dialog can show
// the user what a column will be read as, and leave unknown columns for the user to map.
#include "core/io/importrecords.h"

#include <string>

namespace mb {

// "" when no alias matches.
std::string guessField(ImportKind kind, const std::string &columnName);

}  // namespace mb
