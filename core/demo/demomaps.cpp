#include "core/demo/demomaps.h"

#include "core/storage/catalognames.h"
#include "core/storage/relationstore.h"
#include "core/storage/workspace.h"

#include <vector>

namespace mb {

namespace {

struct Rule {
    const char *anchor;   // "cat:Path" or a SKU
    const char *target;   // same
    RelationKind kind;
    const char *pitch;
    RelationStatus status = RelationStatus::Active;
};

using K = RelationKind;

const std::vector<Rule> &rules()
{
    static const char *card = "The camera ships without a memory card";
    static const char *helmet = "Ride safe: pick a helmet that fits";
    static const char *lock = "No bike leaves without a lock";
    static const char *lights = "Be seen after dark";
    static const char *oil = "A drop of chain oil every few weeks";
    static const std::vector<Rule> list = {
        // Product rules come before the category rules the product inherits.
        {"CAM-MIR-110", "CAM-CRD-110", K::Necessity, "The card we test this camera with: fast enough for 4K"},
        {"cat:Cameras > Mirrorless", "cat:Cameras > Accessories > Memory Cards", K::Necessity, card},
        {"cat:Cameras > Mirrorless", "cat:Cameras > Accessories > Batteries", K::Enhancement, "A spare battery doubles your shooting day"},
        {"cat:Cameras > Mirrorless", "cat:Cameras > Accessories > Lenses", K::Enhancement, "A second lens opens up portraits and landscapes"},
        {"cat:Cameras > Mirrorless", "cat:Cameras > Accessories > Bags", K::Accessory, "Carry it safely"},
        {"cat:Cameras > Compact", "cat:Cameras > Accessories > Memory Cards", K::Necessity, card},
        {"cat:Cameras > Compact", "cat:Cameras > Accessories > Bags", K::Accessory, "Carry it safely"},
        {"cat:Coffee > Machines", "cat:Coffee > Descaler", K::Consumable, "Descale every few months to keep it brewing"},
        {"cat:Coffee > Machines", "cat:Coffee > Accessories", K::Accessory, ""},
        {"COF-MAC-110", "COF-FLT-701", K::Consumable, "Fresh filters every month"},
        {"COF-MAC-120", "COF-FLT-701", K::Consumable, "Fresh filters every month"},
        {"COF-MAC-130", "COF-FLT-702", K::Consumable, "Fresh filters every month"},
        {"COF-MAC-210", "COF-FLT-703", K::Consumable, "Fresh filters every month"},
        {"COF-MAC-220", "COF-FLT-703", K::Consumable, "Fresh filters every month"},
        {"COF-MAC-230", "COF-FLT-704", K::Consumable, "Fresh filters every month"},
        {"COF-MAC-310", "COF-POD-701", K::Consumable, "Your favourite pods, before you run out"},
        {"COF-MAC-320", "COF-POD-702", K::Consumable, "Your favourite pods, before you run out"},
        {"COF-MAC-330", "COF-POD-703", K::Consumable, "Your favourite pods, before you run out"},
        {"COF-MAC-410", "COF-POD-707", K::Consumable, "Your favourite pods, before you run out"},
        {"COF-MAC-420", "COF-POD-708", K::Consumable, "Your favourite pods, before you run out"},
        {"COF-MAC-430", "COF-POD-709", K::Consumable, "Your favourite pods, before you run out"},
        {"COF-MAC-510", "cat:Coffee > Beans", K::Consumable, "Freshly roasted beans"},
        {"COF-MAC-520", "cat:Coffee > Beans", K::Consumable, "Freshly roasted beans"},
        {"COF-MAC-530", "cat:Coffee > Beans", K::Consumable, "Freshly roasted beans"},
        {"COF-MAC-510", "COF-FLT-707", K::Enhancement, "A water filter for better taste and less scale"},
        {"COF-MAC-610", "cat:Coffee > Beans", K::Consumable, "Freshly roasted beans"},
        {"COF-MAC-620", "cat:Coffee > Beans", K::Consumable, "Freshly roasted beans"},
        {"COF-MAC-630", "cat:Coffee > Beans", K::Consumable, "Freshly roasted beans"},
        {"cat:Printers > Inkjet", "cat:Printers > Paper", K::Accessory, "Paper for the first prints"},
        {"cat:Printers > Laser", "cat:Printers > Paper", K::Accessory, ""},
        {"cat:Bikes > City", "cat:Bikes > Helmets", K::Necessity, helmet},
        {"cat:Bikes > City", "cat:Bikes > Locks", K::Necessity, lock},
        {"cat:Bikes > City", "cat:Bikes > Lights", K::Enhancement, lights},
        {"cat:Bikes > City", "BIK-MNT-706", K::Consumable, oil},
        {"cat:Bikes > Mountain", "cat:Bikes > Helmets", K::Necessity, helmet},
        {"cat:Bikes > Mountain", "cat:Bikes > Locks", K::Necessity, lock},
        {"cat:Bikes > Mountain", "cat:Bikes > Lights", K::Enhancement, lights},
        {"cat:Bikes > Mountain", "BIK-MNT-706", K::Consumable, oil},
        {"cat:Bikes > Mountain", "BIK-MNT-707", K::Accessory, "Fix a puncture on the trail"},
        {"cat:Bikes > E-Bikes", "cat:Bikes > Helmets", K::Necessity, helmet},
        {"cat:Bikes > E-Bikes", "cat:Bikes > Locks", K::Necessity, lock},
        {"cat:Bikes > E-Bikes", "cat:Bikes > Lights", K::Enhancement, lights},
        // This e-bike has lights built in: it vetoes the lights rule of its category.
        {"BIK-EBK-230", "cat:Bikes > Lights", K::Enhancement, "Integrated lights: nothing to add", RelationStatus::Excluded},
        {"cat:Phones > Smartphones", "cat:Phones > Chargers", K::Necessity, "The phone ships without a charger"},
        {"cat:Phones > Smartphones", "cat:Phones > Screen Protectors", K::Enhancement, "Protect the screen from day one"},
        {"cat:Phones > Smartphones", "cat:Phones > Cases", K::Accessory, "A case that fits"},
        {"cat:Phones > Smartphones", "cat:Phones > Earbuds", K::Accessory, ""},
    };
    return list;
}

}  // namespace

bool addDemoMap(Workspace &ws, std::string &error)
{
    auto resolve = [&](const std::string &ref, EndpointType &type, int64_t &id) {
        const bool category = ref.rfind("cat:", 0) == 0;
        type = category ? EndpointType::Category : EndpointType::Product;
        const auto found = category ? categoryIdByPath(ws, ref.substr(4)) : productIdBySku(ws, ref);
        if (!found) {
            error = "demo map: " + ref + " is not in the demo catalog";
            return false;
        }
        id = *found;
        return true;
    };
    RelationStore store(ws);
    // The one-click rule a merchandiser applies first: shipping fees and gift cards are never recommended.
    if (!store.setRecommendable(store.nonMerchandiseCandidates(), false, error)) return false;
    for (const Rule &rule : rules()) {
        Relation r;
        if (!resolve(rule.anchor, r.anchorType, r.anchorId) || !resolve(rule.target, r.targetType, r.targetId)) return false;
        r.kind = rule.kind;
        r.pitch = rule.pitch;
        r.status = rule.status;
        r.source = RelationSource::Curated;
        if (!store.add(r, error)) {
            error = "demo map: " + std::string(rule.anchor) + " -> " + rule.target + ": " + error;
            return false;
        }
    }
    // The store's platform sent printer cartridges as plain cross-sells; ink is used up and re-bought, so
    // the merchandiser has retyped them as consumables.
    if (store.retypeImportedLinksInto("Printers > Ink & Toner", RelationKind::Consumable, "Spare ink, so you never run dry", error) < 0) {
        error = "demo map: " + error;
        return false;
    }
    return true;
}

}  // namespace mb
