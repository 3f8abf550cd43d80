#pragma once
// One workspace = one SQLite file (*.merchbench). Opening checks that it is ours and of a version we can
// read; everything that changes it goes through one transaction (see transaction.h).
#include "core/storage/transaction.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace mb {

enum class WorkspaceError { None, CannotOpen, NotAWorkspace, NewerVersion, Corrupt, ReadOnly, Busy, Failed };

struct WorkspaceCounts {
    int64_t products = 0, categories = 0, customers = 0, orders = 0, orderLines = 0;
    int64_t baskets = 0;        // orders with at least one product bought (not cancelled, quantity > 0)
    int64_t basketItems = 0;    // distinct products appearing in baskets
    int64_t importedRelations = 0;
};

class Workspace {
public:
    static constexpr int32_t ApplicationId = 0x4D426E63;  // "MBnc"
    static constexpr int SchemaVersion = 8;

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    // Creates a new, empty workspace; refuses to overwrite an existing file.
    static std::unique_ptr<Workspace> create(const std::string &path, std::string &error);
    // Opens an existing workspace, upgrading an older schema (after a backup copy). A read-only file, or
    // readOnly=true, opens read-only. On failure returns null and sets error and kind.
    static std::unique_ptr<Workspace> open(const std::string &path, std::string &error,
                                           WorkspaceError *kind = nullptr, bool readOnly = false);

    const std::string &path() const { return path_; }
    bool isReadOnly() const { return readOnly_; }
    // The calling thread's connection to the workspace (every member below reads through it). Each thread gets its own (opened on first use,
    // closed with the workspace), so a snapshot load or an import on a worker has its own transactions and
    // never sees, or breaks, an edit the GUI thread is making; WAL lets readers run beside the one writer.
    sqlite3 *db() const;

    // Counted in SQL (two count(DISTINCT) joins over order_lines: ~40 s at 50M lines). The CLI and the GUI count
    // from a loaded snapshot instead (snapshotcounts.h); this is the reference tests check that against.
    WorkspaceCounts counts() const;
    // Bumped by every import that changes the order history; mined results remember the version they saw.
    int64_t historyVersion() const;
    std::string meta(const std::string &key) const;
    // Only inside the calling thread's writeTransaction (an import bumps history_version in its own
    // transaction, on its own connection): anywhere else it writes nothing and returns false, and so does
    // a failed write, with `error` (if given) saying which key and why.
    bool setMeta(const std::string &key, const std::string &value, std::string *error = nullptr);

    bool integrityOk(std::string *detail = nullptr) const;
    // SQLite's data_version of the calling thread's connection: it moves when another connection (another
    // window, the command line, a worker of this window) commits a change. -1 on error.
    int64_t dataVersion() const;

    // How long a write waits for another program's write lock before it fails (default 15 s).
    void setBusyTimeout(int milliseconds);
    // Why the calling code's last writeTransaction on this workspace failed in the workspace itself
    // (Busy: another writer's lock; ReadOnly; Corrupt; Failed), or None when it succeeded or the request
    // was refused: the CLI exits 3 for the first and 2 for the second.
    WorkspaceError lastWriteError() const { return lastWriteError_; }

private:
    friend bool writeTransaction(Workspace &, std::string &, const WriteFn &);
    Workspace() = default;
    sqlite3 *db_ = nullptr;              // the connection of the thread that opened the workspace
    std::thread::id owner_ = std::this_thread::get_id();
    std::string path_;
    std::string target_;                 // what sqlite3_open_v2 was given (a URI when read-only)
    int flags_ = 0;
    bool readOnly_ = false;
    mutable std::mutex mutex_;
    mutable std::map<std::thread::id, sqlite3 *> others_;
    std::atomic<int> busyTimeoutMs_{15000};
    std::atomic<WorkspaceError> lastWriteError_{WorkspaceError::None};
};

}  // namespace mb
