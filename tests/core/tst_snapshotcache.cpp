// The snapshot cache (core/storage/snapshotcache.h): a load from it equals a load from SQL field by field;
// every writer of the order history makes it stale; a truncated, garbage, foreign or damaged file is never
// trusted (the load falls back to SQL and rewrites it).
#include "core/storage/hygienestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/snapshotcache.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"
#include "testsupport.h"
#include "workspacequery.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <unistd.h>

#include <cstring>
#include <random>

using namespace mb;

namespace {

// An Online Retail style file: repeat customers, cancellations (C...), a return (negative quantity),
// several countries, a product bought twice in one order, an order with no customer.
QByteArray ordersCsv(int orders, int firstInvoice, uint32_t seed)
{
    std::mt19937 rng(seed);
    QByteArray csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    const char *countries[] = {"United Kingdom", "France", "EIRE", "Germany"};
    for (int i = 0; i < orders; ++i) {
        const int invoice = firstInvoice + i;
        const bool cancelled = i % 17 == 5;
        const QByteArray no = (cancelled ? "C" : "") + QByteArray::number(invoice);
        const QByteArray customer = i % 11 == 3 ? QByteArray() : QByteArray::number(12000 + int(rng() % 40));
        const QByteArray country = countries[rng() % 4];
        const QByteArray date = "2011-" + QByteArray::number(1 + i % 12).rightJustified(2, '0') + "-" +
                                QByteArray::number(1 + i % 28).rightJustified(2, '0') + " 10:" +
                                QByteArray::number(i % 60).rightJustified(2, '0');
        const int lines = 1 + int(rng() % 5);
        for (int k = 0; k < lines; ++k) {
            const int product = int(rng() % 30);
            int qty = 1 + int(rng() % 4);
            if (cancelled || (i % 23 == 7 && k == 0)) qty = -qty;
            csv += no + ",P" + QByteArray::number(product) + ",ITEM " + QByteArray::number(product) + "," +
                   QByteArray::number(qty) + "," + date + "," + QByteArray::number(1.25 + product * 0.5, 'f', 2) + "," +
                   customer + "," + country + "\n";
        }
    }
    return csv;
}

std::shared_ptr<const Snapshot> load(const Workspace &ws)
{
    std::string error;
    auto snap = Snapshot::load(ws, error);
    if (!snap) qFatal("%s", error.c_str());
    return snap;
}

std::shared_ptr<const Snapshot> loadFromSql(const Workspace &ws)
{
    qputenv("MERCHBENCH_SNAPSHOT_CACHE", "0");
    auto snap = load(ws);
    qunsetenv("MERCHBENCH_SNAPSHOT_CACHE");
    return snap;
}

bool usedCache(const Snapshot &s) { return s.historyFrom == "cache"; }

// Field by field; the first difference names the row and the field.
QString differences(const Snapshot &a, const Snapshot &b)
{
    auto num = [](size_t i) { return QString::number(qulonglong(i)); };
    if (a.products.size() != b.products.size()) return QStringLiteral("product count");
    for (size_t i = 0; i < a.products.size(); ++i)
        if (a.products[i].id != b.products[i].id || a.products[i].sku != b.products[i].sku) return "product " + num(i);
    if (a.customers.size() != b.customers.size()) return QStringLiteral("customer count");
    for (size_t i = 0; i < a.customers.size(); ++i)
        if (a.customers[i].id != b.customers[i].id || a.customers[i].externalId != b.customers[i].externalId) return "customer " + num(i);
    if (a.orders.size() != b.orders.size()) return QStringLiteral("order count");
    for (size_t i = 0; i < a.orders.size(); ++i) {
        const SnapshotOrder &x = a.orders[i], &y = b.orders[i];
        if (x.id != y.id) return "order " + num(i) + " id";
        if (x.orderedAt != y.orderedAt) return "order " + num(i) + " orderedAt";
        if (x.merchandiseTotal != y.merchandiseTotal) return "order " + num(i) + " merchandiseTotal";
        if (!(x.externalId == y.externalId)) return "order " + num(i) + " externalId";
        if (!(x.country == y.country)) return "order " + num(i) + " country";
        if (!(x.tags == y.tags)) return "order " + num(i) + " tags";
        if (!(x.source == y.source)) return "order " + num(i) + " source";
        if (x.customer != y.customer) return "order " + num(i) + " customer";
        if (x.lineBegin != y.lineBegin || x.lineEnd != y.lineEnd) return "order " + num(i) + " lines";
        if (x.utcOffsetMinutes != y.utcOffsetMinutes) return "order " + num(i) + " utcOffsetMinutes";
        if (x.status != y.status) return "order " + num(i) + " status";
    }
    if (a.lines.size() != b.lines.size()) return QStringLiteral("line count");
    for (size_t k = 0; k < a.lines.size(); ++k) {
        const SnapshotLine &x = a.lines[k], &y = b.lines[k];
        if (x.product != y.product || x.quantity != y.quantity || x.unitPrice != y.unitPrice || x.discount != y.discount ||
            x.refund != y.refund)
            return "line " + num(k);
    }
    if (*a.basketStart != *b.basketStart) return QStringLiteral("basketStart");
    if (*a.basketItems != *b.basketItems) return QStringLiteral("basketItems");
    if (*a.basketOrder != *b.basketOrder) return QStringLiteral("basketOrder");
    if (*a.unitsSold != *b.unitsSold) return QStringLiteral("unitsSold");
    if (*a.basketsWith != *b.basketsWith) return QStringLiteral("basketsWith");
    if (a.historyVersion != b.historyVersion) return QStringLiteral("historyVersion");
    return {};
}

#define SAME_HISTORY(a, b)                                                                                           \
    do {                                                                                                             \
        const QString d = differences(a, b);                                                                         \
        QVERIFY2(d.isEmpty(), qPrintable("differs at " + d));                                                        \
    } while (0)

bool sql(Workspace &ws, const char *text)
{
    std::string error;
    const bool ok = writeTransaction(ws, error, [&](sqlite3 *db, std::string &e) { return execSql(db, text, &e); });
    if (!ok) qWarning("%s", error.c_str());
    return ok;
}

}  // namespace

class TestSnapshotCache : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    QString writeCsv(const QByteArray &content)
    {
        const QString path = dir_.filePath(QStringLiteral("orders%1.csv").arg(++files_));
        return mbtest::writeFile(path, content);
    }

    std::unique_ptr<Workspace> store(const char *name)
    {
        auto ws = mbtest::freshWorkspace(dir_, name);
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, writeCsv(ordersCsv(400, 500000, 7)));
        if (r.status != ImportStatus::Ok) qFatal("%s", r.error.c_str());
        return ws;
    }

    // A workspace whose cache is written and current.
    std::unique_ptr<Workspace> cached(const char *name)
    {
        auto ws = store(name);
        auto first = load(*ws);
        if (usedCache(*first) || !QFile::exists(QString::fromStdString(snapshotcache::pathFor(ws->path()))))
            qFatal("the first load should have written the cache: %s", first->historyFrom.c_str());
        if (!usedCache(*load(*ws))) qFatal("the second load should have read the cache");
        return ws;
    }

    // After a change: the next load must not use the cache and must equal a load from SQL; the one after it
    // reads the rewritten cache, equal again.
    void checkStaleThenRewritten(Workspace &ws)
    {
        auto afterChange = load(ws);
        QVERIFY2(!usedCache(*afterChange), afterChange->historyFrom.c_str());
        auto fromSql = loadFromSql(ws);
        SAME_HISTORY(*afterChange, *fromSql);
        auto again = load(ws);
        QVERIFY2(usedCache(*again), again->historyFrom.c_str());
        SAME_HISTORY(*again, *fromSql);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        snapshotcache::setMinimumLines(1);   // the fixtures are small
        qunsetenv("MERCHBENCH_SNAPSHOT_CACHE");
    }

    void cacheEqualsSqlLoad()
    {
        auto ws = store("equal.merchbench");
        const QString file = QString::fromStdString(snapshotcache::pathFor(ws->path()));
        QCOMPARE(file, QString::fromStdString(ws->path()) + "-snapshot");
        auto fromSql = loadFromSql(*ws);
        QVERIFY(fromSql->historyFrom.empty());
        QVERIFY(!QFile::exists(file));   // the switch turns writing off too
        QVERIFY(fromSql->orders.size() > 300 && fromSql->lines.size() > 900 && fromSql->customers.size() > 30);
        bool cancelledSeen = false, returnSeen = false, noCustomer = false;
        for (const SnapshotOrder &o : *fromSql->orders) {
            cancelledSeen |= o.status == OrderStatus::Cancelled;
            noCustomer |= o.customer < 0;
        }
        for (const SnapshotLine &l : *fromSql->lines) returnSeen |= l.quantity < 0;
        QVERIFY(cancelledSeen && returnSeen && noCustomer);

        auto first = load(*ws);
        QVERIFY2(QString::fromStdString(first->historyFrom).startsWith("sql ("), first->historyFrom.c_str());
        QVERIFY(QFile::exists(file));
        SAME_HISTORY(*first, *fromSql);
        auto warm = load(*ws);
        QCOMPARE(warm->historyFrom, std::string("cache"));
        SAME_HISTORY(*warm, *fromSql);
        // The texts live in the cached snapshot's own arena and outlive the file.
        QVERIFY(QFile::remove(file));
        QCOMPARE(warm->orders[0].externalId.str(), fromSql->orders[0].externalId.str());
        QCOMPARE(warm->orders[0].country.str(), fromSql->orders[0].country.str());
    }

    // Small histories get no file; a load inside the caller's own transaction never consults the cache.
    void notWrittenBelowTheThresholdNorInsideATransaction()
    {
        auto ws = store("small.merchbench");
        const QString file = QString::fromStdString(snapshotcache::pathFor(ws->path()));
        snapshotcache::setMinimumLines(1000000);
        auto small = load(*ws);
        snapshotcache::setMinimumLines(1);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!usedCache(*small));
        load(*ws);
        QVERIFY(QFile::exists(file));
        QVERIFY(execSql(ws->db(), "BEGIN"));
        auto inside = load(*ws);
        QVERIFY(execSql(ws->db(), "COMMIT"));
        QVERIFY(inside->historyFrom.empty());
        SAME_HISTORY(*inside, *loadFromSql(*ws));
    }

    void importOfNewOrdersMakesItStale()
    {
        auto ws = cached("import-new.merchbench");
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, writeCsv(ordersCsv(50, 600000, 11)));
        QCOMPARE(int(r.status), int(ImportStatus::Ok));
        checkStaleThenRewritten(*ws);
    }

    // The same invoice numbers with other lines: orders updated in place (no new row ids for orders).
    void importThatUpdatesOrdersMakesItStale()
    {
        auto ws = cached("import-update.merchbench");
        const int64_t maxOrder = mbtest::scalar(*ws, "SELECT max(rowid) FROM orders");
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, writeCsv(ordersCsv(40, 500000, 99)));
        QCOMPARE(int(r.status), int(ImportStatus::Ok));
        QCOMPARE(mbtest::scalar(*ws, "SELECT max(rowid) FROM orders"), maxOrder);
        checkStaleThenRewritten(*ws);
    }

    void skuMergeAndItsUndoMakeItStale()
    {
        auto ws = cached("merge.merchbench");
        HygieneStore store(*ws);
        SkuMerge m;
        m.canonicalSku = "P1";
        m.variantSku = "P2";
        std::string error;
        QVERIFY2(store.mergeSku(m, error), error.c_str());
        QCOMPARE(loadFromSql(*ws)->productIndex("P2"), -1);
        checkStaleThenRewritten(*ws);
        QVERIFY2(store.unmergeSku(m, error), error.c_str());
        checkStaleThenRewritten(*ws);
    }

    // Any write through writeTransaction that touches orders, lines or customers moves the stamp, whether
    // its writer knows about the cache or not: values changed in place, which no count or row id shows.
    void anyHistoryWriteMakesItStale()
    {
        auto ws = cached("raw.merchbench");
        const int64_t history = ws->historyVersion();
        QVERIFY(sql(*ws, "UPDATE order_lines SET quantity = quantity + 1 WHERE id = (SELECT min(id) FROM order_lines)"));
        QCOMPARE(ws->historyVersion(), history);   // this writer did not bump it: the stamp alone tells
        checkStaleThenRewritten(*ws);
        QVERIFY(sql(*ws, "UPDATE orders SET country = 'Iceland' WHERE id = (SELECT max(id) FROM orders)"));
        checkStaleThenRewritten(*ws);
        QVERIFY(sql(*ws, "UPDATE orders SET status = 'cancelled' WHERE id = (SELECT min(id) FROM orders WHERE status = 'completed')"));
        checkStaleThenRewritten(*ws);
        QVERIFY(sql(*ws, "UPDATE customers SET external_id = 'renamed' WHERE id = (SELECT min(id) FROM customers)"));
        checkStaleThenRewritten(*ws);
        QVERIFY(sql(*ws, "DELETE FROM orders WHERE id = (SELECT max(id) FROM orders)"));   // its lines cascade
        checkStaleThenRewritten(*ws);
        // A new product changes what product indices mean; a product edit does not touch the history.
        QVERIFY(sql(*ws, "INSERT INTO products(sku, title, origin, created_at, updated_at) VALUES ('A0', 'first', 'catalog', 0, 0)"));
        checkStaleThenRewritten(*ws);
        QVERIFY(sql(*ws, "UPDATE products SET recommendable = 0, title = 'renamed' WHERE sku = 'P3'"));
        auto kept = load(*ws);
        QVERIFY2(usedCache(*kept), kept->historyFrom.c_str());
        QCOMPARE(kept->products[size_t(kept->productIndex("P3"))].title, std::string("renamed"));
        SAME_HISTORY(*kept, *loadFromSql(*ws));
    }

    // A failed (rolled back) write changes nothing, so the cache stays current.
    void rolledBackWriteKeepsIt()
    {
        auto ws = cached("rollback.merchbench");
        std::string error;
        QVERIFY(!writeTransaction(*ws, error, [](sqlite3 *db, std::string &e) {
            execSql(db, "UPDATE order_lines SET quantity = 99");
            e = "changed my mind";
            return false;
        }));
        QVERIFY(usedCache(*load(*ws)));
    }

    // Another program writing with plain SQL (no writeTransaction, no stamp): rows added or removed show in
    // the counts and row ids the key holds.
    void writesBypassingMerchbenchThatAddOrRemoveRows()
    {
        auto ws = cached("bypass.merchbench");
        const std::string path = ws->path();
        auto raw = [&](const char *text) {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
            QVERIFY2(sqlite3_exec(db, text, nullptr, nullptr, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
            sqlite3_close(db);
        };
        raw("INSERT INTO order_lines(order_id, product_id, quantity, unit_price) "
            "SELECT min(id), (SELECT max(id) FROM products), 1, 1 FROM orders");
        checkStaleThenRewritten(*ws);
        raw("DELETE FROM order_lines WHERE id = (SELECT min(id) FROM order_lines)");
        checkStaleThenRewritten(*ws);
        raw("INSERT INTO customers(external_id) VALUES ('walk-in')");
        checkStaleThenRewritten(*ws);
    }

    void truncatedAndGarbageFilesAreIgnored()
    {
        auto ws = cached("damaged.merchbench");
        const QString file = QString::fromStdString(snapshotcache::pathFor(ws->path()));
        const QByteArray good = mbtest::readAll(file);
        const auto fromSql = loadFromSql(*ws);
        auto put = [&](const QByteArray &bytes) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), bytes.size());
        };
        const qsizetype cuts[] = {0, 1, 7, 100, good.size() / 3, good.size() / 2, good.size() - 1};
        for (qsizetype cut : cuts) {
            put(good.left(cut));
            auto s = load(*ws);
            QVERIFY2(!usedCache(*s), qPrintable(QString::number(cut)));
            SAME_HISTORY(*s, *fromSql);
            QCOMPARE(mbtest::readAll(file), good);   // replaced by a whole one
        }
        put(QByteArray(good.size(), 'x'));
        QVERIFY(!usedCache(*load(*ws)));
        put(good + QByteArray("trailing"));   // extra bytes after the sections are harmless
        QVERIFY(usedCache(*load(*ws)));
        put(good);
        QVERIFY(usedCache(*load(*ws)));
    }

    // Behind the checksums, the index checks: an image whose checksums are recomputed after an index was
    // pointed outside its array is still refused (reseal() is what the fuzz target uses to get this far).
    void indicesOutOfRangeAreRefusedEvenWithGoodChecksums()
    {
        auto ws = cached("indices.merchbench");
        const std::string file = snapshotcache::pathFor(ws->path());
        const QByteArray good = mbtest::readAll(QString::fromStdString(file));
        snapshotcache::Key key;
        QVERIFY(snapshotcache::storedKey(file, key));
        const auto fromSql = loadFromSql(*ws);
        // The last 4 * products bytes are basketsWith; before them unitsSold (8 per product), and before
        // those basketOrder (4 per basket): its last entry names an order.
        const qsizetype products = qsizetype(fromSql->products.size());
        const qsizetype lastBasketOrder = good.size() - 4 * products - 8 * products - 4;
        const std::pair<qsizetype, uint32_t> damage[] = {{lastBasketOrder, uint32_t(fromSql->orders.size())},
                                                         {lastBasketOrder, 0xFFFFFFFFu}};
        for (const auto &d : damage) {
            std::string image = good.toStdString();
            std::memcpy(image.data() + d.first, &d.second, 4);
            snapshotcache::reseal(image);
            {
                QFile f(QString::fromStdString(file));
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(image.data(), qint64(image.size()));
            }
            Snapshot probe;
            probe.products = *fromSql->products;
            std::string why;
            QCOMPARE(int(snapshotcache::read(file, key, probe, &why)), int(snapshotcache::ReadResult::Damaged));
            QVERIFY2(QString::fromStdString(why).contains("order that does not exist"), why.c_str());
            QVERIFY(probe.orders.empty());   // left untouched
            SAME_HISTORY(*load(*ws), *fromSql);
        }
        // The fuzz target's seed: MB_SNAPSHOT_SEED_OUT=FILE writes this small, valid cache there.
        if (qEnvironmentVariableIsSet("MB_SNAPSHOT_SEED_OUT")) {
            auto tiny = mbtest::freshWorkspace(dir_, "seed.merchbench");
            QCOMPARE(int(mbtest::importFile(*tiny, ImportKind::Orders, writeCsv(ordersCsv(6, 800000, 1))).status), int(ImportStatus::Ok));
            load(*tiny);
            const QString out = qEnvironmentVariable("MB_SNAPSHOT_SEED_OUT");
            QFile::remove(out);
            QVERIFY(QFile::copy(QString::fromStdString(snapshotcache::pathFor(tiny->path())), out));
        }
    }

    // The cache of another workspace (even one made from the same file) put beside this one.
    void foreignCacheIsIgnored()
    {
        auto a = cached("a.merchbench");
        auto b = store("b.merchbench");
        const ImportReport r = mbtest::importFile(*b, ImportKind::Orders, writeCsv(ordersCsv(3, 700000, 5)));
        QCOMPARE(int(r.status), int(ImportStatus::Ok));
        const QString bFile = QString::fromStdString(snapshotcache::pathFor(b->path()));
        QVERIFY(QFile::copy(QString::fromStdString(snapshotcache::pathFor(a->path())), bFile));
        auto s = load(*b);
        QVERIFY2(QString::fromStdString(s->historyFrom).contains("another state"), s->historyFrom.c_str());
        SAME_HISTORY(*s, *loadFromSql(*b));

        // A copy of a's file that then changes its history differently from a: never a's cache.
        a.reset();
        const QString copyPath = dir_.filePath("a-copy.merchbench");
        QVERIFY(QFile::copy(dir_.filePath("a.merchbench"), copyPath));
        std::string error;
        auto copy = Workspace::open(copyPath.toStdString(), error);
        QVERIFY2(copy, error.c_str());
        a = Workspace::open(dir_.filePath("a.merchbench").toStdString(), error);
        QVERIFY(sql(*a, "UPDATE order_lines SET quantity = 7 WHERE id = (SELECT min(id) FROM order_lines)"));
        QVERIFY(sql(*copy, "UPDATE order_lines SET quantity = 8 WHERE id = (SELECT min(id) FROM order_lines)"));
        load(*a);   // writes a's cache of its own state
        QVERIFY(QFile::copy(QString::fromStdString(snapshotcache::pathFor(a->path())),
                            QString::fromStdString(snapshotcache::pathFor(copy->path()))));
        auto c = load(*copy);
        QVERIFY2(!usedCache(*c), c->historyFrom.c_str());
        SAME_HISTORY(*c, *loadFromSql(*copy));
    }

    // Fuzz-ish: single bytes flipped anywhere, and runs of random bytes. Whatever the damage the load either
    // falls back to SQL or (never, with the checksums) reads exactly the history; it never crashes.
    void corruptionNeverLeaksIn()
    {
        auto ws = cached("fuzz.merchbench");
        const QString file = QString::fromStdString(snapshotcache::pathFor(ws->path()));
        const QByteArray good = mbtest::readAll(file);
        const auto fromSql = loadFromSql(*ws);
        std::mt19937 rng(2026);
        for (int round = 0; round < 150; ++round) {
            QByteArray bad = good;
            if (round % 3 == 2) {
                const qsizetype at = qsizetype(rng() % uint32_t(bad.size()));
                for (qsizetype k = at; k < std::min(bad.size(), at + 64); ++k) bad[k] = char(rng());
            } else {
                // The header (where the key and section table are) gets a third of the single flips.
                const qsizetype at = round % 3 == 0 ? qsizetype(rng() % 600u) : qsizetype(rng() % uint32_t(bad.size()));
                bad[at] = char(bad[at] ^ char(1 << (rng() % 8)));
            }
            {
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(bad);
            }
            auto s = load(*ws);
            QVERIFY2(!usedCache(*s), qPrintable(QStringLiteral("round %1 took a damaged cache").arg(round)));
            SAME_HISTORY(*s, *fromSql);
        }
    }

    // A cache that cannot be written (here a folder is in its way, which stops root too) or read: the load
    // still succeeds from SQL and says why there is no cache.
    void unwritableCacheMeansNoCache()
    {
        auto ws = store("blocked.merchbench");
        const QString file = QString::fromStdString(snapshotcache::pathFor(ws->path()));
        QVERIFY(QDir().mkdir(file));
        auto s = load(*ws);
        QVERIFY2(QString::fromStdString(s->historyFrom).contains("not written"), s->historyFrom.c_str());
        QVERIFY(QFileInfo(file).isDir());
        SAME_HISTORY(*s, *loadFromSql(*ws));
        QVERIFY(QDir().rmdir(file));
        QVERIFY(!usedCache(*load(*ws)));
        QVERIFY(usedCache(*load(*ws)));
    }

    // Where the folder cannot be written the load still succeeds, without a cache.
    void readOnlyFolderMeansNoCache()
    {
        if (geteuid() == 0) QSKIP("running as root: a folder without write permission is still writable");
        QTemporaryDir ro;
        const QString path = ro.filePath("ro.merchbench");
        {
            auto ws = mbtest::freshWorkspace(ro, "ro.merchbench");
            QCOMPARE(int(mbtest::importFile(*ws, ImportKind::Orders, writeCsv(ordersCsv(100, 500000, 3))).status), int(ImportStatus::Ok));
        }
        QVERIFY(QFile::setPermissions(ro.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        std::string error;
        auto ws = Workspace::open(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        auto s = load(*ws);
        QVERIFY2(QString::fromStdString(s->historyFrom).contains("not written"), s->historyFrom.c_str());
        QVERIFY(!QFile::exists(path + "-snapshot"));
        SAME_HISTORY(*s, *loadFromSql(*ws));
        QVERIFY(QFile::setPermissions(ro.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotCache)
#include "tst_snapshotcache.moc"
