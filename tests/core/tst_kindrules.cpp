// The kinds of mined pairs (core/maps/kindsuggestion.h) and what the placements make of them, on hand-made
// cases, the demo and the real data sets: a consumable is re-bought markedly more than its anchor and
// cheaper; a substitute (alike, priced alike, rarely together for what the anchor's partners usually are)
// is never a cross-sell, at most an upgrade; category targets fit their anchor; a cheap cart gets cheap
// add-ons. The Online Retail and Groceries cases skip without ../shared/datasets.
#include "miningdata.h"
#include "testsupport.h"

#include "core/demo/demogenerator.h"
#include "core/maps/kindsuggestion.h"
#include "core/maps/relationresolver.h"
#include "core/maps/titlewords.h"
#include "core/mining/pairstatistics.h"
#include "core/mining/replenishment.h"
#include "core/placement/minedevidence.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <unordered_map>

using namespace mb;
using K = RelationKind;

namespace {

Snapshot titled(const std::vector<std::tuple<std::string, std::string, double>> &products)
{
    Snapshot s;
    for (const auto &[sku, title, price] : products) {
        SnapshotProduct p;
        p.id = int64_t(s.products.size()) + 1;
        p.sku = sku;
        p.title = title;
        p.price = price;
        s.skuIndex.emplace(sku, uint32_t(s.products.size()));
        s.products.push_back(p);
    }
    return s;
}

// Titles are the most frequent description of each code, prices the median of its positive unit prices
// (what the import's hygiene makes of them), and codes that are not five digits not recommendable
// (postage, fees, manual adjustments): the store as a merchandiser would have it after the import.
bool tidyOnlineRetail(Snapshot &s, const std::string &path, std::string &error)
{
    const TextFile file = TextFile::load(path);
    if (!file.ok()) {
        error = file.error;
        return false;
    }
    CsvReader reader(file.data);
    CsvRecord rec;
    reader.next(rec);
    const CsvHeader header(rec.fields);
    const int cSku = header.find({"StockCode"}), cDesc = header.find({"Description"}), cPrice = header.find({"UnitPrice"}),
              cQty = header.find({"Quantity"});
    std::vector<std::map<std::string, int>> titles(s.products.size());
    std::vector<std::vector<double>> prices(s.products.size());
    while (reader.next(rec)) {
        const int32_t p = s.productIndex(std::string(rec.fields[size_t(cSku)]));
        if (p < 0) continue;
        double price = 0, qty = 0;
        parseDecimal(rec.fields[size_t(cPrice)], price);
        parseDecimal(rec.fields[size_t(cQty)], qty);
        if (price > 0 && qty > 0) {
            prices[size_t(p)].push_back(price);
            ++titles[size_t(p)][std::string(rec.fields[size_t(cDesc)])];
        }
    }
    for (size_t p = 0; p < s.products.size(); ++p) {
        SnapshotProduct &x = s.products[p];
        int best = 0;
        for (const auto &[t, n] : titles[p])
            if (n > best) { best = n; x.title = t; }
        if (!prices[p].empty()) {
            std::sort(prices[p].begin(), prices[p].end());
            x.price = prices[p][prices[p].size() / 2];
        }
        x.recommendable = x.sku.size() >= 5 && std::all_of(x.sku.begin(), x.sku.begin() + 5, [](char c) { return c >= '0' && c <= '9'; });
    }
    return true;
}

void countBaskets(Snapshot &s)
{
    s.basketsWith.assign(s.products.size(), 0);
    s.unitsSold.assign(s.products.size(), 0.0);
    for (uint32_t item : s.basketItems) {
        ++s.basketsWith[item];
        s.unitsSold[item] += 1;
    }
}

// Pairs (count >= 2) and replenishment, without EASE: the kinds rest on these alone.
MinedEvidence pairEvidence(const Snapshot &s)
{
    MinedEvidenceBuilder b(s);
    PairOptions po;
    po.minCount = 2;
    forEachPairRule(s, po, [&](std::span<const PairRule> rules) {
        b.addPairRules(rules);
        return true;
    });
    b.addReplenishment(replenishment(s, ReplenishmentOptions{}));
    return b.finish();
}

const MinedCandidate *minedPair(const MinedEvidence &e, const Snapshot &s, const char *anchor, const char *target)
{
    for (const MinedCandidate &m : e.of(uint32_t(s.productIndex(anchor))))
        if (s.products[m.product].sku == target) return &m;
    return nullptr;
}

std::string skus(const Snapshot &s, const RecommendResult &r)
{
    std::string out;
    for (const Recommendation &x : r.picks) out += (out.empty() ? "" : " ") + s.products[x.product].sku + "(" + kindName(x.kind) + ")";
    return out;
}

}  // namespace

class tst_KindRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void titleWordsJoinCompoundsAndWeighRareWords()
    {
        const Snapshot s = titled({{"A", "REGENCY CAKESTAND 3 TIER", 25}, {"B", "RED RETROSPOT CAKE STAND", 21},
                                   {"C", "SET OF 3 REGENCY CAKE TINS", 5}, {"D", "GREEN REGENCY TEACUP AND SAUCER", 3},
                                   {"E", "ROSES REGENCY TEACUP AND SAUCER", 3}, {"F", "RED RETROSPOT LUNCH BAG", 2},
                                   {"G", "RED RETROSPOT JUMBO BAG", 2}, {"H", "PINK POLKADOT JUMBO BAG", 2}});
        const TitleWords w(s);
        QCOMPARE(w.words(1), (std::vector<std::string>{"CAKESTAND", "RED", "RETROSPOT"}));  // "CAKE STAND" is the catalogue's CAKESTAND
        QVERIFY(w.words(2) == (std::vector<std::string>{"CAKE", "REGENCY", "TINS"}));       // SET, OF and 3 say nothing
        QVERIFY2(w.similarity(3, 4) > w.similarity(0, 1), "two teacups of one range");
        QVERIFY2(w.similarity(0, 1) > w.similarity(0, 2), "two cake stands are more alike than a cake stand and cake tins of its range");
        QVERIFY(std::abs(w.similarity(0, 0) - 1.0) < 1e-6);
        QCOMPARE(w.similarity(3, 6), 0.0);
    }

    void substitutesAreNeverAddOns()
    {
        const Snapshot s = titled({{"STAND1", "REGENCY CAKESTAND 3 TIER", 24.96}, {"STAND2", "SWEETHEART 3 TIER CAKE STAND", 19.96},
                                   {"STAND3", "VINTAGE 3 TIER CAKE STAND", 29.95}, {"CUP1", "GREEN REGENCY TEACUP AND SAUCER", 2.95},
                                   {"CUP2", "ROSES REGENCY TEACUP AND SAUCER", 2.95}, {"TINS", "SET OF 3 REGENCY CAKE TINS", 4.95},
                                   {"BAG", "JUMBO BAG RED RETROSPOT", 2}});
        const RelationResolver resolver(s);
        auto kind = [&](const char *a, const char *b, double lift, double typical) {
            KindEvidence e;
            e.confidence = 0.065;  // 22423 -> 22776: in 6.5 % of its baskets
            e.lift = lift;
            e.anchorTypicalLift = typical;
            return suggestKind(s, resolver, uint32_t(s.productIndex(a)), uint32_t(s.productIndex(b)), e);
        };
        // Bought together at the anchor's usual lift: two competing stands, the cheaper one no add-on.
        const KindSuggestion cheaper = kind("STAND1", "STAND2", 2.5, 2.6);
        QVERIFY2(cheaper.substitute, cheaper.reasoning.c_str());
        QVERIFY(cheaper.reasoning.find("similar titles") != std::string::npos);
        // ... and the dearer one (+20 %) an upgrade.
        QCOMPARE(kind("STAND1", "STAND3", 2.5, 2.6).kind, K::Upgrade);
        QVERIFY(!kind("STAND1", "STAND3", 2.5, 2.6).substitute);
        // Bought together far above the usual lift: a range collected together, an add-on.
        const KindSuggestion cup = kind("CUP1", "CUP2", 14.7, 4.5);
        QVERIFY2(!cup.substitute, cup.reasoning.c_str());
        QCOMPARE(cup.kind, K::Accessory);
        // Below lift 1 whatever the anchor's typical lift: rarely together.
        QVERIFY(kind("CUP1", "CUP2", 0.8, 0).substitute);
        // At the usual lift but in a third of either one's baskets: a range bought together, no substitute;
        // in 6.5 % of the dearer one's baskets (however often the dearer is in the cheaper one's): rarely.
        KindEvidence often;
        often.confidence = 0.39;
        often.reverseConfidence = 0.34;
        often.lift = 2.5;
        often.anchorTypicalLift = 2.6;
        const uint32_t stand1 = uint32_t(s.productIndex("STAND1")), stand2 = uint32_t(s.productIndex("STAND2"));
        QVERIFY(!suggestKind(s, resolver, stand1, stand2, often).substitute);
        QCOMPARE(suggestKind(s, resolver, stand1, stand2, often).kind, K::Accessory);
        often.reverseConfidence = 0.065;
        QVERIFY(suggestKind(s, resolver, stand1, stand2, often).substitute);
        // Alike titles but not priced alike (a 25.00 stand and 4.95 tins), or not alike at all: no substitute.
        QVERIFY(!kind("STAND1", "TINS", 1.0, 2.6).substitute);
        QVERIFY(!kind("STAND1", "BAG", 1.0, 2.6).substitute);
    }

    void consumablesAreReboughtMarkedlyMoreAndCheaper()
    {
        const Snapshot s = titled({{"MACHINE", "Espresso machine", 400}, {"FILTER", "Water filter", 9}, {"GRINDER", "Burr grinder", 450}});
        const RelationResolver resolver(s);
        ReplenishmentStat filter{1, 300, 150, 0.5, 400, 30}, machine{0, 500, 50, 0.1, 60, 200}, wholesale{0, 500, 220, 0.44, 900, 20};
        auto kind = [&](const char *a, const char *b, const ReplenishmentStat *ra, const ReplenishmentStat *rb) {
            KindEvidence e;
            e.confidence = 0.2;
            e.anchorReplenishment = ra;
            e.targetReplenishment = rb;
            return suggestKind(s, resolver, uint32_t(s.productIndex(a)), uint32_t(s.productIndex(b)), e);
        };
        const KindSuggestion c = kind("MACHINE", "FILTER", &machine, &filter);
        QCOMPARE(c.kind, K::Consumable);
        QVERIFY2(c.reasoning.find("against 10 %") != std::string::npos, c.reasoning.c_str());
        QCOMPARE(kind("MACHINE", "FILTER", nullptr, &filter).kind, K::Consumable);  // an anchor never re-bought counts as 0
        // A buyer who re-orders the machine as often as the filter (a wholesaler): habit, not a consumable.
        QCOMPARE(kind("MACHINE", "FILTER", &wholesale, &filter).kind, K::Accessory);
        // Re-bought but dearer than the anchor: no consumable of it.
        QCOMPARE(kind("MACHINE", "GRINDER", &machine, &filter).kind, K::Accessory);
    }

    void demoCategoryTargetsFitTheAnchor()
    {
        QTemporaryDir dir;
        std::string error;
        const std::string path = dir.filePath("demo.merchbench").toStdString();
        DemoParameters p;
        p.mine = true;
        QVERIFY2(createDemoWorkspace(path, p, error), error.c_str());
        auto ws = Workspace::open(path, error);
        QVERIFY2(ws, error.c_str());
        const auto snap = Snapshot::load(*ws, error);
        QVERIFY2(snap, error.c_str());
        const Snapshot &s = *snap;
        const PlacementEngine engine(s, evidenceFor(*ws, s).evidence);
        int phones = 0;
        for (uint32_t phone = 0; phone < s.products.size(); ++phone) {
            if (s.products[phone].category < 0 || s.categories[size_t(s.products[phone].category)].path != "Phones > Smartphones") continue;
            ++phones;
            // The model is the title up to its first comma: "Novaphone N8 Plus, 256 GB, 6.7-inch"; its series
            // the first two words ("Novaphone N8"). The exact model's case may be sold out (N8 Pro's is in the
            // demo): then a case of the same series is the nearest fit, never another brand's.
            const std::string &title = s.products[phone].title;
            const std::string full = title.substr(0, title.find(','));
            const std::string model = full.substr(0, full.find(' ', full.find(' ') + 1));
            for (const ResolvedRelation &rel : engine.resolver().resolve(phone)) {
                if (rel.viaCategory < 0 || s.categories[size_t(rel.viaCategory)].path != "Phones > Cases") continue;
                const std::string &caseTitle = s.products[rel.product].title;
                const bool fits = caseTitle.find("for " + model) != std::string::npos;
                const bool universal = caseTitle.find("Universal") != std::string::npos;
                QVERIFY2(fits || (universal && s.products[rel.product].stock != 0),
                         qPrintable(QString::fromStdString(title + " gets " + caseTitle + " from the cases rule")));
            }
            RecommendContext c;
            c.anchor = int32_t(phone);
            const RecommendResult r = engine.recommend(c);
            for (const Recommendation &x : r.picks) {
                // No competing phone is ever an add-on of a phone: at most an upgrade.
                const bool otherPhone = s.products[x.product].category == s.products[phone].category;
                QVERIFY2(!otherPhone || x.kind == K::Upgrade, qPrintable(QString::fromStdString(title + ": " + skus(s, r))));
            }
        }
        QCOMPARE(phones, 12);
        const int32_t n8 = s.productIndex("PHN-SMP-110");
        QCOMPARE(s.products[size_t(n8)].title, std::string("Novaphone N8, 128 GB, 6.1-inch"));
        RecommendContext c;
        c.anchor = n8;
        const RecommendResult r = engine.recommend(c);
        const auto it = std::find_if(r.picks.begin(), r.picks.end(), [&](const Recommendation &x) { return x.pitch == "A case that fits"; });
        QVERIFY2(it != r.picks.end(), skus(s, r).c_str());
        QCOMPARE(s.products[it->product].title, std::string("Armorshell Silicone Case for Novaphone N8"));
    }

    void onlineRetail()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        std::string error;
        const auto loaded = mbtest::onlineRetailFromCsv(csv.toStdString(), error);
        QVERIFY2(loaded, error.c_str());
        Snapshot &s = *loaded;
        QVERIFY2(tidyOnlineRetail(s, csv.toStdString(), error), error.c_str());
        countBaskets(s);
        const MinedEvidence evidence = pairEvidence(s);
        std::map<K, size_t> kinds;
        size_t substitutes = 0;
        for (const MinedCandidate &m : evidence.items) {
            ++kinds[m.kind];
            substitutes += m.substitute;
        }
        const double consumableShare = double(kinds[K::Consumable]) / double(evidence.items.size());
        {
            const RelationResolver resolver(s);
            const TitleWords &w = resolver.titleWords();
            auto sim = [&](const char *a, const char *b) { return w.similarity(uint32_t(s.productIndex(a)), uint32_t(s.productIndex(b))); };
            QVERIFY(sim("22697", "22699") > 0.8);   // GREEN / ROSES REGENCY TEACUP AND SAUCER
            QVERIFY(sim("22423", "22776") > 0.65);  // REGENCY CAKESTAND 3 TIER / SWEETHEART 3 TIER CAKE STAND
            QVERIFY(sim("22423", "21843") > 0.35);  // ... / RED RETROSPOT CAKE STAND
            QVERIFY(sim("22423", "22720") == 0);    // ... / SET OF 3 CAKE TINS PANTRY DESIGN
        }
        qInfo("Online Retail mined candidates: %zu; accessory %zu, consumable %zu, necessity %zu, upgrade %zu; substitutes %zu",
              evidence.items.size(), kinds[K::Accessory], kinds[K::Consumable], kinds[K::Necessity], kinds[K::Upgrade], substitutes);
        // Wholesale buyers re-order everything: "re-bought" alone no longer makes consumables of most pairs.
        QVERIFY2(consumableShare < 0.2, qPrintable(QString::number(consumableShare)));

        // The teacups of one range, bought together at 14.7x: an add-on, shown on the product page.
        const MinedCandidate *cups = minedPair(evidence, s, "22697", "22699");
        QVERIFY(cups);
        QVERIFY(!cups->substitute);
        QCOMPARE(cups->kind, K::Accessory);
        const PlacementEngine engine(s, evidence);
        RecommendContext page;
        page.anchor = s.productIndex("22697");
        RecommendResult r = engine.recommend(page);
        QVERIFY2(std::any_of(r.picks.begin(), r.picks.end(), [&](const Recommendation &x) { return s.products[x.product].sku == "22699"; }),
                 skus(s, r).c_str());
        // Competing cake stands, bought with 22423 at its usual lift: never its accessory; the dearer
        // 22423 is an upgrade of the cheaper 22776.
        // The kinds as the evidence builder sees them: the pair's lift against the anchor's typical lift (the
        // median over its kept partners), whatever made the anchor's top 24.
        const RelationResolver resolver(s);
        auto kindOf = [&](const char *a, const char *b) {
            const uint32_t ia = uint32_t(s.productIndex(a)), ib = uint32_t(s.productIndex(b));
            std::vector<double> lifts;
            for (const MinedCandidate &m : evidence.of(ia))
                if (m.lift > 0) lifts.push_back(m.lift);
            std::sort(lifts.begin(), lifts.end());
            KindEvidence e;
            const PairRule pair = pairRule(s, ia, ib);
            e.confidence = pair.confidence;
            e.lift = pair.lift;
            e.reverseConfidence = pair.count ? double(pair.count) / pair.consequentCount : NAN;
            e.anchorTypicalLift = lifts.empty() ? 0 : lifts[lifts.size() / 2];
            return suggestKind(s, resolver, ia, ib, e);
        };
        for (const char *stand : {"22776", "21843"}) {
            const KindSuggestion k = kindOf("22423", stand);
            QVERIFY2(k.substitute, (std::string(stand) + ": " + k.reasoning).c_str());
        }
        QCOMPARE(kindOf("22776", "22423").kind, K::Upgrade);
        QVERIFY(!kindOf("22697", "22699").substitute);
        // Jumbo bags of one range, alike and priced alike, bought together in a third of their baskets.
        for (const char *bag : {"22386", "21931", "85099F"}) {
            const KindSuggestion k = kindOf("85099B", bag);
            QVERIFY2(!k.substitute && k.kind != K::Upgrade, (std::string(bag) + ": " + k.reasoning).c_str());
        }
        page.anchor = s.productIndex("22423");
        r = engine.recommend(page);
        QVERIFY2(!r.picks.empty(), "22423 gets picks");
        for (const Recommendation &x : r.picks) {
            const std::string &t = s.products[x.product].title;
            QVERIFY2(t.find("CAKE STAND") == std::string::npos && t.find("CAKESTAND") == std::string::npos, skus(s, r).c_str());
        }
        // Two herb markers (3.26): 25 % of the cart is 0.82, but the floor (the median item, 1.63) lets
        // the other markers of the set in.
        RecommendContext cart;
        cart.placement = Placement::Cart;
        cart.cart = {{uint32_t(s.productIndex("22916")), 1}, {uint32_t(s.productIndex("22917")), 1}};
        r = engine.recommend(cart);
        QVERIFY2(!r.picks.empty() && !r.fallback, skus(s, r).c_str());
        QVERIFY2(s.products[r.picks.front().product].title.find("HERB MARKER") != std::string::npos, skus(s, r).c_str());
        QVERIFY(r.picks.front().reasons.size() >= 2);  // both markers' evidence, combined
    }

    void groceries()
    {
        MB_REQUIRE_DATASET(file, "groceries/groceries.csv");
        std::string error;
        const auto loaded = mbtest::groceriesFromFile(file.toStdString(), error);
        QVERIFY2(loaded, error.c_str());
        Snapshot &s = *loaded;
        for (SnapshotProduct &p : s.products) p.title = p.sku;
        countBaskets(s);
        // No prices and no customers: nothing can be shown to be a substitute, an upgrade, a necessity or a
        // consumable, so every mined pair is an accessory; "whole milk" and "UHT-milk" are alike by title
        // but without prices no substitute is claimed.
        const MinedEvidence evidence = pairEvidence(s);
        QVERIFY(evidence.items.size() > 1000);
        for (const MinedCandidate &m : evidence.items) {
            QVERIFY(!m.substitute);
            QCOMPARE(m.kind, K::Accessory);
        }
        const PlacementEngine engine(s, evidence);
        RecommendContext page;
        page.anchor = s.productIndex("whole milk");
        const RecommendResult r = engine.recommend(page);
        QCOMPARE(int(r.picks.size()), 6);
        QCOMPARE(s.products[r.picks.front().product].sku, std::string("other vegetables"));  // the strongest evidence first
    }
};

QTEST_GUILESS_MAIN(tst_KindRules)
#include "tst_kindrules.moc"
