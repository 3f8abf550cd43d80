#pragma once
// What the KPIs need beyond the snapshot: imported storefront events and the bundles with their tiers.
// Read through core/storage (eventstore, bundlestore) on the caller's thread that owns the workspace connection; everything
// after that works on memory only.
#include "core/io/eventparser.h"
#include "core/storage/bundle.h"
#include "core/storage/endpointindex.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class Workspace;
struct Snapshot;

struct KpiEvent {
    int32_t session = 0;      // dense id; events are sorted by session, then time
    int64_t at = 0;           // UTC seconds
    int32_t product = -1;     // index into Snapshot::products, -1 when none or unknown
    EventType type = EventType::View;
    int16_t placement = -1;   // index into KpiData::placements, -1 when none
};

struct KpiBundleItem {
    uint32_t product = 0;
    int quantity = 1;
    bool optional = false;
};

struct KpiBundleTier {
    int position = 0;
    std::string name;
    std::vector<KpiBundleItem> items;
};

struct KpiBundle {
    int64_t id = 0;
    std::string name;
    uint32_t anchor = 0;
    std::vector<KpiBundleTier> tiers;   // ascending position: good, better, best
};

struct KpiData {
    std::vector<KpiEvent> events;
    std::vector<std::string> placements;
    int32_t sessions = 0;
    std::vector<KpiBundle> bundles;

    // False with error set when the workspace cannot be read.
    static bool load(const Workspace &ws, const Snapshot &snapshot, KpiData &out, std::string &error);
    // Stored bundles as the KPIs read them: by id, tiers in their stored order, items by snapshot index; a
    // bundle without tiers or whose anchor is not in the snapshot is left out, and so is an unknown item.
    static std::vector<KpiBundle> bundlesOf(std::vector<Bundle> bundles, const EndpointIndex &ids);
};

}  // namespace mb
