#include "core/mining/orderexclusion.h"

#include "core/io/fieldparse.h"

#include "core/storage/snapshot.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace mb {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool sameText(std::string_view a, std::string_view b)
{
    return equalsIgnoringCase(trim(a), trim(b));
}

}  // namespace

bool OrderExclusion::excludes(const SnapshotOrder &order) const
{
    for (const std::string &s : sources)
        if (sameText(order.source, s)) return true;
    if (tags.empty() || order.tags.empty()) return false;
    const std::string_view all = order.tags;
    for (size_t start = 0; start <= all.size();) {
        size_t end = all.find(',', start);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view tag = trim(all.substr(start, end - start));
        if (!tag.empty())
            for (const std::string &t : tags)
                if (sameText(tag, t)) return true;
        start = end + 1;
    }
    return false;
}

std::vector<char> excludedProducts(const Snapshot &snapshot, const OrderExclusion &exclusion)
{
    std::vector<char> out;
    auto mark = [&](size_t p) {
        if (out.empty()) out.assign(snapshot.products.size(), 0);
        out[p] = 1;
    };
    if (exclusion.nonMerchandise)
        for (size_t p = 0; p < snapshot.products.size(); ++p)
            if (snapshot.products[p].nonMerchandise) mark(p);
    for (const std::string &sku : exclusion.skus)
        if (const int32_t p = snapshot.productIndex(sku); p >= 0) mark(size_t(p));
    return out;
}

std::vector<std::string> excludedSkus(const Snapshot &snapshot, const std::vector<char> &excluded)
{
    std::vector<std::string> out;
    for (size_t p = 0; p < excluded.size(); ++p)
        if (excluded[p]) out.push_back(snapshot.products[p].sku);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<char> keptBaskets(const Snapshot &snapshot, const OrderExclusion &exclusion)
{
    return keptBaskets(snapshot, exclusion, excludedProducts(snapshot, exclusion));
}

std::vector<char> keptBaskets(const Snapshot &snapshot, const OrderExclusion &exclusion, const std::vector<char> &excluded)
{
    if (exclusion.empty() && excluded.empty()) return {};
    std::vector<char> kept(snapshot.basketCount(), 1);
    for (size_t b = 0; b < kept.size(); ++b) {
        if (!exclusion.empty() && exclusion.excludes(snapshot.orders[snapshot.basketOrder[b]])) {
            kept[b] = 0;
            continue;
        }
        if (excluded.empty()) continue;
        bool merchandise = false;
        for (uint32_t k = snapshot.basketStart[b]; k < snapshot.basketStart[b + 1] && !merchandise; ++k)
            merchandise = !excluded[snapshot.basketItems[k]];
        kept[b] = merchandise;
    }
    return kept;
}

size_t keptBasketCount(const Snapshot &snapshot, const std::vector<char> &kept)
{
    return kept.empty() ? snapshot.basketCount() : size_t(std::count(kept.begin(), kept.end(), char(1)));
}

}  // namespace mb
