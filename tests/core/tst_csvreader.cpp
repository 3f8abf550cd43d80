// The CSV layer every import goes through: quoting, line numbers, encodings, delimiters.
#include "core/io/csvreader.h"
#include "core/io/textfile.h"

#include <QtTest>

using namespace mb;

namespace {
std::vector<std::vector<std::string>> readAll(std::string_view data, char delim = ',', std::vector<int64_t> *lines = nullptr,
                                              bool *unterminated = nullptr)
{
    CsvReader r(data, delim);
    CsvRecord rec;
    std::vector<std::vector<std::string>> rows;
    while (r.next(rec)) {
        rows.emplace_back(rec.fields.begin(), rec.fields.end());
        if (lines) lines->push_back(rec.line);
        if (unterminated && rec.unterminatedQuote) *unterminated = true;
    }
    return rows;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc4180()
    {
        std::vector<int64_t> lines;
        const Rows rows = readAll("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n", ',', &lines);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[1][0], std::string("x, y"));
        QCOMPARE(rows[1][1], std::string("he said \"hi\""));
        QCOMPARE(rows[1][2], std::string("two\nlines"));
        QCOMPARE(rows[2], (std::vector<std::string>{"last", "", ""}));
        // Physical lines: the record after a quoted newline starts two lines further on.
        QCOMPARE(lines, (std::vector<int64_t>{1, 2, 4}));
    }

    void noFinalNewlineAndTrailingDelimiter()
    {
        const Rows rows = readAll("h1,h2\nv1,");
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[1], (std::vector<std::string>{"v1", ""}));
    }

    void lenientQuotesInsideFields()
    {
        // Real exports: PawProof Blanket (48"L x 58"W) unquoted, and text after a closing quote.
        const Rows rows = readAll("name,x\nBlanket (48\"L x 58\"W),1\n\"abc\"def,2\n");
        QCOMPARE(rows[1][0], std::string("Blanket (48\"L x 58\"W)"));
        QCOMPARE(rows[2][0], std::string("abcdef"));
    }

    void unterminatedQuoteNamesItsLine()
    {
        std::vector<int64_t> lines;
        bool unterminated = false;
        const Rows rows = readAll("a,b\n1,2\n3,\"open\n4,5\n", ',', &lines, &unterminated);
        QVERIFY(unterminated);
        QCOMPARE(lines.back(), int64_t(3));
        QCOMPARE(rows.size(), size_t(3));
    }

    void blankLinesAreSkippedButCounted()
    {
        std::vector<int64_t> lines;
        readAll("a\n\n\r\nb\n", ',', &lines);
        QCOMPARE(lines, (std::vector<int64_t>{1, 4}));
    }

    void detectsTheDelimiter_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<char>("expected");
        QTest::newRow("comma") << QByteArray("sku,title,price\nA,Apple,1.5\nB,Pear,2\n") << ',';
        QTest::newRow("semicolon with decimal comma") << QByteArray("sku;title;price\nA;Apple;1,5\nB;Pear;2,0\n") << ';';
        QTest::newRow("tab") << QByteArray("sku\ttitle\tprice\nA\tApple, red\t1.5\n") << '\t';
        QTest::newRow("quoted commas in a semicolon file") << QByteArray("a;b\n\"x,y,z\";1\n\"p,q\";2\n") << ';';
        QTest::newRow("ragged basket file") << QByteArray("milk,bread\nbeer\nsoda,chips,salsa\n") << ',';
    }
    void detectsTheDelimiter()
    {
        QFETCH(QByteArray, data);
        QFETCH(char, expected);
        QCOMPARE(CsvReader::detectDelimiter(std::string_view(data.constData(), size_t(data.size()))), expected);
    }

    void headerMatchesByNameNotPosition()
    {
        CsvReader r("\xEF\xBB\xBF ID ,Regular price,SKU\n");
        CsvRecord rec;
        QVERIFY(r.next(rec));
        CsvHeader h(rec.fields);
        QCOMPARE(h.find({"id"}), 0);
        QCOMPARE(h.find({"sku", "Variant SKU"}), 2);
        QCOMPARE(h.find({"price", "regular PRICE"}), 1);
        QCOMPARE(h.find({"cost"}), -1);
    }

    void encodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("text");
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9\n") << "UTF-8" << QString::fromUtf8("café\n");
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBFsku\n") << "UTF-8 with BOM" << "sku\n";
        QTest::newRow("latin-1") << QByteArray("caf\xE9 \xA3" "5\n") << "Windows-1252" << QString::fromUtf8("café £5\n");
        QTest::newRow("windows-1252 quotes") << QByteArray("\x93quoted\x94 \x80\n") << "Windows-1252"
                                             << QString::fromUtf8("“quoted” €\n");
        QTest::newRow("utf-16le") << QByteArray("\xFF\xFEs\0k\0u\0\n\0", 10) << "UTF-16LE" << "sku\n";
    }
    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, text);
        const TextFile f = TextFile::fromBytes(bytes.toStdString(), "in.csv");
        QVERIFY2(f.ok(), f.error.c_str());
        QCOMPARE(QString::fromStdString(f.encoding), encoding);
        QCOMPARE(QString::fromStdString(f.data), text);
    }

    // One bad byte must not turn a UTF-8 file into Windows-1252 ("Café" -> "CafÃ©" everywhere): the file stays
    // UTF-8 while its well-formed multibyte characters outnumber its bad bytes, and the bad bytes are listed
    // for the importers to reject by line and field. Only a file that is mostly not UTF-8 is Windows-1252.
    void encodingOfAFileNotAllUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QList<qint64>>("invalid");
        QTest::addColumn<QString>("note");
        QByteArray mixed = "sku,title\n";
        for (int i = 0; i < 20; ++i) mixed += "S" + QByteArray::number(i) + ",Caf\xC3\xA9\n";
        const qint64 stray = mixed.size() + 7;  // "S20,Caf" then the byte
        mixed += "S20,Caf\xE9\n";
        QTest::newRow("utf-8 but one byte") << mixed << "UTF-8" << QList<qint64>{stray}
                                            << "read as UTF-8, but 1 byte is not valid UTF-8";
        QTest::newRow("windows-1252 throughout") << QByteArray("sku,title\nS1,Caf\xE9\nS2,Cr\xEApe\n") << "Windows-1252"
                                                 << QList<qint64>{} << "decoded as Windows-1252: not valid UTF-8";
        QTest::newRow("as many bad bytes as good") << QByteArray("a,Caf\xC3\xA9,Caf\xE9\n") << "Windows-1252"
                                                   << QList<qint64>{} << "decoded as Windows-1252: not valid UTF-8";
        QTest::newRow("bad byte after a BOM") << QByteArray("\xEF\xBB\xBFt\n\xC3\xA9\xC3\xA9\xFF\n") << "UTF-8 with BOM"
                                              << QList<qint64>{6} << "read as UTF-8, but 1 byte is not valid UTF-8";
    }
    void encodingOfAFileNotAllUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QList<qint64>, invalid);
        QFETCH(QString, note);
        const TextFile f = TextFile::fromBytes(bytes.toStdString(), "in.csv");
        QVERIFY2(f.ok(), f.error.c_str());
        QCOMPARE(QString::fromStdString(f.encoding), encoding);
        QCOMPARE(QList<qint64>(f.invalidUtf8.begin(), f.invalidUtf8.end()), invalid);
        QVERIFY2(QString::fromStdString(f.note).startsWith(note), f.note.c_str());
        if (encoding == "Windows-1252") QVERIFY(QString::fromStdString(f.data).contains(QString::fromUtf8("Caf\u00e9")));
    }

    void refusesEmptyAndBinary_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("blank lines") << QByteArray("\n\r\n  \n") << "empty";
        QTest::newRow("binary") << QByteArray("PK\x03\x04\0\0\x08\0", 8) << "binary";
        // A NUL in a text file is named by its own line and field, not "line 1".
        QTest::newRow("NUL on line 3") << QByteArray("sku,title\nA,Apple\nB,Pe\0ar\n", 26)
                                       << "/tmp/x.csv: line 3, field \"title\": a NUL byte (0x00): expected text";
        QTest::newRow("NUL in a quoted field's second line")
            << QByteArray("sku,title\nA,\"two\nli\0nes\"\n", 25) << "/tmp/x.csv: line 3, field \"title\": a NUL byte";
        QByteArray late = "sku,title\n";
        for (int i = 0; i < 10000; ++i) late += "S" + QByteArray::number(i) + ",Item\n";
        late += QByteArray("X,\0\n", 4);
        QTest::newRow("NUL past the first 64 KiB") << late << "/tmp/x.csv: line 10002, field \"title\": a NUL byte";
    }
    void refusesEmptyAndBinary()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const TextFile f = TextFile::fromBytes(bytes.toStdString(), "/tmp/x.csv");
        QVERIFY(!f.ok());
        QVERIFY2(QString::fromStdString(f.error).contains(message), f.error.c_str());
        QVERIFY(QString::fromStdString(f.error).startsWith("/tmp/x.csv"));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
