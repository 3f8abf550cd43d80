#pragma once
// Product CSVs the store platforms import (FORMATS.md): the maps as each platform's link columns, the
// bundles as the platform's own bundle products. Product rows carry only the SKU, the name and the links,
// so an import into the store updates links without touching prices or stock; bundle rows create one
// product per tier, keyed bundleTierSku(). Every cell goes through the formula defence of csvwriter.
#include "core/io/exports/exportdata.h"

#include <string>
#include <vector>

namespace mb {

// A store platform's import either updates existing products or creates new ones, not both in one run:
// `links` updates products the store has (keyed by SKU or handle, only the columns that carry links);
// `created` holds new products (bundles, grouped products) for a create-only import, "" when there are none.
// Notes say what the platform cannot hold and what was left out.
struct PlatformExport {
    std::string links, created;
    std::vector<std::string> notes;
};

// WooCommerce bundles: "Grouped" products (core WooCommerce: the items, no quantities or price), or the
// Product Bundles extension's "Bundled Items (JSON-encoded)" (quantities, optional items, discount).
enum class WooBundleStyle { Grouped, ProductBundles };

// Upsells = upgrades; Cross-sells = necessities, enhancements, accessories, consumables (the map's order).
PlatformExport writeWooCommerceCsv(const ExportData &data, WooBundleStyle style);
// upsell_skus = upgrades; related_skus = enhancements and accessories (shown on the product page);
// crosssell_skus = necessities and consumables (shown in the cart); *_position 1..n. Bundles as bundle
// products with bundle_values; a discount becomes the bundle's special_price (a percentage in Magento).
PlatformExport writeMagentoCsv(const ExportData &data);
// Search & Discovery metafields, one row per store handle (URL handle, Title and the two metafield columns,
// nothing else): a link goes back in the metafield the store's file had it in, else complementary = the
// cross-sell kinds, related = upgrades; targets as product handles. Products not imported from Shopify are
// left out (noted) unless data.includeForeign. Shopify's product CSV has no bundle columns: bundles are noted.
PlatformExport writeShopifyCsv(const ExportData &data);

// The handle the Shopify export gives a product the store did not export: its SKU lower-cased, runs of other
// characters as "-".
std::string shopifyHandle(const std::string &sku);

extern const char *const ShopifyHandleColumn;
extern const char *const ShopifyComplementaryColumn;
extern const char *const ShopifyRelatedColumn;

}  // namespace mb
