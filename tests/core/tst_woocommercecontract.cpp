// The WooCommerce export against a model of WooCommerce's own product CSV importer: a store built from the
// real sample export (sample_products.csv), the links file imported with "Update existing products" ticked
// and the bundles file without it, exactly as a merchandiser would in Products ▸ Import. Only the links and
// bundles Merchbench was asked to write may change; types, prices, stock and every other product stay as
// they were. The model follows the importer code it cites (WooCommerce core, plugins/woocommerce/includes/
// import/, and the Product Bundles extension's WC_PB_Product_Import); docs/formats-woocommerce.md has the rules.
#include "testsupport.h"

#include "core/bundles/bundleexchange.h"
#include "core/storage/bundlestore.h"
#include "core/io/csvreader.h"
#include "core/io/exports/platformexport.h"
#include "core/io/importparser.h"
#include "core/io/textfile.h"
#include "core/io/woocommercerules.h"
#include "core/storage/relationstore.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <map>
#include <set>

using namespace mb;

namespace {

// One product as the store holds it. Link lists hold product IDs, as WooCommerce stores them.
struct StoreProduct {
    int64_t id = 0;
    std::string sku, name, type, status, regularPrice, salePrice;
    std::vector<int64_t> upsells, crossSells, children;
    std::map<std::string, std::string> other;  // every other column of the sample, as written
    struct Item {
        int64_t product = 0;
        int quantityMin = 1, quantityMax = 1, quantityDefault = 1;
        std::string optional = "no", pricedIndividually = "no", discount;
        bool operator==(const Item &) const = default;
    };
    std::vector<Item> bundledItems;
    bool operator==(const StoreProduct &) const = default;
};

struct ImportResult {
    int imported = 0, updated = 0, skipped = 0, failed = 0;
};

// A model of WC_Product_CSV_Importer (class-wc-product-csv-importer.php) and WC_Product_Importer
// (abstract-wc-product-importer.php), reduced to the cells our files and the sample carry.
class WooStore {
public:
    std::map<int64_t, StoreProduct> products;

    const StoreProduct *bySku(const std::string &sku) const
    {
        // wc_get_product_id_by_sku(): one product per SKU.
        for (const auto &[id, p] : products)
            if (!sku.empty() && p.sku == sku) return &p;
        return nullptr;
    }
    const StoreProduct &sku(const std::string &s) const
    {
        const StoreProduct *p = bySku(s);
        if (!p) qFatal("no product %s in the store", s.c_str());
        return *p;
    }
    std::vector<std::string> skus(const std::vector<int64_t> &ids) const
    {
        std::vector<std::string> out;
        for (int64_t id : ids) out.push_back(products.count(id) ? products.at(id).sku : "missing:" + std::to_string(id));
        return out;
    }

    // The store's state from its own export: every row as the product it describes.
    static WooStore fromExport(const std::string &csv)
    {
        WooStore s;
        std::vector<std::pair<int64_t, std::map<std::string, std::string>>> rows;
        forEachRow(csv, [&](const std::map<std::string, std::string> &row) {
            StoreProduct p;
            p.id = std::stoll(row.at("ID"));
            p.sku = row.at("SKU");
            p.name = row.at("Name");
            p.type = woo::productType(row.at("Type"));
            p.status = statusOf(row.at("Published"), p.type);
            p.regularPrice = row.at("Regular price");
            p.salePrice = row.at("Sale price");
            for (const auto &[k, v] : row)
                if (!modelled().count(k)) p.other[k] = v;
            s.nextId = std::max(s.nextId, p.id + 1);
            s.products[p.id] = p;
            rows.emplace_back(p.id, row);
        });
        for (const auto &[id, row] : rows) {
            StoreProduct &p = s.products[id];
            p.upsells = s.relativeList(row.at("Upsells"), true);
            p.crossSells = s.relativeList(row.at("Cross-sells"), true);
            p.children = s.relativeList(row.at("Grouped products"), true);
        }
        return s;
    }

    // WC_Product_CSV_Importer::import() with update_existing = `update`.
    ImportResult import(const std::string &csv, bool update)
    {
        updateExisting = update;
        ImportResult r;
        forEachRow(csv, [&](const std::map<std::string, std::string> &row) {
            // parse_id_field(): absint; the SKU cell as written.
            const int64_t id = row.count("ID") ? std::max<int64_t>(0, std::atoll(row.at("ID").c_str())) : 0;
            const std::string sku = row.count("SKU") ? row.at("SKU") : std::string();
            auto live = [&](const StoreProduct *p) { return p && p->status != "importing"; };
            const bool idExists = id && live(products.count(id) ? &products.at(id) : nullptr);
            const bool skuExists = !sku.empty() && live(bySku(sku));
            // import(): a create skips what exists; an update skips what does not.
            if ((idExists || skuExists) && !update) return void(++r.skipped);
            if (update && (row.count("ID") || row.count("SKU")) && !idExists && !skuExists) return void(++r.skipped);
            // process_item(): no ID, a SKU: the product that has it.
            int64_t target = id;
            if (!target && !sku.empty())
                if (const StoreProduct *p = bySku(sku)) target = p->id;
            StoreProduct *p = nullptr;
            if (target && products.count(target)) p = &products.at(target);
            else {
                // get_product_object(): a new product, of the row's Type or simple.
                StoreProduct fresh;
                fresh.id = nextId++;
                fresh.type = "simple";
                fresh.status = "publish";  // WC_Product_Data_Store_CPT::create(): no status is "publish"
                p = &(products[fresh.id] = fresh);
            }
            const bool updating = p->status != "importing" && target;
            if (p->status == "importing") p->status = "publish";
            apply(*p, row);
            ++(updating ? r.updated : r.imported);
        });
        return r;
    }

private:
    int64_t nextId = 1;
    bool updateExisting = false;

    static const std::set<std::string> &modelled()
    {
        static const std::set<std::string> m{"ID", "SKU", "Name", "Type", "Published", "Regular price", "Sale price",
                                             "Upsells", "Cross-sells", "Grouped products", "Bundled Items (JSON-encoded)"};
        return m;
    }

    template <class F> static void forEachRow(const std::string &csv, F &&f)
    {
        std::string_view text(csv);
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);  // read_file(): remove_utf8_bom()
        CsvReader reader(text, ',');
        CsvRecord rec;
        std::vector<std::string> header;
        if (!reader.next(rec)) return;
        for (std::string_view h : rec.fields) header.emplace_back(trimmed(h));
        while (reader.next(rec)) {
            std::map<std::string, std::string> row;
            for (size_t i = 0; i < rec.fields.size() && i < header.size(); ++i) row[header[i]] = std::string(rec.fields[i]);
            f(row);
        }
    }

    // parse_published_field() and expand_data(): '' and -1 are draft, 0 private, 1 publish; a variation's
    // draft is published.
    static std::string statusOf(const std::string &cell, const std::string &type)
    {
        if (cell == "1" || cell == "true") return "publish";
        if (cell == "0") return "private";
        return type == "variation" ? "publish" : "draft";
    }

    // parse_relative_field(): "id:N" is product N (an update keeps a missing N as it is, a create makes a
    // placeholder); a SKU is its product, or a new "Import placeholder" product with that SKU.
    int64_t relative(const std::string &ref, bool building)
    {
        if (ref.empty()) return 0;
        if (ref.rfind("id:", 0) == 0) {
            const int64_t n = std::atoll(ref.c_str() + 3);
            if (products.count(n) || updateExisting || building) return n;
            return placeholder("");
        }
        if (const StoreProduct *p = bySku(ref)) return p->id;
        return placeholder(ref);
    }
    int64_t placeholder(const std::string &sku)
    {
        StoreProduct p;
        p.id = nextId++;
        p.sku = sku;
        p.name = "Import placeholder for " + sku;
        p.type = "simple";
        p.status = "importing";
        products[p.id] = p;
        return p.id;
    }
    // parse_relative_comma_field(): explode_values() on "," (a "\," stays in the SKU); '' is an empty list.
    std::vector<int64_t> relativeList(const std::string &cell, bool building = false)
    {
        std::vector<int64_t> out;
        std::string cur;
        auto flush = [&] {
            const std::string_view t = trimmed(cur);
            if (!t.empty())
                if (const int64_t id = relative(std::string(t), building)) out.push_back(id);
            cur.clear();
        };
        for (size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == ',') {
                cur += ',';
                ++i;
            } else if (cell[i] == ',') flush();
            else cur += cell[i];
        }
        flush();
        return out;
    }

    // process_item(): set_props() with every parsed column, then the extension's set_bundle_props().
    void apply(StoreProduct &p, const std::map<std::string, std::string> &row)
    {
        // get_product_object() makes the product of the row's Type before any other column is set, and the
        // extension's set_bundle_props() runs after them (woocommerce_product_import_pre_insert_product_object).
        if (row.count("Type")) p.type = woo::productType(row.at("Type"));  // '' is simple
        for (const auto &[column, value] : row) {
            if (column == "ID" || column == "Type" || column == "Bundled Items (JSON-encoded)") continue;
            if (column == "SKU") p.sku = value;
            else if (column == "Name") p.name = value;
            else if (column == "Published") p.status = statusOf(value, p.type);
            else if (column == "Regular price") p.regularPrice = value;   // '' clears it
            else if (column == "Sale price") p.salePrice = value;
            else if (column == "Upsells") p.upsells = relativeList(value);   // '' clears them
            else if (column == "Cross-sells") p.crossSells = relativeList(value);
            // expand_data() turns the column into `children`; only WC_Product_Grouped saves it (a simple
            // product has no set_children(), a variable product's children are its variation posts).
            else if (column == "Grouped products") {
                if (p.type == "grouped") p.children = relativeList(value);
            } else p.other[column] = value;
        }
        if (row.count("Bundled Items (JSON-encoded)")) applyBundledItems(p, row.at("Bundled Items (JSON-encoded)"));
    }

    // WC_PB_Product_Import::parse_bundled_items() resolves each item's product_id; set_bundle_props() hands
    // the items to WC_Product_Bundle::set_bundled_data_items() (bundles only), which builds WC_Bundled_Item_Data
    // from product_id, menu_order and meta_data: any other key is not stored.
    void applyBundledItems(StoreProduct &p, const std::string &json)
    {
        if (p.type != "bundle") return;
        p.bundledItems.clear();
        const QJsonObject items = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
        for (const QString &key : items.keys()) {
            const QJsonObject item = items.value(key).toObject();
            StoreProduct::Item it;
            it.product = relative(item.value("product_id").toString().toStdString(), false);
            const QJsonObject meta = item.value("meta_data").toObject();
            auto number = [&](const char *k, int fallback) { return meta.contains(k) ? meta.value(k).toInt() : fallback; };
            it.quantityMin = number("quantity_min", 1);
            it.quantityMax = number("quantity_max", 1);
            it.quantityDefault = number("quantity_default", 1);
            it.optional = meta.value("optional").toString("no").toStdString();
            it.pricedIndividually = meta.value("priced_individually").toString("no").toStdString();
            if (meta.contains("discount")) it.discount = QString::number(meta.value("discount").toDouble()).toStdString();
            p.bundledItems.push_back(it);
        }
    }
};

// What the extension charges for a bundle with no optional item chosen: the bundle's own price plus the
// required items priced individually, less their discount (WC_Product_Bundle / WC_Bundled_Item).
double bundleSellingPrice(const WooStore &store, const StoreProduct &b)
{
    double price = b.regularPrice.empty() ? 0 : std::stod(b.regularPrice);
    for (const StoreProduct::Item &i : b.bundledItems) {
        if (i.optional == "yes" || i.pricedIndividually != "yes") continue;
        const StoreProduct &p = store.products.at(i.product);
        const double item = std::stod(p.salePrice.empty() ? p.regularPrice : p.salePrice);
        price += item * i.quantityDefault * (1 - (i.discount.empty() ? 0 : std::stod(i.discount)) / 100);
    }
    return price;
}

// A product as collectExportData() gives it for a product imported from WooCommerce.
ExportProduct storeProduct(const char *sku, const char *id, double price)
{
    ExportProduct p;
    p.sku = sku;
    p.title = sku;
    p.price = price;
    p.platform = "woocommerce";
    p.platformId = id;
    p.productType = "simple";
    return p;
}

std::string readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

// The store's own links beyond the sample: upsell and cross-sell on one pair (woo-polo → woo-cap) and an
// upsell (woo-tshirt → woo-cap), as a merchandiser would have set them in WooCommerce.
const char *const kStoreLinks = "SKU,Upsells,Cross-sells\nwoo-polo,woo-cap,woo-cap\nwoo-tshirt,woo-cap,\n";

}  // namespace

class TestWooCommerceContract : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::string sample;
    std::unique_ptr<Workspace> ws;
    WooStore before;
    std::string links, created;
    std::vector<std::string> notes;

    std::string path(const char *name) const { return (dir.path() + "/" + name).toStdString(); }
    bool importFile(const std::string &name, const std::string &text, const char *format = "")
    {
        QFile f(QString::fromStdString(path(name.c_str())));
        if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) != qint64(text.size())) return false;
        f.close();
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = path(name.c_str());
        req.format = format;
        const ImportReport rep = runImport(*ws, req);
        if (rep.status != ImportStatus::Ok) qWarning("%s", rep.error.c_str());
        return rep.status == ImportStatus::Ok && rep.rejected == 0;
    }
    int64_t idOf(const Snapshot &s, const char *sku) const
    {
        const int32_t i = s.productIndex(sku);
        return i < 0 ? 0 : s.products[size_t(i)].id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MB_REQUIRE_DATASET(csv, "woocommerce_sample_products/sample_products.csv");
        sample = readAll(csv);
        QVERIFY(!sample.empty());

        // The store, and the workspace that read the store's export.
        before = WooStore::fromExport(sample);
        QCOMPARE(before.import(kStoreLinks, true).updated, 2);
        std::string error;
        ws = Workspace::create(path("w.merchbench"), error);
        QVERIFY2(ws, error.c_str());
        QVERIFY(importFile("sample_products.csv", sample));
        QVERIFY(importFile("store_links.csv", kStoreLinks));
        // A product from another source (a supplier's list): not in this store.
        QVERIFY(importFile("supplier.csv", "sku,title,price\nSUP-STRAP,Supplier strap,9\n", "generic"));

        // What the merchandiser asks for: new links, a bundle around the zipper hoodie.
        auto snap = Snapshot::load(*ws, error);
        QVERIFY(snap);
        auto relation = [&](const char *anchor, const char *target, RelationKind kind) {
            Relation r;
            r.anchorId = idOf(*snap, anchor);
            r.targetId = idOf(*snap, target);
            r.kind = kind;
            QVERIFY(r.anchorId && r.targetId);
            QVERIFY2(RelationStore(*ws).add(r, error), error.c_str());
        };
        relation("woo-hoodie", "woo-beanie", RelationKind::Upgrade);
        relation("woo-hoodie", "woo-cap", RelationKind::Accessory);
        relation("woo-hoodie", "SUP-STRAP", RelationKind::Accessory);     // a target the store does not have
        relation("SUP-STRAP", "woo-cap", RelationKind::Accessory);        // an anchor the store does not have
        relation("woo-vneck-tee-red", "woo-belt", RelationKind::Consumable);

        Bundle b;
        b.name = "Zip up";
        b.anchorProductId = idOf(*snap, "woo-hoodie-with-zipper");
        auto item = [&](const char *sku, int q, bool optional = false) { return BundleItem{idOf(*snap, sku), q, optional}; };
        BundleTier basic{"Basic", TierPricing::Sum, 0, NAN, {item("woo-hoodie-with-zipper", 1), item("woo-beanie", 1)}};
        BundleTier standard{"Standard", TierPricing::Discount, 10, NAN,
                            {item("woo-hoodie-with-zipper", 1), item("woo-cap", 2), item("woo-sunglasses", 1, true)}};
        BundleTier premium{"Premium", TierPricing::Fixed, 0, 0.0, {item("woo-hoodie-with-zipper", 1), item("woo-belt", 1)}};
        b.tiers = {basic, standard, premium};
        QVERIFY2(BundleStore(*ws).add(b, error), error.c_str());
        Bundle foreign;
        foreign.name = "Strap set";
        foreign.anchorProductId = idOf(*snap, "woo-belt");
        foreign.tiers = {BundleTier{"Basic", TierPricing::Sum, 0, NAN, {item("woo-belt", 1), item("SUP-STRAP", 1)}}};
        QVERIFY2(BundleStore(*ws).add(foreign, error), error.c_str());

        snap = Snapshot::load(*ws, error);
        QVERIFY(snap);
        const ExportOptions options;   // Product Bundles, foreign products left out
        links = writeExport(ExportFormat::WooCommerce, collectExportData(*ws, *snap, options), options, &notes, &created);
        QVERIFY(!links.empty());
        QVERIFY(!created.empty());
    }

    void linksFileHasOnlyTheKeyAndTheLinkColumns()
    {
        // Type, Regular price, Name ... absent: the importer leaves an absent column alone (set_parsed_data()
        // only sets the columns in the file) and would apply an empty one.
        QVERIFY(links.rfind("SKU,Upsells,Cross-sells,Grouped products\n", 0) == 0);
        QVERIFY(links.find("SUP-STRAP") == std::string::npos);
        // Rows only for anchors: woo-beanie, woo-cap, woo-belt are link targets only.
        QVERIFY(links.find("\nwoo-beanie,") == std::string::npos);
        QVERIFY(links.find("\nwoo-cap,") == std::string::npos);
        QVERIFY(links.find("\nwoo-belt,") == std::string::npos);
    }

    void updateChangesOnlyTheLinksAskedFor()
    {
        WooStore store = before;
        const ImportResult r = store.import(links, true);
        QCOMPARE(r.skipped, 0);
        QCOMPARE(r.imported, 0);   // nothing created, no placeholder either
        QCOMPARE(store.products.size(), before.products.size());
        // The changes: exactly the two anchors whose links the merchandiser edited.
        std::set<std::string> changed;
        for (const auto &[id, p] : store.products)
            if (!(p == before.products.at(id))) changed.insert(p.sku);
        QCOMPARE(changed, (std::set<std::string>{"woo-hoodie"}));
        QCOMPARE(store.skus(store.sku("woo-hoodie").upsells), std::vector<std::string>{"woo-beanie"});
        QCOMPARE(store.skus(store.sku("woo-hoodie").crossSells), std::vector<std::string>{"woo-cap"});
        // A variation's own links are never shown (it shows its variable product's): not written, and said.
        QVERIFY(links.find("woo-vneck-tee-red") == std::string::npos);
        QVERIFY(std::any_of(notes.begin(), notes.end(), [](const std::string &n) {
            return n.rfind("1 variation's links were left out (woo-vneck-tee-red)", 0) == 0;
        }));
        // Types, prices, status kept: the variable hoodie is still variable, the beanie still on sale.
        QCOMPARE(store.sku("woo-hoodie").type, std::string("variable"));
        QCOMPARE(store.sku("woo-beanie").regularPrice, std::string("20"));
        QCOMPARE(store.sku("woo-beanie").salePrice, std::string("18"));
        // The pair with two link types keeps both, the grouped product keeps its three children.
        QCOMPARE(store.skus(store.sku("woo-polo").upsells), std::vector<std::string>{"woo-cap"});
        QCOMPARE(store.skus(store.sku("woo-polo").crossSells), std::vector<std::string>{"woo-cap"});
        QCOMPARE(store.skus(store.sku("logo-collection").children),
                 (std::vector<std::string>{"woo-hoodie-with-logo", "woo-tshirt", "woo-beanie"}));
    }

    void linksFileInCreateModeChangesNothing()
    {
        // Imported without "Update existing products": every row names a product the store has, so every
        // row is skipped ("A product with this SKU already exists").
        WooStore store = before;
        const ImportResult r = store.import(links, false);
        QCOMPARE(r.imported + r.updated, 0);
        QVERIFY(r.skipped >= 4);
        QVERIFY(store.products == before.products);
    }

    void createdFileMakesTheBundlesAndNothingElse()
    {
        WooStore store = before;
        const ImportResult r = store.import(created, false);
        QCOMPARE(r.imported, 2);   // Basic and Standard; Premium would sell at 0, Strap set has a foreign item
        QCOMPARE(r.updated, 0);
        QCOMPARE(store.products.size(), before.products.size() + 2);
        for (const auto &[id, p] : before.products) QVERIFY(store.products.at(id) == p);

        const StoreProduct &basic = store.sku("BUNDLE-ZIP-UP-BASIC");
        QCOMPARE(basic.type, std::string("bundle"));
        QCOMPARE(basic.status, std::string("publish"));
        QCOMPARE(basic.regularPrice, std::string("63"));   // 45 zipper hoodie + 18 beanie on sale
        QCOMPARE(bundleSellingPrice(store, basic), 63.0);

        const StoreProduct &standard = store.sku("BUNDLE-ZIP-UP-STANDARD");
        QCOMPARE(standard.type, std::string("bundle"));
        QCOMPARE(bundleSellingPrice(store, standard), 69.3);   // (45 + 2 × 16) less 10 %
        QCOMPARE(int(standard.bundledItems.size()), 3);
        const StoreProduct::Item &caps = standard.bundledItems[1];
        QCOMPARE(store.products.at(caps.product).sku, std::string("woo-cap"));
        QCOMPARE(caps.quantityMin, 2);
        QCOMPARE(caps.quantityMax, 2);
        QCOMPARE(caps.quantityDefault, 2);
        const StoreProduct::Item &sunglasses = standard.bundledItems[2];
        QCOMPARE(sunglasses.optional, std::string("yes"));
        QCOMPARE(sunglasses.pricedIndividually, std::string("yes"));   // the shopper who adds them pays for them
        QCOMPARE(sunglasses.discount, std::string("10"));

        QVERIFY(!store.bySku("BUNDLE-ZIP-UP-PREMIUM"));
        QVERIFY(!store.bySku("BUNDLE-STRAP-SET-BASIC"));
        auto hasNote = [&](const std::string &part) {
            return std::any_of(notes.begin(), notes.end(), [&](const std::string &n) { return n.find(part) != std::string::npos; });
        };
        QVERIFY(hasNote("bundle tier Zip up – Premium was not written: it would sell at 0"));
        QVERIFY(hasNote("bundle tier Strap set – Basic was not written: SUP-STRAP was not imported from WooCommerce"));
        QVERIFY(hasNote("1 product was left out of the links because it was not imported from WooCommerce (SUP-STRAP)"));
        QVERIFY(hasNote("1 link target was left out"));

        // In update mode the same file creates nothing: "No matching product exists to update".
        WooStore again = before;
        QCOMPARE(again.import(created, true).skipped, 2);
        QVERIFY(again.products == before.products);
    }

    void theOldExportWouldHaveHarmedTheStore()
    {
        // Why the files are split and carry no Type or price: the same update with an empty Type and an
        // empty Regular price re-types the variable hoodie and clears the belt's price.
        WooStore store = before;
        store.import("Type,SKU,Name,Regular price,Upsells,Cross-sells\n,woo-hoodie,Hoodie,,woo-beanie,woo-cap\n,woo-belt,Belt,,,\n", true);
        QCOMPARE(store.sku("woo-hoodie").type, std::string("simple"));
        QCOMPARE(store.sku("woo-belt").regularPrice, std::string());
    }

    void aProductWithoutSkuIsKeyedByItsId()
    {
        // The importer finds a row by ID, else by SKU, and sets the SKU cell on what it found: a product with a
        // SKU is written by SKU alone (an ID beside it would write the file's SKU over one changed since), one
        // without by ID with an empty SKU cell (it has none to lose).
        WooStore store = WooStore::fromExport("ID,Type,SKU,Name,Published,Regular price,Sale price,Upsells,Cross-sells,Grouped products\n"
                                              "13,simple,,Sticker,1,1,,,,\n15,simple,CAP,Cap,1,18,,,,\n");
        const WooStore start = store;
        ExportData d;
        d.products = {storeProduct("CAP", "15", 18), storeProduct("id:13", "13", 1)};
        d.links = {{"CAP", "id:13", RelationKind::Upgrade, {}}, {"id:13", "CAP", RelationKind::Accessory, {}}};
        const PlatformExport e = writeWooCommerceCsv(d, WooBundleStyle::ProductBundles);
        QCOMPARE(e.links, std::string("ID,SKU,Upsells,Cross-sells\n,CAP,id:13,\n13,,,CAP\n"));
        QVERIFY(e.created.empty());
        const ImportResult r = store.import(e.links, true);
        QCOMPARE(r.updated, 2);
        QCOMPARE(store.products.at(15).upsells, std::vector<int64_t>{13});
        QCOMPARE(store.products.at(13).crossSells, std::vector<int64_t>{15});
        QCOMPARE(store.products.at(15).sku, std::string("CAP"));
        QCOMPARE(store.products.at(13).sku, std::string());
        QCOMPARE(store.products.size(), start.products.size());
    }

    void aReKindedLinkMovesColumn()
    {
        // The store had CAP → MUG as an upsell and CAP → PIN as an upsell and a cross-sell; in Merchbench the
        // first became an accessory: it moves to Cross-sells, the pair with both types keeps both.
        ExportData d;
        d.products = {storeProduct("CAP", "15", 18), storeProduct("MUG", "16", 9), storeProduct("PIN", "17", 2)};
        d.links = {{"CAP", "MUG", RelationKind::Accessory, {{"woocommerce", "upsell"}}},
                   {"CAP", "PIN", RelationKind::Upgrade, {{"woocommerce", "upsell"}, {"woocommerce", "cross-sell"}}}};
        QCOMPARE(writeWooCommerceCsv(d, WooBundleStyle::ProductBundles).links,
                 std::string("SKU,Upsells,Cross-sells\nCAP,PIN,\"MUG, PIN\"\n"));
    }

    void roundTripKeepsEachLinkTypeInItsColumn()
    {
        // Our own importer reads the links file back to the same link types, both on woo-polo → woo-cap.
        CatalogBatch batch;
        const ParseResult pr = parseCatalog(TextFile::fromBytes(links, "links.csv"), ParseOptions{}, batch);
        QVERIFY2(pr.status == ParseStatus::Ok, pr.error.c_str());
        QCOMPARE(batch.format, std::string("woocommerce"));
        std::set<std::string> got;
        for (const RelationRecord &r : batch.relations) got.insert(r.anchorSku + ">" + r.targetSku + ":" + r.platformType);
        QCOMPARE(got, (std::set<std::string>{"woo-polo>woo-cap:upsell", "woo-polo>woo-cap:cross-sell", "woo-tshirt>woo-cap:upsell",
                                             "woo-hoodie>woo-beanie:upsell", "woo-hoodie>woo-cap:cross-sell",
                                             "logo-collection>woo-hoodie-with-logo:grouped",
                                             "logo-collection>woo-tshirt:grouped", "logo-collection>woo-beanie:grouped"}));
    }
};

QTEST_GUILESS_MAIN(TestWooCommerceContract)
#include "tst_woocommercecontract.moc"
