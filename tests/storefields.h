#pragma once
// Gives a workspace's products the store platform's fields (platform, handle, status, regular and sale
// price, stock status) through the import writer, the way a platform catalog import stores them, so that
// exports and views of the store's own data can be tested on the demo store. Only the fields set here
// change: the writer keeps every value a record leaves empty.
#include "core/io/importrecords.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace mbtest {

// A product the store sells: platform, a handle from the SKU, an id and type, an active status.
inline mb::ProductRecord storeProduct(const std::string &sku, const std::string &platform)
{
    mb::ProductRecord r;
    r.sku = sku;
    r.platform = platform;
    std::string handle;
    for (char c : sku) handle += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    r.handle = platform == "shopify" ? "store-" + handle : handle;   // the store's handle, not one made from the SKU
    r.platformId = "id-" + sku;
    r.productType = "simple";
    r.platformStatus = platform == "woocommerce" ? "publish" : platform == "magento" ? "1" : "active";
    return r;
}

// Writes the records into the workspace file at path; false with error set.
inline bool writeStoreFields(const QString &path, const std::vector<mb::ProductRecord> &records, std::string &error)
{
    auto ws = mb::Workspace::open(path.toStdString(), error);
    if (!ws) return false;
    mb::CatalogBatch batch;
    batch.format = records.empty() ? "generic" : records.front().platform;
    batch.products = records;
    batch.rowsRead = int64_t(records.size());
    mb::ImportReport report;
    if (mb::writeCatalog(*ws, batch, "store-fields-fixture.csv", report)) return true;
    error = report.error.empty() ? "writeCatalog failed" : report.error;
    return false;
}

// Every product of the workspace whose SKU passes `fromStore` becomes a product of `platform`.
inline bool markFromStore(const QString &path, const std::string &platform, const std::function<bool(const std::string &)> &fromStore,
                          std::string &error)
{
    std::vector<mb::ProductRecord> records;
    {
        auto ws = mb::Workspace::open(path.toStdString(), error);
        if (!ws) return false;
        auto snap = mb::Snapshot::load(*ws, error);
        if (!snap) return false;
        for (const mb::SnapshotProduct &p : snap->products)
            if (fromStore(p.sku)) records.push_back(storeProduct(p.sku, platform));
    }
    return writeStoreFields(path, records, error);
}

}  // namespace mbtest
