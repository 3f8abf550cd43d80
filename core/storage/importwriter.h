#pragma once
// Writing an order import chunk by chunk inside the import's one transaction (issue #15): the parser hands
// over a chunk of whole orders at a time, so neither the parse nor the write holds the file's batch.
//
// What must see more than one chunk is kept here, bounded by the workspace's products, customers and
// descriptions (never by the lines):
// - a product, customer or description first seen in an earlier chunk is found in the id maps, not added
//   again; order-only products are settled once, after the last chunk, from every line (OrderOnlyFacts);
// - an order the file repeats is matched against the stored one by external id (an index look-up per order,
//   not a map of every stored order) and its fingerprint, so unchanged re-imported orders stay unchanged;
// - an order whose rows come back in a later chunk after its chunk was written (its rows scattered through
//   the file further apart than a chunk) cannot be written exactly piecewise: its fingerprint, status and
//   duplicate rows need all of its rows. write() detects it (the order was already written or matched by
//   this import: the orders' UNIQUE index on a first import, a bitmap of the order ids this import touched
//   otherwise) and fails with scattered() set; the caller rolls back and imports the file whole.
// The counts of the imports row are known only at the end: finish() writes them.
#include "core/io/importrecords.h"
#include "core/storage/statement.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace mb {

class Workspace;
struct ImportReport;

// Foreign keys off for the lifetime of an order import's write (set outside its transaction, where the
// pragma takes effect), as they were after.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(sqlite3 *db);

private:
    ScopedPragma off_;
};

// temp_store = FILE for the lifetime of an order import's write, as it was after.
class TempOnDisk {
public:
    explicit TempOnDisk(sqlite3 *db);

private:
    std::optional<ScopedPragma> file_;
};

class OrderWriter {
public:
    // On the calling thread's connection `db`, inside a transaction the caller holds (writeImport).
    OrderWriter(Workspace &ws, sqlite3 *db, const std::string &file, ImportReport &report);
    ~OrderWriter();
    OrderWriter(const OrderWriter &) = delete;
    OrderWriter &operator=(const OrderWriter &) = delete;

    // Before the first chunk: logs the import and reads what the chunks are matched against. A first import
    // (no orders, no lines) expected to write >= 20,000 lines in all (`expectedLines`, an estimate) drops
    // order_lines' own indexes until finish().
    bool begin(const std::string &format, size_t expectedLines, std::string &err);
    // One chunk, or a whole batch, with its orders' fingerprints (orderFingerprints(chunk), which a streamed
    // import computes on its parsing thread). `progress` gets the share of this chunk written; false cancels
    // (err empty).
    bool write(const OrderBatch &chunk, const std::vector<int64_t> &fingerprints, const ProgressFn &progress, std::string &err);
    // Set when write() failed because an order of the chunk was already written by an earlier chunk.
    bool scattered() const;
    // After the last chunk: rebuilds deferred indexes, settles order-only products, stores the import's
    // counts and bumps the history version when an order was added or changed.
    bool finish(int64_t rowsRead, int64_t imported, int64_t rejected, int64_t duplicates, std::string &err);

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace mb
