// Typed policy key metadata (PolicyKeyInfo: kind, min, max, choices) agrees with what setPolicyValue
// accepts, for every key of every placement: the policy panel builds its editors from it, so an editor
// that offered a value the engine refuses (or hid one it accepts) would be a bug here first.
#include "core/placement/placementpolicy.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

using namespace mb;

namespace {

std::string number(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// A policy in which the upsell band cannot become empty, whatever one end is set to within its range:
// setPolicyValue checks the band, and that check is not what this test is about.
PlacementPolicy wideBand(Placement p)
{
    PlacementPolicy policy = defaultPolicy(p);
    policy.upsellMinPercent = 0;
    policy.upsellMaxPercent = 1000;
    return policy;
}

bool accepts(Placement p, const PolicyKeyInfo &k, const std::string &value, std::string *error = nullptr)
{
    PlacementPolicy policy = wideBand(p);
    std::string e;
    const bool ok = setPolicyValue(policy, k.key, value, e);
    if (error) *error = e;
    return ok;
}

QString where(Placement p, const PolicyKeyInfo &k, const std::string &value)
{
    return QStringLiteral("%1 %2 = \"%3\"").arg(QString::fromLatin1(placementName(p)), QString::fromLatin1(k.key), QString::fromStdString(value));
}

}  // namespace

class tst_PolicyKeys : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKeyHasMetadataThatFitsItsKind()
    {
        for (Placement p : allPlacements)
            for (const PolicyKeyInfo &k : policyKeys(p)) {
                const QString name = QString::fromLatin1(placementName(p)) + QLatin1Char(' ') + QString::fromLatin1(k.key);
                QVERIFY2(k.expected && *k.expected, qPrintable(name + QStringLiteral(": no expected text for errors")));
                switch (k.kind) {
                case PolicyKeyKind::Integer:
                case PolicyKeyKind::Number:
                    QVERIFY2(k.min < k.max, qPrintable(name + QStringLiteral(": empty range")));
                    QVERIFY2(k.choices.empty(), qPrintable(name));
                    break;
                case PolicyKeyKind::Choice:
                case PolicyKeyKind::KindList:
                    QVERIFY2(!k.choices.empty(), qPrintable(name + QStringLiteral(": no choices")));
                    break;
                case PolicyKeyKind::Bool:
                    QVERIFY2(k.choices.empty(), qPrintable(name));
                    break;
                }
            }
    }

    void rangesAreWhatSetPolicyValueAccepts()
    {
        int checked = 0;
        for (Placement p : allPlacements)
            for (const PolicyKeyInfo &k : policyKeys(p)) {
                if (k.kind != PolicyKeyKind::Integer && k.kind != PolicyKeyKind::Number) continue;
                std::string e;
                QVERIFY2(accepts(p, k, number(k.min), &e), qPrintable(where(p, k, number(k.min)) + QStringLiteral(": ") + QString::fromStdString(e)));
                QVERIFY2(accepts(p, k, number(k.max), &e), qPrintable(where(p, k, number(k.max)) + QStringLiteral(": ") + QString::fromStdString(e)));
                // One step beyond either end: a whole step for whole numbers, a hundredth (the panel's two
                // decimals) for the others.
                const double step = k.kind == PolicyKeyKind::Integer ? 1 : 0.01;
                QVERIFY2(!accepts(p, k, number(k.min - step)), qPrintable(where(p, k, number(k.min - step)) + QStringLiteral(" was accepted")));
                QVERIFY2(!accepts(p, k, number(k.max + step)), qPrintable(where(p, k, number(k.max + step)) + QStringLiteral(" was accepted")));
                if (k.kind == PolicyKeyKind::Integer) {
                    const std::string half = number(k.min + 0.5);
                    QVERIFY2(!accepts(p, k, half), qPrintable(where(p, k, half) + QStringLiteral(" is no whole number but was accepted")));
                } else {
                    const std::string between = number((k.min + k.max) / 2 + 0.25);
                    QVERIFY2(accepts(p, k, between), qPrintable(where(p, k, between) + QStringLiteral(" was refused")));
                }
                ++checked;
            }
        QVERIFY(checked > 20);  // slots, pair weight, band, days, thresholds: in every placement
    }

    void boolsAcceptTrueAndFalseOnly()
    {
        for (Placement p : allPlacements)
            for (const PolicyKeyInfo &k : policyKeys(p)) {
                if (k.kind != PolicyKeyKind::Bool) continue;
                QVERIFY2(accepts(p, k, "true") && accepts(p, k, "false"), qPrintable(where(p, k, "true/false")));
                QVERIFY2(!accepts(p, k, "maybe"), qPrintable(where(p, k, "maybe") + QStringLiteral(" was accepted")));
                QVERIFY2(!accepts(p, k, "2"), qPrintable(where(p, k, "2") + QStringLiteral(" was accepted")));
            }
    }

    void everyChoiceIsAcceptedAndNothingElse()
    {
        for (Placement p : allPlacements)
            for (const PolicyKeyInfo &k : policyKeys(p)) {
                if (k.kind != PolicyKeyKind::Choice) continue;
                for (const std::string &c : k.choices) {
                    PlacementPolicy policy = wideBand(p);
                    std::string e;
                    QVERIFY2(setPolicyValue(policy, k.key, c, e), qPrintable(where(p, k, c) + QStringLiteral(": ") + QString::fromStdString(e)));
                    QCOMPARE(policyValue(policy, k.key), c);  // what the editor shows is what was chosen
                }
                QVERIFY2(!accepts(p, k, "sometimes"), qPrintable(where(p, k, "sometimes") + QStringLiteral(" was accepted")));
            }
    }

    // A kind list takes each offered kind alone and all of them together, and refuses every kind not
    // offered: checkout offers no upgrade, and refuses it.
    void kindListChoicesAreTheKindsThePlacementMayShow()
    {
        for (Placement p : allPlacements)
            for (const PolicyKeyInfo &k : policyKeys(p)) {
                if (k.kind != PolicyKeyKind::KindList) continue;
                std::string all;
                for (const std::string &c : k.choices) {
                    QVERIFY2(accepts(p, k, c), qPrintable(where(p, k, c) + QStringLiteral(" was refused")));
                    all += (all.empty() ? "" : ",") + c;
                }
                QVERIFY2(accepts(p, k, all), qPrintable(where(p, k, all) + QStringLiteral(" was refused")));
                for (RelationKind kind : allKinds) {
                    const bool offered = std::find(k.choices.begin(), k.choices.end(), kindName(kind)) != k.choices.end();
                    QCOMPARE(offered, placementMayShow(p, kind));
                    if (!offered) QVERIFY2(!accepts(p, k, kindName(kind)), qPrintable(where(p, k, kindName(kind)) + QStringLiteral(" was accepted")));
                }
                QVERIFY(!accepts(p, k, "gadget"));
            }
        QVERIFY(!placementMayShow(Placement::Checkout, RelationKind::Upgrade));
        QVERIFY(placementMayShow(Placement::ProductPage, RelationKind::Upgrade));
        QVERIFY(placementMayShow(Placement::Checkout, RelationKind::Necessity));
    }
};

QTEST_GUILESS_MAIN(tst_PolicyKeys)
#include "tst_policykeys.moc"
