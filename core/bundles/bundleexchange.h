#pragma once
// Between the workspace and the export writers (core/io/exports): gathers maps and bundles as plain data
// named by SKU and category path, picks the writer for a format, and merges a Merchbench JSON or bundle
// CSV file back (bundles by name, relations by anchor and target) in one transaction.
#include "core/io/exports/exportdata.h"
#include "core/io/exports/platformexport.h"

#include <optional>
#include <string>
#include <vector>

namespace mb {

class Workspace;
struct Snapshot;

enum class ExportFormat { Json, Csv, WooCommerce, Magento, Shopify };

std::optional<ExportFormat> exportFormatFromName(std::string_view name);  // json, csv, woocommerce, magento, shopify
const char *exportFormatName(ExportFormat f);
const char *exportFormatSuffix(ExportFormat f);  // ".json" or ".csv"

struct ExportOptions {
    bool maps = true, bundles = true;
    WooBundleStyle wooStyle = WooBundleStyle::ProductBundles;
    bool includeForeign = false;  // platform files: also write products the workspace did not import from that store
    bool replaceLinks = false;    // Magento: clear each written link type before setting it
};

// Products in SKU order; relations (every status) by anchor type, anchor, kind, position, target; links
// are each product's effective map after category rules (active only); bundles by name.
ExportData collectExportData(Workspace &ws, const Snapshot &snapshot, const ExportOptions &options = {});

// The file text for a format. Csv holds bundles, one row per tier item (see core/io/exports/bundlecsv.h);
// for maps as CSV use exportRelationsCsv. Notes say what a format could not carry.
// For the platforms, `created` receives the create-only file of new products (bundles); when the caller
// passes none and there is one, a note says what was not written.
std::string writeExport(ExportFormat format, const ExportData &data, const ExportOptions &options, std::vector<std::string> *notes = nullptr,
                        std::string *created = nullptr);

struct ExchangeImportReport {
    bool ok = false;
    std::string error;          // one line naming the file, where in it, and what was expected
    int bundlesAdded = 0, bundlesReplaced = 0, relationsAdded = 0, relationsUpdated = 0;
};

// A Merchbench JSON export (maps and bundles) or a bundle CSV, chosen by content. Every SKU and category
// must be in the workspace; on any error nothing changes.
ExchangeImportReport importExchangeFile(Workspace &ws, const std::string &path);

}  // namespace mb
