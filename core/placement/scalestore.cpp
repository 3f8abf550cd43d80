#include "core/placement/scalestore.h"

#include "core/storage/catalognames.h"
#include "core/storage/importer.h"
#include "core/storage/relationstore.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mb {
namespace {

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

constexpr int64_t StartTime = 1'700'000'000;  // 2023-11-14

}  // namespace

std::string scaleSku(int64_t i)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "S%06lld", static_cast<long long>(i));
    return buf;
}

ScaleStoreGenerator::ScaleStoreGenerator(const ScaleParameters &p) : p_(p), engine_(p.seed)
{
    categories_ = int64_t(p_.departments) * p_.categoriesPerDepartment;
    perCategory_ = std::max<int64_t>(1, p_.products / categories_);
    // An order holds 2.9 lines on average (see nextOrders): spread the orders over the days.
    secondsPerOrder_ = double(p_.days) * 86400 / (double(p_.orderLines) / 2.9 + 1);
}

std::string ScaleStoreGenerator::categoryPath(int64_t c, int categoriesPerDepartment)
{
    return "Dept " + std::to_string(c / categoriesPerDepartment) + " > Cat " + std::to_string(c);
}

int64_t ScaleStoreGenerator::complementOf(int64_t c) const
{
    // The next category in the department.
    return (c / p_.categoriesPerDepartment) * p_.categoriesPerDepartment + (c + 1) % p_.categoriesPerDepartment;
}

CatalogBatch ScaleStoreGenerator::catalog()
{
    CatalogBatch catalog;
    catalog.format = "generic";
    catalog.products.reserve(size_t(p_.products));
    for (int64_t i = 0; i < p_.products; ++i) {
        const int64_t cat = std::min(categories_ - 1, i / perCategory_), within = i % perCategory_;
        ProductRecord r;
        r.line = i + 2;
        r.sku = scaleSku(i);
        r.title = "Product " + r.sku;
        r.category = categoryPath(cat, p_.categoriesPerDepartment);
        r.brand = "Brand " + std::to_string(i % 97);
        // The first 60 of a category form 20 families of three ascending steps.
        const double base = 5 + double((cat * 7919) % 400) * 2.5;
        double price = base * (0.6 + unit() * 0.8);
        if (within < 60) {
            r.family = "F" + std::to_string(cat) + "-" + std::to_string(within / 3);
            price = base * (1 + 0.3 * double(within % 3));
        }
        r.price = double(int64_t(price * 100)) / 100;
        r.cost = double(int64_t(*r.price * (0.5 + unit() * 0.4) * 100)) / 100;
        const double s = unit();
        r.stock = s < 0.05 ? 0 : s < 0.10 ? 1 + below(2) : 5 + below(200);
        catalog.products.push_back(std::move(r));
        if (within < 60 && within % 3 != 2) catalog.relations.push_back({i + 2, scaleSku(i), scaleSku(i + 1), "upsell", 1});
    }
    catalog.rowsRead = int64_t(catalog.products.size());
    return catalog;
}

int64_t ScaleStoreGenerator::pick(int64_t cat)
{
    // Popular products first within a category: index = perCategory * u^3 (Zipf-like).
    const double u = unit();
    return std::min(p_.products - 1, cat * perCategory_ + int64_t(double(perCategory_) * u * u * u));
}

bool ScaleStoreGenerator::nextOrders(OrderBatch &batch)
{
    batch = OrderBatch();
    batch.format = "lines";
    if (lines_ >= p_.orderLines) return false;
    for (int64_t k = 0; k < p_.ordersPerChunk && lines_ + int64_t(batch.lines.size()) < p_.orderLines; ++k) {
        OrderRecord o;
        o.line = int64_t(batch.lines.size()) + 2;
        o.externalId = "X" + std::to_string(++orderNo_);
        const double u = unit();
        o.customer = "C" + std::to_string(int64_t(u * u * double(p_.customers)));  // some customers come back often
        o.orderedAt = StartTime + int64_t(double(orderNo_) * secondsPerOrder_);
        o.hasTime = true;
        const uint32_t index = uint32_t(batch.orders.size());
        batch.orders.push_back(std::move(o));
        const int64_t cat = below(categories_);
        const int64_t next = complementOf(cat);
        int64_t items[5];
        int n = 0;
        items[n++] = pick(cat);
        if (unit() < 0.6) items[n++] = pick(next);
        if (unit() < 0.3) items[n++] = pick(next);
        for (int64_t extra = below(3); extra > 0; --extra) items[n++] = pick(below(categories_));
        for (int j = 0; j < n; ++j) {
            OrderLineRecord l;
            l.line = int64_t(batch.lines.size()) + 2;
            l.order = index;
            l.sku = scaleSku(items[j]);
            l.quantity = double(1 + below(2));
            l.unitPrice = 10;
            batch.lines.push_back(std::move(l));
        }
    }
    batch.rowsRead = int64_t(batch.lines.size());
    lines_ += int64_t(batch.lines.size());
    return true;
}

bool writeScaleStore(Workspace &ws, const ScaleParameters &p, ScaleReport &report, std::string &error,
                     const std::function<bool(int64_t)> &progress)
{
    ScaleStoreGenerator gen(p);
    const std::string source = "scale:seed=" + std::to_string(p.seed);
    auto t = std::chrono::steady_clock::now();
    {
        const CatalogBatch catalog = gen.catalog();
        ImportReport r;
        if (!writeCatalog(ws, catalog, source, r)) {
            error = r.error.empty() ? "writing the scale catalog was cancelled" : r.error;
            return false;
        }
        report.products = p.products;
        report.categories = gen.categories();
        report.relations = r.relationsAdopted;  // writeCatalog turns platform links into relations
    }
    {
        // Each category's necessity is its complementary category.
        const CatalogNames names = loadCatalogNames(ws);
        std::vector<Relation> necessities;
        for (int64_t c = 0; c < gen.categories(); ++c) {
            const int64_t next = gen.complementOf(c);
            if (next == c) continue;  // a department of one category has nothing to complement
            const auto a = names.categoryId.find(ScaleStoreGenerator::categoryPath(c, p.categoriesPerDepartment));
            const auto b = names.categoryId.find(ScaleStoreGenerator::categoryPath(next, p.categoriesPerDepartment));
            if (a == names.categoryId.end() || b == names.categoryId.end()) continue;
            Relation r;
            r.anchorType = r.targetType = EndpointType::Category;
            r.anchorId = a->second;
            r.targetId = b->second;
            r.kind = RelationKind::Necessity;
            r.position = 1;
            necessities.push_back(r);
        }
        if (!RelationStore(ws).addAll(necessities, error)) return false;
        report.relations += int64_t(necessities.size());
    }
    report.catalogSeconds = secondsSince(t);

    t = std::chrono::steady_clock::now();
    OrderBatch batch;
    while (gen.nextOrders(batch)) {
        ImportReport r;
        if (!writeOrders(ws, batch, source, r)) {
            error = r.error.empty() ? "writing the scale orders was cancelled" : r.error;
            return false;
        }
        report.orders += int64_t(batch.orders.size());
        report.lines += int64_t(batch.lines.size());
        if (progress && !progress(report.lines)) {
            error = "writing the scale orders was cancelled";
            return false;
        }
    }
    report.ordersSeconds = secondsSince(t);
    return true;
}

}  // namespace mb
