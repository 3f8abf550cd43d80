#pragma once
// A small hand-computed store for the bundle tests: six products with known prices, costs and stock, and
// four orders, so every total in the tests can be checked with pencil and paper.
#include "core/storage/bundle.h"
#include "core/io/importrecords.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

namespace mbtest {

struct BundleFixture {
    QTemporaryDir dir;
    std::unique_ptr<mb::Workspace> ws;
    std::shared_ptr<const mb::Snapshot> snap;

    bool build()
    {
        using namespace mb;
        std::string error;
        ws = Workspace::create((dir.path() + "/b.merchbench").toStdString(), error);
        if (!ws) return false;
        CatalogBatch c;
        c.format = "generic";
        auto add = [&](const char *sku, std::optional<double> price, std::optional<double> cost, int64_t stock, const char *category) {
            ProductRecord p;
            p.sku = sku;
            p.title = std::string("Title of ") + sku;
            p.price = price;
            p.cost = cost;
            p.stock = stock;
            p.category = category;
            c.products.push_back(p);
        };
        add("CAM", 500, 350, 10, "Cameras");
        add("CARD", 20, 8, 100, "Cards");
        add("BAG", 40, 16, 0, "Bags");
        add("LENS", 200, 120, 3, "Lenses");
        add("NOCOST", 15, std::nullopt, 50, "Straps");
        add("NOPRICE", std::nullopt, 5, 5, "Cloths");
        ImportReport rep;
        if (!writeCatalog(*ws, c, "fixture", rep)) return false;
        OrderBatch o;
        o.format = "lines";
        const std::vector<std::vector<std::pair<const char *, double>>> orders = {
            {{"CAM", 1}, {"CARD", 2}}, {{"CAM", 1}, {"CARD", 1}}, {{"CAM", 1}, {"CARD", 2}, {"LENS", 1}}, {{"CARD", 1}}};
        for (size_t i = 0; i < orders.size(); ++i) {
            OrderRecord r;
            r.externalId = std::string("O").append(std::to_string(i + 1));
            r.orderedAt = 1700000000 + int64_t(i) * 3600;
            o.orders.push_back(r);
            for (auto [sku, q] : orders[i]) o.lines.push_back({0, uint32_t(i), sku, q, 1.0});
        }
        if (!writeOrders(*ws, o, "fixture", rep)) return false;
        return reload();
    }
    bool reload()
    {
        std::string error;
        snap = mb::Snapshot::load(*ws, error);
        return snap != nullptr;
    }
    int64_t id(const char *sku) const { return snap->products[size_t(snap->productIndex(sku))].id; }
    mb::BundleItem item(const char *sku, int quantity = 1, bool optional = false) const { return {id(sku), quantity, optional}; }
};

}  // namespace mbtest
