#pragma once
// The log of every import into the workspace (the imports table), oldest first: what `info` lists.
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class Workspace;

struct ImportLogEntry {
    std::string file, format, kind;
    int64_t rowsRead = 0, imported = 0, rejected = 0, duplicates = 0;
};

std::vector<ImportLogEntry> importLog(const Workspace &ws);

}  // namespace mb
