#pragma once
// Loads a whole text file into memory as UTF-8, whatever the platform wrote: strips a BOM, converts
// UTF-16 and Windows-1252 / Latin-1, and refuses what is not text at all (empty, binary, a NUL byte).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

struct TextFile {
    std::string path;
    std::string data;       // UTF-8, no BOM; except the bytes listed in invalidUtf8
    std::string encoding;   // "UTF-8", "UTF-8 with BOM", "Windows-1252", "UTF-16LE", ...
    std::string note;       // for the import summary when the encoding was a guess ("decoded as Windows-1252: ...")
    std::string error;      // set when the file cannot be used; data is then empty
    // Offsets in data of the first byte of each sequence that is not UTF-8, in a file read as UTF-8 because
    // nearly all of it is (see TextFile::fromBytes). Importers reject the records holding them (RecordScreen).
    std::vector<size_t> invalidUtf8;

    bool ok() const { return error.empty(); }
    // The text: `data`, or for a file opened by loadMapped() a view of the file mapped into memory (data is
    // then empty). Readers that may get a mapped file read text(), never data.
    std::string_view text() const;
    // Says the bytes of text() before `offset` will not be read again soon: a mapped file's pages there leave
    // the process's memory (read back from the file if they are read after all). A no-op for loaded data.
    void releaseBefore(size_t offset) const;
    // "" when data is all UTF-8; else the first bad byte, located like any import error. For readers that do
    // not screen records (events, relations, bundle files) and so refuse such a file as a whole.
    std::string invalidUtf8Error() const;
    static TextFile load(const std::string &path);
    // As load(), but a file of 1 MB or more that is UTF-8 (the usual export; with or without a BOM, a few bad
    // bytes listed in invalidUtf8 as load() lists them) is mapped, not read into memory, and checked in
    // windows released as they are passed: memory stays bounded by what the reader holds, not by the file
    // (issue #15: a 50M-line order file is 2.7 GB). Anything else (UTF-16, Windows-1252, a platform without
    // mmap) is loaded as load() does.
    static TextFile loadMapped(const std::string &path);
    struct Mapping;
    std::shared_ptr<const Mapping> mapping;  // set by loadMapped() when the file is mapped
    // Same checks and conversions for bytes already in memory (tests, fuzzing, the dialog's preview).
    static TextFile fromBytes(std::string bytes, const std::string &path);
};

bool isValidUtf8(const char *p, size_t n);
// Length of the well-formed UTF-8 character at p (avail > 0 bytes there), or 0 when those bytes are not UTF-8.
int utf8Length(const char *p, size_t avail);
std::string windows1252ToUtf8(const std::string &bytes);

// What bytes read as UTF-8 hold: well-formed multibyte characters and the offsets of the sequences that are
// not UTF-8 (each offset is the first byte of a bad sequence; the scan resumes at the next byte).
struct Utf8Scan {
    size_t multibyte = 0;
    std::vector<size_t> invalid;
};
Utf8Scan scanUtf8(const char *p, size_t n);

// "line 3, field \"Title\"" (or "line 3, field 2" when the header names no such column) for a byte offset in
// UTF-8 CSV data: error paths only, it reads the data from the start.
std::string locateInCsv(std::string_view data, size_t offset);

}  // namespace mb
