#pragma once
// A hand-built Snapshot for placement tests: a small camera-and-coffee shop where every product exists to
// trip exactly one rule, plus hand-written mined evidence, so each test can say which rule removed what.
#include "core/placement/minedevidence.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace mbtest {

class PlacementFixture {
public:
    mb::Snapshot snap;

    int32_t category(const std::string &path, int32_t parent = -1)
    {
        mb::SnapshotCategory c;
        c.id = int64_t(snap.categories.size()) + 1;
        c.parent = parent;
        c.path = path;
        c.name = path.substr(path.rfind('>') == std::string::npos ? 0 : path.rfind('>') + 2);
        snap.categories.push_back(c);
        return int32_t(snap.categories.size() - 1);
    }

    uint32_t product(const std::string &sku, int32_t category, double price, double cost, int64_t stock,
                     const std::string &family = {}, bool recommendable = true)
    {
        mb::SnapshotProduct p;
        p.id = int64_t(snap.products.size()) + 1;
        p.sku = sku;
        p.title = sku;
        p.category = category;
        p.price = price;
        p.cost = cost;
        p.stock = stock;
        p.family = family;
        p.recommendable = recommendable;
        snap.products.push_back(p);
        snap.skuIndex.emplace(sku, uint32_t(snap.products.size() - 1));
        return uint32_t(snap.products.size() - 1);
    }
    uint32_t idx(const std::string &sku) const { return snap.skuIndex.at(sku); }

    void relation(const std::string &anchor, const std::string &target, mb::RelationKind kind, int position = 1,
                  mb::RelationSource source = mb::RelationSource::Curated)
    {
        mb::SnapshotRelation r;
        r.id = int64_t(snap.relations.size()) + 1;
        r.anchor = int32_t(idx(anchor));
        r.target = int32_t(idx(target));
        r.kind = kind;
        r.position = position;
        r.source = source;
        r.pitch = "pitch " + target;
        snap.relations.push_back(r);
    }

    int32_t customer(const std::string &id)
    {
        snap.customers.push_back({int64_t(snap.customers.size()) + 1, id});
        return int32_t(snap.customers.size() - 1);
    }

    // An order on a day (days since 1970-01-01, noon UTC) with one unit of each SKU.
    void order(int32_t customer, int32_t day, const std::vector<std::string> &skus, double quantity = 1)
    {
        mb::SnapshotOrder o;
        o.id = int64_t(snap.orders.size()) + 1;
        o.externalId = "O" + std::to_string(o.id);
        o.customer = customer;
        o.orderedAt = int64_t(day) * 86400 + 43200;
        o.lineBegin = uint32_t(snap.lines.size());
        for (const auto &s : skus) snap.lines.push_back({idx(s), float(quantity), snap.products[idx(s)].price});
        o.lineEnd = uint32_t(snap.lines.size());
        snap.orders.push_back(o);
    }

    // What the loader derives: units sold, baskets, relations in their order.
    void finish()
    {
        std::stable_sort(snap.orders.begin(), snap.orders.end(),
                         [](const mb::SnapshotOrder &a, const mb::SnapshotOrder &b) { return a.orderedAt < b.orderedAt; });
        snap.unitsSold.assign(snap.products.size(), 0);
        snap.basketsWith.assign(snap.products.size(), 0);
        snap.basketStart = {0};
        snap.basketItems.clear();
        snap.basketOrder.clear();
        for (uint32_t o = 0; o < snap.orders.size(); ++o) {
            std::vector<uint32_t> basket;
            for (uint32_t l = snap.orders[o].lineBegin; l < snap.orders[o].lineEnd; ++l) {
                snap.unitsSold[snap.lines[l].product] += snap.lines[l].quantity;
                if (snap.lines[l].quantity > 0) basket.push_back(snap.lines[l].product);
            }
            std::sort(basket.begin(), basket.end());
            basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
            if (basket.empty()) continue;
            for (uint32_t p : basket) ++snap.basketsWith[p];
            snap.basketItems.insert(snap.basketItems.end(), basket.begin(), basket.end());
            snap.basketStart.push_back(uint32_t(snap.basketItems.size()));
            snap.basketOrder.push_back(o);
        }
        std::stable_sort(snap.relations.begin(), snap.relations.end(), [](const mb::SnapshotRelation &a, const mb::SnapshotRelation &b) {
            return std::tie(a.anchor, a.kind, a.position) < std::tie(b.anchor, b.kind, b.position);
        });
    }

    struct Mined {
        std::string anchor, target;
        mb::RelationKind kind;
        float confidence, ease;
    };
    // Evidence as the builder would produce it, written down directly; `ease` is both the weight and the weight
    // relative to the anchor's strongest (the anchor's strongest neighbour weighs 1).
    mb::MinedEvidence evidence(const std::vector<Mined> &mined, const std::vector<std::pair<std::string, float>> &replenish = {}) const
    {
        mb::MinedEvidence e;
        e.start.push_back(0);
        for (uint32_t a = 0; a < snap.products.size(); ++a) {
            for (const Mined &m : mined)
                if (idx(m.anchor) == a) e.items.push_back({idx(m.target), m.kind, m.confidence, m.confidence * 5, m.ease, m.ease});
            e.start.push_back(uint32_t(e.items.size()));
        }
        e.replenishDays.assign(snap.products.size(), NAN);
        for (const auto &[sku, days] : replenish) e.replenishDays[idx(sku)] = days;
        return e;
    }
};

// The shop every rule test starts from. Prices are chosen so that each product trips one rule only.
inline void buildCameraShop(PlacementFixture &f)
{
    using K = mb::RelationKind;
    const int32_t cameras = f.category("Cameras");
    const int32_t mirrorless = f.category("Cameras > Mirrorless", cameras);
    const int32_t cards = f.category("Cameras > Memory Cards", cameras);
    const int32_t bags = f.category("Cameras > Bags", cameras);
    const int32_t coffee = f.category("Coffee");
    const int32_t filters = f.category("Coffee > Filters", coffee);
    f.product("CAM-1", mirrorless, 600, 500, 50, "CAM");      // the anchor
    f.product("CAM-2", mirrorless, 750, 630, 20, "CAM");      // +25 %: inside the upsell band
    f.product("CAM-3", mirrorless, 1000, 840, 20, "CAM");     // +67 %: outside it
    f.product("CAM-0", mirrorless, 400, 330, 20);             // a cheaper substitute
    f.product("CARD-A", cards, 20, 8, 100, "CARDS");
    f.product("CARD-B", cards, 30, 10, 100, "CARDS");         // same family as CARD-A
    f.product("CARD-OUT", cards, 25, 9, 0);
    f.product("CARD-LOW", cards, 22, 9, 2);
    f.product("BAG-1", bags, 80, 40, 10);
    f.product("BAG-THIN", bags, 50, 49, 10);                  // 2 % margin
    f.product("STRAP", bags, 15, 5, 10, {}, false);           // not recommendable
    f.product("MACHINE", coffee, 100, 60, 10);
    f.product("FILTER", filters, 5, 2, 500);
    f.product("DESCALER", filters, 9, 3, 500);
    f.product("GRINDER", f.category("Coffee > Grinders", coffee), 40, 20, 30);  // 40 % of a 100.00 cart
    const int32_t coffeeAccessories = f.category("Coffee > Accessories", coffee);
    f.product("MILK-JUG", coffeeAccessories, 12, 4, 30);                                   // closes a 10.00 shipping gap
    f.product("BATTERY", cards, 39, 15, 40);                                    // over the checkout cap
    f.product("MUG", coffeeAccessories, 8, 3, 40);
    f.relation("CAM-1", "CARD-A", K::Necessity, 1);
    f.relation("CAM-1", "CARD-B", K::Necessity, 2);
    f.relation("CAM-1", "CARD-OUT", K::Necessity, 3);
    f.relation("CAM-1", "CARD-LOW", K::Necessity, 4);
    f.relation("CAM-1", "BAG-1", K::Accessory, 1);
    f.relation("CAM-1", "BAG-THIN", K::Accessory, 2);
    f.relation("CAM-1", "STRAP", K::Enhancement, 1);
    f.relation("CAM-1", "CAM-0", K::Accessory, 3);
    f.relation("CAM-1", "CAM-2", K::Upgrade, 1);
    f.relation("CAM-1", "CAM-3", K::Upgrade, 2);
    f.relation("MACHINE", "FILTER", K::Consumable, 1);
    f.relation("MACHINE", "DESCALER", K::Consumable, 2);
    f.relation("MACHINE", "GRINDER", K::Accessory, 1);
    f.relation("MACHINE", "MILK-JUG", K::Accessory, 2);
    f.relation("CAM-1", "BATTERY", K::Necessity, 5);
    const int32_t ann = f.customer("ANN");
    f.order(ann, 20000, {"CAM-1", "CARD-A"});
    f.order(ann, 20000, {"MACHINE", "FILTER"});
    f.order(ann, 20040, {"BAG-1"});
    f.order(f.customer("BOB"), 20050, {"CAM-2", "CARD-B", "CARD-B"});
    f.finish();
}

}  // namespace mbtest
