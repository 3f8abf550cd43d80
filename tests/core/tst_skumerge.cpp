// SKU variants (core/hygiene/skuvariants.h) and the one-click merge (core/storage/hygienestore.h): which
// pairs are listed and which SKU is kept, a merge that moves every line and undoes to the byte-identical
// rows, refusals, and keep-apart remembered. Online Retail's 112 case pairs are checked as the issue counts them.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/hygiene/skuvariants.h"
#include "core/storage/hygienestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

// Every row of every table (rowid included) as text: two dumps are equal when the file's content is.
QStringList dump(const Workspace &ws)
{
    QStringList tables, out;
    {
        Statement s(ws.db(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (s.step()) tables << QString::fromStdString(s.text(0));
    }
    for (const QString &t : tables) {
        // meta's history_stamp is left out: every write that touches the order history stamps it afresh
        // (transaction.cpp), an undo too, so that no snapshot cache of the state between is trusted.
        const std::string sql = "SELECT _rowid_, * FROM " + t.toStdString() +
                                (t == QLatin1String("meta") ? " WHERE key <> 'history_stamp'" : "") + " ORDER BY _rowid_";
        Statement s(ws.db(), sql.c_str());
        while (s.step()) {
            QString row = t;
            for (int c = 0; c < s.columnCount(); ++c)
                row += QLatin1Char('|') + (s.isNull(c) ? QStringLiteral("NULL") : QString::fromStdString(s.text(c)));
            out << row;
        }
    }
    return out;
}

bool sql(Workspace &ws, const char *statements)
{
    std::string error;
    const bool ok = writeTransaction(ws, error, [&](sqlite3 *db, std::string &e) { return execSql(db, statements, &e); });
    if (!ok) qWarning("%s", error.c_str());
    return ok;
}

SkuMerge named(const char *canonical, const char *variant)
{
    SkuMerge m;
    m.canonicalSku = canonical;
    m.variantSku = variant;
    return m;
}

}  // namespace

class TestSkuMerge : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::unique_ptr<Workspace> small(const char *name)
    {
        const QString path = dir_.filePath(QString::fromLatin1(name) + QStringLiteral(".csv"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        // X1 is the product; x1 a mistyped code with a stray price; "BANK  CHARGES" has two spaces.
        f.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                "1,X1,RED MUG,1,2011-01-01 10:00,2.00,1,UK\n"
                "1,Y2,BLUE BOWL,1,2011-01-01 10:00,3.00,1,UK\n"
                "2,X1,RED MUG,2,2011-01-02 10:00,2.00,2,UK\n"
                "3,x1,RED MUG,1,2011-01-03 10:00,9.00,3,UK\n"
                "3,Y2,BLUE BOWL,1,2011-01-03 10:00,3.00,3,UK\n"
                "4,x1,red mug,1,2011-01-04 10:00,2.00,4,UK\n"
                "5,BANK CHARGES,Bank Charges,1,2011-01-05 10:00,15.00,5,UK\n"
                "6,BANK  CHARGES,Bank Charges,1,2011-01-06 10:00,15.00,5,UK\n"
                "7,BANK  CHARGES,Bank Charges,1,2011-01-07 10:00,15.00,5,UK\n");
        f.close();
        auto ws = mbtest::freshWorkspace(dir_, (std::string(name) + ".merchbench").c_str());
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, path);
        if (r.status != ImportStatus::Ok) qFatal("%s", r.error.c_str());
        return ws;
    }

private Q_SLOTS:
    void listsVariants()
    {
        auto ws = small("list");
        const auto variants = findSkuVariants(*mbtest::loadSnapshot(*ws), {});
        QCOMPARE(int(variants.size()), 2);
        // More lines keep the SKU: "BANK  CHARGES" (2 lines) over "BANK CHARGES" (1), X1 (2) over x1 (2, not normal form).
        QCOMPARE(variants[0].canonicalSku, std::string("BANK  CHARGES"));
        QCOMPARE(variants[0].variantSku, std::string("BANK CHARGES"));
        QCOMPARE(variants[0].difference, std::string("spaces"));
        QCOMPARE(variants[1].canonicalSku, std::string("X1"));
        QCOMPARE(variants[1].variantSku, std::string("x1"));
        QCOMPARE(variants[1].difference, std::string("case"));
        QCOMPARE(variants[1].variantLines, 2u);
        QCOMPARE(normalSku("  bank \t charges "), std::string("BANK CHARGES"));

        // Kept apart: not listed again, in either order of the two SKUs.
        HygieneStore store(*ws);
        std::string error;
        QVERIFY2(store.keepApart("x1", "X1", error), error.c_str());
        const auto after = findSkuVariants(*mbtest::loadSnapshot(*ws), store.keptApart());
        QCOMPARE(int(after.size()), 1);
        QCOMPARE(after[0].canonicalSku, std::string("BANK  CHARGES"));
        QVERIFY2(store.forgetKeepApart("X1", "x1", error), error.c_str());
        QCOMPARE(int(findSkuVariants(*mbtest::loadSnapshot(*ws), store.keptApart()).size()), 2);
    }

    void mergeAndUndoRestoreExactly()
    {
        auto ws = small("merge");
        // What was derived from x1: a mining run's rows and a mined suggestion about it.
        QVERIFY(sql(*ws, R"sql(
INSERT INTO mining_runs(id, kind, parameters, history_version, created_at, duration_ms) VALUES (7, 'pairs', '{}', 1, 0, 0);
INSERT INTO pair_stats VALUES (7, (SELECT id FROM products WHERE sku = 'x1'), (SELECT id FROM products WHERE sku = 'Y2'), 1, 0.25, 0.5, 1.5, 0.4);
INSERT INTO pair_stats VALUES (7, (SELECT id FROM products WHERE sku = 'X1'), (SELECT id FROM products WHERE sku = 'Y2'), 1, 0.25, 0.5, 1.5, 0.4);
INSERT INTO replenishment VALUES (7, (SELECT id FROM products WHERE sku = 'x1'), 3.5, 0.5, 2, 2);
INSERT INTO relations(anchor_type, anchor_id, target_type, target_id, kind, source, status, created_at, updated_at)
  VALUES ('product', (SELECT id FROM products WHERE sku = 'Y2'), 'product', (SELECT id FROM products WHERE sku = 'x1'),
          'accessory', 'mined', 'suggested', 1, 1);
)sql"));
        const QStringList before = dump(*ws);
        const int64_t history = ws->historyVersion();
        HygieneStore store(*ws);
        SkuMerge m;
        m.canonicalSku = "X1";
        m.variantSku = "x1";
        std::string error;
        QVERIFY2(store.mergeSku(m, error), error.c_str());
        QCOMPARE(int(m.movedLines.size()), 2);
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products WHERE sku = 'x1'"), int64_t(0));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.sku = 'X1'"),
                 int64_t(4));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM pair_stats"), int64_t(1));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM relations"), int64_t(0));
        QCOMPARE(ws->historyVersion(), history + 1);   // the history changed: mined results are out of date
        // The merged product's price is settled from all four lines: 2, 2, 9, 2 -> 2.
        QCOMPARE(mbtest::scalar(*ws, "SELECT price * 100 FROM products WHERE sku = 'X1'"), int64_t(200));
        QVERIFY(ws->integrityOk());
        auto snap = mbtest::loadSnapshot(*ws);
        QCOMPARE(snap->productIndex("x1"), -1);
        QCOMPARE(snap->basketsWith[size_t(snap->productIndex("X1"))], 4u);

        QVERIFY2(store.unmergeSku(m, error), error.c_str());
        QCOMPARE(dump(*ws), before);   // every row of every table, rowids included
        QCOMPARE(ws->historyVersion(), history);
        QVERIFY(ws->integrityOk());
        // And again: a redo is the same merge.
        QVERIFY2(store.mergeSku(m, error), error.c_str());
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products WHERE sku = 'x1'"), int64_t(0));
        QVERIFY2(store.unmergeSku(m, error), error.c_str());
        QCOMPARE(dump(*ws), before);
    }

    // Merge, then mine (which replaces the runs: their old rows go with them), then Undo: the variant, its
    // lines and its suggestion come back; the replaced run's rows do not (the newer run is in force).
    void undoAfterMiningReplacedTheRuns()
    {
        auto ws = small("mined-after");
        QVERIFY(sql(*ws, R"sql(
INSERT INTO mining_runs(id, kind, parameters, history_version, created_at, duration_ms) VALUES (7, 'pairs', '{}', 1, 0, 0);
INSERT INTO pair_stats VALUES (7, (SELECT id FROM products WHERE sku = 'x1'), (SELECT id FROM products WHERE sku = 'Y2'), 1, 0.25, 0.5, 1.5, 0.4);
INSERT INTO relations(anchor_type, anchor_id, target_type, target_id, kind, source, status, created_at, updated_at)
  VALUES ('product', (SELECT id FROM products WHERE sku = 'Y2'), 'product', (SELECT id FROM products WHERE sku = 'x1'),
          'accessory', 'mined', 'suggested', 1, 1);
)sql"));
        const int64_t history = ws->historyVersion();
        HygieneStore store(*ws);
        SkuMerge m;
        m.canonicalSku = "X1";
        m.variantSku = "x1";
        std::string error;
        QVERIFY2(store.mergeSku(m, error), error.c_str());
        // What a mining run does to the saved runs: replace them (their rows cascade away).
        QVERIFY(sql(*ws, "DELETE FROM mining_runs WHERE id = 7; "
                         "INSERT INTO mining_runs(id, kind, parameters, history_version, created_at, duration_ms) VALUES (8, 'pairs', '{}', 2, 1, 0);"));
        QVERIFY2(store.unmergeSku(m, error), error.c_str());
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.sku = 'x1'"),
                 int64_t(2));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM relations"), int64_t(1));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM pair_stats"), int64_t(0));
        // Not the history before the merge: the mined results of then are gone, so the ones now are out of date.
        QVERIFY(ws->historyVersion() > history + 1);
        QVERIFY(ws->integrityOk());
    }

    void refusals()
    {
        auto ws = small("refuse");
        HygieneStore store(*ws);
        std::string error;
        SkuMerge missing = named("X1", "nope");
        QVERIFY(!store.mergeSku(missing, error));
        QCOMPARE(error, std::string("no product has the SKU \"nope\""));
        // The merchandiser's own map refers to x1: theirs to move, the merge changes nothing.
        QVERIFY(sql(*ws, R"sql(
INSERT INTO relations(anchor_type, anchor_id, target_type, target_id, kind, source, status, created_at, updated_at)
  VALUES ('product', (SELECT id FROM products WHERE sku = 'Y2'), 'product', (SELECT id FROM products WHERE sku = 'x1'),
          'accessory', 'curated', 'active', 1, 1);)sql"));
        const QStringList before = dump(*ws);
        SkuMerge m = named("X1", "x1");
        QVERIFY(!store.mergeSku(m, error));
        QVERIFY2(error.find("SKU \"x1\" is in 1 curated, imported or active relation(s)") == 0, error.c_str());
        QCOMPARE(dump(*ws), before);
    }

    void onlineRetail()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        auto ws = mbtest::freshWorkspace(dir_, "retail.merchbench");
        QVERIFY(mbtest::importFile(*ws, ImportKind::Orders, csv).status == ImportStatus::Ok);
        const auto variants = findSkuVariants(*mbtest::loadSnapshot(*ws), {});
        QCOMPARE(int(variants.size()), 112);   // as the issue counted; all of them by case
        for (const SkuVariant &v : variants) QCOMPARE(v.difference, std::string("case"));
        auto heart = std::find_if(variants.begin(), variants.end(), [](const SkuVariant &v) { return v.canonicalSku == "85123A"; });
        QVERIFY(heart != variants.end());
        QCOMPARE(heart->variantSku, std::string("85123a"));

        const QStringList before = dump(*ws);
        HygieneStore store(*ws);
        SkuMerge m = named("85123A", "85123a");
        std::string error;
        QVERIFY2(store.mergeSku(m, error), error.c_str());
        QCOMPARE(int(m.movedLines.size()), heart->variantLines);
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products"), int64_t(4069));
        QVERIFY2(store.unmergeSku(m, error), error.c_str());
        QCOMPARE(dump(*ws), before);
    }
};

QTEST_GUILESS_MAIN(TestSkuMerge)
#include "tst_skumerge.moc"
