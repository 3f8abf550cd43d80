#pragma once
// How the demo store's customers shop, as data: which heroes each department sells, what is bought with a
// hero and how often, and which consumable is re-bought on a rhythm. The attach rates here are what pair
// mining should find again in the generated history (camera -> memory card about 0.6, and so on).
#include "core/demo/democatalog.h"

#include <vector>

namespace mb::demo {

enum Dept { Cameras, Coffee, Printers, Bikes, Phones, DeptCount };

// Share of customers whose first interest is each department.
inline constexpr double DeptShare[DeptCount] = {0.18, 0.26, 0.16, 0.14, 0.26};

int deptOf(const DemoProduct &p);  // -1 for services

struct HeroChoice {
    const char *sub;
    double weight;
};
const std::vector<std::vector<HeroChoice>> &heroSubs();  // per Dept

struct AttachRule {
    const char *sub;
    double chance;          // share of hero orders that include one
    double extraQuantity;   // quantity is 1 + Poisson(extraQuantity)
};
std::vector<AttachRule> attachRules(const DemoProduct &hero);

struct RefillPlan {
    const char *sub = nullptr;  // nullptr: the hero needs no consumable
    double share = 0;           // share of owners who keep re-buying it here
    double extraQuantity = 0;
    double variety = 0;         // chance per refill of switching to another fitting product
};
RefillPlan refillPlan(const DemoProduct &hero);

}  // namespace mb::demo
