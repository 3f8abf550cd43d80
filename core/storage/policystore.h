#pragma once
// The stored placement policy keys (placement_policies): (placement, key, value) text rows, so a
// merchandiser edits one key at a time and absent keys keep their defaults. What the keys mean, and which
// values are valid, is core/placement's business (placementpolicy.h): storage keeps the text.
#include <string>
#include <vector>

namespace mb {

class Workspace;

struct PolicyRow {
    std::string placement, key, value;
};

// Every stored row, by placement and key. False with error (naming the workspace) when it cannot be read.
bool loadPolicyRows(const Workspace &ws, std::vector<PolicyRow> &out, std::string &error);
// Stores one row (replacing the key's earlier value) in its own transaction.
bool storePolicyRow(Workspace &ws, const PolicyRow &row, std::string &error);

}  // namespace mb
