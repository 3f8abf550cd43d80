// How an import decides a file's encoding, seen from the import summary: a UTF-8 file with a few bad bytes
// stays UTF-8 and names each bad byte's line and field (rejected, or refused when strict); only a file that is
// not UTF-8 at all is read as Windows-1252, and the summary says so.
#include "core/storage/importer.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// Line 1 is the header, line 1 + i holds item i; the item on badLine gets its é in Windows-1252.
QByteArray makeFile(const QByteArray &header, const QByteArray &row, int items, int badLine)
{
    QByteArray csv = header + "\n";
    for (int i = 1; i <= items; ++i) {
        QByteArray line = row;
        line.replace("%n", QByteArray::number(i));
        if (i + 1 == badLine) line.replace("\xC3\xA9", "\xE9");
        csv += line + "\n";
    }
    return csv;
}

}  // namespace

class TestImportEncoding : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::unique_ptr<Workspace> fresh()
    {
        static int n = 0;
        std::string error;
        auto ws = Workspace::create(dir_.filePath(QString("ws%1.merchbench").arg(++n)).toStdString(), error);
        if (!ws) qFatal("%s", error.c_str());
        return ws;
    }

    ImportReport import(Workspace &ws, ImportKind kind, const QByteArray &bytes, bool strict)
    {
        const QString path = dir_.filePath(kind == ImportKind::Catalog ? "catalog.csv" : "orders.csv");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(path));
        f.close();
        ImportRequest req;
        req.kind = kind;
        req.path = path.toStdString();
        req.strict = strict;
        return runImport(ws, req);
    }

    static std::string title(Workspace &ws, const char *sku)
    {
        Statement s(ws.db(), "SELECT title FROM products WHERE sku = ?");
        s.bind(1, std::string_view(sku));
        return s.step() ? s.text(0) : std::string("(no product)");
    }

    static void kinds()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("row");  // %n is the item number
        QTest::addColumn<QString>("column");  // the field holding the é
        QTest::newRow("catalog") << int(ImportKind::Catalog) << QByteArray("sku,title,price") << QByteArray("S%n,Caf\xC3\xA9 %n,2.50")
                                 << "title";
        QTest::newRow("orders") << int(ImportKind::Orders) << QByteArray("order_id,sku,quantity,unit_price,description")
                                << QByteArray("%n,S%n,1,2.50,Caf\xC3\xA9 %n") << "description";
    }

private Q_SLOTS:
    void mostlyUtf8StaysUtf8_data() { kinds(); }
    void mostlyUtf8StaysUtf8()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        auto ws = fresh();
        const ImportReport r = import(*ws, ImportKind(kind), makeFile(header, row, 199, 101), false);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(q(r.encoding), QString("UTF-8"));
        QCOMPARE(title(*ws, "S5"), std::string("Caf\xC3\xA9 5"));  // not "CafÃ© 5"
        QCOMPARE(r.imported, int64_t(198));
        QCOMPARE(r.rejects.size(), size_t(1));
        const Reject &bad = r.rejects[0];
        QCOMPARE(bad.line, int64_t(101));
        QCOMPARE(q(bad.column), column);
        QCOMPARE(q(bad.value), QString::fromUtf8("Caf\xEF\xBF\xBD 100"));
        QCOMPARE(q(bad.reason), QString("byte 0xE9 is not valid UTF-8, in a file that otherwise is: expected UTF-8 text "
                                        "(save the file as UTF-8 and import it again)"));
        QCOMPARE(title(*ws, "S100"), std::string("(no product)"));
        QVERIFY(!r.notes.empty());
        QCOMPARE(q(r.notes.front()), QString("read as UTF-8, but 1 byte is not valid UTF-8 (the records holding them are "
                                             "listed as rejected)"));
    }

    void mostlyUtf8IsRefusedWhenStrict_data() { kinds(); }
    void mostlyUtf8IsRefusedWhenStrict()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        auto ws = fresh();
        const ImportReport r = import(*ws, ImportKind(kind), makeFile(header, row, 199, 101), true);
        QCOMPARE(r.status, ImportStatus::RejectedStrict);
        // The row's SKU is readable beside the damaged cell, so the message names it too.
        QVERIFY2(q(r.error).contains(QString(": line 101, field \"%1\" (SKU \"S100\"): byte 0xE9 is not valid UTF-8").arg(column)),
                 r.error.c_str());
        QCOMPARE(ws->counts().products, int64_t(0));
        QCOMPARE(ws->counts().orders, int64_t(0));
    }

    void windows1252File_data() { kinds(); }
    void windows1252File()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, row);
        QByteArray cp1252 = makeFile(header, row, 199, 0);
        cp1252.replace("\xC3\xA9", "\xE9");
        auto ws = fresh();
        const ImportReport r = import(*ws, ImportKind(kind), cp1252, false);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(q(r.encoding), QString("Windows-1252"));
        QVERIFY(r.rejects.empty());
        QCOMPARE(r.imported, int64_t(199));
        QCOMPARE(title(*ws, "S100"), std::string("Caf\xC3\xA9 100"));
        QVERIFY(!r.notes.empty());
        QCOMPARE(q(r.notes.front()), QString("decoded as Windows-1252: not valid UTF-8"));
    }
};

QTEST_GUILESS_MAIN(TestImportEncoding)
#include "tst_importencoding.moc"
