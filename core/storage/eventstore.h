#pragma once
// Storefront events in the workspace (the events table): writing an import batch, and reading them back in
// session order for the KPIs. Parsing the export is core/io's (eventparser), what they mean core/kpi's.
#include "core/io/eventparser.h"
#include "core/storage/importer.h"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace mb {

class Workspace;

struct EventWrite {
    int64_t unknownEvents = 0;                 // events naming a SKU the workspace does not have
    std::unordered_set<std::string> unknownSkus;
};

// Writes `events` in one transaction and logs the import in `imports` (kind "events", with report's
// rowsRead, rejected and encoding). An event already stored by an earlier import (same session, time,
// product, event and placement) is skipped and counted in report.duplicateRows; report.imported counts the
// rest. On failure report's status and error are set and nothing was written.
bool writeEvents(Workspace &ws, const std::string &path, const std::vector<EventRecord> &events, ImportReport &report,
                 EventWrite &write);

// Each stored event, by session, time and id: product id -1 when the event names none (or a SKU unknown
// at import), placement "" when none. False with error (naming the workspace) when it cannot be read.
using EventVisitor = std::function<void(std::string_view session, int64_t at, int64_t productId, std::string_view event,
                                        std::string_view placement)>;
bool readEvents(const Workspace &ws, const EventVisitor &visit, std::string &error);

}  // namespace mb
