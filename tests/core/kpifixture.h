#pragma once
// The small store behind the KPI tests (tests/data/kpi), with every figure computed by hand in
// core/kpi/README.md's worked example: five products, nine orders (one cancellation, one return, one
// guest order), three relations, one two-tier bundle and three event sessions.
#include "core/kpi/eventimport.h"
#include "core/kpi/kpicontext.h"
#include "core/storage/relationstore.h"
#include "core/storage/importer.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

namespace kpifixture {

inline int64_t idOf(mb::Workspace &ws, const char *sql, const std::string &key)
{
    mb::Statement s(ws.db(), sql);
    s.bind(1, key);
    return s.step() ? s.int64(0) : -1;
}

inline bool addRelation(mb::Workspace &ws, mb::EndpointType at, int64_t a, mb::EndpointType tt, int64_t t, mb::RelationKind kind)
{
    mb::Relation r;
    r.anchorType = at;
    r.anchorId = a;
    r.targetType = tt;
    r.targetId = t;
    r.kind = kind;
    std::string error;
    return mb::RelationStore(ws).add(r, error);
}

struct Options {
    bool relations = true, bundle = true, events = true;
};

// Builds the fixture workspace in `dir`; null (with a failed QVERIFY in the caller's eyes) on error.
inline std::unique_ptr<mb::Workspace> build(const QTemporaryDir &dir, Options o = {})
{
    using namespace mb;
    std::string error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("kpi.merchbench")).toStdString(), error);
    if (!ws) return nullptr;
    ImportRequest cat{ImportKind::Catalog, mbtest::fixture("kpi/products.csv").toStdString(), "", {}, true, {}};
    ImportRequest ord{ImportKind::Orders, mbtest::fixture("kpi/orders.csv").toStdString(), "", {}, true, {}};
    if (runImport(*ws, cat).status != ImportStatus::Ok || runImport(*ws, ord).status != ImportStatus::Ok) return nullptr;
    const char *product = "SELECT id FROM products WHERE sku = ?1";
    const char *category = "SELECT id FROM categories WHERE path = ?1";
    if (o.relations) {
        const int64_t cam1 = idOf(*ws, product, "CAM1"), cam2 = idOf(*ws, product, "CAM2"), card = idOf(*ws, product, "CARD");
        const int64_t bodies = idOf(*ws, category, "Cameras > Bodies"), bags = idOf(*ws, category, "Cameras > Bags");
        if (!addRelation(*ws, EndpointType::Product, cam1, EndpointType::Product, card, RelationKind::Accessory) ||
            !addRelation(*ws, EndpointType::Category, bodies, EndpointType::Category, bags, RelationKind::Accessory) ||
            !addRelation(*ws, EndpointType::Product, cam1, EndpointType::Product, cam2, RelationKind::Upgrade))
            return nullptr;
    }
    if (o.bundle) {
        const std::string cam1 = std::to_string(idOf(*ws, product, "CAM1"));
        const std::string card = std::to_string(idOf(*ws, product, "CARD"));
        const std::string bag = std::to_string(idOf(*ws, product, "BAG"));
        const std::string sql =
            "INSERT INTO bundles(id, name, anchor_product_id, created_at, updated_at) VALUES (1, 'Camera kit', " + cam1 + ", 0, 0);"
            "INSERT INTO bundle_tiers(id, bundle_id, position, name, pricing, discount_percent) VALUES (1, 1, 1, 'Basic', 'discount', 5),"
            " (2, 1, 2, 'Standard', 'discount', 10);"
            "INSERT INTO bundle_items(tier_id, product_id, quantity, optional, position) VALUES (1, " + cam1 + ", 1, 0, 1), (1, " +
            card + ", 1, 0, 2), (2, " + cam1 + ", 1, 0, 1), (2, " + card + ", 1, 0, 2), (2, " + bag + ", 1, 0, 3);";
        if (!writeTransaction(*ws, error, [&](sqlite3 *db, std::string &e) { return execSql(db, sql.c_str(), &e); })) return nullptr;
    }
    if (o.events && importEvents(*ws, mbtest::fixture("kpi/events.csv").toStdString()).status != ImportStatus::Ok) return nullptr;
    return ws;
}

}  // namespace kpifixture
