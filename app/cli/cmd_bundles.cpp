// bundles list / generate / export / import: tiered bundles from a script.
#include "command.h"
#include "exportfiles.h"

#include "core/bundles/bundlechecks.h"
#include "core/bundles/bundleexchange.h"
#include "core/bundles/bundlegenerator.h"
#include "core/bundles/bundlepricing.h"
#include "core/storage/bundlestore.h"
#include "core/bundles/bundletakerate.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

namespace mb::cli {
namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }
QJsonValue num(double v) { return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v); }
std::string money(double v) { return std::isnan(v) ? std::string("?") : QString::number(v, 'f', 2).toStdString(); }

QJsonObject describe(const BundleCatalog &catalog, const Bundle &b, std::string &text)
{
    const SnapshotProduct *anchor = catalog.product(b.anchorProductId);
    const auto issues = checkBundle(catalog, b);
    const BundleTakeRate take = takeRate(catalog, b);
    text += b.name + " (anchor " + (anchor ? anchor->sku : "?") + ", " + std::to_string(b.tiers.size()) + " tiers, " +
            std::to_string(take.anchorOrders) + " orders with the anchor)\n";
    QJsonArray tiers;
    for (size_t t = 0; t < b.tiers.size(); ++t) {
        const BundleTier &tier = b.tiers[t];
        const TierTotals tot = priceTier(catalog, tier);
        QJsonArray items;
        std::string skus;
        for (const BundleItem &i : tier.items) {
            const SnapshotProduct *p = catalog.product(i.productId);
            const std::string sku = p ? p->sku : "?";
            items.append(QJsonObject{{"sku", qs(sku)}, {"quantity", i.quantity}, {"optional", i.optional}});
            skus += (skus.empty() ? "" : ", ") + (i.quantity > 1 ? std::to_string(i.quantity) + "× " : "") + sku + (i.optional ? " (optional)" : "");
        }
        tiers.append(QJsonObject{{"name", qs(tier.name)}, {"pricing", pricingName(tier.pricing)}, {"discountPercent", tier.discountPercent},
                                 {"fixedPrice", num(tier.fixedPrice)}, {"price", num(tot.price)}, {"compareAt", num(tot.compareAt)},
                                 {"savings", num(tot.savings)}, {"margin", num(tot.margin)}, {"marginPercent", num(tot.marginPercent)},
                                 {"availability", qint64(tot.availability)}, {"takeOrders", qint64(take.tiers[t].orders)},
                                 {"takeShare", num(take.tiers[t].share)}, {"items", items}});
        text += "  " + tier.name + ": " + money(tot.price) + " (worth " + money(tot.compareAt) + ", saves " + money(tot.savings) + ", margin " +
                (std::isnan(tot.marginPercent) ? std::string("?") : QString::number(tot.marginPercent, 'f', 1).toStdString() + "%") +
                ", available " + (tot.availability < 0 ? std::string("?") : std::to_string(tot.availability)) + ", held by " +
                std::to_string(take.tiers[t].orders) + " orders)\n    " + skus + "\n";
    }
    QJsonArray warnings;
    for (const BundleIssue &i : issues) {
        warnings.append(QJsonObject{{"check", checkName(i.check)}, {"tier", i.tier}, {"item", i.item}, {"message", qs(i.message)}});
        text += "  ! " + i.message + "\n";
    }
    return QJsonObject{{"name", qs(b.name)}, {"anchor", anchor ? qs(anchor->sku) : QJsonValue()}, {"anchorOrders", qint64(take.anchorOrders)},
                       {"tiers", tiers}, {"warnings", warnings}};
}

int runList(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    std::unique_ptr<Workspace> ws;
    const auto snap = ctx.openSnapshot(ws, code, true);
    if (!snap) return code;
    const BundleCatalog catalog(*snap);
    QJsonArray rows;
    std::string text;
    std::string error;
    const auto bundles = BundleStore(*ws).all(&error);
    if (!error.empty()) return ctx.workspaceError(error);
    for (const Bundle &b : bundles) rows.append(describe(catalog, b, text));
    if (ctx.json) ctx.printJson({{"bundles", rows}});
    else ctx.print(text + std::to_string(bundles.size()) + " bundles\n");
    return Success;
}

int runGenerate(Context &ctx)
{
    CliArgs a(ctx.args, {"sku", "name"}, {"dry-run"});
    if (!a.ok()) return ctx.usage(a.error());
    const auto sku = a.value("sku");
    if (!sku) return ctx.usage("bundles generate needs --sku SKU");
    int code = Success;
    std::unique_ptr<Workspace> ws;
    const auto snap = ctx.openSnapshot(ws, code, a.flag("dry-run"));
    if (!snap) return code;
    if (!a.flag("dry-run") && ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; no bundle was generated");
    std::string error;
    const int32_t p = snap->productIndex(*sku);
    if (p < 0) return ctx.badInput("--sku " + *sku + ": no product with that SKU in the workspace");
    BundleStore store(*ws);
    Bundle b = generateBundle(*snap, uint32_t(p));
    b.name = store.uniqueName(a.value("name").value_or(b.name));
    if (!a.flag("dry-run") && !store.add(b, error)) return ctx.workspaceError(ws->path() + ": " + error);
    std::string text;
    const QJsonObject o = describe(BundleCatalog(*snap), b, text);
    if (ctx.json) ctx.printJson({{"bundle", o}, {"saved", !a.flag("dry-run")}});
    else ctx.print((a.flag("dry-run") ? "Would create " : "Created ") + text);
    return Success;
}

int runExport(Context &ctx)
{
    std::set<std::string> values = {"format", "out", "woo-bundles"}, flags = {"no-maps", "no-bundles", "allow-free-tiers"};
    values.insert(platformValueOptions.begin(), platformValueOptions.end());
    flags.insert(platformFlags.begin(), platformFlags.end());
    CliArgs a(ctx.args, values, flags);
    if (!a.ok()) return ctx.usage(a.error());
    const std::string name = a.value("format").value_or("json");
    const auto format = exportFormatFromName(name);
    if (!format) return ctx.usage("--format " + name + ": expected json, csv, woocommerce, magento or shopify");
    ExportOptions options;
    options.maps = !a.flag("no-maps") && *format != ExportFormat::Csv;
    options.bundles = !a.flag("no-bundles");
    const std::string style = a.value("woo-bundles").value_or("product-bundles");
    if (style != "product-bundles" && style != "grouped") return ctx.usage("--woo-bundles " + style + ": expected product-bundles or grouped");
    options.wooStyle = style == "grouped" ? WooBundleStyle::Grouped : WooBundleStyle::ProductBundles;
    if (const std::string e = readPlatformOptions(a, *format, "bundles export", options); !e.empty()) return ctx.usage(e);
    int code = Success;
    std::unique_ptr<Workspace> ws;
    const auto snap = ctx.openSnapshot(ws, code, true);
    if (!snap) return code;
    // A tier priced at 0 would be free in the store: refused unless asked for (Shopify's file holds no bundles).
    if (options.bundles && *format != ExportFormat::Shopify && !a.flag("allow-free-tiers")) {
        std::string error;
        const std::vector<std::string> free = freeTiers(BundleCatalog(*snap), BundleStore(*ws).all(&error));
        if (!error.empty()) return ctx.workspaceError(error);
        if (!free.empty())
            return ctx.badInput("bundles export: " + free.front() + (free.size() > 1 ? " and " + std::to_string(free.size() - 1) + " more tier(s) are" : " is") +
                                " priced at 0.00: the store would give it away. Set a price, or pass --allow-free-tiers to export it as is");
    }
    std::vector<std::string> notes;
    std::string created;
    const std::string links = writeExport(*format, collectExportData(*ws, *snap, options), options, &notes, &created);
    return writeExportFiles(ctx, a, *format, "bundles export", links, created, notes);
}

int runImport(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 1) return ctx.usage("bundles import needs exactly one FILE (a Merchbench JSON export or a bundle CSV)");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was imported");
    const ExchangeImportReport r = importExchangeFile(*ws, a.positional().front());
    if (!r.ok) return ctx.writeFailed(*ws, r.error);
    if (ctx.json)
        ctx.printJson({{"bundlesAdded", r.bundlesAdded}, {"bundlesReplaced", r.bundlesReplaced}, {"relationsAdded", r.relationsAdded},
                       {"relationsUpdated", r.relationsUpdated}});
    else
        ctx.print("Bundles: " + std::to_string(r.bundlesAdded) + " added, " + std::to_string(r.bundlesReplaced) + " replaced; relations: " +
                  std::to_string(r.relationsAdded) + " added, " + std::to_string(r.relationsUpdated) + " updated\n");
    return Success;
}

Registration list("bundles list", "[--json]", "the bundles with each tier's price, savings, margin, availability, take rate and warnings", runList);
Registration generate("bundles generate", "--sku SKU [--name NAME] [--dry-run]",
                      "build Basic / Standard / Premium around a product from its map and save it", runGenerate);
Registration exportCmd("bundles export",
                       "--format json|csv|woocommerce|magento|shopify [--out FILE] [--created-out FILE] [--no-maps] [--no-bundles] "
                       "[--woo-bundles product-bundles|grouped] [--include-foreign] [--replace-links] [--allow-free-tiers]",
                       "write bundles (and maps) in a format the store platforms import. A platform export is two files: the links "
                       "update (--out, import it updating existing products) and the new bundle products (--created-out, default "
                       "FILE-new-products.csv, import it creating new products only). --include-foreign also writes products not "
                       "imported from that store; --replace-links (Magento only) clears each link type before setting it. A tier priced at "
                       "0.00 is refused unless --allow-free-tiers",
                       runExport);
Registration importCmd("bundles import", "FILE", "merge a Merchbench JSON export or a bundle CSV (bundles by name, relations by anchor and target)", runImport);

}  // namespace
}  // namespace mb::cli
