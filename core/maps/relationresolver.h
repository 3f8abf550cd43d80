#pragma once
// What a product's map says once category rules are applied: its own active relations first, then those it
// inherits from its category and the categories above (nearest first), minus the ones it excludes; a
// category target becomes the in-stock product of that category that best fits the anchor: the one whose
// title matches the anchor's (TitleWords: "Case for Novaphone N8" for "Novaphone N8, 128 GB"), of its family
// or brand, or bought with it (the caller's Score), and only among equals the category's best seller. Built
// once per snapshot; resolve() does no allocation beyond its result and no database access, so placements
// can call it per request.
#include "core/maps/titlewords.h"
#include "core/storage/snapshot.h"

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace mb {

struct ResolvedRelation {
    uint32_t product = 0;                      // the target, as a product index
    RelationKind kind = RelationKind::Accessory;
    int position = 0;
    const SnapshotRelation *relation = nullptr;  // where it came from (pitch, source)
    int32_t inheritedFrom = -1;                // category index when a category rule supplied it
    int32_t viaCategory = -1;                  // category index when the target was a whole category
};

class RelationResolver {
public:
    explicit RelationResolver(const Snapshot &snapshot);

    // Higher is better, 0 .. 1 or so; added to the title / family / brand match when picking a category
    // target's product for this anchor (the placement engine passes the mined score).
    using Score = std::function<double(uint32_t anchor, uint32_t candidate)>;
    std::vector<ResolvedRelation> resolve(uint32_t product, const Score &score = {}) const;

    // Relation indices (into Snapshot::relations) anchored on a product / a category, any status.
    const std::vector<uint32_t> &ofProduct(uint32_t product) const { return byProduct_[product]; }
    const std::vector<uint32_t> &ofCategory(int32_t category) const { return byCategory_[size_t(category)]; }
    // The categories a product inherits from, nearest first.
    std::vector<int32_t> categoryChain(uint32_t product) const;
    // Products in a category or below it, best seller first.
    const std::vector<uint32_t> &productsIn(int32_t category) const { return inCategory_[size_t(category)]; }
    // The in-stock, offered product of a category (not `anchor` itself) that best fits `anchor`: highest
    // match(anchor, p) + score(anchor, p), the category's best seller among equals; -1 if none.
    int32_t bestInCategory(int32_t category, uint32_t anchor, const Score &score = {}) const;
    // How well p fits anchor as its category target: TitleWords similarity, + 0.5 for the same family,
    // + 0.25 for the same brand.
    double match(uint32_t anchor, uint32_t p) const;
    // Built on first use (thread-safe): snapshots that never resolve a category target never pay for it.
    const TitleWords &titleWords() const;

private:
    const Snapshot &snap_;
    std::vector<std::vector<uint32_t>> byProduct_;
    std::vector<std::vector<uint32_t>> byCategory_;
    std::vector<std::vector<uint32_t>> inCategory_;
    mutable std::unique_ptr<std::once_flag> titleOnce_ = std::make_unique<std::once_flag>();
    mutable std::unique_ptr<TitleWords> titles_;
};

}  // namespace mb
