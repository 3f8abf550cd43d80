#pragma once
// Workspace ids to snapshot indices, for products and categories: edits and the undo stack speak in
// workspace ids (they survive a reload that renumbers the snapshot), the engine in indices. Built once per
// loaded history, on the worker that loads it, and shared by every snapshot that follows an edit.
#include "core/storage/relation.h"

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace mb {

struct Snapshot;

struct EndpointIndex {
    std::unordered_map<int64_t, uint32_t> products;
    std::unordered_map<int64_t, int32_t> categories;

    static std::shared_ptr<const EndpointIndex> of(const Snapshot &snapshot);
    int32_t product(int64_t id) const;
    int32_t category(int64_t id) const;
    int32_t index(EndpointType type, int64_t id) const { return type == EndpointType::Product ? product(id) : category(id); }
};

}  // namespace mb
