#pragma once
// Every endpoint a map can name — each category (by path) and each product ("SKU — title") — as the
// anchor list and the add box's completer show it, with a lower-case search key and the anchor list's
// alphabetical order. Built once per catalog on a worker (a 100K-product store has 100K labels: far more
// than a frame's worth of string work) and shared by every MapData made from the same catalog, so an
// edit of a map builds no label.
#include "core/storage/relation.h"
#include "core/storage/snapshot.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace mb {

struct AnchorEntry {
    EndpointType type;
    int32_t index;   // snapshot index of the category or product
    QString label;   // "Cameras > Batteries", "CAM-BAT-701 — Lumora LB-10 battery"
    QString search;  // label in lower case
};

struct AnchorEntries {
    // Categories first, then products, each in snapshot order: entry of category c is c, of product p is
    // categories + p (position()).
    std::vector<AnchorEntry> entries;
    size_t categories = 0;
    // Per entry: its place in the anchor list sorted by name (categories above products, then by search key).
    std::vector<int32_t> nameRank;
    // The add box's completions ("Category: Cameras > Batteries", product labels) and the entry of each.
    QStringList completions;
    QHash<QString, int32_t> entryOfCompletion;

    size_t position(EndpointType type, int32_t index) const { return type == EndpointType::Category ? size_t(index) : categories + size_t(index); }
    // An edit of a map (or of the recommendable switch) changes no SKU, title or category: the entries of
    // a snapshot serve every snapshot the document derives from it by edits.
    static std::shared_ptr<const AnchorEntries> build(const Snapshot &s);
};

}  // namespace mb
