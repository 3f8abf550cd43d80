#pragma once
// RFC 4180 reader over a UTF-8 buffer (see TextFile). Hand-written rather than libcsv because every error
// must name its physical line, and because fields come out as views into the buffer with no allocation,
// which the import benchmark needs; tests/fuzz/csvreader_fuzz.cpp fuzzes it, tests/bench measures it.
//
// Lenient where real exports are sloppy: a quote inside an unquoted field is literal (48"L), text after a
// closing quote is kept, a lone CR ends a line. Strict where data would be lost: a quote left open at the
// end of the file is reported with the line it opened on.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

struct CsvRecord {
    int64_t line = 0;      // physical line the record starts on (1-based)
    int64_t lastLine = 0;  // physical line it ends on (differs when a quoted field holds newlines)
    std::vector<std::string_view> fields;  // valid until the next call to next()
    bool unterminatedQuote = false;        // the file ended inside a quoted field that opened on `line`
    size_t begin = 0;  // byte offsets of the record in the data: [begin, end), end past its line break
    size_t end = 0;
};

class CsvReader {
public:
    CsvReader(std::string_view data, char delimiter = ',');

    // Reads the next non-blank record; false at the end of the data.
    bool next(CsvRecord &record);

    size_t offset() const { return pos_; }
    size_t size() const { return data_.size(); }
    char delimiter() const { return delim_; }

    // Picks `,`, `;` or tab from the first lines: the candidate that splits the header into the most
    // fields and splits most of the following lines the same way.
    static char detectDelimiter(std::string_view data);

private:
    struct Span { size_t begin; size_t length; bool inScratch; };
    std::string_view data_;
    char delim_;
    std::array<bool, 256> ends_;  // the bytes that end an unquoted field: the delimiter, CR, LF
    size_t pos_ = 0;
    int64_t line_ = 1;
    std::string scratch_;
    std::vector<Span> spans_;
};

// The header row, matched by name, never by position: case, surrounding blanks and a BOM are ignored.
class CsvHeader {
public:
    CsvHeader() = default;
    explicit CsvHeader(const std::vector<std::string_view> &fields);

    // Index of the first column whose normalised name equals one of the aliases, or -1.
    int find(std::initializer_list<std::string_view> aliases) const;
    int find(const std::vector<std::string> &aliases) const;
    const std::vector<std::string> &names() const { return names_; }
    size_t size() const { return names_.size(); }
    const std::string &name(int i) const { return names_[size_t(i)]; }
    void rename(int i, const std::string &newName);

    static std::string normalise(std::string_view name);

private:
    std::vector<std::string> names_;       // as written (trimmed)
    std::vector<std::string> normalised_;  // lower case, trimmed
};

std::string_view trimmed(std::string_view s);

}  // namespace mb
