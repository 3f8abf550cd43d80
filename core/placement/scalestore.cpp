#include "core/placement/scalestore.h"

#include "core/storage/catalognames.h"
#include "core/storage/importer.h"
#include "core/storage/relationstore.h"
#include "core/storage/workspace.h"

#include <chrono>
#include <cstdio>
#include <random>

namespace mb {
namespace {

// Integer-only draws from mt19937_64's raw output: the same store on every platform.
struct Rng {
    std::mt19937_64 engine;
    explicit Rng(uint64_t seed) : engine(seed) {}
    double unit() { return double(engine() >> 11) * (1.0 / 9007199254740992.0); }
    int64_t below(int64_t n) { return int64_t(unit() * double(n)); }
};

std::string skuOf(int64_t i)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "S%06lld", static_cast<long long>(i));
    return buf;
}

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

bool writeScaleStore(Workspace &ws, const ScaleParameters &p, ScaleReport &report, std::string &error)
{
    Rng rng(p.seed);
    const int64_t categories = int64_t(p.departments) * p.categoriesPerDepartment;
    const int64_t perCategory = std::max<int64_t>(1, p.products / categories);
    auto t = std::chrono::steady_clock::now();
    {
        CatalogBatch catalog;
        catalog.format = "generic";
        catalog.products.reserve(size_t(p.products));
        for (int64_t i = 0; i < p.products; ++i) {
            const int64_t cat = std::min(categories - 1, i / perCategory), within = i % perCategory;
            ProductRecord r;
            r.line = i + 2;
            r.sku = skuOf(i);
            r.title = "Product " + r.sku;
            r.category = "Dept " + std::to_string(cat / p.categoriesPerDepartment) + " > Cat " + std::to_string(cat);
            r.brand = "Brand " + std::to_string(i % 97);
            // The first 60 of a category form 20 families of three ascending steps.
            const double base = 5 + double((cat * 7919) % 400) * 2.5;
            double price = base * (0.6 + rng.unit() * 0.8);
            if (within < 60) {
                r.family = "F" + std::to_string(cat) + "-" + std::to_string(within / 3);
                price = base * (1 + 0.3 * double(within % 3));
            }
            r.price = double(int64_t(price * 100)) / 100;
            r.cost = double(int64_t(*r.price * (0.5 + rng.unit() * 0.4) * 100)) / 100;
            const double s = rng.unit();
            r.stock = s < 0.05 ? 0 : s < 0.10 ? 1 + rng.below(2) : 5 + rng.below(200);
            catalog.products.push_back(std::move(r));
            if (within < 60 && within % 3 != 2)
                catalog.relations.push_back({i + 2, skuOf(i), skuOf(i + 1), "upsell", 1});
        }
        catalog.rowsRead = int64_t(catalog.products.size());
        ImportReport r;
        if (!writeCatalog(ws, catalog, "scale:seed=" + std::to_string(p.seed), r)) {
            error = r.error.empty() ? "writing the scale catalog was cancelled" : r.error;
            return false;
        }
        report.products = p.products;
        report.categories = categories;
        report.relations = r.relationsAdopted;  // writeCatalog turns platform links into relations
    }
    {
        // Each category's necessity is its complementary category (the next one in the department).
        const CatalogNames names = loadCatalogNames(ws);
        std::vector<Relation> necessities;
        for (int64_t c = 0; c < categories; ++c) {
            const int64_t d = c / p.categoriesPerDepartment, next = d * p.categoriesPerDepartment + (c + 1) % p.categoriesPerDepartment;
            if (next == c) continue;  // a department of one category has nothing to complement
            const auto a = names.categoryId.find("Dept " + std::to_string(d) + " > Cat " + std::to_string(c));
            const auto b = names.categoryId.find("Dept " + std::to_string(d) + " > Cat " + std::to_string(next));
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
    const int64_t start = 1'700'000'000;  // 2023-11-14
    // Popular products first within a category: index = perCategory * u^3 (Zipf-like).
    auto pick = [&](int64_t cat) {
        const double u = rng.unit();
        return std::min(p.products - 1, cat * perCategory + int64_t(double(perCategory) * u * u * u));
    };
    int64_t orderNo = 0;
    // An order holds 2.9 lines on average (1 + 0.6 + 0.3 + 1 below): spread the orders over the days.
    const double secondsPerOrder = double(p.days) * 86400 / (double(p.orderLines) / 2.9 + 1);
    while (report.lines < p.orderLines) {
        OrderBatch batch;
        batch.format = "lines";
        for (int64_t k = 0; k < p.ordersPerChunk && report.lines + int64_t(batch.lines.size()) < p.orderLines; ++k) {
            OrderRecord o;
            o.line = int64_t(batch.lines.size()) + 2;
            o.externalId = "X" + std::to_string(++orderNo);
            const double u = rng.unit();
            o.customer = "C" + std::to_string(int64_t(u * u * double(p.customers)));  // some customers come back often
            o.orderedAt = start + int64_t(double(orderNo) * secondsPerOrder);
            o.hasTime = true;
            const uint32_t index = uint32_t(batch.orders.size());
            batch.orders.push_back(std::move(o));
            const int64_t cat = rng.below(categories);
            const int64_t next = (cat / p.categoriesPerDepartment) * p.categoriesPerDepartment + (cat + 1) % p.categoriesPerDepartment;
            std::vector<int64_t> items{pick(cat)};
            if (rng.unit() < 0.6) items.push_back(pick(next));
            if (rng.unit() < 0.3) items.push_back(pick(next));
            for (int64_t extra = rng.below(3); extra > 0; --extra) items.push_back(pick(rng.below(categories)));
            for (int64_t item : items) {
                OrderLineRecord l;
                l.line = int64_t(batch.lines.size()) + 2;
                l.order = index;
                l.sku = skuOf(item);
                l.quantity = double(1 + rng.below(2));
                l.unitPrice = 10;
                batch.lines.push_back(std::move(l));
            }
        }
        batch.rowsRead = int64_t(batch.lines.size());
        ImportReport r;
        if (!writeOrders(ws, batch, "scale:seed=" + std::to_string(p.seed), r)) {
            error = r.error.empty() ? "writing the scale orders was cancelled" : r.error;
            return false;
        }
        report.orders += int64_t(batch.orders.size());
        report.lines += int64_t(batch.lines.size());
    }
    report.ordersSeconds = secondsSince(t);
    return true;
}

}  // namespace mb
