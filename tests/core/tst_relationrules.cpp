// The map rules written once in core (core/maps/relationrules.h, core/storage/relation.h,
// placementMayShow): exclusion matching, self and duplicate relations, checkout showing no upgrades. The
// engine, the importers, storage and the maps panel all call these, so each case here holds for all of them.
#include "core/maps/relationrules.h"
#include "core/placement/placementpolicy.h"
#include "core/storage/relation.h"

#include <QtTest>

using namespace mb;

namespace {

Relation relation(EndpointType at, int64_t a, EndpointType tt, int64_t t, RelationStatus status = RelationStatus::Active,
                  RelationKind kind = RelationKind::Accessory)
{
    Relation r;
    r.anchorType = at;
    r.anchorId = a;
    r.targetType = tt;
    r.targetId = t;
    r.status = status;
    r.kind = kind;
    return r;
}

constexpr auto P = EndpointType::Product;
constexpr auto C = EndpointType::Category;

}  // namespace

class tst_RelationRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anExclusionVetoesTheInheritedRuleWithItsTarget()
    {
        const Relation exclusion = relation(P, 7, C, 30, RelationStatus::Excluded);
        QVERIFY(vetoes(exclusion, relation(C, 3, C, 30)));   // the category rule to the same category
        QVERIFY(!vetoes(exclusion, relation(C, 3, C, 31)));  // another target
        QVERIFY(!vetoes(exclusion, relation(C, 3, P, 30)));  // a product with the same id is another endpoint
        const Relation productExclusion = relation(P, 7, P, 12, RelationStatus::Excluded);
        QVERIFY(vetoes(productExclusion, relation(C, 3, P, 12)));
        QVERIFY(!vetoes(productExclusion, relation(C, 3, C, 12)));
    }

    void onlyAnExclusionVetoes()
    {
        for (RelationStatus s : {RelationStatus::Active, RelationStatus::Suggested, RelationStatus::Rejected}) {
            const Relation own = relation(P, 7, C, 30, s);
            QVERIFY2(!vetoes(own, relation(C, 3, C, 30)), statusName(s));
        }
        // The snapshot form compares indexes the same way.
        QVERIFY(vetoes(RelationStatus::Excluded, C, 4, C, 4));
        QVERIFY(!vetoes(RelationStatus::Active, C, 4, C, 4));
    }

    void aRelationToItselfIsRefused()
    {
        QVERIFY(relatesToItself(P, 5, P, 5));
        QVERIFY(relatesToItself(C, 5, C, 5));
        QVERIFY(!relatesToItself(P, 5, C, 5));  // product 5 and category 5 are different endpoints
        QVERIFY(!relatesToItself(P, 5, P, 6));
        QVERIFY(relation(P, 9, P, 9).toItself());
        QCOMPARE(checkNewRelation(relation(P, 9, P, 9), {}), NewRelationProblem::ToItself);
        QCOMPARE(checkNewRelation(relation(C, 9, P, 9), {}), NewRelationProblem::None);
    }

    void aSecondRelationBetweenTheSameEndpointsIsADuplicate()
    {
        const std::vector<Relation> existing = {relation(P, 1, P, 2, RelationStatus::Active, RelationKind::Necessity),
                                                relation(P, 1, C, 3, RelationStatus::Rejected)};
        const Relation *duplicate = nullptr;
        // Any kind: one relation per anchor and target.
        QCOMPARE(checkNewRelation(relation(P, 1, P, 2, RelationStatus::Active, RelationKind::Upgrade), existing, &duplicate),
                 NewRelationProblem::Duplicate);
        QVERIFY(duplicate == &existing[0]);
        QCOMPARE(duplicate->kind, RelationKind::Necessity);
        QCOMPARE(checkNewRelation(relation(P, 1, C, 3), existing), NewRelationProblem::Duplicate);
        QCOMPARE(checkNewRelation(relation(P, 1, P, 3), existing), NewRelationProblem::None);  // category 3 is not product 3
        QCOMPARE(checkNewRelation(relation(C, 1, P, 2), existing), NewRelationProblem::None);  // another anchor
        // Self is reported before duplicate: the relation could never exist at all.
        QCOMPARE(checkNewRelation(relation(P, 1, P, 1), {relation(P, 1, P, 1)}), NewRelationProblem::ToItself);
    }

    void checkoutShowsNoUpgrades()
    {
        for (Placement p : allPlacements)
            for (RelationKind k : allKinds)
                QCOMPARE(placementMayShow(p, k), !(p == Placement::Checkout && k == RelationKind::Upgrade));
        // The policy key follows the rule: an upgrade is refused at checkout, with the rule's reason.
        PlacementPolicy checkout = defaultPolicy(Placement::Checkout);
        std::string error;
        QVERIFY(!setPolicyValue(checkout, "kinds", "necessity,upgrade", error));
        QVERIFY2(error.find("checkout never shows upgrades") != std::string::npos, error.c_str());
        PlacementPolicy page = defaultPolicy(Placement::ProductPage);
        QVERIFY2(setPolicyValue(page, "kinds", "upgrade,necessity", error), error.c_str());
    }
};

QTEST_GUILESS_MAIN(tst_RelationRules)
#include "tst_relationrules.moc"
