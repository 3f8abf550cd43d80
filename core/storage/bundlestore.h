#pragma once
// Bundles in the workspace. Every call that changes something is one transaction, so an edit made in the
// GUI is saved at once and its undo is the inverse call (update with the old bundle, remove after add).
#include "core/storage/bundle.h"

#include <optional>
#include <string>
#include <vector>

namespace mb {

class Workspace;

class BundleStore {
public:
    explicit BundleStore(Workspace &ws) : ws_(ws) {}

    // By name. error, when given, is set (naming the workspace) when the bundles cannot be read.
    std::vector<Bundle> all(std::string *error = nullptr) const;
    std::optional<Bundle> byId(int64_t id) const;
    std::optional<Bundle> byName(const std::string &name) const;

    // Adds b (b.id 0, or an id to restore after an undo); sets b.id and the timestamps.
    bool add(Bundle &b, std::string &error);
    // Replaces name, anchor and every tier of the stored bundle b.id.
    bool update(const Bundle &b, std::string &error);
    bool remove(int64_t id, std::string &error);

    // `base`, or "base (2)", "base (3)", … whichever is free.
    std::string uniqueName(const std::string &base) const;

    // Rejects what the schema or the model forbids, in words: empty name, 1–5 tiers, quantities > 0,
    // a fixed price on a fixed tier, a discount within 0–100.
    static bool validate(const Bundle &b, std::string &error);

    // For a caller already inside a transaction (an import of many bundles): replaces the bundle of the same
    // name, or adds it; sets b.id. `replaced` says which.
    bool putInTransaction(Bundle &b, bool &replaced, std::string &error);

private:
    Workspace &ws_;
};

// Every bundle, by name: for readers that hold the workspace read-only (the KPIs).
std::vector<Bundle> storedBundles(const Workspace &ws, std::string *error = nullptr);

}  // namespace mb
