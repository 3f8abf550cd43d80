#pragma once
// What an export writes, as plain data with products named by SKU and categories by path, so the writers
// here never touch the workspace (core/bundles/bundleexchange builds it and applies what a reader returns).
#include "core/storage/relation.h"

#include <cmath>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace mb {

// A relation as the map stores it (JSON keeps everything, category rules included).
struct ExportRelation {
    std::string anchorType = "product", anchor, targetType = "product", target;
    std::string kind = "accessory";
    int position = 0;
    std::string pitch, source = "curated", status = "active";
};

// A product-to-product link as a store shows it: a product's effective map after category rules,
// which is what the platforms' per-product link columns can hold.
struct ExportLink {
    std::string anchor, target;
    RelationKind kind = RelationKind::Accessory;
    // The link types the store's own file had for this pair, as (platform, type), e.g. ("magento", "related")
    // and ("magento", "upsell"): a writer for that platform puts the link in those columns, not the kind's.
    std::vector<std::pair<std::string, std::string>> storeTypes;
};

// A link as the store's own file had it at catalog import (imported_relations): lets a writer see which store
// links the map no longer has, and clear or report them.
struct ExportStoreLink {
    std::string platform, anchor, target, type;  // type as imported: related, upsell, crosssell, cross-sell, ...
    int position = 0;
};

struct ExportProduct {
    std::string sku, title;
    double price = NAN;
    // Where the workspace got it: the platform writers key rows on the store's own identifiers and leave
    // out (and report) products that did not come from the store they write for.
    std::string platform, handle, platformId, productType, productTitle;
    double regularPrice = NAN, salePrice = NAN;
};

struct ExportItem {
    std::string sku, title;
    int quantity = 1;
    bool optional = false;
    double unitPrice = NAN;        // written for the reader's information; not read back
    std::string platform;          // where the workspace got the product (as ExportProduct::platform)
};

struct ExportTier {
    std::string name;
    std::string pricing = "sum";   // sum, discount, fixed
    double discountPercent = 0;
    double fixedPrice = NAN;
    double price = NAN;            // the tier's price under its pricing (informational)
    std::vector<ExportItem> items;
};

struct ExportBundle {
    std::string name, anchor;      // anchor SKU
    std::vector<ExportTier> tiers;
};

struct ExportData {
    std::vector<ExportProduct> products;    // every product named by links or bundles, in SKU order
    std::vector<ExportRelation> relations;  // JSON and relation CSV
    std::vector<ExportLink> links;          // platform files; grouped by anchor, in the map's order
    std::vector<ExportBundle> bundles;      // by name
    std::vector<ExportStoreLink> storeLinks; // every imported platform link (with the maps), by anchor
    bool includeMaps = true, includeBundles = true;
    // Platform writers leave out products that did not come from the store they write for (reported in the
    // notes) unless includeForeign; Magento's replaceLinks clears each written link type before setting it.
    bool includeForeign = false, replaceLinks = false;
};

// The SKU a platform file gives a bundle tier's own product: "BUNDLE-<bundle>-<tier>", upper-case slugs.
std::string bundleTierSku(const std::string &bundle, const std::string &tier);

// "1 product was" / "3 products were": counts in the writers' notes.
std::string counted(size_t n, const char *one, const char *many);

}  // namespace mb
