#pragma once
// The demo store's catalog: a few hundred invented products in the departments a cross-sell tool is
// usually shown on (cameras, coffee, printers, bikes, phones), with good/better/best families, matching
// accessories and consumables. Besides the ProductRecords the order simulation needs to know what fits
// what and how often a consumable runs out; that lives beside each record in DemoProduct.
#include "core/io/importrecords.h"

#include <string>
#include <string_view>
#include <vector>

namespace mb::demo {

class DemoRandom;

// What a subcategory is for the order simulation: heroes start a purchase journey, accessories are
// attached to heroes, consumables are attached and re-bought, services ride along (shipping, gift cards).
enum class Role { Hero, Accessory, Consumable, Service };

struct Subcategory {
    const char *code;   // SKU prefix, e.g. "CAM-MIR"
    const char *path;   // "Cameras > Mirrorless"
    Role role;
    double marginLo, marginHi;  // gross margin share of the price
};

const std::vector<Subcategory> &demoSubcategories();
int subcategoryIndex(std::string_view code);  // -1 when unknown

struct DemoProduct {
    ProductRecord record;
    int sub = -1;             // index into demoSubcategories()
    int step = -1;            // 0, 1, 2 on a good/better/best ladder, -1 for a single product
    // Heroes: the key their accessories name in `fits` (camera brand, coffee brew system, printer cartridge
    // system, phone series). Accessories: the key they need ("" = fits everything).
    std::string system;
    std::string fits;         // accessories may also name a hero's model ("Novaphone N8 Plus": cases)
    std::string model;        // the title up to its first ", "
    int refillDays = 0;       // consumables: mean days until re-bought; 0 = not re-bought on a rhythm
    double popularity = 1;    // relative chance of being picked among candidates
};

struct DemoCatalog {
    std::vector<DemoProduct> products;
    std::vector<RelationRecord> relations;   // upsell ladders and printer -> cartridge cross-sells
    std::vector<std::vector<int>> bySub;     // product indexes per subcategory

    int indexOf(std::string_view sku) const;  // -1 when unknown
    // True when accessory `a` can be used with hero `h`.
    bool fits(const DemoProduct &a, const DemoProduct &h) const;
};

DemoCatalog buildDemoCatalog(DemoRandom &rng);

// Shop prices: 7.99, 29.99, 649, 1549 rather than 7.83 or 652.17.
double charmPrice(double raw);

}  // namespace mb::demo
