// Non-merchandise proposals (core/hygiene/nonmerchandise.h) on the real data sets: what each one proposes
// and why, that nothing is applied by proposing, that a dismissal or a confirmation takes a product off
// the list, and the learned signals on made-up histories.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/hygiene/nonmerchandise.h"
#include "core/storage/hygienestore.h"
#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

QStringList skus(const std::vector<NonMerchProposal> &proposals)
{
    QStringList out;
    for (const NonMerchProposal &p : proposals) out << QString::fromStdString(p.sku);
    return out;
}

const NonMerchProposal *find(const std::vector<NonMerchProposal> &proposals, const std::string &sku)
{
    for (const NonMerchProposal &p : proposals)
        if (p.sku == sku) return &p;
    return nullptr;
}

}  // namespace

class TestNonMerchProposals : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString write(const char *name, const QByteArray &content)
    {
        const QString path = dir_.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

private Q_SLOTS:
    void documentedRules_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("kind");
        QTest::newRow("POST") << "POST" << "POSTAGE" << "postage";
        QTest::newRow("DOT") << "DOT" << "DOTCOM POSTAGE" << "postage";
        QTest::newRow("Next Day Carriage") << "23444" << "Next Day Carriage" << "postage";
        QTest::newRow("bank charges") << "BANK CHARGES" << "Bank Charges" << "fee";
        QTest::newRow("Amazon fee") << "AMAZONFEE" << "AMAZON FEE" << "fee";
        QTest::newRow("samples") << "S" << "SAMPLES" << "sample";
        QTest::newRow("manual") << "M" << "Manual" << "adjustment";
        QTest::newRow("bad debt") << "B" << "Adjust bad debt" << "adjustment";
        QTest::newRow("tip") << "Tip" << "Tip" << "tip";
        QTest::newRow("gift card by title") << "AP_GC_10" << "Alpha Paw Gift Card - $10.00" << "gift card";
        QTest::newRow("gift voucher by SKU") << "gift_0001_20" << "Dotcomgiftshop Gift Voucher £20.00" << "gift card";
        QTest::newRow("spaces around a code") << "  post " << "" << "postage";
        // Merchandise that shares a word with a service.
        QTest::newRow("carriage lantern") << "21000" << "FRENCH CARRIAGE LANTERN" << "";
        QTest::newRow("gift tape") << "21883" << "STARS GIFT TAPE" << "";
        QTest::newRow("tip in a word") << "22000" << "TIPSY TEACUP" << "";
        QTest::newRow("a cake stand") << "22423" << "REGENCY CAKESTAND 3 TIER" << "";
    }
    void documentedRules()
    {
        QFETCH(QString, sku);
        QFETCH(QString, title);
        QFETCH(QString, kind);
        const NonMerchRule r = nonMerchandiseRule(sku.toStdString(), title.toStdString());
        QCOMPARE(QString::fromStdString(r.kind), kind);
        QCOMPARE(r.reason.empty(), kind.isEmpty());
    }

    void learnedSignals()
    {
        // FLAT rides along with 3 of 4 baskets at one price; CHG is typed in per order; CRED is all credits.
        QByteArray csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
        for (int i = 0; i < 40; ++i) {
            const QByteArray order = QByteArray::number(1000 + i), date = "2011-01-01 10:00";
            csv += order + ",MUG" + QByteArray::number(i % 7) + ",MUG," + "2," + date + ",2.50,1,UK\n";
            if (i % 4) csv += order + ",FLAT,HANDLING,1," + date + ",4.95,1,UK\n";
            if (i < 12) csv += order + ",CHG,SERVICE," + "1," + date + "," + QByteArray::number(3 + i * i) + ",1,UK\n";
            if (i < 6) csv += order + ",CRED,REBATE,-1," + date + ",1.00,1,UK\n";
        }
        auto ws = mbtest::freshWorkspace(dir_, "learned.merchbench");
        QVERIFY(mbtest::importFile(*ws, ImportKind::Orders, write("learned.csv", csv)).status == ImportStatus::Ok);
        const auto proposals = proposeNonMerchandise(*mbtest::loadSnapshot(*ws), {});
        QCOMPARE(skus(proposals), QStringList({"FLAT", "CHG", "CRED"}));   // by share of baskets; no MUG
        const NonMerchProposal *flat = find(proposals, "FLAT");
        QVERIFY(flat->learned && !flat->ruled);
        QCOMPARE(flat->basketShare, 0.75);
        QCOMPARE(flat->medianPrice, 4.95);
        QVERIFY2(flat->reason.find("in 75 % of baskets") != std::string::npos, flat->reason.c_str());
        QVERIFY2(find(proposals, "CHG")->reason.find("priced per order") != std::string::npos, find(proposals, "CHG")->reason.c_str());
        QCOMPARE(find(proposals, "CRED")->creditShare, 1.0);
    }

    void onlineRetail()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        auto ws = mbtest::freshWorkspace(dir_, "retail.merchbench");
        QVERIFY(mbtest::importFile(*ws, ImportKind::Orders, csv).status == ImportStatus::Ok);
        auto snap = mbtest::loadSnapshot(*ws);
        const auto proposals = proposeNonMerchandise(*snap, {});
        // Documented rules first, by share of baskets; then what only the history gives away.
        QCOMPARE(skus(proposals), QStringList({"POST", "DOT", "M", "C2", "23444", "BANK CHARGES", "gift_0001_20",
                                               "gift_0001_10", "gift_0001_30", "gift_0001_50", "gift_0001_40", "B", "S",
                                               "AMAZONFEE", "m", "22016", "D", "DCGS0073", "DCGS0068", "DCGS0067", "CRUK"}));
        const NonMerchProposal *dot = find(proposals, "DOT");
        QVERIFY(dot->ruled && dot->learned);   // the list knows it, and its prices give it away too
        QCOMPARE(dot->kind, std::string("postage"));
        QCOMPARE(qRound(dot->basketShare * 1000), 34);
        QVERIFY(find(proposals, "M")->learned);
        QVERIFY(find(proposals, "CRUK")->learned);
        // Proposing changes nothing.
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products WHERE recommendable = 0"), int64_t(0));

        // Dismissed: not proposed again; confirmed: not recommendable, so not proposed either.
        HygieneStore store(*ws);
        std::string error;
        QVERIFY2(store.dismissNonMerchandise({"DCGS0073", "DCGS0068"}, error), error.c_str());
        QVERIFY2(RelationStore(*ws).setRecommendable({snap->products[size_t(snap->productIndex("DOT"))].id}, false, error),
                 error.c_str());
        const auto after = proposeNonMerchandise(*mbtest::loadSnapshot(*ws), store.dismissedNonMerchandise());
        QCOMPARE(after.size(), proposals.size() - 3);
        QVERIFY(!find(after, "DOT") && !find(after, "DCGS0073") && !find(after, "DCGS0068"));
        QVERIFY2(store.undismissNonMerchandise({"DCGS0068"}, error), error.c_str());
        QVERIFY(find(proposeNonMerchandise(*mbtest::loadSnapshot(*ws), store.dismissedNonMerchandise()), "DCGS0068"));
    }

    void groceries()
    {
        MB_REQUIRE_DATASET(csv, "groceries/groceries.csv");
        auto ws = mbtest::freshWorkspace(dir_, "groceries.merchbench");
        QVERIFY(mbtest::importFile(*ws, ImportKind::Orders, csv).status == ImportStatus::Ok);
        // Whole milk is in a quarter of the baskets, but the file has no prices: no flat charge, no proposal.
        QCOMPARE(skus(proposeNonMerchandise(*mbtest::loadSnapshot(*ws), {})), QStringList());
    }

    void shopifyStore()
    {
        MB_REQUIRE_DATASET(products, "shopify_store_export/products_export.csv");
        MB_REQUIRE_DATASET(orders, "shopify_store_export/orders_export_redacted.csv");
        auto ws = mbtest::freshWorkspace(dir_, "shopify.merchbench");
        QVERIFY(mbtest::importFile(*ws, ImportKind::Catalog, products).status == ImportStatus::Ok);
        QVERIFY(mbtest::importFile(*ws, ImportKind::Orders, orders).status == ImportStatus::Ok);
        const auto proposals = proposeNonMerchandise(*mbtest::loadSnapshot(*ws), {});
        QCOMPARE(skus(proposals), QStringList({"Tip", "fee", "AP_GC_10", "AP_GC_25", "AP_GC_50", "AP_GC_100"}));
        QCOMPARE(find(proposals, "Tip")->kind, std::string("tip"));
        QCOMPARE(find(proposals, "AP_GC_10")->kind, std::string("gift card"));
    }

    void shopifySamples()
    {
        for (const char *file : {"apparel.csv", "home-and-garden.csv", "jewelery.csv", "product_template.csv"}) {
            MB_REQUIRE_DATASET(path, QStringLiteral("shopify_product_samples/") + QLatin1String(file));
            auto ws = mbtest::freshWorkspace(dir_, (std::string("sample-") + file + ".merchbench").c_str());
            QVERIFY(mbtest::importFile(*ws, ImportKind::Catalog, path).status == ImportStatus::Ok);
            QVERIFY2(proposeNonMerchandise(*mbtest::loadSnapshot(*ws), {}).empty(), file);   // all merchandise
        }
    }
};

QTEST_GUILESS_MAIN(TestNonMerchProposals)
#include "tst_nonmerchproposals.moc"
