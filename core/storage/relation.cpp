#include "core/storage/relation.h"

namespace mb {

namespace {
template <typename E, size_t N>
std::optional<E> fromName(std::string_view s, const char *const (&names)[N])
{
    for (size_t i = 0; i < N; ++i)
        if (s == names[i]) return E(i);
    return std::nullopt;
}
const char *const kindNames[] = {"necessity", "enhancement", "accessory", "consumable", "upgrade"};
const char *const endpointNames[] = {"product", "category"};
const char *const sourceNames[] = {"curated", "imported", "mined"};
const char *const statusNames[] = {"active", "suggested", "rejected", "excluded"};
}  // namespace

const char *kindName(RelationKind k) { return kindNames[int(k)]; }

const char *kindPluralName(RelationKind k)
{
    static const char *const plurals[] = {"necessities", "enhancements", "accessories", "consumables", "upgrades"};
    return plurals[int(k)];
}
const char *endpointName(EndpointType t) { return endpointNames[int(t)]; }
const char *sourceName(RelationSource s) { return sourceNames[int(s)]; }
const char *statusName(RelationStatus s) { return statusNames[int(s)]; }
std::optional<RelationKind> kindFromName(std::string_view s) { return fromName<RelationKind>(s, kindNames); }
std::optional<EndpointType> endpointFromName(std::string_view s) { return fromName<EndpointType>(s, endpointNames); }
std::optional<RelationSource> sourceFromName(std::string_view s) { return fromName<RelationSource>(s, sourceNames); }
std::optional<RelationStatus> statusFromName(std::string_view s) { return fromName<RelationStatus>(s, statusNames); }
bool isCrossSell(RelationKind k) { return k != RelationKind::Upgrade; }

bool relatesToItself(EndpointType anchorType, int64_t anchor, EndpointType targetType, int64_t target)
{
    return anchorType == targetType && anchor == target;
}

}  // namespace mb
