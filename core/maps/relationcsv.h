#pragma once
// Relations as CSV (`relations export` / `relations import`): anchor_type, anchor, target_type, target,
// kind, position, pitch, source, status — products by SKU, categories by path, so a file moves between
// workspaces and survives a spreadsheet.
#include "core/io/importrecords.h"

#include <string>
#include <vector>

namespace mb {

class Workspace;

std::string exportRelationsCsv(const Workspace &ws, const std::string &skuFilter = {});

struct RelationImportReport {
    bool ok = false;
    std::string error;             // hopeless input (no header, missing column, file unreadable)
    int64_t rowsRead = 0, added = 0, updated = 0;
    std::vector<Reject> rejects;
};

// Adds or updates relations (matched by anchor and target) in one transaction. With strict, any reject
// aborts and nothing changes.
RelationImportReport importRelationsCsv(Workspace &ws, const std::string &path, bool strict);

}  // namespace mb
