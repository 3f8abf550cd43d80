#pragma once
// What relations export and bundles export share for the store platforms: the options --created-out,
// --include-foreign and --replace-links, and writing the links update and the create-only file with the
// notes and a summary line per file.
#include "command.h"

#include "core/bundles/bundleexchange.h"

#include <set>
#include <string>
#include <vector>

namespace mb::cli {

// Added to a command's own options.
extern const std::set<std::string> platformValueOptions;   // created-out
extern const std::set<std::string> platformFlags;          // include-foreign, replace-links

// Sets options.includeForeign / replaceLinks from the arguments; "" when they fit the format, else the
// usage message (a platform-only option with json or csv, --replace-links with anything but Magento):
// an option that would do nothing is refused rather than silently ignored.
std::string readPlatformOptions(const CliArgs &args, ExportFormat format, const std::string &command, ExportOptions &options);

// Writes `links` to --out (standard output without one) and a non-empty `created` to --created-out, by
// default --out's name with "-new-products" before the suffix; refuses (bad input, nothing written) when
// there is a created file and only standard output to put it on. Prints the notes ("note: " on stderr)
// and one line per file written: path and rows, on stdout, or on stderr while stdout holds the export.
int writeExportFiles(const Context &ctx, const CliArgs &args, ExportFormat format, const std::string &command,
                     const std::string &links, const std::string &created, const std::vector<std::string> &notes);

}  // namespace mb::cli
