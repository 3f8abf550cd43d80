#include "core/io/textfile.h"

#include "core/io/csvreader.h"
#include "core/storage/hugepages.h"

#include <QFile>
#include <QStringDecoder>

#include <cstdio>
#include <cstring>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define MB_HAVE_MMAP 1
#endif

namespace mb {

// Length of the well-formed UTF-8 character at p (at most avail bytes), or 0 when the bytes there are not
// UTF-8: a stray continuation byte, a cut sequence, an overlong form, a surrogate or a code point past U+10FFFF.
int utf8Length(const char *s, size_t avail)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return 0;
    if (size_t(len) > avail) return 0;
    for (int k = 1; k < len; ++k) {
        if ((p[k] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
        || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

// Fast path shared by both scans: 8 ASCII bytes at a time; most of a CSV is ASCII.
static bool asciiWord(const unsigned char *p)
{
    uint64_t w;
    std::memcpy(&w, p, 8);
    return (w & 0x8080808080808080ULL) == 0;
}

bool isValidUtf8(const char *s, size_t n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && asciiWord(p + i)) { i += 8; continue; }
        const int len = utf8Length(s + i, n - i);
        if (len == 0) return false;
        i += size_t(len);
    }
    return true;
}

Utf8Scan scanUtf8(const char *s, size_t n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    Utf8Scan scan;
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && asciiWord(p + i)) { i += 8; continue; }
        const int len = utf8Length(s + i, n - i);
        if (len == 0) {
            scan.invalid.push_back(i);
            ++i;
            continue;
        }
        scan.multibyte += len > 1;
        i += size_t(len);
    }
    return scan;
}

std::string windows1252ToUtf8(const std::string &bytes)
{
    // 0x80..0x9F are printable in Windows-1252 (€, ‘’, “”, …); Latin-1 has control codes there, which no
    // shop file means, so reading both as Windows-1252 is right for both.
    static const char16_t high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80) { out.push_back(char(c)); continue; }
        char16_t u = c < 0xA0 ? high[c - 0x80] : char16_t(c);
        if (u < 0x800) {
            out.push_back(char(0xC0 | (u >> 6)));
            out.push_back(char(0x80 | (u & 0x3F)));
        } else {
            out.push_back(char(0xE0 | (u >> 12)));
            out.push_back(char(0x80 | ((u >> 6) & 0x3F)));
            out.push_back(char(0x80 | (u & 0x3F)));
        }
    }
    return out;
}

static bool looksBinary(std::string_view b)
{
    // Control bytes (NUL included) are rare in text and common in a zip, an image or a spreadsheet. A single
    // NUL in a text file is not judged here: fromBytes refuses it naming its line.
    const size_t n = std::min<size_t>(b.size(), 65536);
    size_t controls = 0;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    }
    return n > 0 && controls * 20 > n;
}

// The encoding rule for a file without a BOM that is not all UTF-8. Decoding as Windows-1252 turns every
// well-formed UTF-8 character into two or three wrong ones ("Café" -> "CafÃ©") without a word, while keeping
// UTF-8 leaves only the bad bytes wrong, and those are reported (their records are rejected, or refused in a
// strict import). A Windows-1252 file almost never holds well-formed UTF-8 multibyte characters: its accented
// letters are single high bytes followed by ASCII. So the file stays UTF-8 when its well-formed multibyte
// characters outnumber its bad sequences (a UTF-8 export with a few pasted Windows-1252 bytes), and is read
// as Windows-1252 only when the bad sequences are the majority (a file that is not UTF-8 at all).
static bool mostlyUtf8(const Utf8Scan &scan) { return scan.multibyte > scan.invalid.size(); }

static std::string hexByte(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", unsigned(c));
    return buf;
}

TextFile TextFile::fromBytes(std::string bytes, const std::string &path)
{
    TextFile f;
    f.path = path;
    auto starts = [&](const char *bom, size_t n) { return bytes.size() >= n && std::memcmp(bytes.data(), bom, n) == 0; };
    if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
        const bool le = starts("\xFF\xFE", 2);
        QStringDecoder dec(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        QString s = dec.decode(QByteArrayView(bytes.data() + 2, qsizetype(bytes.size() - 2)));
        if (dec.hasError()) {
            f.error = path + ": not valid UTF-16 text";
            return f;
        }
        f.data = s.toStdString();
        f.encoding = le ? "UTF-16LE" : "UTF-16BE";
    } else {
        size_t skip = 0;
        f.encoding = "UTF-8";
        if (starts("\xEF\xBB\xBF", 3)) { skip = 3; f.encoding = "UTF-8 with BOM"; }
        if (looksBinary(bytes)) {
            f.error = path + ": line 1: this is a binary file, not a CSV text file";
            return f;
        }
        Utf8Scan scan = scanUtf8(bytes.data() + skip, bytes.size() - skip);
        if (scan.invalid.empty() || mostlyUtf8(scan)) {
            f.data = skip ? bytes.substr(skip) : std::move(bytes);
            f.invalidUtf8 = std::move(scan.invalid);
            if (!f.invalidUtf8.empty())
                f.note = "read as UTF-8, but " + std::to_string(f.invalidUtf8.size())
                         + (f.invalidUtf8.size() == 1 ? " byte is" : " bytes are") + " not valid UTF-8 (the records "
                         "holding them are listed as rejected)";
        } else {
            f.data = windows1252ToUtf8(skip ? bytes.substr(skip) : bytes);
            f.encoding = "Windows-1252";
            f.note = "decoded as Windows-1252: not valid UTF-8";
        }
    }
    // No export writes a NUL; one means a damaged or binary file, and cutting the text there would lose rows.
    if (const void *nul = std::memchr(f.data.data(), 0, f.data.size())) {
        const size_t at = size_t(static_cast<const char *>(nul) - f.data.data());
        f.error = path + ": " + locateInCsv(f.data, at) + ": a NUL byte (0x00): expected text; the file may be damaged "
                  "or not a CSV export";
        f.data.clear();
        f.invalidUtf8.clear();
        return f;
    }
    bool blank = true;
    for (char c : f.data)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') { blank = false; break; }
    if (blank) {
        f.error = path + ": the file is empty: expected a header line and at least one record";
        f.data.clear();
    }
    return f;
}

std::string TextFile::invalidUtf8Error() const
{
    if (invalidUtf8.empty()) return {};
    const size_t at = invalidUtf8.front();
    return path + ": " + locateInCsv(text(), at) + ": byte " + hexByte(static_cast<unsigned char>(text()[at]))
           + " is not valid UTF-8: expected UTF-8 text throughout (save the file as UTF-8)";
}

std::string locateInCsv(std::string_view data, size_t offset)
{
    auto isBreak = [&](size_t i) { return data[i] == '\n' || (data[i] == '\r' && !(i + 1 < data.size() && data[i + 1] == '\n')); };
    const char delimiter = CsvReader::detectDelimiter(data);
    CsvReader reader(data, delimiter);
    CsvRecord rec;
    std::vector<std::string> names;
    while (reader.next(rec)) {
        if (names.empty()) names = CsvHeader(rec.fields).names();
        if (offset < rec.begin) break;  // in blank lines between records
        if (offset >= rec.end) continue;
        // Physical line of the byte itself, counted the way the reader counts (CRLF, LF or a lone CR).
        int64_t line = rec.line;
        for (size_t i = rec.begin; i < offset; ++i) line += isBreak(i);
        // The field whose view covers the byte; a field unescaped into the reader's own buffer ("" inside
        // quotes) is found by counting the delimiters outside quotes before the byte.
        size_t field = rec.fields.size();
        for (size_t i = 0; i < rec.fields.size(); ++i) {
            const char *b = rec.fields[i].data();
            if (b >= data.data() && size_t(b - data.data()) <= offset && offset < size_t(b - data.data()) + rec.fields[i].size()) {
                field = i;
                break;
            }
        }
        if (field == rec.fields.size()) {
            bool quoted = false;
            field = 0;
            for (size_t i = rec.begin; i < offset; ++i) {
                if (data[i] == '"') quoted = !quoted;
                else if (data[i] == delimiter && !quoted) ++field;
            }
        }
        const std::string name = field < names.size() && !names[field].empty() ? "\"" + names[field] + "\""
                                                                                : std::to_string(field + 1);
        return "line " + std::to_string(line) + ", field " + name;
    }
    int64_t line = 1;
    for (size_t i = 0; i < offset && i < data.size(); ++i) line += isBreak(i);
    return "line " + std::to_string(line);
}

TextFile TextFile::load(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        TextFile f;
        f.path = path;
        f.error = path + ": cannot open: " + file.errorString().toStdString();
        return f;
    }
    const qint64 size = file.size();
    std::string bytes;
    // Huge pages for the buffer before it is touched (core/storage/hugepages.h): Online Retail's 45 MB is
    // otherwise 11,000 page faults, about a sixth of its import's time on a virtual machine.
    reserveHuge(bytes, size_t(size));
    bytes.resize(size_t(size));
    if (size > 0 && file.read(bytes.data(), size) != size) {
        TextFile f;
        f.path = path;
        f.error = path + ": cannot read: " + file.errorString().toStdString();
        return f;
    }
    return fromBytes(std::move(bytes), path);
}

// A read-only private mapping of a whole file; `skip` bytes (a BOM) are not part of the text.
struct TextFile::Mapping {
    const char *base = nullptr;
    size_t size = 0;
    size_t skip = 0;
    std::string_view view() const { return std::string_view(base + skip, size - skip); }
    // Drops the pages of [from, to) of the file from this process's memory; they stay in the file.
    void release(size_t from, size_t to) const
    {
#ifdef MB_HAVE_MMAP
        const size_t page = size_t(sysconf(_SC_PAGESIZE));
        from = (from + page - 1) / page * page;  // whole pages inside the range only
        to = to / page * page;
        if (to > from) madvise(const_cast<char *>(base) + from, to - from, MADV_DONTNEED);
#else
        (void)from;
        (void)to;
#endif
    }
    ~Mapping()
    {
#ifdef MB_HAVE_MMAP
        if (base) munmap(const_cast<char *>(base), size);
#endif
    }
};

std::string_view TextFile::text() const { return mapping ? mapping->view() : std::string_view(data); }

void TextFile::releaseBefore(size_t offset) const
{
    if (mapping) mapping->release(0, mapping->skip + std::min(offset, mapping->size - mapping->skip));
}

TextFile TextFile::loadMapped(const std::string &path)
{
#ifdef MB_HAVE_MMAP
    // From a megabyte: mapping skips the zero-fill and the copy of a read buffer before the first row can be
    // parsed (Online Retail's 45 MB: 85 ms read, 33 ms mapped and checked, on the import's critical path).
    constexpr size_t kMapFrom = size_t(1) << 20;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return load(path);
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || size_t(st.st_size) < kMapFrom) {
        ::close(fd);
        return load(path);
    }
    const size_t size = size_t(st.st_size);
    void *p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (p == MAP_FAILED) return load(path);
    madvise(p, size, MADV_SEQUENTIAL);
    auto m = std::make_shared<Mapping>();
    m->base = static_cast<const char *>(p);
    m->size = size;
    const std::string_view all(m->base, size);
    if (all.substr(0, 2) == "\xFF\xFE" || all.substr(0, 2) == "\xFE\xFF") return load(path);  // UTF-16: decoded whole
    TextFile f;
    f.path = path;
    f.encoding = "UTF-8";
    if (all.substr(0, 3) == "\xEF\xBB\xBF") {
        m->skip = 3;
        f.encoding = "UTF-8 with BOM";
    }
    const std::string_view text = m->view();
    if (looksBinary(text.substr(0, 65536))) {
        f.error = path + ": line 1: this is a binary file, not a CSV text file";
        return f;
    }
    // The checks load() makes, a window at a time, each window's pages released once it is checked. A window
    // ends at the start of a character, so none is cut in two.
    constexpr size_t kWindow = size_t(32) << 20;
    Utf8Scan scan;
    bool blank = true;
    size_t nulAt = std::string_view::npos;
    for (size_t from = 0; from < text.size();) {
        size_t to = std::min(text.size(), from + kWindow);
        while (to < text.size() && to > from && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) --to;
        if (to == from) to = std::min(text.size(), from + kWindow);
        const std::string_view w = text.substr(from, to - from);
        const Utf8Scan part = scanUtf8(w.data(), w.size());
        scan.multibyte += part.multibyte;
        for (size_t at : part.invalid) scan.invalid.push_back(from + at);
        if (nulAt == std::string_view::npos)
            if (const void *nul = std::memchr(w.data(), 0, w.size()))
                nulAt = from + size_t(static_cast<const char *>(nul) - w.data());
        if (blank)
            for (char c : w)
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') { blank = false; break; }
        m->release(m->skip + from, m->skip + to);
        from = to;
    }
    // Mostly not UTF-8: decoded as Windows-1252, which needs the file in memory as load() has it.
    if (!scan.invalid.empty() && !mostlyUtf8(scan)) return load(path);
    if (nulAt != std::string_view::npos) {
        f.error = path + ": " + locateInCsv(text, nulAt) + ": a NUL byte (0x00): expected text; the file may be damaged "
                  "or not a CSV export";
        return f;
    }
    if (blank) {
        f.error = path + ": the file is empty: expected a header line and at least one record";
        return f;
    }
    f.invalidUtf8 = std::move(scan.invalid);
    if (!f.invalidUtf8.empty())
        f.note = "read as UTF-8, but " + std::to_string(f.invalidUtf8.size())
                 + (f.invalidUtf8.size() == 1 ? " byte is" : " bytes are") + " not valid UTF-8 (the records "
                 "holding them are listed as rejected)";
    f.mapping = std::move(m);
    return f;
#else
    return load(path);
#endif
}

}  // namespace mb
