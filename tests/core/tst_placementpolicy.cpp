// Placement policies: the issue's defaults, validation that names the key and says what was expected,
// and the round trip through the workspace's placement_policies table.
#include "core/placement/placementpolicy.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

class tst_PlacementPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsFollowTheIssue_data()
    {
        QTest::addColumn<QString>("placement");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("page kinds") << "product-page" << "kinds" << "necessity,enhancement,accessory,consumable,upgrade";
        QTest::newRow("page slots") << "product-page" << "slots" << "6";
        QTest::newRow("band min") << "product-page" << "upsell-min-percent" << "10";
        QTest::newRow("band max") << "product-page" << "upsell-max-percent" << "50";
        QTest::newRow("upgrades first") << "product-page" << "upgrades-first" << "true";
        QTest::newRow("cart kinds") << "cart" << "kinds" << "necessity,consumable,accessory";
        QTest::newRow("cart slots") << "cart" << "slots" << "3";
        QTest::newRow("cart share") << "cart" << "max-cart-share-percent" << "25";
        QTest::newRow("free shipping off") << "cart" << "free-shipping-threshold" << "0";
        QTest::newRow("checkout kinds") << "checkout" << "kinds" << "necessity,consumable";
        QTest::newRow("checkout slots") << "checkout" << "slots" << "2";
        QTest::newRow("post kinds") << "post-purchase" << "kinds" << "accessory,enhancement,consumable";
        QTest::newRow("post slots") << "post-purchase" << "slots" << "4";
        QTest::newRow("strategy") << "cart" << "strategy" << "blend";
        QTest::newRow("in stock") << "checkout" << "in-stock" << "true";
    }
    void defaultsFollowTheIssue()
    {
        QFETCH(QString, placement);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const PlacementPolicy p = defaultPolicy(*placementFromName(placement.toStdString()));
        QCOMPARE(QString::fromStdString(policyValue(p, key.toStdString())), value);
    }

    void badValuesAreExplained_data()
    {
        QTest::addColumn<QString>("placement");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown key") << "cart" << "upsell-max-percent" << "20"
                                     << "cart policy: unknown key \"upsell-max-percent\"; the keys are kinds, slots, strategy, pair-weight, "
                                        "max-cart-share-percent, cart-share-floor, free-shipping-threshold, due-lead-days, in-stock, low-stock-threshold, "
                                        "exclude-cart, exclude-bought, rebuy-share, consumables-due-again, recommendable-only, one-per-family, "
                                        "min-margin-percent, cannibalisation-guard, no-duplicates, fallback";
        QTest::newRow("slots") << "cart" << "slots" << "0"
                               << "cart policy: key \"slots\": \"0\" is not valid; expected a whole number from 1 to 20";
        QTest::newRow("fraction slots") << "cart" << "slots" << "2.5"
                                        << "cart policy: key \"slots\": \"2.5\" is not valid; expected a whole number from 1 to 20";
        QTest::newRow("kind") << "cart" << "kinds" << "necessity,gadget"
                              << "cart policy: key \"kinds\": \"necessity,gadget\" is not valid (\"gadget\" is not a kind); expected a "
                                 "comma-separated list of necessity, enhancement, accessory, consumable, upgrade";
        QTest::newRow("checkout upgrade") << "checkout" << "kinds" << "upgrade"
                                          << "checkout policy: key \"kinds\": \"upgrade\" is not valid (checkout never shows upgrades); expected "
                                             "a comma-separated list of necessity, enhancement, accessory, consumable, upgrade";
        QTest::newRow("flag") << "cart" << "in-stock" << "maybe" << "cart policy: key \"in-stock\": \"maybe\" is not valid; expected true or false";
        QTest::newRow("strategy") << "cart" << "strategy" << "random"
                                  << "cart policy: key \"strategy\": \"random\" is not valid; expected curated, mined or blend";
        QTest::newRow("share") << "cart" << "max-cart-share-percent" << "120"
                               << "cart policy: key \"max-cart-share-percent\": \"120\" is not valid; expected a number from 0 to 100 (0 = no limit)";
        QTest::newRow("empty band") << "product-page" << "upsell-max-percent" << "5"
                                    << "product-page policy: key \"upsell-max-percent\": the upsell band would be empty (upsell-min-percent 10 > "
                                       "upsell-max-percent 5)";
    }
    void badValuesAreExplained()
    {
        QFETCH(QString, placement);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, error);
        PlacementPolicy p = defaultPolicy(*placementFromName(placement.toStdString()));
        const PlacementPolicy before = p;
        std::string e;
        QVERIFY(!setPolicyValue(p, key.toStdString(), value.toStdString(), e));
        QCOMPARE(QString::fromStdString(e), error);
        QCOMPARE(policyValue(p, "slots"), policyValue(before, "slots"));
    }

    void savedValuesComeBackAndInvalidRowsAreReported()
    {
        QTemporaryDir dir;
        std::string error;
        const std::string path = dir.filePath("p.merchbench").toStdString();
        auto ws = Workspace::create(path, error);
        QVERIFY2(ws, error.c_str());
        QVERIFY2(savePolicyValue(*ws, Placement::Cart, "free-shipping-threshold", "49.5", error), error.c_str());
        QVERIFY2(savePolicyValue(*ws, Placement::ProductPage, "upgrades-first", "off", error), error.c_str());
        QVERIFY(!savePolicyValue(*ws, Placement::Cart, "slots", "99", error));
        PolicySet set;
        QVERIFY2(loadPolicies(*ws, set, error), error.c_str());
        QCOMPARE(set[size_t(Placement::Cart)].freeShippingThreshold, 49.5);
        QCOMPARE(set[size_t(Placement::Cart)].slots, 3);
        QCOMPARE(set[size_t(Placement::ProductPage)].upgradesFirst, false);
        {
            Statement s(ws->db(), "SELECT value FROM placement_policies WHERE placement = 'product-page' AND key = 'upgrades-first'");
            QVERIFY(s.step());
            QCOMPARE(s.text(0), std::string("false"));  // stored in canonical spelling
        }
        QVERIFY(writeTransaction(*ws, error, [](sqlite3 *db, std::string &) {
            return execSql(db, "INSERT INTO placement_policies VALUES ('checkout', 'price-cap', 'cheap')");
        }));
        QVERIFY(!loadPolicies(*ws, set, error));
        QCOMPARE(QString::fromStdString(error),
                 QString::fromStdString(path) + ": stored checkout policy: key \"price-cap\": \"cheap\" is not valid; expected an amount of 0 or more (0 = no cap)");
    }
};

QTEST_GUILESS_MAIN(tst_PlacementPolicy)
#include "tst_placementpolicy.moc"
