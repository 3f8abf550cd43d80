#pragma once
// The snapshot cache: the order-history part of a Snapshot (customers, orders, lines, their texts, baskets,
// unitsSold, basketsWith) in one binary file beside the workspace, read back with a few large reads instead
// of a full scan of orders and order_lines. The SQLite file stays the source of truth: Snapshot::load uses
// the cache only when its key (below) equals the workspace's, read inside the load's own read transaction,
// and only when every section's checksum and every index in it checks out; anything else (no file, another
// workspace's file, an older history, a truncated or damaged file, a newer format) is ignored and the
// history is read from SQL, after which the file is rewritten (temp file + rename, so a reader never sees
// half of one). A folder that cannot be written just means no cache.
//
// Why the key proves the cache current: every write to a workspace goes through writeTransaction
// (transaction.h), whose update hook sees any row of orders, order_lines or customers it inserts, updates
// or deletes and then stores a fresh random `history_stamp` in meta in the same transaction; the key holds
// that stamp, history_version, the schema version, count(*) and max(rowid) of those three tables (which
// catch inserts and deletes made by programs that bypass Merchbench) and a hash of the products' id list
// (lines hold product indices, so a merged or added product changes their meaning).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace mb {

struct Snapshot;
struct SnapshotProduct;

namespace snapshotcache {

struct Key {
    int64_t schemaVersion = 0;
    int64_t historyVersion = 0;
    uint64_t historyStamp = 0;    // hash of meta history_stamp ("" when no history write stamped it yet)
    int64_t orders = 0, ordersMaxId = 0;
    int64_t lines = 0, linesMaxId = 0;
    int64_t customers = 0, customersMaxId = 0;
    int64_t products = 0;
    uint64_t productIds = 0;      // hash of the products' ids in snapshot order
    bool operator==(const Key &) const = default;
};

// The workspace's key, read on `db` (call it inside the read transaction the history is read in). False
// with `error` set when a query failed.
bool readKey(sqlite3 *db, const std::vector<SnapshotProduct> &products, Key &key, std::string &error);

// Where a workspace's cache lives: beside it, like SQLite's -wal and -shm ("shop.merchbench-snapshot").
std::string pathFor(const std::string &workspacePath);

// Off when the environment sets MERCHBENCH_SNAPSHOT_CACHE=0 (benchmarks that measure the SQL load).
bool enabled();
// Histories with fewer lines than this are not worth a file (they load from SQL in well under a second);
// tests lower it. Default 200,000 lines.
size_t minimumLines();
void setMinimumLines(size_t lines);

enum class ReadResult { Used, Missing, Stale, Damaged };
const char *resultName(ReadResult r);

// Fills snap's history parts (customers, orders, lines, texts, baskets, unitsSold, basketsWith) from the
// file when it is whole and its key equals `key`; snap.products must already be loaded (indices into it
// are checked). Leaves snap untouched unless it returns Used; `why` says what was wrong otherwise.
ReadResult read(const std::string &file, const Key &key, Snapshot &snap, std::string *why = nullptr);

// Writes snap's history parts under `key`, atomically (a temp file renamed over the old cache). False with
// `why` when the folder or disk refused.
bool write(const std::string &file, const Key &key, const Snapshot &snap, std::string *why = nullptr);

// The key a cache file was written under (false when it has no whole header): what `why` compares against.
bool storedKey(const std::string &file, Key &key);
// Recomputes every checksum of a cache image in memory (sections that lie outside it are left alone), so
// tests and the fuzz target can reach the index checks that stand behind the checksums.
void reseal(std::string &image);

}  // namespace snapshotcache
}  // namespace mb
