#pragma once
// The vocabulary of complementary-product maps (DESIGN.md): kinds, sources, statuses, and one relation.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

enum class RelationKind { Necessity, Enhancement, Accessory, Consumable, Upgrade };
enum class EndpointType { Product, Category };
enum class RelationSource { Curated, Imported, Mined };
// Suggested: mined, waiting for the merchandiser; Rejected: never suggest again for this anchor;
// Excluded: a product's veto of a relation it would inherit from its category.
enum class RelationStatus { Active, Suggested, Rejected, Excluded };

constexpr RelationKind allKinds[] = {RelationKind::Necessity, RelationKind::Enhancement, RelationKind::Accessory,
                                     RelationKind::Consumable, RelationKind::Upgrade};

const char *kindName(RelationKind k);
const char *kindPluralName(RelationKind k);  // "necessities", "accessories": for sentences
const char *endpointName(EndpointType t);
const char *sourceName(RelationSource s);
const char *statusName(RelationStatus s);
std::optional<RelationKind> kindFromName(std::string_view s);
std::optional<EndpointType> endpointFromName(std::string_view s);
std::optional<RelationSource> sourceFromName(std::string_view s);
std::optional<RelationStatus> statusFromName(std::string_view s);
bool isCrossSell(RelationKind k);  // everything but Upgrade

// Whether a relation would lead from an endpoint to itself (ids, or snapshot indexes on both sides): never
// allowed. Storage refuses it, the importers reject it, the maps panel never offers it.
bool relatesToItself(EndpointType anchorType, int64_t anchor, EndpointType targetType, int64_t target);

struct Relation {
    int64_t id = 0;                // 0 until stored
    EndpointType anchorType = EndpointType::Product;
    int64_t anchorId = 0;          // products.id or categories.id
    EndpointType targetType = EndpointType::Product;
    int64_t targetId = 0;
    RelationKind kind = RelationKind::Accessory;
    int position = 0;              // manual order within anchor and kind
    std::string pitch;             // "Don't forget the batteries"
    RelationSource source = RelationSource::Curated;
    RelationStatus status = RelationStatus::Active;
    int64_t createdAt = 0, updatedAt = 0;

    // The duplicate rule: the workspace holds at most one relation per anchor and target (any kind or
    // status), so a relation with the same endpoints as an existing one is an edit of it, never a second.
    bool sameEndpoints(const Relation &o) const
    {
        return anchorType == o.anchorType && anchorId == o.anchorId && targetType == o.targetType && targetId == o.targetId;
    }
    // The self rule: a product or category is never related to itself.
    bool toItself() const { return relatesToItself(anchorType, anchorId, targetType, targetId); }
};

}  // namespace mb
