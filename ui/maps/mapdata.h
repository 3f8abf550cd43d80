#pragma once
// What the Maps view's models share for one snapshot: the snapshot, its resolver, lookups from workspace
// ids to snapshot indices (commands and the document's signals speak in workspace ids), and labels. Made
// again after every edit (the resolver indexes the relations), sharing the id lookups and the labels of
// the history. The first one for a new history is made on a worker (make() reads only the snapshot).
#include "core/maps/relationresolver.h"
#include "core/storage/endpointindex.h"
#include "core/storage/snapshot.h"
#include "ui/maps/anchorentries.h"

#include <QString>

#include <memory>

namespace mb {

struct MapData {
    std::shared_ptr<const Snapshot> snapshot;
    std::unique_ptr<RelationResolver> resolver;
    std::shared_ptr<const EndpointIndex> endpoints;
    std::shared_ptr<const AnchorEntries> entries;

    // Null for a null snapshot. endpoints and entries: the history's lookups and labels (built here when null).
    static std::shared_ptr<const MapData> make(std::shared_ptr<const Snapshot> snapshot,
                                               std::shared_ptr<const EndpointIndex> endpoints = nullptr,
                                               std::shared_ptr<const AnchorEntries> entries = nullptr);
    // The same history after an edit: the new relations, this one's lookups and labels.
    std::shared_ptr<const MapData> edited(std::shared_ptr<const Snapshot> snapshot) const { return make(std::move(snapshot), endpoints, entries); }

    int32_t productIndex(int64_t id) const { return endpoints->product(id); }
    int32_t categoryIndex(int64_t id) const { return endpoints->category(id); }
    const QString &productLabel(uint32_t product) const;   // "CAM-BAT-701 — Lumora LB-10 battery"
    QString categoryLabel(int32_t category) const;          // "Cameras > Batteries"
    QString endpointLabel(EndpointType type, int64_t id) const;  // by workspace id; short (SKU or path)
    // The workspace id of a snapshot endpoint.
    int64_t endpointId(EndpointType type, int32_t index) const;
    // A snapshot relation as the workspace stores it (ids, not indices).
    Relation relation(const SnapshotRelation &r) const;
};

}  // namespace mb
