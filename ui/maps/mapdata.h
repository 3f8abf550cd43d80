#pragma once
// What the Maps view's models share for one snapshot: the snapshot, its resolver, lookups from workspace
// ids to snapshot indices (commands and the notifier speak in workspace ids), and labels.
#include "core/maps/relationresolver.h"
#include "core/storage/snapshot.h"

#include <QString>

#include <memory>
#include <unordered_map>

namespace mb {

struct MapData {
    std::shared_ptr<const Snapshot> snapshot;
    std::unique_ptr<RelationResolver> resolver;
    std::unordered_map<int64_t, uint32_t> productById;
    std::unordered_map<int64_t, int32_t> categoryById;

    // Null for a null snapshot.
    static std::shared_ptr<const MapData> make(std::shared_ptr<const Snapshot> snapshot);

    int32_t productIndex(int64_t id) const;
    int32_t categoryIndex(int64_t id) const;
    QString productLabel(uint32_t product) const;       // "CAM-BAT-701 — Lumora LB-10 battery"
    QString categoryLabel(int32_t category) const;      // "Cameras > Batteries"
    QString endpointLabel(EndpointType type, int64_t id) const;  // by workspace id; short (SKU or path)
    // The workspace id of a snapshot endpoint.
    int64_t endpointId(EndpointType type, int32_t index) const;
};

}  // namespace mb
