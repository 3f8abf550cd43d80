#include "core/demo/democatalog.h"

#include "core/demo/democatalogdata.h"
#include "core/demo/demorandom.h"

#include <cmath>
#include <set>

namespace mb::demo {

const std::vector<Subcategory> &demoSubcategories()
{
    // Margins follow the trade: hardware is sold thin (printers thinnest, the ink pays), accessories and
    // consumables carry the margin, which is why a cross-sell tool matters to the shop.
    static const std::vector<Subcategory> subs = {
        {"CAM-MIR", "Cameras > Mirrorless", Role::Hero, 0.12, 0.20},
        {"CAM-CMP", "Cameras > Compact", Role::Hero, 0.15, 0.22},
        {"CAM-CRD", "Cameras > Accessories > Memory Cards", Role::Accessory, 0.45, 0.60},
        {"CAM-BAG", "Cameras > Accessories > Bags", Role::Accessory, 0.45, 0.58},
        {"CAM-BAT", "Cameras > Accessories > Batteries", Role::Accessory, 0.42, 0.55},
        {"CAM-LNS", "Cameras > Accessories > Lenses", Role::Accessory, 0.22, 0.32},
        {"CAM-TRI", "Cameras > Accessories > Tripods", Role::Accessory, 0.38, 0.50},
        {"COF-MAC", "Coffee > Machines", Role::Hero, 0.20, 0.30},
        {"COF-FLT", "Coffee > Filters", Role::Consumable, 0.45, 0.60},
        {"COF-BNS", "Coffee > Beans", Role::Consumable, 0.32, 0.45},
        {"COF-POD", "Coffee > Pods", Role::Consumable, 0.35, 0.48},
        {"COF-DSC", "Coffee > Descaler", Role::Consumable, 0.50, 0.62},
        {"COF-GRD", "Coffee > Grinders", Role::Accessory, 0.25, 0.35},
        {"COF-ACC", "Coffee > Accessories", Role::Accessory, 0.45, 0.60},
        {"PRN-INK", "Printers > Inkjet", Role::Hero, 0.04, 0.12},
        {"PRN-LSR", "Printers > Laser", Role::Hero, 0.08, 0.16},
        {"PRN-CRT", "Printers > Ink & Toner", Role::Consumable, 0.55, 0.70},
        {"PRN-PAP", "Printers > Paper", Role::Consumable, 0.30, 0.42},
        {"BIK-CTY", "Bikes > City", Role::Hero, 0.25, 0.35},
        {"BIK-MTB", "Bikes > Mountain", Role::Hero, 0.25, 0.35},
        {"BIK-EBK", "Bikes > E-Bikes", Role::Hero, 0.20, 0.28},
        {"BIK-HLM", "Bikes > Helmets", Role::Accessory, 0.40, 0.52},
        {"BIK-LCK", "Bikes > Locks", Role::Accessory, 0.42, 0.55},
        {"BIK-LGT", "Bikes > Lights", Role::Accessory, 0.45, 0.58},
        {"BIK-MNT", "Bikes > Maintenance", Role::Consumable, 0.45, 0.58},
        {"PHN-SMP", "Phones > Smartphones", Role::Hero, 0.08, 0.15},
        {"PHN-CAS", "Phones > Cases", Role::Accessory, 0.60, 0.75},
        {"PHN-SCR", "Phones > Screen Protectors", Role::Accessory, 0.65, 0.80},
        {"PHN-CHG", "Phones > Chargers", Role::Accessory, 0.45, 0.60},
        {"PHN-AUD", "Phones > Earbuds", Role::Accessory, 0.30, 0.42},
        {"SVC-SHP", "Services > Shipping", Role::Service, 0.20, 0.30},
        {"SVC-GFT", "Services > Gift Cards", Role::Service, 0.0, 0.0},
        {"SVC-WTY", "Services > Warranty", Role::Service, 0.70, 0.80},
    };
    return subs;
}

int subcategoryIndex(std::string_view code)
{
    const auto &subs = demoSubcategories();
    for (size_t i = 0; i < subs.size(); ++i)
        if (code == subs[i].code)
            return int(i);
    return -1;
}

int DemoCatalog::indexOf(std::string_view sku) const
{
    for (size_t i = 0; i < products.size(); ++i)
        if (products[i].record.sku == sku)
            return int(i);
    return -1;
}

bool DemoCatalog::fits(const DemoProduct &a, const DemoProduct &h) const
{
    return a.fits.empty() || a.fits == h.system || a.fits == h.model;
}

double charmPrice(double raw)
{
    if (raw < 1)
        return std::round(raw * 100) / 100;
    if (raw < 100)
        return std::max(0.99, std::round(raw) - 0.01);
    if (raw < 1000)
        return std::round(raw / 10) * 10 - 1;
    return std::round(raw / 50) * 50 - 1;
}

namespace {

std::vector<std::string> splitBars(const char *text)
{
    std::vector<std::string> out(1);
    for (const char *c = text; *c; ++c) {
        if (*c == '|')
            out.emplace_back();
        else
            out.back() += *c;
    }
    return out;
}

std::string fillPattern(const char *pattern, const std::string &brand, const std::string &step,
                        const std::string &feature)
{
    std::string out;
    for (const char *c = pattern; *c; ++c) {
        if (*c == '%' && c[1]) {
            ++c;
            out += *c == 'b' ? brand : *c == 's' ? step : *c == 'f' ? feature : std::string(1, *c);
        } else {
            out += *c;
        }
    }
    return out;
}

// The model name accessories are sold for: the title up to its first ", ".
std::string modelOf(const std::string &title)
{
    const size_t comma = title.find(", ");
    return comma == std::string::npos ? title : title.substr(0, comma);
}

class CatalogBuilder {
public:
    explicit CatalogBuilder(DemoRandom &rng) : rng_(rng) {}

    DemoCatalog build()
    {
        const auto &subs = demoSubcategories();
        cat_.bySub.assign(subs.size(), {});
        for (size_t s = 0; s < subs.size(); ++s) {
            const std::string code = subs[s].code;
            int familyNo = 0, singleNo = 0;
            for (const FamilyRow &row : familyRows())
                if (code == row.sub)
                    addFamily(int(s), row, ++familyNo);
            for (const Single &row : singlesOf(code))
                addSingle(int(s), row, ++singleNo);
        }
        assignStock();
        addRelations();
        return std::move(cat_);
    }

private:
    DemoProduct &add(int sub, std::string sku, std::string title, std::string brand, double price)
    {
        const Subcategory &spec = demoSubcategories()[size_t(sub)];
        DemoProduct p;
        p.sub = sub;
        p.record.line = int64_t(cat_.products.size()) + 2;  // as if read from a CSV with a header line
        p.record.sku = std::move(sku);
        p.record.title = std::move(title);
        p.record.category = spec.path;
        p.record.brand = std::move(brand);
        p.record.price = price;
        const double margin = rng_.uniform(spec.marginLo, spec.marginHi);
        p.record.cost = std::round(price * (1 - margin) * 100) / 100;
        p.model = modelOf(p.record.title);
        p.popularity = rng_.uniform(0.4, 1.6);
        cat_.bySub[size_t(sub)].push_back(int(cat_.products.size()));
        cat_.products.push_back(std::move(p));
        return cat_.products.back();
    }

    void addFamily(int sub, const FamilyRow &row, int familyNo)
    {
        const std::string code = demoSubcategories()[size_t(sub)].code;
        const auto steps = splitBars(row.steps);
        const auto features = splitBars(row.features);
        double previous = 0, raw = row.basePrice;
        for (int s = 0; s < 3; ++s, raw *= row.factor) {
            double price = charmPrice(raw);
            if (price <= previous)  // rounding must never flatten a ladder
                price = previous + 1;
            previous = price;
            const std::string sku = code + "-" + std::to_string(familyNo * 100 + (s + 1) * 10);
            const std::string feature = size_t(s) < features.size() ? features[size_t(s)] : "";
            DemoProduct &p = add(sub, sku, fillPattern(row.pattern, row.brand, steps.at(size_t(s)), feature),
                                 row.brand, price);
            p.record.family = code + "-" + std::to_string(familyNo);
            p.step = s;
            p.fits = row.fits;
            p.system = row.system;
        }
    }

    struct Single {
        std::string brand, title;
        double price;
        std::string fits;
        int refillDays;
        std::string sku;  // "" = numbered after the subcategory code
    };

    void addSingle(int sub, const Single &row, int singleNo)
    {
        const std::string code = demoSubcategories()[size_t(sub)].code;
        std::string sku = row.sku.empty() ? code + "-" + std::to_string(700 + singleNo) : row.sku;
        DemoProduct &p = add(sub, std::move(sku), row.title, row.brand, row.price);
        p.fits = row.fits;
        p.refillDays = row.refillDays;
    }

    // The listed singles of a subcategory, then those derived from other rows: batteries per camera brand,
    // beans per origin and size, a case per phone model and screen glass per phone series.
    std::vector<Single> singlesOf(const std::string &code) const
    {
        std::vector<Single> rows;
        for (const SingleRow &r : singleRows())
            if (code == r.sub)
                rows.push_back({r.brand, r.title, r.price, r.fits, r.refillDays, r.sku ? r.sku : ""});
        if (code == "CAM-BAT") {
            for (const BatteryRow &b : batteryRows()) {
                const std::string brand = b.brand, model = b.model;
                rows.push_back({brand, brand + " " + model + " Rechargeable Battery", 59, brand, 0, ""});
                rows.push_back({brand, brand + " Dual USB-C Charger for " + model, 49, brand, 0, ""});
                rows.push_back({"Voltix", "Voltix Replacement Battery for " + brand + " " + model, 29.99, brand, 0, ""});
            }
        } else if (code == "COF-BNS") {
            for (const BeanRow &b : beanRows()) {
                const std::string name = std::string(b.brand) + " " + b.origin + " Coffee Beans";
                rows.push_back({b.brand, name + ", 250 g", b.price250, "", 28, ""});
                rows.push_back({b.brand, name + ", 1 kg", b.price1000, "", 28, ""});
            }
        } else if (code == "PHN-CAS" || code == "PHN-SCR") {
            std::set<std::string> seen;
            for (int i : cat_.bySub[size_t(subcategoryIndex("PHN-SMP"))]) {
                const DemoProduct &phone = cat_.products[size_t(i)];
                if (code == "PHN-CAS" && seen.insert(phone.model).second) {
                    rows.push_back({"Armorshell", "Armorshell Silicone Case for " + phone.model,
                                    phone.step == 2 ? 24.99 : 19.99, phone.model, 0, ""});
                } else if (code == "PHN-SCR" && seen.insert(phone.system).second) {
                    rows.push_back({"Clearguard", "Clearguard Tempered Glass for " + phone.system + " series, 2-pack",
                                    14.99, phone.system, 0, ""});
                    rows.push_back({"Clearguard", "Clearguard Privacy Glass for " + phone.system + " series", 19.99,
                                    phone.system, 0, ""});
                }
            }
        }
        return rows;
    }

    // About 6.5 % of the merchandise sold out and 9 % running low, drawn as exact counts so that every seed
    // shows both (placement previews must skip the first and may warn on the second).
    void assignStock()
    {
        std::vector<int> merch;
        for (size_t i = 0; i < cat_.products.size(); ++i)
            if (demoSubcategories()[size_t(cat_.products[i].sub)].role != Role::Service)
                merch.push_back(int(i));
        rng_.shuffle(merch);
        const size_t soldOut = (merch.size() * 65 + 500) / 1000;
        const size_t low = (merch.size() * 9 + 50) / 100;
        for (size_t k = 0; k < merch.size(); ++k) {
            DemoProduct &p = cat_.products[size_t(merch[k])];
            const Role role = demoSubcategories()[size_t(p.sub)].role;
            if (k < soldOut)
                p.record.stock = 0;
            else if (k < soldOut + low)
                p.record.stock = rng_.between(1, 4);
            else if (role == Role::Hero)
                p.record.stock = rng_.between(5, 60);
            else if (role == Role::Accessory)
                p.record.stock = rng_.between(10, 240);
            else
                p.record.stock = rng_.between(40, 900);
        }
    }

    // What a shop typically configured on its platform: each ladder step upsells the next, printers
    // cross-sell their cartridges. Mined pairs should find far more than this.
    void addRelations()
    {
        for (size_t i = 0; i + 1 < cat_.products.size(); ++i) {
            const DemoProduct &a = cat_.products[i], &b = cat_.products[i + 1];
            if (demoSubcategories()[size_t(a.sub)].role == Role::Hero && !a.record.family.empty() &&
                a.record.family == b.record.family)
                cat_.relations.push_back({a.record.line, a.record.sku, b.record.sku, "upsell", 1});
        }
        const int crt = subcategoryIndex("PRN-CRT");
        for (const DemoProduct &printer : cat_.products) {
            if (printer.system.rfind("ink:", 0) != 0 && printer.system.rfind("toner:", 0) != 0)
                continue;
            int position = 0;
            for (int i : cat_.bySub[size_t(crt)]) {
                const DemoProduct &c = cat_.products[size_t(i)];
                if (c.refillDays > 0 && c.fits == printer.system)
                    cat_.relations.push_back({printer.record.line, printer.record.sku, c.record.sku, "cross-sell",
                                              ++position});
            }
        }
    }

    DemoRandom &rng_;
    DemoCatalog cat_;
};

}  // namespace

DemoCatalog buildDemoCatalog(DemoRandom &rng) { return CatalogBuilder(rng).build(); }

}  // namespace mb::demo
