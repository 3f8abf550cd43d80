#include "ui/maps/anchorentries.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace mb {

std::shared_ptr<const AnchorEntries> AnchorEntries::build(const Snapshot &s)
{
    auto e = std::make_shared<AnchorEntries>();
    e->categories = s.categories.size();
    const size_t n = s.categories.size() + s.products.size();
    e->entries.reserve(n);
    e->completions.reserve(qsizetype(n));
    e->entryOfCompletion.reserve(qsizetype(n));
    for (int32_t c = 0; c < int32_t(s.categories.size()); ++c) {
        const QString path = QString::fromStdString(s.categories[size_t(c)].path);
        e->entries.push_back({EndpointType::Category, c, path, path.toLower()});
        // Translated here, on the worker: QCoreApplication::translate is thread-safe.
        const QString completion = QCoreApplication::translate("mb::RelationsPanel", "Category: %1").arg(path);
        e->entryOfCompletion.insert(completion, c);
        e->completions << completion;
    }
    for (uint32_t p = 0; p < s.products.size(); ++p) {
        const SnapshotProduct &sp = s.products[p];
        const QString label = sp.title.empty() ? QString::fromStdString(sp.sku) : QString::fromStdString(sp.sku + " — " + sp.title);
        e->entries.push_back({EndpointType::Product, int32_t(p), label, label.toLower()});
        e->entryOfCompletion.insert(label, int32_t(e->entries.size() - 1));
        e->completions << label;
    }
    std::vector<int32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
        const AnchorEntry &x = e->entries[size_t(a)], &y = e->entries[size_t(b)];
        if (x.type != y.type) return x.type == EndpointType::Category;
        return x.search < y.search;
    });
    e->nameRank.resize(n);
    for (size_t i = 0; i < n; ++i) e->nameRank[size_t(order[i])] = int32_t(i);
    return e;
}

}  // namespace mb
