#include "core/storage/snapshotcounts.h"

#include "core/storage/snapshot.h"
#include "core/storage/statement.h"

namespace mb {

WorkspaceCounts countsOf(const Snapshot &snapshot, const Workspace &ws)
{
    WorkspaceCounts c;
    c.products = int64_t(snapshot.products.size());
    c.categories = int64_t(snapshot.categories.size());
    c.customers = int64_t(snapshot.customers.size());
    c.orders = int64_t(snapshot.orders.size());
    c.orderLines = int64_t(snapshot.lines.size());
    // A basket is an order that is not cancelled with a line of quantity > 0 (Snapshot::load keeps no empty
    // ones), and a product is in one when it has a basket: the same two conditions counts() joins on.
    c.baskets = int64_t(snapshot.basketCount());
    for (uint32_t n : snapshot.basketsWith)
        if (n > 0) ++c.basketItems;
    Statement s(ws.db(), "SELECT count(*) FROM imported_relations");
    c.importedRelations = s.step() ? s.int64(0) : 0;
    return c;
}

}  // namespace mb
