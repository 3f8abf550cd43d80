// Complementary-product maps: storage, category inheritance and exclusion, category targets, the import of
// platform links, the CSV round trip and the non-merchandise rule.
#include "testsupport.h"

#include "core/io/importrecords.h"
#include "core/demo/demogenerator.h"
#include "core/maps/relationcsv.h"
#include "core/maps/relationresolver.h"
#include "core/storage/relationstore.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

ProductRecord product(const char *sku, const char *category, double price, int64_t stock, const char *title = "")
{
    ProductRecord p;
    p.sku = sku;
    p.title = *title ? title : sku;
    p.category = category;
    p.price = price;
    p.stock = stock;
    return p;
}

int64_t idOf(Workspace &ws, const char *sql, const std::string &key)
{
    Statement s(ws.db(), sql);
    s.bind(1, key);
    return s.step() ? s.int64(0) : -1;
}
int64_t productId(Workspace &ws, const std::string &sku) { return idOf(ws, "SELECT id FROM products WHERE sku = ?1", sku); }
int64_t categoryId(Workspace &ws, const std::string &p) { return idOf(ws, "SELECT id FROM categories WHERE path = ?1", p); }

std::vector<std::string> resolvedSkus(const Snapshot &s, const std::string &sku)
{
    RelationResolver r(s);
    std::vector<std::string> out;
    for (const ResolvedRelation &x : r.resolve(uint32_t(s.productIndex(sku)))) out.push_back(s.products[x.product].sku);
    return out;
}

}  // namespace

class TestRelations : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> ws_;

    std::shared_ptr<const Snapshot> snapshot()
    {
        std::string error;
        auto s = Snapshot::load(*ws_, error);
        if (!s) qFatal("%s", error.c_str());
        return s;
    }
    Relation rel(EndpointType at, int64_t a, EndpointType tt, int64_t t, RelationKind k,
                 RelationStatus st = RelationStatus::Active)
    {
        Relation r;
        r.anchorType = at;
        r.anchorId = a;
        r.targetType = tt;
        r.targetId = t;
        r.kind = k;
        r.status = st;
        return r;
    }

private Q_SLOTS:
    void init()
    {
        std::string error;
        QFile::remove(dir_.filePath("r.merchbench"));
        ws_ = Workspace::create(dir_.filePath("r.merchbench").toStdString(), error);
        QVERIFY2(ws_, error.c_str());
        CatalogBatch c;
        c.format = "generic";
        c.products = {product("CAM", "Cameras > Mirrorless", 900, 5), product("CAM2", "Cameras > Mirrorless", 1200, 5),
                      product("CARD-A", "Cameras > Cards", 20, 10), product("CARD-B", "Cameras > Cards", 30, 0),
                      product("CARD-C", "Cameras > Cards", 25, 4), product("BAG", "Cameras > Bags", 50, 3),
                      product("POST", "Services", 5, 100, "POSTAGE")};
        ImportReport rep;
        QVERIFY(writeCatalog(*ws_, c, "t.csv", rep));
        // CARD-B sells best but is out of stock; CARD-C sells next best.
        OrderBatch o;
        o.format = "lines";
        o.orders = {{1, "1", "", "", "", 0, 0, false, OrderStatus::Completed}};
        o.lines = {{1, 0, "CARD-B", 9, 30}, {1, 0, "CARD-C", 5, 25}, {1, 0, "CARD-A", 1, 20}};
        QVERIFY(writeOrders(*ws_, o, "o.csv", rep));
    }

    void categoryRulesApplyToSubcategoriesAndOwnComeFirst()
    {
        RelationStore store(*ws_);
        std::string err;
        Relation catRule = rel(EndpointType::Category, categoryId(*ws_, "Cameras"), EndpointType::Product, productId(*ws_, "BAG"),
                               RelationKind::Accessory);
        QVERIFY2(store.add(catRule, err), err.c_str());
        Relation own = rel(EndpointType::Product, productId(*ws_, "CAM"), EndpointType::Product, productId(*ws_, "CARD-A"),
                           RelationKind::Necessity);
        QVERIFY2(store.add(own, err), err.c_str());
        auto s = snapshot();
        // A rule on "Cameras" reaches a product in "Cameras > Mirrorless"; the product's own rule is first.
        QCOMPARE(resolvedSkus(*s, "CAM"), (std::vector<std::string>{"CARD-A", "BAG"}));
        QCOMPARE(resolvedSkus(*s, "CAM2"), (std::vector<std::string>{"BAG"}));
    }

    void aProductCanExcludeAnInheritedRule()
    {
        RelationStore store(*ws_);
        std::string err;
        Relation catRule = rel(EndpointType::Category, categoryId(*ws_, "Cameras > Mirrorless"), EndpointType::Product,
                               productId(*ws_, "BAG"), RelationKind::Accessory);
        QVERIFY(store.add(catRule, err));
        Relation veto = rel(EndpointType::Product, productId(*ws_, "CAM2"), EndpointType::Product, productId(*ws_, "BAG"),
                            RelationKind::Accessory, RelationStatus::Excluded);
        QVERIFY(store.add(veto, err));
        auto s = snapshot();
        QCOMPARE(resolvedSkus(*s, "CAM"), (std::vector<std::string>{"BAG"}));
        QVERIFY(resolvedSkus(*s, "CAM2").empty());
    }

    void aCategoryTargetIsTheBestInStockProduct()
    {
        RelationStore store(*ws_);
        std::string err;
        Relation r = rel(EndpointType::Category, categoryId(*ws_, "Cameras > Mirrorless"), EndpointType::Category,
                         categoryId(*ws_, "Cameras > Cards"), RelationKind::Necessity);
        QVERIFY(store.add(r, err));
        auto s = snapshot();
        // CARD-B outsells CARD-C but has no stock.
        QCOMPARE(resolvedSkus(*s, "CAM"), (std::vector<std::string>{"CARD-C"}));
        RelationResolver resolver(*s);
        const auto picked = resolver.resolve(uint32_t(s->productIndex("CAM")));
        int32_t cards = -1;
        for (size_t i = 0; i < s->categories.size(); ++i)
            if (s->categories[i].path == "Cameras > Cards") cards = int32_t(i);
        QCOMPARE(picked.front().viaCategory, cards);
        // A mined score, when given, decides instead of sales.
        const int32_t cardA = s->productIndex("CARD-A");
        const auto byScore = resolver.resolve(uint32_t(s->productIndex("CAM")),
                                              [&](uint32_t, uint32_t c) { return int32_t(c) == cardA ? 1.0 : 0.0; });
        QCOMPARE(s->products[byScore.front().product].sku, std::string("CARD-A"));
    }

    void storeEditsAndRefusals()
    {
        RelationStore store(*ws_);
        std::string err;
        const int64_t cam = productId(*ws_, "CAM");
        Relation a = rel(EndpointType::Product, cam, EndpointType::Product, productId(*ws_, "CARD-A"), RelationKind::Necessity);
        Relation b = rel(EndpointType::Product, cam, EndpointType::Product, productId(*ws_, "CARD-C"), RelationKind::Necessity);
        QVERIFY(store.add(a, err));
        QVERIFY(store.add(b, err));
        QCOMPARE(a.position, 1);
        QCOMPARE(b.position, 2);
        Relation dup = a;
        dup.id = 0;
        QVERIFY(!store.add(dup, err));
        QVERIFY(err.find("already has a relation") != std::string::npos);
        Relation self = rel(EndpointType::Product, cam, EndpointType::Product, cam, RelationKind::Accessory);
        QVERIFY(!store.add(self, err));
        QVERIFY(store.reorder({b.id, a.id}, err));
        auto list = store.forAnchor(EndpointType::Product, cam);
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[0].id, b.id);
        a.pitch = "Don't forget the card";
        a.kind = RelationKind::Accessory;
        QVERIFY(store.update(a, err));
        QCOMPARE(store.byId(a.id)->pitch, std::string("Don't forget the card"));
        QCOMPARE(store.byId(a.id)->kind, RelationKind::Accessory);
        QVERIFY(store.remove(a.id, err));
        QVERIFY(!store.byId(a.id));
        // Undo of a delete restores the same id.
        QVERIFY(store.add(a, err));
        QVERIFY(store.byId(a.id));
    }

    void platformLinksBecomeImportedRelations()
    {
        CatalogBatch c;
        c.format = "woocommerce";
        c.products = {product("CAM", "Cameras > Mirrorless", 900, 5)};
        c.relations = {{2, "CAM", "CAM2", "upsell", 1}, {2, "CAM", "BAG", "cross-sell", 1}, {2, "CAM", "GHOST", "cross-sell", 2}};
        ImportReport rep;
        QVERIFY(writeCatalog(*ws_, c, "w.csv", rep));
        QCOMPARE(rep.relationsAdopted, int64_t(2));  // GHOST is not in the catalog
        auto list = RelationStore(*ws_).forAnchor(EndpointType::Product, productId(*ws_, "CAM"));
        QCOMPARE(list.size(), size_t(2));
        for (const Relation &r : list) {
            QCOMPARE(r.source, RelationSource::Imported);
            QCOMPARE(r.kind, r.targetId == productId(*ws_, "CAM2") ? RelationKind::Upgrade : RelationKind::Accessory);
        }
        // Re-importing keeps what the merchandiser changed.
        Relation edited = list[0];
        edited.kind = RelationKind::Enhancement;
        std::string err;
        QVERIFY(RelationStore(*ws_).update(edited, err));
        QVERIFY(writeCatalog(*ws_, c, "w.csv", rep));
        QCOMPARE(RelationStore(*ws_).byId(edited.id)->kind, RelationKind::Enhancement);
    }

    void csvRoundTripAndRejects()
    {
        RelationStore store(*ws_);
        std::string err;
        Relation r = rel(EndpointType::Category, categoryId(*ws_, "Cameras > Mirrorless"), EndpointType::Product,
                         productId(*ws_, "BAG"), RelationKind::Accessory);
        r.pitch = "Carry it, safely";
        QVERIFY(store.add(r, err));
        const std::string csv = exportRelationsCsv(*ws_);
        QVERIFY2(csv.find("category,Cameras > Mirrorless,product,BAG,accessory,1,\"Carry it, safely\",curated,active") != std::string::npos,
                 csv.c_str());
        QVERIFY(store.remove(r.id, err));
        const QString path = dir_.filePath("rel.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(csv));
        f.write("product,CAM,product,NOPE,accessory,1,,curated,active\nproduct,CAM,product,BAG,sidekick,1,,curated,active\n");
        f.close();
        RelationImportReport strict = importRelationsCsv(*ws_, path.toStdString(), true);
        QVERIFY(!strict.ok);
        QVERIFY2(strict.error.find("line 3") != std::string::npos && strict.error.find("\"target\"") != std::string::npos,
                 strict.error.c_str());
        QVERIFY(store.all().empty());
        RelationImportReport lenient = importRelationsCsv(*ws_, path.toStdString(), false);
        QVERIFY2(lenient.ok, lenient.error.c_str());
        QCOMPARE(lenient.added, int64_t(1));
        QCOMPARE(lenient.rejects.size(), size_t(2));
        QCOMPARE(lenient.rejects[1].column, std::string("kind"));
        QCOMPARE(exportRelationsCsv(*ws_), csv);
    }

    void nonMerchandiseRule_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("expected");
        QTest::newRow("POST") << "POST" << "POSTAGE" << true;
        QTest::newRow("DOT") << "DOT" << "DOTCOM POSTAGE" << true;
        QTest::newRow("M") << "M" << "Manual" << true;
        QTest::newRow("bank") << "BANK CHARGES" << "Bank Charges" << true;
        QTest::newRow("amazon") << "AMAZONFEE" << "AMAZON FEE" << true;
        QTest::newRow("cruk") << "CRUK" << "CRUK Commission" << true;
        QTest::newRow("gift") << "gift_0001_10" << "Dotcomgiftshop Gift Voucher £10.00" << true;
        QTest::newRow("merchandise") << "22916" << "HERB MARKER THYME" << false;
        QTest::newRow("camera") << "CAM-MIR-110" << "Mirrorless camera" << false;
        // Real Online Retail lines: a word alone does not make a fee.
        QTest::newRow("carriage clock") << "85168B" << "BLACK BAROQUE CARRIAGE CLOCK" << false;
        QTest::newRow("carriage lantern") << "23099" << "FRENCH CARRIAGE LANTERN" << false;
        QTest::newRow("gift shop product") << "DCGS0070" << "CAMOUFLAGE DOG COLLAR" << false;
        QTest::newRow("next day carriage") << "23444" << "Next Day Carriage" << true;
        QTest::newRow("ebay adjustment") << "DCGS0003" << "ebay" << true;
    }
    void nonMerchandiseRule()
    {
        QFETCH(QString, sku);
        QFETCH(QString, title);
        QFETCH(bool, expected);
        QCOMPARE(looksLikeNonMerchandise(sku.toStdString(), title.toStdString()), expected);
    }

    void markingNotRecommendable()
    {
        RelationStore store(*ws_);
        const auto ids = store.nonMerchandiseCandidates();
        QCOMPARE(ids, std::vector<int64_t>{productId(*ws_, "POST")});
        std::string err;
        QVERIFY(store.setRecommendable(ids, false, err));
        auto s = snapshot();
        QVERIFY(!s->products[size_t(s->productIndex("POST"))].recommendable);
        QVERIFY(store.nonMerchandiseCandidates().empty());
    }

    void demoMapHasEveryKind()
    {
        QTemporaryDir d;
        std::string error;
        DemoParameters p;
        QVERIFY2(createDemoWorkspace(d.filePath("demo.merchbench").toStdString(), p, error), error.c_str());
        auto ws = Workspace::open(d.filePath("demo.merchbench").toStdString(), error);
        QVERIFY(ws);
        const auto all = RelationStore(*ws).all();
        for (RelationKind k : allKinds)
            QVERIFY2(std::any_of(all.begin(), all.end(), [&](const Relation &r) { return r.kind == k && r.status == RelationStatus::Active; }),
                     kindName(k));
        QVERIFY(std::any_of(all.begin(), all.end(), [](const Relation &r) { return r.anchorType == EndpointType::Category; }));
        QVERIFY(std::any_of(all.begin(), all.end(), [](const Relation &r) { return !r.pitch.empty(); }));
        QVERIFY(std::any_of(all.begin(), all.end(), [](const Relation &r) { return r.status == RelationStatus::Excluded; }));
        auto snap = Snapshot::load(*ws, error);
        const auto skus = resolvedSkus(*snap, "CAM-MIR-110");
        QCOMPARE(skus.front(), std::string("CAM-CRD-110"));   // its own necessity first
        const auto ebike = resolvedSkus(*snap, "BIK-EBK-230");  // excludes the inherited lights rule
        QVERIFY(std::none_of(ebike.begin(), ebike.end(), [](const std::string &s) { return s.rfind("BIK-LGT", 0) == 0; }));
        const auto other = resolvedSkus(*snap, "BIK-EBK-210");
        QVERIFY(std::any_of(other.begin(), other.end(), [](const std::string &s) { return s.rfind("BIK-LGT", 0) == 0; }));
    }
};

QTEST_GUILESS_MAIN(TestRelations)
#include "tst_relations.moc"
