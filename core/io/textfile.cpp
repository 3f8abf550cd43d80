#include "core/io/textfile.h"

#include <QFile>
#include <QStringDecoder>

#include <cstring>

namespace mb {

bool isValidUtf8(const char *s, size_t n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    size_t i = 0;
    while (i < n) {
        // Fast path: 8 ASCII bytes at a time; most of a CSV is ASCII.
        if (i + 8 <= n) {
            uint64_t w;
            std::memcpy(&w, p + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) { i += 8; continue; }
        }
        unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        int len;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return false;
        if (i + len > n) return false;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms and surrogates are not UTF-8 either.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
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

static bool looksBinary(const std::string &b)
{
    // NUL never occurs in a text CSV; other control bytes are tolerated in small numbers.
    const size_t n = std::min<size_t>(b.size(), 65536);
    size_t controls = 0;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    }
    return n > 0 && controls * 20 > n;
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
        if (isValidUtf8(bytes.data() + skip, bytes.size() - skip)) {
            f.data = skip ? bytes.substr(skip) : std::move(bytes);
        } else {
            f.data = windows1252ToUtf8(skip ? bytes.substr(skip) : bytes);
            f.encoding = "Windows-1252";
        }
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
    bytes.resize(size_t(size));
    if (size > 0 && file.read(bytes.data(), size) != size) {
        TextFile f;
        f.path = path;
        f.error = path + ": cannot read: " + file.errorString().toStdString();
        return f;
    }
    return fromBytes(std::move(bytes), path);
}

}  // namespace mb
