// Generation from the demo store's map, the demo bundles it ships with, and the store's one-transaction
// edits (add, update, remove, undo by restoring the id, unique names); a workspace whose bundles cannot be read.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/bundles/bundlechecks.h"
#include "core/bundles/bundleexchange.h"
#include "core/bundles/bundlegenerator.h"
#include "core/bundles/bundlepricing.h"
#include "core/demo/demogenerator.h"
#include "core/kpi/kpidata.h"
#include "core/storage/bundlestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>

#include <sqlite3.h>

using namespace mb;

class TestBundleGenerator : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;
    std::shared_ptr<const Snapshot> snap;

    QStringList skus(const BundleTier &t) const
    {
        QStringList out;
        const BundleCatalog c(*snap);
        for (const BundleItem &i : t.items)
            out << QString::fromStdString(c.product(i.productId)->sku) + (i.quantity > 1 ? QString(" x%1").arg(i.quantity) : QString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        const std::string path = (dir.path() + "/demo.merchbench").toStdString();
        QVERIFY2(createDemoWorkspace(path, DemoParameters{}, error), error.c_str());
        ws = Workspace::open(path, error);
        QVERIFY(ws);
        snap = Snapshot::load(*ws, error);
        QVERIFY(snap);
    }

    void cameraGoodBetterBest()
    {
        // CAM-MIR-110's map: its own card (necessity) first, then the category's card, batteries, lenses
        // (enhancements) and bag (accessory); the upgrade in its ladder is CAM-MIR-120.
        const Bundle b = generateBundle(*snap, uint32_t(snap->productIndex("CAM-MIR-110")));
        QCOMPARE(int(b.tiers.size()), 3);
        QCOMPARE(b.tiers[0].name, std::string("Basic"));
        // One memory card, not two: a tier holds one product per category.
        QCOMPARE(skus(b.tiers[0]), QStringList({"CAM-MIR-110", "CAM-CRD-110"}));
        QCOMPARE(skus(b.tiers[1]).mid(0, 2), QStringList({"CAM-MIR-110", "CAM-CRD-110"}));
        QCOMPARE(int(b.tiers[1].items.size()), 4);   // + the two extras with the best attach rate
        QCOMPARE(skus(b.tiers[2]).front(), QString("CAM-MIR-120"));
        QVERIFY(b.tiers[2].items.size() > b.tiers[1].items.size());
        // Discounts rise by tier: 0, 5, 10 by default.
        QCOMPARE(b.tiers[0].pricing, TierPricing::Sum);
        QCOMPARE(b.tiers[1].discountPercent, 5.0);
        QCOMPARE(b.tiers[2].discountPercent, 10.0);
        // The generated bundle passes its own ascending check.
        for (const BundleIssue &i : checkBundle(BundleCatalog(*snap), b)) QVERIFY2(i.check != BundleCheck::NotAscending, i.message.c_str());
    }

    void standardExtrasByAttachRate()
    {
        const uint32_t anchor = uint32_t(snap->productIndex("CAM-MIR-110"));
        const Bundle b = generateBundle(*snap, anchor);
        std::vector<uint32_t> extras;
        for (size_t i = 2; i < b.tiers[1].items.size(); ++i) extras.push_back(uint32_t(BundleCatalog(*snap).index(b.tiers[1].items[i].productId)));
        const std::vector<double> rates = attachRates(*snap, anchor, extras);
        QVERIFY(rates[0] >= rates[1]);
    }

    void coffeePremiumHasAConsumablePack()
    {
        BundleGeneratorOptions o;
        o.consumablePack = 4;
        o.discountPercent = {2, 4, 8};
        const Bundle b = generateBundle(*snap, uint32_t(snap->productIndex("COF-MAC-510")), o);
        const BundleTier &premium = b.tiers.back();
        QCOMPARE(premium.items.back().quantity, 4);
        const SnapshotProduct *pack = BundleCatalog(*snap).product(premium.items.back().productId);
        QVERIFY(QString::fromStdString(snap->categories[size_t(pack->category)].path).startsWith("Coffee > Beans"));
        QCOMPARE(b.tiers.front().discountPercent, 2.0);
    }

    void productWithoutMapGetsOneTier()
    {
        // A product nobody mapped: Basic is the product alone and nothing richer exists.
        for (uint32_t p = 0; p < snap->products.size(); ++p) {
            if (QString::fromStdString(snap->products[p].sku).startsWith("CAM-CRD")) {
                const Bundle b = generateBundle(*snap, p);
                QCOMPARE(int(b.tiers.size()), 1);
                QCOMPARE(int(b.tiers[0].items.size()), 1);
                return;
            }
        }
        QFAIL("no memory card in the demo catalog");
    }

    void demoShipsBundlesWithOneWarningToFix()
    {
        const auto bundles = BundleStore(*ws).all();
        QCOMPARE(int(bundles.size()), 3);
        int withWarnings = 0;
        for (const Bundle &b : bundles) {
            const auto issues = checkBundle(BundleCatalog(*snap), b);
            if (issues.empty()) continue;
            ++withWarnings;
            QCOMPARE(b.name, std::string("Mirrorless starter kit"));
            QCOMPARE(int(b.tiers.size()), 3);
            QCOMPARE(issues.front().check, BundleCheck::MarginBelowFloor);
            QCOMPARE(issues.front().tier, 1);
        }
        QCOMPARE(withWarnings, 1);
    }

    void aGiveawayPriceIsAWarning()
    {
        Bundle b = *BundleStore(*ws).byName("Mirrorless starter kit");
        const BundleCatalog catalog(*snap);
        auto has = [&](const Bundle &x, BundleCheck c, int tier) {
            for (const BundleIssue &i : checkBundle(catalog, x)) if (i.check == c && i.tier == tier) return true;
            return false;
        };
        QVERIFY(b.tiers[2].items.size() >= 2);
        // A fixed price of 0: free, and said so (its margin is unknown, so no margin warning would say it).
        b.tiers[2].pricing = TierPricing::Fixed;
        b.tiers[2].fixedPrice = 0;
        QVERIFY(has(b, BundleCheck::FreeTier, 2));
        // A price under its cheapest item alone: a giveaway of everything else.
        b.tiers[2].fixedPrice = 1;
        QVERIFY(!has(b, BundleCheck::FreeTier, 2));
        QVERIFY(has(b, BundleCheck::BelowCheapestItem, 2));
        // A 100 % discount is free too.
        b.tiers[2].pricing = TierPricing::Discount;
        b.tiers[2].discountPercent = 100;
        QVERIFY(has(b, BundleCheck::FreeTier, 2));
        // One item alone at a discount is a sale, not a giveaway.
        Bundle one = b;
        one.tiers.resize(1);
        one.tiers[0].items.resize(1);
        one.tiers[0].items[0].quantity = 1;
        one.tiers[0].items[0].optional = false;
        one.tiers[0].pricing = TierPricing::Discount;
        one.tiers[0].discountPercent = 20;
        QVERIFY(!has(one, BundleCheck::BelowCheapestItem, 0));
        // A fixed or summed tier exports no stale discount, even one stored from before its pricing changed.
        BundleStore store(*ws);
        Bundle stale = *store.byName("Mirrorless starter kit");
        stale.tiers[0].pricing = TierPricing::Fixed;
        stale.tiers[0].fixedPrice = 500;
        stale.tiers[0].discountPercent = 15;
        std::string error;
        QVERIFY2(store.update(stale, error), error.c_str());
        int checked = 0;
        for (const ExportBundle &eb : collectExportData(*ws, *snap, ExportOptions{}).bundles)
            for (const ExportTier &t : eb.tiers)
                if (t.pricing != "discount") {
                    QCOMPARE(t.discountPercent, 0.0);
                    ++checked;
                }
        QVERIFY(checked > 0);
        Bundle original = *BundleStore(*ws).byName("Mirrorless starter kit");
        original.tiers[0] = b.tiers[0];
        QVERIFY2(store.update(original, error), error.c_str());
    }

    void unreadableBundlesAreAnErrorNotAnEmptyList()
    {
        // A damaged workspace: its bundles cannot be read. Every reader says so instead of showing none.
        const std::string path = mbtest::freshWorkspace(dir, "broken.merchbench")->path();
        sqlite3 *raw = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        std::string dropped;
        const bool ok = execSql(raw, "DROP TABLE bundle_items", &dropped);
        sqlite3_close(raw);
        QVERIFY2(ok, dropped.c_str());
        std::string opened;
        auto broken = Workspace::open(path, opened);
        QVERIFY2(broken, opened.c_str());
        std::string error;
        QVERIFY(BundleStore(*broken).all(&error).empty());
        QVERIFY2(error.find("cannot read the bundles") != std::string::npos, error.c_str());
        QVERIFY2(error.find("broken.merchbench") != std::string::npos, error.c_str());
        KpiData data;
        std::string kpiError;
        QVERIFY(!KpiData::load(*broken, *snap, data, kpiError));
        QVERIFY2(kpiError.find("cannot read the bundles") != std::string::npos, kpiError.c_str());
    }

    void storeEditsAreTransactions()
    {
        BundleStore store(*ws);
        Bundle b = generateBundle(*snap, uint32_t(snap->productIndex("CAM-MIR-120")));
        b.name = store.uniqueName("Mirrorless starter kit");
        QCOMPARE(b.name, std::string("Mirrorless starter kit (2)"));
        std::string error;
        QVERIFY2(store.add(b, error), error.c_str());
        Bundle again = b;
        again.id = 0;
        QVERIFY(!store.add(again, error));
        QCOMPARE(error, std::string("a bundle named \"Mirrorless starter kit (2)\" already exists"));

        Bundle edited = *store.byId(b.id);
        QVERIFY(edited.sameContent(b));
        edited.tiers[0].items.front().quantity = 2;
        edited.tiers.pop_back();
        QVERIFY2(store.update(edited, error), error.c_str());
        QVERIFY(store.byId(b.id)->sameContent(edited));

        // Undo of a removal: the same id comes back with the same content.
        QVERIFY(store.remove(b.id, error));
        QVERIFY(!store.byId(b.id));
        Bundle restored = edited;
        QVERIFY2(store.add(restored, error), error.c_str());
        QCOMPARE(restored.id, b.id);
        QVERIFY(store.byId(b.id)->sameContent(edited));
        QVERIFY(store.remove(b.id, error));

        Bundle six = edited;
        six.tiers.resize(6, edited.tiers[0]);
        QVERIFY(!store.update(six, error));
        QCOMPARE(error, std::string("bundle Mirrorless starter kit (2): expected 1 to 5 tiers, found 6"));
        QVERIFY(ws->integrityOk());
    }
};

QTEST_GUILESS_MAIN(TestBundleGenerator)
#include "tst_bundlegenerator.moc"
