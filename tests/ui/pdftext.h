#pragma once
// The text of a PDF that QPdfWriter wrote, page by page and line by line, read back from the file's bytes:
// Debian 12's Qt has no PDF reader (Qt Pdf) installed, and a test of "the report says Coffee" must read
// the report, not what the program meant to write. Enough PDF for Qt's own output only: objects
// "N 0 obj", Flate streams, one Pages node, Type0 fonts with a ToUnicode CMap (bfrange, bfchar), and text
// drawn as "<glyph> Tj" one glyph at a time between BT and ET. Ligatures come back as their letters.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtEndian>

namespace mbtest {

class PdfText {
public:
    explicit PdfText(const QByteArray &pdf)
    {
        static const QRegularExpression object(QStringLiteral(R"((\d+) 0 obj\n(.*?)endobj)"),
                                               QRegularExpression::DotMatchesEverythingOption);
        const QString latin = QString::fromLatin1(pdf);   // one char a byte: offsets stay the file's
        for (auto it = object.globalMatch(latin); it.hasNext();) {
            const auto m = it.next();
            objects_[m.captured(1).toInt()] = pdf.mid(m.capturedStart(2), m.capturedLength(2));
        }
        for (const QByteArray &body : std::as_const(objects_)) {
            if (!body.contains("/Type /Pages")) continue;
            const QByteArray kids = between(body, "/Kids", "]");
            static const QRegularExpression ref(QStringLiteral(R"((\d+) 0 R)"));
            for (auto it = ref.globalMatch(QString::fromLatin1(kids)); it.hasNext();) pages_ << readPage(it.next().captured(1).toInt());
        }
    }

    qsizetype pageCount() const { return pages_.size(); }
    // The lines of a page in the order they were drawn (one per drawn run of text).
    QStringList lines(qsizetype page) const { return pages_.value(page); }
    QString pageText(qsizetype page) const { return lines(page).join(QLatin1Char('\n')); }

private:
    static QByteArray between(const QByteArray &s, const char *from, const char *to)
    {
        const qsizetype a = s.indexOf(from);
        if (a < 0) return {};
        const qsizetype b = s.indexOf(to, a);
        return s.mid(a, b < 0 ? -1 : b - a);
    }
    static int refAfter(const QByteArray &body, const char *key)
    {
        const QRegularExpression re(QString::fromLatin1(key) + QStringLiteral(R"(\s+(\d+) 0 R)"));
        const auto m = re.match(QString::fromLatin1(body));
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    QByteArray stream(int id) const
    {
        const QByteArray body = objects_.value(id);
        const qsizetype start = body.indexOf("stream\n"), end = body.lastIndexOf("endstream");
        if (start < 0 || end < 0) return {};
        QByteArray data = body.mid(start + 7, end - start - 7);
        if (!body.left(start).contains("/FlateDecode")) return data;
        // qUncompress wants the expected size first; it grows its buffer when the guess is short.
        QByteArray sized(4, '\0');
        qToBigEndian<quint32>(quint32(data.size() * 8), sized.data());
        return qUncompress(sized + data);
    }
    // The font's glyph number → text, from its ToUnicode CMap.
    QHash<int, QString> glyphs(int font) const
    {
        QHash<int, QString> map;
        const QString cmap = QString::fromLatin1(stream(refAfter(objects_.value(font), "/ToUnicode")));
        auto unicode = [](const QString &hex) {
            QString s;
            for (qsizetype i = 0; i + 4 <= hex.size(); i += 4) s += QChar(char16_t(hex.mid(i, 4).toUShort(nullptr, 16)));
            return s;
        };
        static const QRegularExpression range(QStringLiteral(R"(<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>))"));
        for (auto it = range.globalMatch(cmap); it.hasNext();) {
            const auto m = it.next();
            const int lo = m.captured(1).toInt(nullptr, 16), hi = m.captured(2).toInt(nullptr, 16);
            const QString target = m.captured(3);
            if (target.startsWith(QLatin1Char('['))) {
                static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>"));
                int g = lo;
                for (auto h = hex.globalMatch(target); h.hasNext() && g <= hi; ++g) map[g] = unicode(h.next().captured(1));
            } else {
                const QString first = unicode(target.mid(1, target.size() - 2));
                for (int g = lo; g <= hi; ++g) map[g] = QString(QChar(char16_t(first.at(0).unicode() + (g - lo))));
            }
        }
        static const QRegularExpression single(QStringLiteral(R"(beginbfchar(.*?)endbfchar)"), QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression pair(QStringLiteral(R"(<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>)"));
        for (auto it = single.globalMatch(cmap); it.hasNext();)
            for (auto p = pair.globalMatch(it.next().captured(1)); p.hasNext();) {
                const auto m = p.next();
                map[m.captured(1).toInt(nullptr, 16)] = unicode(m.captured(2));
            }
        return map;
    }
    QStringList readPage(int page) const
    {
        const QByteArray body = objects_.value(page);
        // The page's font names (/F7) → their glyph maps.
        QMap<QString, QHash<int, QString>> fonts;
        const QByteArray fontDict = between(objects_.value(refAfter(body, "/Resources")), "/Font", ">>");
        static const QRegularExpression fontRef(QStringLiteral(R"(/(\w+)\s+(\d+) 0 R)"));
        for (auto it = fontRef.globalMatch(QString::fromLatin1(fontDict)); it.hasNext();) {
            const auto m = it.next();
            fonts[m.captured(1)] = glyphs(m.captured(2).toInt());
        }
        QStringList lines;
        QString line;
        QHash<int, QString> font;
        static const QRegularExpression op(QStringLiteral(R"(/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|\bET\b)"));
        for (auto it = op.globalMatch(QString::fromLatin1(stream(refAfter(body, "/Contents")))); it.hasNext();) {
            const auto m = it.next();
            if (!m.captured(1).isEmpty()) font = fonts.value(m.captured(1));
            else if (!m.captured(2).isEmpty()) line += font.value(m.captured(2).toInt(nullptr, 16));
            else if (!line.isEmpty()) {
                // Qt writes the space glyph as U+0009; ligatures (ﬀ) as one character.
                lines << line.replace(QLatin1Char('\t'), QLatin1Char(' ')).normalized(QString::NormalizationForm_KC);
                line.clear();
            }
        }
        return lines;
    }

    QMap<int, QByteArray> objects_;
    QList<QStringList> pages_;
};

}  // namespace mbtest
