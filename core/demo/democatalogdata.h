#pragma once
// The hand-written rows the demo catalog is built from (democatalogdata.cpp). Brands and model names are
// invented; the shape (ladders, prices, what fits what) follows real shops in these departments.
#include <vector>

namespace mb::demo {

// One good/better/best ladder. `pattern` makes the title: %b brand, %s step name, %f step feature;
// `steps` and `features` hold three '|'-separated entries. Prices are base, base*factor, base*factor^2.
struct FamilyRow {
    const char *sub;
    const char *brand;
    const char *pattern;
    const char *steps;
    const char *features;
    double basePrice;
    double factor;
    const char *fits;    // accessories: key they need ("" = universal)
    const char *system;  // heroes: key their accessories name
};

// One product outside a ladder. `sku` is set only for the fixed service codes (SHIP-EXPRESS, ...).
struct SingleRow {
    const char *sub;
    const char *brand;
    const char *title;
    double price;
    const char *fits;
    int refillDays;
    const char *sku = nullptr;
};

// Coffee beans: one row per origin, sold as 250 g and 1 kg.
struct BeanRow {
    const char *brand;
    const char *origin;
    double price250, price1000;
};

// Camera batteries: one row per camera brand (original battery, original charger, third-party battery).
struct BatteryRow {
    const char *brand;
    const char *model;
};

const std::vector<FamilyRow> &familyRows();
const std::vector<SingleRow> &singleRows();
const std::vector<BeanRow> &beanRows();
const std::vector<BatteryRow> &batteryRows();

}  // namespace mb::demo
