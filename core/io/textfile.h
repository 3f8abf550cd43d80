#pragma once
// Loads a whole text file into memory as UTF-8, whatever the platform wrote: strips a BOM, converts
// UTF-16 and Windows-1252 / Latin-1, and refuses what is not text at all (empty, binary).
#include <string>

namespace mb {

struct TextFile {
    std::string path;
    std::string data;       // UTF-8, no BOM
    std::string encoding;   // "UTF-8", "UTF-8 with BOM", "Windows-1252", "UTF-16LE", ...
    std::string error;      // set when the file cannot be used; data is then empty

    bool ok() const { return error.empty(); }
    static TextFile load(const std::string &path);
    // Same checks and conversions for bytes already in memory (tests, fuzzing, the dialog's preview).
    static TextFile fromBytes(std::string bytes, const std::string &path);
};

bool isValidUtf8(const char *p, size_t n);
std::string windows1252ToUtf8(const std::string &bytes);

}  // namespace mb
