// Any bytes as a snapshot cache file (core/storage/snapshotcache.h), its checksums recomputed first so the
// mutations reach the index checks behind them: read() either refuses the file and leaves the snapshot as
// it was, or fills a history whose every index and text lies inside the snapshot and whose sections agree.
#include "core/storage/snapshot.h"
#include "core/storage/snapshotcache.h"
#include "fuzz/fuzzsupport.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mbfuzz::InputFile file("snapshot");
    std::string image(reinterpret_cast<const char *>(data), size);
    mb::snapshotcache::reseal(image);
    const std::string &path = file.write(image);
    mb::snapshotcache::Key key;
    if (!mb::snapshotcache::storedKey(path, key)) return 0;
    // As many products as the file says it was written for (the key's count), within reason.
    mb::Snapshot snap;
    snap.products.resize(size_t(key.products >= 0 && key.products <= 4096 ? key.products : 0));
    std::string why;
    const auto r = mb::snapshotcache::read(path, key, snap, &why);
    if (r != mb::snapshotcache::ReadResult::Used) {
        if (why.empty() || !snap.orders.empty() || !snap.lines.empty() || !snap.customers.empty()) std::abort();
        return 0;
    }
    const size_t products = snap.products.size();
    uint32_t next = 0;
    for (const mb::SnapshotOrder &o : *snap.orders) {
        if (o.lineBegin != next || o.lineEnd < o.lineBegin || o.lineEnd > snap.lines.size()) std::abort();
        if (o.customer < -1 || o.customer >= int64_t(snap.customers.size())) std::abort();
        next = o.lineEnd;
        // Every text readable to its end (a sanitizer build catches a read outside the arena).
        size_t chars = o.externalId.view().size() + o.country.view().size() + o.tags.view().size() + o.source.view().size();
        if (chars > size) std::abort();
    }
    if (next != snap.lines.size()) std::abort();
    for (const mb::SnapshotLine &l : *snap.lines)
        if (l.product >= products) std::abort();
    if (snap.basketStart.empty() || snap.basketStart.back() != snap.basketItems.size()) std::abort();
    for (uint32_t b : *snap.basketOrder)
        if (b >= snap.orders.size()) std::abort();
    for (uint32_t p : *snap.basketItems)
        if (p >= products) std::abort();
    if (snap.unitsSold.size() != products || snap.basketsWith.size() != products) std::abort();
    return 0;
}
