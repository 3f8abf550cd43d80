#include "core/storage/endpointindex.h"

#include "core/storage/snapshot.h"

namespace mb {

std::shared_ptr<const EndpointIndex> EndpointIndex::of(const Snapshot &s)
{
    auto x = std::make_shared<EndpointIndex>();
    x->products.reserve(s.products.size());
    for (uint32_t i = 0; i < s.products.size(); ++i) x->products.emplace(s.products[i].id, i);
    for (int32_t i = 0; i < int32_t(s.categories.size()); ++i) x->categories.emplace(s.categories[size_t(i)].id, i);
    return x;
}

int32_t EndpointIndex::product(int64_t id) const
{
    const auto it = products.find(id);
    return it == products.end() ? -1 : int32_t(it->second);
}

int32_t EndpointIndex::category(int64_t id) const
{
    const auto it = categories.find(id);
    return it == categories.end() ? -1 : it->second;
}

}  // namespace mb
