#pragma once
// Merging maps and bundles read from a file (a relation CSV, an exchange JSON, a bundle CSV) into the
// workspace in one transaction: relations matched by anchor and target are updated, others added; bundles
// matched by name are replaced, others added. Any failure, or a workspace that cannot be written, changes
// nothing. Reading and checking the file is the caller's (core/maps, core/bundles): this writes.
#include "core/storage/bundle.h"
#include "core/storage/relation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class Workspace;

struct MergeResult {
    int64_t relationsAdded = 0, relationsUpdated = 0, bundlesAdded = 0, bundlesReplaced = 0;
    // Which input failed (its index), -1 when none did or the workspace itself failed.
    int64_t failedRelation = -1, failedBundle = -1;
};

// Relations keep their kind, position, pitch, source and status; created_at and updated_at are now.
// Bundles get their ids set. On failure the counts are 0 and error says why: "cannot store the relation:
// ..." for failedRelation, the bundle's own words for failedBundle, else the workspace's failure.
// A non-empty `refusal` (a strict import with rejected rows) fails with that error once the transaction has
// begun, writing nothing: a workspace that cannot be written (locked, read-only) still says so first, as it
// does for every other write.
bool mergeMapsAndBundles(Workspace &ws, const std::vector<Relation> &relations, std::vector<Bundle> &bundles,
                         MergeResult &result, std::string &error, const std::string &refusal = {});

}  // namespace mb
