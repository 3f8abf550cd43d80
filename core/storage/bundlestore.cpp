#include "core/storage/bundlestore.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QDateTime>

namespace mb {

namespace {

bool writeTiers(sqlite3 *db, const Bundle &b, std::string &error)
{
    Statement tier(db, "INSERT INTO bundle_tiers(bundle_id, position, name, pricing, discount_percent, fixed_price) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    Statement item(db, "INSERT INTO bundle_items(tier_id, product_id, quantity, optional, position) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (size_t t = 0; t < b.tiers.size(); ++t) {
        const BundleTier &bt = b.tiers[t];
        tier.bind(1, b.id).bind(2, int64_t(t + 1)).bind(3, bt.name).bind(4, std::string_view(pricingName(bt.pricing))).bind(5, bt.discountPercent);
        if (std::isnan(bt.fixedPrice)) tier.bindNull(6); else tier.bind(6, bt.fixedPrice);
        if (!tier.exec()) { error = "cannot store tier " + bt.name + ": " + tier.error(); return false; }
        tier.reset();
        const int64_t tierId = sqlite3_last_insert_rowid(db);
        for (size_t i = 0; i < bt.items.size(); ++i) {
            const BundleItem &it = bt.items[i];
            item.bind(1, tierId).bind(2, it.productId).bind(3, int64_t(it.quantity)).bind(4, int64_t(it.optional)).bind(5, int64_t(i + 1));
            if (!item.exec()) { error = "cannot store an item of tier " + bt.name + ": " + item.error(); return false; }
            item.reset();
        }
    }
    return true;
}

}  // namespace

bool BundleStore::validate(const Bundle &b, std::string &error)
{
    if (b.name.empty()) { error = "a bundle needs a name"; return false; }
    if (b.anchorProductId <= 0) { error = "bundle " + b.name + ": expected an anchor product"; return false; }
    if (b.tiers.empty() || b.tiers.size() > size_t(Bundle::MaxTiers)) {
        error = "bundle " + b.name + ": expected 1 to 5 tiers, found " + std::to_string(b.tiers.size());
        return false;
    }
    for (const BundleTier &t : b.tiers) {
        if (t.name.empty()) { error = "bundle " + b.name + ": every tier needs a name"; return false; }
        if (t.pricing == TierPricing::Fixed && (std::isnan(t.fixedPrice) || t.fixedPrice < 0)) {
            error = "bundle " + b.name + ", tier " + t.name + ": a fixed price must be a number ≥ 0";
            return false;
        }
        if (t.discountPercent < 0 || t.discountPercent > 100 || std::isnan(t.discountPercent)) {
            error = "bundle " + b.name + ", tier " + t.name + ": a discount must be between 0 and 100%";
            return false;
        }
        for (const BundleItem &i : t.items)
            if (i.quantity <= 0 || i.productId <= 0) {
                error = "bundle " + b.name + ", tier " + t.name + ": every item needs a product and a quantity ≥ 1";
                return false;
            }
    }
    return true;
}

namespace {

std::vector<Bundle> load(const Workspace &ws, const char *where, int64_t id, const std::string &name, std::string *error = nullptr)
{
    std::string sql = std::string(R"sql(
SELECT b.id, b.name, b.anchor_product_id, b.created_at, b.updated_at,
       t.id, t.name, t.pricing, t.discount_percent, t.fixed_price,
       i.product_id, i.quantity, i.optional
FROM bundles b LEFT JOIN bundle_tiers t ON t.bundle_id = b.id LEFT JOIN bundle_items i ON i.tier_id = t.id
)sql") + where + " ORDER BY b.name, b.id, t.position, i.position, i.id";
    Statement s(ws.db(), sql.c_str());
    if (id) s.bind(1, id);
    else if (!name.empty()) s.bind(1, name);
    std::vector<Bundle> out;
    int64_t lastTier = 0;
    while (s.step()) {
        if (out.empty() || out.back().id != s.int64(0)) {
            Bundle b;
            b.id = s.int64(0);
            b.name = s.text(1);
            b.anchorProductId = s.int64(2);
            b.createdAt = s.int64(3);
            b.updatedAt = s.int64(4);
            out.push_back(std::move(b));
            lastTier = 0;
        }
        Bundle &b = out.back();
        if (s.isNull(5)) continue;
        if (s.int64(5) != lastTier) {
            lastTier = s.int64(5);
            BundleTier t;
            t.name = s.text(6);
            t.pricing = pricingFromName(s.textView(7)).value_or(TierPricing::Sum);
            t.discountPercent = s.real(8);
            t.fixedPrice = s.isNull(9) ? NAN : s.real(9);
            b.tiers.push_back(std::move(t));
        }
        if (!s.isNull(10)) b.tiers.back().items.push_back({s.int64(10), int(s.int64(11)), s.int64(12) != 0});
    }
    if ((!s.ok() || s.failed()) && error) *error = ws.path() + ": cannot read the bundles: " + s.error();
    return out;
}

}  // namespace

std::vector<Bundle> storedBundles(const Workspace &ws, std::string *error) { return load(ws, "", 0, {}, error); }

std::vector<Bundle> BundleStore::all(std::string *error) const { return storedBundles(ws_, error); }

std::optional<Bundle> BundleStore::byId(int64_t id) const
{
    auto v = load(ws_, "WHERE b.id = ?1", id, {});
    return v.empty() ? std::nullopt : std::optional<Bundle>(std::move(v.front()));
}

std::optional<Bundle> BundleStore::byName(const std::string &name) const
{
    auto v = load(ws_, "WHERE b.name = ?1", 0, name);
    return v.empty() ? std::nullopt : std::optional<Bundle>(std::move(v.front()));
}

bool BundleStore::add(Bundle &b, std::string &error)
{
    if (!validate(b, error)) return false;
    const int64_t now = QDateTime::currentSecsSinceEpoch();
    const int64_t created = b.createdAt > 0 ? b.createdAt : now;
    int64_t id = 0;
    const bool ok = writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement ins(db, "INSERT INTO bundles(id, name, anchor_product_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (b.id > 0) ins.bind(1, b.id); else ins.bindNull(1);
        ins.bind(2, b.name).bind(3, b.anchorProductId).bind(4, created).bind(5, now);
        if (!ins.exec()) {
            e = ins.resultCode() == SQLITE_CONSTRAINT && byName(b.name) ? "a bundle named \"" + b.name + "\" already exists"
                                                                        : "cannot store bundle " + b.name + ": " + ins.error();
            return false;
        }
        id = sqlite3_last_insert_rowid(db);
        Bundle stored = b;
        stored.id = id;
        return writeTiers(db, stored, e);
    });
    if (!ok) return false;
    b.id = id;
    b.createdAt = created;
    b.updatedAt = now;
    return true;
}

bool BundleStore::update(const Bundle &b, std::string &error)
{
    if (!validate(b, error)) return false;
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement up(db, "UPDATE bundles SET name = ?2, anchor_product_id = ?3, updated_at = ?4 WHERE id = ?1");
        up.bind(1, b.id).bind(2, b.name).bind(3, b.anchorProductId).bind(4, int64_t(QDateTime::currentSecsSinceEpoch()));
        if (!up.exec()) {
            e = up.resultCode() == SQLITE_CONSTRAINT ? "a bundle named \"" + b.name + "\" already exists" : "cannot update bundle " + b.name + ": " + up.error();
            return false;
        }
        if (sqlite3_changes(db) == 0) { e = "bundle " + b.name + " is no longer in the workspace"; return false; }
        Statement del(db, "DELETE FROM bundle_tiers WHERE bundle_id = ?1");
        del.bind(1, b.id);
        if (!del.exec()) { e = "cannot update bundle " + b.name + ": " + del.error(); return false; }
        return writeTiers(db, b, e);
    });
}

bool BundleStore::remove(int64_t id, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement del(db, "DELETE FROM bundles WHERE id = ?1");
        del.bind(1, id);
        if (!del.exec()) { e = "cannot remove the bundle: " + del.error(); return false; }
        return true;
    });
}

bool BundleStore::putInTransaction(Bundle &b, bool &replaced, std::string &error)
{
    if (!validate(b, error)) return false;
    const int64_t now = QDateTime::currentSecsSinceEpoch();
    const auto existing = byName(b.name);
    replaced = existing.has_value();
    if (existing) {
        b.id = existing->id;
        Statement up(ws_.db(), "UPDATE bundles SET anchor_product_id = ?2, updated_at = ?3 WHERE id = ?1");
        up.bind(1, b.id).bind(2, b.anchorProductId).bind(3, now);
        Statement del(ws_.db(), "DELETE FROM bundle_tiers WHERE bundle_id = ?1");
        del.bind(1, b.id);
        if (!up.exec() || !del.exec()) { error = "cannot replace bundle " + b.name + ": " + (up.failed() ? up.error() : del.error()); return false; }
    } else {
        Statement ins(ws_.db(), "INSERT INTO bundles(name, anchor_product_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)");
        ins.bind(1, b.name).bind(2, b.anchorProductId).bind(3, now);
        if (!ins.exec()) { error = "cannot store bundle " + b.name + ": " + ins.error(); return false; }
        b.id = sqlite3_last_insert_rowid(ws_.db());
    }
    return writeTiers(ws_.db(), b, error);
}

std::string BundleStore::uniqueName(const std::string &base) const
{
    return freeBundleName(base, [this](const std::string &name) { return byName(name).has_value(); });
}

}  // namespace mb
