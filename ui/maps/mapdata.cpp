#include "ui/maps/mapdata.h"

namespace mb {

std::shared_ptr<const MapData> MapData::make(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const EndpointIndex> endpoints,
                                             std::shared_ptr<const AnchorEntries> entries)
{
    if (!snapshot) return nullptr;
    auto d = std::make_shared<MapData>();
    d->snapshot = std::move(snapshot);
    d->resolver = std::make_unique<RelationResolver>(*d->snapshot);
    d->endpoints = endpoints ? std::move(endpoints) : EndpointIndex::of(*d->snapshot);
    d->entries = entries ? std::move(entries) : AnchorEntries::build(*d->snapshot);
    return d;
}

const QString &MapData::productLabel(uint32_t product) const
{
    return entries->entries[entries->position(EndpointType::Product, int32_t(product))].label;
}

QString MapData::categoryLabel(int32_t category) const
{
    return category < 0 ? QString() : entries->entries[size_t(category)].label;
}

QString MapData::endpointLabel(EndpointType type, int64_t id) const
{
    if (type == EndpointType::Product) {
        const int32_t p = productIndex(id);
        return p < 0 ? QStringLiteral("#%1").arg(id) : QString::fromStdString(snapshot->products[size_t(p)].sku);
    }
    const int32_t c = categoryIndex(id);
    return c < 0 ? QStringLiteral("#%1").arg(id) : categoryLabel(c);
}

int64_t MapData::endpointId(EndpointType type, int32_t index) const
{
    if (index < 0) return 0;
    return type == EndpointType::Product ? snapshot->products[size_t(index)].id : snapshot->categories[size_t(index)].id;
}

Relation MapData::relation(const SnapshotRelation &sr) const
{
    return {sr.id, sr.anchorType, endpointId(sr.anchorType, sr.anchor), sr.targetType, endpointId(sr.targetType, sr.target),
            sr.kind, sr.position, sr.pitch, sr.source, sr.status, 0, 0};
}

}  // namespace mb
