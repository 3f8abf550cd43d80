#include "ui/maps/mapdata.h"

namespace mb {

std::shared_ptr<const MapData> MapData::make(std::shared_ptr<const Snapshot> snapshot)
{
    if (!snapshot) return nullptr;
    auto d = std::make_shared<MapData>();
    d->snapshot = std::move(snapshot);
    d->resolver = std::make_unique<RelationResolver>(*d->snapshot);
    const Snapshot &s = *d->snapshot;
    d->productById.reserve(s.products.size());
    for (uint32_t i = 0; i < s.products.size(); ++i) d->productById.emplace(s.products[i].id, i);
    for (int32_t i = 0; i < int32_t(s.categories.size()); ++i) d->categoryById.emplace(s.categories[size_t(i)].id, i);
    return d;
}

int32_t MapData::productIndex(int64_t id) const
{
    auto it = productById.find(id);
    return it == productById.end() ? -1 : int32_t(it->second);
}

int32_t MapData::categoryIndex(int64_t id) const
{
    auto it = categoryById.find(id);
    return it == categoryById.end() ? -1 : it->second;
}

QString MapData::productLabel(uint32_t product) const
{
    const SnapshotProduct &p = snapshot->products[product];
    return p.title.empty() ? QString::fromStdString(p.sku) : QString::fromStdString(p.sku + " — " + p.title);
}

QString MapData::categoryLabel(int32_t category) const
{
    return category < 0 ? QString() : QString::fromStdString(snapshot->categories[size_t(category)].path);
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

}  // namespace mb
