#include "core/demo/demobundles.h"

#include "core/bundles/bundlegenerator.h"
#include "core/bundles/bundlepricing.h"
#include "core/storage/bundlestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <cmath>

namespace mb {

bool addDemoBundles(Workspace &ws, std::string &error)
{
    const auto snap = Snapshot::load(ws, error);
    if (!snap) {
        error = "demo bundles: " + error;
        return false;
    }
    BundleStore store(ws);
    const BundleCatalog catalog(*snap);
    struct Spec {
        const char *anchor, *name;
    };
    static const Spec specs[] = {{"CAM-MIR-110", "Mirrorless starter kit"}, {"BIK-CTY-110", "City commuter set"}, {"COF-MAC-510", "Espresso at home"}};
    for (const Spec &spec : specs) {
        const int32_t anchor = snap->productIndex(spec.anchor);
        if (anchor < 0) {
            error = "demo bundles: " + std::string(spec.anchor) + " is not in the demo catalog";
            return false;
        }
        Bundle b = generateBundle(*snap, uint32_t(anchor));
        b.name = spec.name;
        if (b.tiers.size() < 3) {
            error = "demo bundles: the map of " + std::string(spec.anchor) + " gives only " + std::to_string(b.tiers.size()) + " tiers";
            return false;
        }
        if (b.name == std::string("Mirrorless starter kit")) {
            // The warning to fix: a discount too generous for Standard's margin.
            b.tiers[1].discountPercent = 35;
        } else if (b.name == std::string("City commuter set")) {
            // A round price for the top tier, a little under its discounted sum.
            const double price = priceTier(catalog, b.tiers[2]).price;
            b.tiers[2].pricing = TierPricing::Fixed;
            b.tiers[2].fixedPrice = std::floor(price / 10.0) * 10.0 - 0.01;
        }
        if (!store.add(b, error)) {
            error = "demo bundles: " + b.name + ": " + error;
            return false;
        }
    }
    return true;
}

}  // namespace mb
