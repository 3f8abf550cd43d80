#include "core/storage/policystore.h"

#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

namespace mb {

bool loadPolicyRows(const Workspace &ws, std::vector<PolicyRow> &out, std::string &error)
{
    out.clear();
    Statement s(ws.db(), "SELECT placement, key, value FROM placement_policies ORDER BY placement, key");
    while (s.ok() && s.step()) out.push_back({s.text(0), s.text(1), s.text(2)});
    if (!s.ok() || s.failed()) {
        error = ws.path() + ": cannot read placement policies: " + s.error();
        return false;
    }
    return true;
}

bool storePolicyRow(Workspace &ws, const PolicyRow &row, std::string &error)
{
    return writeTransaction(ws, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "INSERT INTO placement_policies(placement, key, value) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT(placement, key) DO UPDATE SET value = excluded.value");
        s.bind(1, row.placement).bind(2, row.key).bind(3, row.value);
        if (!s.exec()) {
            e = ws.path() + ": cannot save " + row.placement + " " + row.key + ": " + s.error();
            return false;
        }
        return true;
    });
}

}  // namespace mb
