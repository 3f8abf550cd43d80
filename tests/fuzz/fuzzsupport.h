#pragma once
// What the fuzz targets that import into a workspace share:
//  - one in-memory workspace per process (created on first use) holding a small catalog, a few orders, a
//    relation and a bundle, so that SKUs, category paths and "already there" cases in the inputs can match;
//  - RolledBack: each input runs inside a transaction that is rolled back afterwards (the importers' own
//    transactions nest as savepoints), so inputs never accumulate and every input sees the same workspace;
//  - InputFile: the importers take a path, so each input is written to one per-process temporary file.
#include "core/bundles/bundleexchange.h"
#include "core/io/importparser.h"
#include "core/maps/relationcsv.h"
#include "core/storage/importer.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <unistd.h>

namespace mbfuzz {

// Seeds in tests/data/exchange, relations and kpi name these SKUs and categories.
inline constexpr char catalogCsv[] =
    "sku,title,category,brand,price,cost,stock\n"
    "CAM1,Camera one,Cameras > Bodies,Lumo,100,60,5\n"
    "CAM2,Camera two,Cameras > Bodies,Lumo,200,120,3\n"
    "CARD,Memory card,Cameras > Cards,Lumo,10,4,40\n"
    "BAG,Camera bag,Cameras > Bags,Lumo,30,12,8\n"
    "MUG,Mug,Kitchen,Home,5,2,100\n";
inline constexpr char ordersCsv[] =
    "order_id,sku,quantity,unit_price,ordered_at,customer_id\n"
    "O1,CAM1,1,100,2024-01-05 10:00:00,101\n"
    "O1,CARD,2,10,2024-01-05 10:00:00,101\n"
    "O2,CAM1,1,100,2024-01-10 12:00:00,102\n"
    "O2,BAG,1,30,2024-01-10 12:00:00,102\n"
    "O3,MUG,4,5,2024-01-20 10:00:00,101\n";
inline constexpr char relationsCsv[] =
    "anchor_type,anchor,target_type,target,kind,position,pitch,source,status\n"
    "product,CAM1,product,CARD,necessity,0,Store your photos,curated,active\n"
    "category,Cameras > Bodies,category,Cameras > Bags,accessory,0,,curated,active\n";
inline constexpr char bundleJson[] =
    R"({"format": "merchbench-export", "version": 1, "bundles": [{"name": "Starter", "anchor": "CAM1", "tiers": [)"
    R"({"name": "Basic", "pricing": "sum", "items": [{"sku": "CAM1"}, {"sku": "CARD", "quantity": 2}]}]}]})";

[[noreturn]] inline void fail(const std::string &what)
{
    std::fprintf(stderr, "fuzz setup: %s\n", what.c_str());
    std::abort();
}

// A per-process file that holds the current input (or any other text an importer must read from disk).
class InputFile {
public:
    explicit InputFile(const char *suffix)
        : path_(QDir::tempPath().toStdString() + "/mbfuzz-" + std::to_string(::getpid()) + "-" + suffix) {}
    ~InputFile() { QFile::remove(QString::fromStdString(path_)); }
    const std::string &write(const uint8_t *data, size_t size)
    {
        QFile f(QString::fromStdString(path_));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
            fail("cannot write " + path_);
        return path_;
    }
    const std::string &write(const std::string &s) { return write(reinterpret_cast<const uint8_t *>(s.data()), s.size()); }

private:
    std::string path_;
};

inline mb::Workspace &workspace()
{
    static const std::unique_ptr<mb::Workspace> ws = [] {
        std::string error;
        std::unique_ptr<mb::Workspace> w = mb::Workspace::create(":memory:", error);
        if (!w) fail(error);
        auto load = [&](const char *name, const std::string &text, bool catalog) {
            const mb::TextFile file = mb::TextFile::fromBytes(text, name);
            mb::ImportReport report;
            bool ok = false;
            if (catalog) {
                mb::CatalogBatch batch;
                ok = mb::parseCatalog(file, {}, batch).status == mb::ParseStatus::Ok && mb::writeCatalog(*w, batch, name, report);
            } else {
                mb::OrderBatch batch;
                ok = mb::parseOrders(file, {}, batch).status == mb::ParseStatus::Ok && mb::writeOrders(*w, batch, name, report);
            }
            if (!ok) fail(std::string("cannot import ") + name + ": " + report.error);
        };
        load("catalog.csv", catalogCsv, true);
        load("orders.csv", ordersCsv, false);
        InputFile file("setup");
        const mb::RelationImportReport rel = mb::importRelationsCsv(*w, file.write(relationsCsv), true);
        if (!rel.ok || rel.added != 2) fail("cannot import the relations: " + rel.error);
        const mb::ExchangeImportReport bundle = mb::importExchangeFile(*w, file.write(bundleJson));
        if (!bundle.ok || bundle.bundlesAdded != 1) fail("cannot import the bundle: " + bundle.error);
        return w;
    }();
    return *ws;
}

// Everything an input does to the workspace is undone when this goes out of scope.
class RolledBack {
public:
    RolledBack() : db_(workspace().db())
    {
        if (!mb::execSql(db_, "BEGIN IMMEDIATE")) fail("cannot begin the input's transaction");
    }
    ~RolledBack()
    {
        if (!mb::execSql(db_, "ROLLBACK")) fail("cannot roll the input back");
    }
    RolledBack(const RolledBack &) = delete;
    RolledBack &operator=(const RolledBack &) = delete;

private:
    sqlite3 *db_;
};

inline int64_t count(const char *sql)
{
    mb::Statement s(workspace().db(), sql);
    return s.step() ? s.int64(0) : -1;
}

}  // namespace mbfuzz
