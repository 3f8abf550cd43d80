// The streamed order import (issue #15): the file is parsed into chunks of whole orders on a second thread
// and written chunk by chunk in the import's one transaction. What it leaves must be exactly what the
// whole-file path (parse everything, then writeOrders) leaves, row for row; re-imports must count
// unchanged and updated orders alike; an order whose rows come back after its chunk was written must still
// be imported exactly (the import falls back to the whole file); a strict reject or a failure in a late
// chunk must leave the workspace as it was; and a big file read through a mapping must read as load() does.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/io/importparser.h"
#include "core/io/textfile.h"
#include "core/storage/importer.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

using namespace mb;

namespace {

using mbtest::scalar;

bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// `orders` orders from number `first` on, of 1 to 7 lines over 900 SKUs: every 11th order a cancellation (id
// starting with C, all quantities negative), every 13th a return (all negative, no C), every 17th with a row
// given twice byte for byte, descriptions that sometimes call a SKU by another name, prices from 70 values.
QByteArray ordersText(int first, int orders)
{
    QByteArray t;
    for (int o = first; o < first + orders; ++o) {
        const bool cancelled = o % 11 == 0, returned = o % 13 == 0;
        const QByteArray id = (cancelled ? "C" : "") + QByteArray::number(500000 + o);
        const int lines = 1 + o % 7;
        for (int k = 0; k < lines; ++k) {
            const int i = o * 7 + k;
            const QByteArray sku = "S" + QByteArray::number((i * 37) % 900);
            const int qty = (cancelled || returned) ? -(1 + i % 3) : 1 + i % 4;
            QByteArray row = id + ',' + sku + ',' + (i % 9 == 0 ? "OTHER " : "ITEM ") + sku + ',' + QByteArray::number(qty) + ','
                             + QByteArray::number(0.5 + (i % 70) * 0.25, 'f', 2) + ",2024-0" + QByteArray::number(1 + o % 9) + "-1"
                             + QByteArray::number(o % 10) + " 10:00:00," + (o % 5 ? "C" + QByteArray::number(o % 3000) : QByteArray())
                             + '\n';
            t += row;
            if (o % 17 == 0 && k == 0) t += row;
        }
    }
    return t;
}

const QByteArray kHeader = "order_id,sku,description,quantity,unit_price,ordered_at,customer_id\n";

// Everything an order import stores, by content (workspace ids resolved to keys), in storage order.
QByteArray contents(const Workspace &ws)
{
    QByteArray out;
    auto dump = [&](const char *sql, int n) {
        Statement s(ws.db(), sql);
        while (s.step()) {
            for (int c = 0; c < n; ++c) out += QByteArray(s.textView(c).data(), qsizetype(s.textView(c).size())) + '|';
            out += '\n';
        }
        out += "--\n";
    };
    dump("SELECT sku, title, quote(price), origin FROM products ORDER BY id", 4);
    dump("SELECT external_id FROM customers ORDER BY id", 1);
    dump("SELECT text FROM descriptions ORDER BY id", 1);
    dump("SELECT o.external_id, coalesce(c.external_id, ''), quote(o.ordered_at), o.utc_offset, o.country, o.currency, o.status, "
         "o.tags, o.source, o.fingerprint FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.id", 10);
    dump("SELECT l.id, o.external_id, p.sku, quote(l.quantity), quote(l.unit_price), l.source_line, quote(l.discount), "
         "quote(l.refund), coalesce(d.text, '') FROM order_lines l JOIN orders o ON o.id = l.order_id "
         "JOIN products p ON p.id = l.product_id LEFT JOIN descriptions d ON d.id = l.description_id ORDER BY l.id", 9);
    dump("SELECT rows_read, imported, rejected, duplicates FROM imports ORDER BY id", 4);
    dump("SELECT name, sql FROM sqlite_master ORDER BY name", 2);
    return out;
}

// The whole-file path: the file parsed into one batch, then written by writeOrders.
ImportReport importWhole(Workspace &ws, const QString &path)
{
    ImportReport report;
    const TextFile file = TextFile::load(path.toStdString());
    OrderBatch batch;
    ParseOptions options;
    if (parseOrders(file, options, batch).status != ParseStatus::Ok) qFatal("parse failed");
    report.duplicateRows = batch.duplicateRows;
    report.rowsRead = batch.rowsRead;
    report.notes = batch.notes;
    if (!writeOrders(ws, batch, path.toStdString(), report)) qFatal("%s", report.error.c_str());
    return report;
}

}  // namespace

class TestImportStream : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void streamedEqualsWholeAndReimportsUnchanged()
    {
        const QString path = dir_.filePath("many.csv");
        QVERIFY(writeText(path, kHeader + ordersText(1, 60000)));  // ~240,000 lines: four chunks
        auto whole = mbtest::freshWorkspace(dir_, "whole.merchbench");
        const ImportReport w = importWhole(*whole, path);
        auto streamed = mbtest::freshWorkspace(dir_, "streamed.merchbench");
        const ImportReport s = mbtest::importFile(*streamed, ImportKind::Orders, path);
        QCOMPARE(s.status, ImportStatus::Ok);
        QVERIFY(s.linesWritten > 3 * 65536);
        QCOMPARE(s.linesWritten, w.linesWritten);
        QCOMPARE(s.ordersAdded, int64_t(60000));
        QCOMPARE(s.productsAdded, w.productsAdded);
        QCOMPARE(s.customersAdded, w.customersAdded);
        QCOMPARE(s.rowsRead, w.rowsRead);
        QVERIFY(s.duplicateRows > 0);
        QCOMPARE(s.duplicateRows, w.duplicateRows);
        // The notes count the whole file, not the last chunk.
        QCOMPARE(s.notes, w.notes);
        QVERIFY(!s.notes.empty());
        QVERIFY2(s.notes[0].find("5,454 orders are cancellations") != std::string::npos, s.notes[0].c_str());
        QCOMPARE(contents(*streamed), contents(*whole));
        QVERIFY(streamed->integrityOk());

        // The same file again: every order unchanged, nothing written, the history unchanged.
        const int64_t history = streamed->historyVersion();
        const QByteArray before = contents(*streamed);
        const ImportReport again = mbtest::importFile(*streamed, ImportKind::Orders, path);
        QCOMPARE(again.status, ImportStatus::Ok);
        QCOMPARE(again.ordersUnchanged, int64_t(60000));
        QCOMPARE(again.ordersAdded + again.ordersUpdated + again.linesWritten, int64_t(0));
        QCOMPARE(streamed->historyVersion(), history);
        // Only the imports row is new.
        QCOMPARE(scalar(*streamed, "SELECT count(*) FROM imports"), int64_t(2));

        // One order changed in the last chunk, one new order: updated 1, added 1, the rest unchanged.
        QByteArray text = kHeader + ordersText(1, 60000);
        const int at = text.indexOf("\n559998,");  // its first row: the order's time
        QVERIFY(at > 0);
        text.replace(text.indexOf(",2024", at + 1), 5, ",2025");
        text += "999999,S1,ITEM S1,1,2.00,2024-05-01 10:00:00,C1\n";
        const QString changed = dir_.filePath("changed.csv");
        QVERIFY(writeText(changed, text));
        const ImportReport third = mbtest::importFile(*streamed, ImportKind::Orders, changed);
        QCOMPARE(third.status, ImportStatus::Ok);
        QCOMPARE(third.ordersUpdated, int64_t(1));
        QCOMPARE(third.ordersAdded, int64_t(1));
        QCOMPARE(third.ordersUnchanged, int64_t(59999));
        QCOMPARE(streamed->historyVersion(), history + 1);
        QVERIFY(streamed->integrityOk());
    }

    // The importer asks for a small first chunk so its writer starts at once: chunks grow from firstChunkLines,
    // doubling, to chunkLines, each still cut where the order id changes, and together they are the file.
    void theFirstChunksAreSmallAndGrow()
    {
        const QString path = dir_.filePath("ramp.csv");
        QVERIFY(writeText(path, kHeader + ordersText(1, 400)));  // 1,600 lines
        const TextFile file = TextFile::load(path.toStdString());
        OrderBatch whole;
        QCOMPARE(parseOrders(file, ParseOptions(), whole).status, ParseStatus::Ok);
        QCOMPARE(whole.textEnd, file.text().size());

        ParseOptions options;
        options.chunkLines = 256;
        options.firstChunkLines = 16;
        std::vector<size_t> sizes, ends;
        std::vector<std::string> ids;
        options.onChunk = [&](OrderBatch &chunk) {
            sizes.push_back(chunk.lines.size());
            ends.push_back(chunk.textEnd);
            for (const OrderRecord &o : chunk.orders) ids.push_back(o.externalId);
            return true;
        };
        OrderBatch last;
        QCOMPARE(parseOrders(file, options, last).status, ParseStatus::Ok);
        sizes.push_back(last.lines.size());
        ends.push_back(last.textEnd);
        for (const OrderRecord &o : last.orders) ids.push_back(o.externalId);
        // At least 16, 32, 64, 128, then 256 lines a chunk; an order has at most 8 rows (7 lines, one given twice),
        // so a chunk passes its mark by less than that.
        QVERIFY(sizes.size() > 6);
        size_t mark = 16;
        for (size_t i = 0; i + 1 < sizes.size(); ++i) {
            QVERIFY2(sizes[i] >= mark && sizes[i] < mark + 8, qPrintable(QString("chunk %1: %2 lines").arg(i).arg(sizes[i])));
            mark = std::min<size_t>(256, mark * 2);
        }
        // Each chunk ends further into the file; the last at its end. Every order once, in file order.
        QVERIFY(std::is_sorted(ends.begin(), ends.end()));
        QCOMPARE(ends.back(), file.text().size());
        QCOMPARE(ids.size(), whole.orders.size());
        for (size_t i = 0; i < ids.size(); ++i) QCOMPARE(ids[i], whole.orders[i].externalId);
    }

    // An order import sizes its connection's page cache to the file and gives the connection back as it found
    // it: the GUI's worker keeps its connection for the next job.
    void anImportGivesItsConnectionItsCacheBack()
    {
        const QString path = dir_.filePath("cache.csv");
        QVERIFY(writeText(path, kHeader + ordersText(1, 6000)));  // ~24,000 lines: indexes rebuilt at the end
        auto ws = mbtest::freshWorkspace(dir_, "cache.merchbench");
        int64_t before = 0, after = 0;
        ImportReport report;
        // On a thread of its own, as the GUI's worker: the import writes on that thread's connection.
        std::thread worker([&] {
            before = scalar(*ws, "PRAGMA cache_size");
            report = mbtest::importFile(*ws, ImportKind::Orders, path);
            after = scalar(*ws, "PRAGMA cache_size");
        });
        worker.join();
        QCOMPARE(report.status, ImportStatus::Ok);
        QVERIFY(report.linesWritten > 20000);
        QCOMPARE(before, int64_t(-65536));
        QCOMPARE(after, before);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM sqlite_master WHERE name = 'order_lines_by_order'"), int64_t(1));
        QVERIFY(ws->integrityOk());
    }

    void anOrderComingBackAfterItsChunkIsImportedWhole()
    {
        // Order 500001's first row is at the top, its second ~200,000 lines later: chunks apart.
        QByteArray text = kHeader + "500001,S5,ITEM S5,2,1.00,2024-01-11 10:00:00,C1\n" + ordersText(2, 50000)
                          + "500001,S6,ITEM S6,1,3.00,2024-01-11 10:00:00,C1\n";
        const QString path = dir_.filePath("scattered.csv");
        QVERIFY(writeText(path, text));
        auto whole = mbtest::freshWorkspace(dir_, "scattered-whole.merchbench");
        importWhole(*whole, path);
        QCOMPARE(scalar(*whole, "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id = '500001'"),
                 int64_t(2));
        auto ws = mbtest::freshWorkspace(dir_, "scattered.merchbench");
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, path);
        QCOMPARE(r.status, ImportStatus::Ok);
        QCOMPARE(r.ordersAdded, int64_t(50001));
        bool noted = false;
        for (const auto &n : r.notes) noted = noted || n.find("come back after other orders") != std::string::npos;
        QVERIFY(noted);
        QCOMPARE(contents(*ws), contents(*whole));

        // Into a workspace that holds the orders: the scattered order is matched whole, so it is unchanged.
        const ImportReport again = mbtest::importFile(*ws, ImportKind::Orders, path);
        QCOMPARE(again.status, ImportStatus::Ok);
        QCOMPARE(again.ordersUnchanged, int64_t(50001));
        QCOMPARE(again.ordersUpdated, int64_t(0));
        QVERIFY(ws->integrityOk());
    }

    void aStrictRejectInALateChunkChangesNothing()
    {
        auto ws = mbtest::freshWorkspace(dir_, "strict.merchbench");
        QCOMPARE(mbtest::importFile(*ws, ImportKind::Orders, mbtest::fixture("orders/lines_comma.csv")).status, ImportStatus::Ok);
        const QByteArray before = contents(*ws);
        QByteArray text = kHeader + ordersText(1, 50000);
        const int lineCount = int(text.count('\n'));
        text += "900001,S1,ITEM S1,lots,1.00,2024-01-11 10:00:00,C1\n" + ordersText(50001, 100) + "900002,S1,ITEM S1,x,1.00,,\n";
        const QString path = dir_.filePath("strict.csv");
        QVERIFY(writeText(path, text));
        ImportRequest req;
        req.kind = ImportKind::Orders;
        req.path = path.toStdString();
        req.strict = true;
        const ImportReport r = runImport(*ws, req);
        QCOMPARE(r.status, ImportStatus::RejectedStrict);
        QVERIFY2(r.error.find("line " + std::to_string(lineCount + 1) + ", field \"quantity\"") != std::string::npos, r.error.c_str());
        QVERIFY2(r.error.find("2 row(s) rejected in all") != std::string::npos, r.error.c_str());
        QCOMPARE(r.ordersAdded + r.linesWritten, int64_t(0));
        QCOMPARE(contents(*ws), before);

        // Not strict: the rows are rejected by line and column, the rest imported.
        req.strict = false;
        const ImportReport lax = runImport(*ws, req);
        QCOMPARE(lax.status, ImportStatus::Ok);
        QCOMPARE(lax.rejected, int64_t(2));
        QCOMPARE(lax.rejects[0].line, int64_t(lineCount + 1));
        QCOMPARE(lax.rejects[0].column, std::string("quantity"));
        QCOMPARE(lax.rejects[1].column, std::string("quantity"));
        QCOMPARE(lax.ordersAdded + lax.ordersUpdated + lax.ordersUnchanged, int64_t(50100));
        QVERIFY(ws->integrityOk());
    }

    void orderOnlyPricesAreTheMediansOfAllLines()
    {
        // 70 prices per SKU over four chunks: the (price, count) runs fold many times.
        const QString path = dir_.filePath("prices.csv");
        QVERIFY(writeText(path, kHeader + ordersText(1, 60000)));
        auto ws = mbtest::freshWorkspace(dir_, "prices.merchbench");
        QCOMPARE(mbtest::importFile(*ws, ImportKind::Orders, path).status, ImportStatus::Ok);
        Statement products(ws->db(), "SELECT id, price FROM products ORDER BY id");
        int checked = 0;
        while (products.step()) {
            std::vector<double> sold;
            Statement lines(ws->db(), "SELECT unit_price FROM order_lines WHERE product_id = ?1 AND quantity > 0 AND unit_price > 0");
            lines.bind(1, products.int64(0));
            while (lines.step()) sold.push_back(lines.real(0));
            std::sort(sold.begin(), sold.end());
            QVERIFY(!sold.empty());
            const size_t n = sold.size();
            const double median = n % 2 ? sold[n / 2] : (sold[n / 2 - 1] + sold[n / 2]) / 2;
            QCOMPARE(products.real(1), median);
            ++checked;
        }
        QCOMPARE(checked, 900);
    }

    void aMappedFileReadsAsLoaded()
    {
        // Past the 1 MB from which a file is mapped, and past 64 MB; a multibyte character across the 32 MB window edge,
        // one byte that is not UTF-8, and a BOM.
        QByteArray text = "\xEF\xBB\xBF" + kHeader;
        QVERIFY(text.size() == 3 + kHeader.size());
        const QByteArray body = ordersText(1, 1000);
        while (text.size() < (32 << 20) - 1) text += body;
        text.truncate((32 << 20) + 3 - 1);  // the window starts 3 bytes in (the BOM)
        text += "\xC3\xA9,\xFF\xC3\xA9\n";  // more good multibyte characters than bad bytes: UTF-8
        while (text.size() < (70 << 20)) text += body;
        const QString path = dir_.filePath("mapped.csv");
        QVERIFY(writeText(path, text));
        const TextFile loaded = TextFile::load(path.toStdString());
        const TextFile mapped = TextFile::loadMapped(path.toStdString());
        QVERIFY(loaded.ok());
        QVERIFY(mapped.ok());
        QVERIFY(mapped.mapping != nullptr);
        QVERIFY(mapped.data.empty());
        QCOMPARE(mapped.encoding, loaded.encoding);
        QCOMPARE(mapped.encoding, std::string("UTF-8 with BOM"));
        QCOMPARE(mapped.invalidUtf8, loaded.invalidUtf8);
        QCOMPARE(mapped.invalidUtf8.size(), size_t(1));
        QCOMPARE(mapped.note, loaded.note);
        QVERIFY(mapped.text() == loaded.text());
        mapped.releaseBefore(40 << 20);  // released pages read back from the file
        QVERIFY(mapped.text() == loaded.text());
        QCOMPARE(mapped.invalidUtf8Error(), loaded.invalidUtf8Error());

        // A file from 1 MB on is mapped (no read buffer to fill before the parse starts); a smaller one is loaded.
        QByteArray twoMb = kHeader;
        while (twoMb.size() < (2 << 20)) twoMb += body;
        const QString twoMbPath = dir_.filePath("two-mb.csv");
        QVERIFY(writeText(twoMbPath, twoMb));
        const TextFile mid = TextFile::loadMapped(twoMbPath.toStdString());
        QVERIFY(mid.ok());
        QVERIFY(mid.mapping != nullptr);
        QVERIFY(mid.text() == TextFile::load(twoMbPath.toStdString()).text());
        // The same size in Windows-1252 (é as the byte E9 on every row: mostly not UTF-8) is decoded whole, as
        // load() decodes it, not mapped.
        QByteArray latin = kHeader;
        while (latin.size() < (2 << 20)) latin += "600001,S1,CAF\xC9 \xE9t\xE9,1,2.50,2024-01-01 10:00:00,C1\n";
        const QString latinPath = dir_.filePath("two-mb-latin.csv");
        QVERIFY(writeText(latinPath, latin));
        const TextFile decoded = TextFile::loadMapped(latinPath.toStdString());
        QVERIFY(decoded.ok());
        QVERIFY(decoded.mapping == nullptr);
        QCOMPARE(decoded.encoding, std::string("Windows-1252"));
        QVERIFY(decoded.text().find("CAF\xC3\x89 \xC3\xA9t\xC3\xA9") != std::string_view::npos);
        QVERIFY(decoded.text() == TextFile::load(latinPath.toStdString()).text());
        // A NUL byte deep in such a file is refused as load() refuses it, naming the line and the field.
        QByteArray damaged = twoMb;
        const int at = damaged.indexOf(",ITEM ", (1 << 20) + 100) + 3;
        damaged[at] = '\0';
        const QString damagedPath = dir_.filePath("two-mb-nul.csv");
        QVERIFY(writeText(damagedPath, damaged));
        const TextFile refused = TextFile::loadMapped(damagedPath.toStdString());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error, TextFile::load(damagedPath.toStdString()).error);
        QVERIFY2(refused.error.find("field \"description\": a NUL byte") != std::string::npos, refused.error.c_str());
        QVERIFY2(refused.error.find(": line ") != std::string::npos, refused.error.c_str());
        const TextFile small = TextFile::loadMapped(mbtest::fixture("orders/lines_comma.csv").toStdString());
        QVERIFY(small.ok());
        QVERIFY(small.mapping == nullptr);
        QVERIFY(!small.data.empty());
    }
};

QTEST_GUILESS_MAIN(TestImportStream)
#include "tst_importstream.moc"
