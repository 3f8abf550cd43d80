// Any bytes as a storefront event export: the parser must reject rows with a line and a field or refuse the
// file, never crash; an import into a workspace (rolled back per input) must log and store exactly what it
// reports, and the event KPIs over the result must hang together.
#include "core/io/eventparser.h"
#include "core/kpi/eventmetrics.h"
#include "core/kpi/eventimport.h"
#include "core/kpi/kpicontext.h"
#include "fuzz/fuzzsupport.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mbfuzz::InputFile input("events.csv");
    const std::string text(reinterpret_cast<const char *>(data), size);
    const mb::EventBatch batch = mb::parseEventsText(text, "fuzz.csv");
    if (!batch.error.empty() && !batch.events.empty()) std::abort();
    if (batch.error.empty() && int64_t(batch.events.size() + batch.rejects.size()) > batch.rowsRead) std::abort();
    for (const mb::EventRecord &e : batch.events)
        if (e.line < 1 || e.session.empty() || !mb::eventTypeFromName(mb::eventTypeName(e.event))) std::abort();

    mbfuzz::RolledBack rollback;
    mb::Workspace &ws = mbfuzz::workspace();
    const mb::ImportReport r = mb::importEvents(ws, input.write(data, size), (size & 1) != 0);
    const int64_t stored = mbfuzz::count("SELECT count(*) FROM events");
    if (r.status != mb::ImportStatus::Ok) {
        if (r.error.empty() || stored != 0) std::abort();
        return 0;
    }
    if (stored != r.imported || r.imported + r.duplicateRows != int64_t(batch.events.size())) std::abort();
    std::string error;
    const auto ctx = mb::loadKpiContext(ws, error);
    if (!ctx) std::abort();
    const mb::EventMetrics m = mb::computeEvents(*ctx, -1000000, 1000000);
    if (m.clicks < 0 || m.conversions > m.clicks || m.abandonedSessions > m.cartSessions) std::abort();
    if (!std::isnan(m.abandonment) && (m.abandonment < 0 || m.abandonment > 1)) std::abort();
    return 0;
}
