#pragma once
// The workspace's counts as the status bar shows them, taken from a loaded snapshot instead of the file:
// Workspace::counts() scans order_lines three times (count(*) and two count(DISTINCT) joins: 3.2 s at 5M
// lines, most of a minute at 50M), while the snapshot already holds every row it counts. Only the imported
// platform links, which the snapshot does not hold, are counted in the file (a small table).
#include "core/storage/workspace.h"

namespace mb {

struct Snapshot;

// Equal to ws.counts() when `snapshot` was loaded from `ws` and nothing was written since.
WorkspaceCounts countsOf(const Snapshot &snapshot, const Workspace &ws);

}  // namespace mb
