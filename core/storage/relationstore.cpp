#include "core/storage/relationstore.h"

#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <algorithm>
#include <cctype>

namespace mb {

namespace {

const char *selectColumns =
    "SELECT id, anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status, created_at, updated_at "
    "FROM relations ";

Relation readRow(const Statement &s)
{
    Relation r;
    r.id = s.int64(0);
    r.anchorType = endpointFromName(s.textView(1)).value_or(EndpointType::Product);
    r.anchorId = s.int64(2);
    r.targetType = endpointFromName(s.textView(3)).value_or(EndpointType::Product);
    r.targetId = s.int64(4);
    r.kind = kindFromName(s.textView(5)).value_or(RelationKind::Accessory);
    r.position = int(s.int64(6));
    r.pitch = s.text(7);
    r.source = sourceFromName(s.textView(8)).value_or(RelationSource::Curated);
    r.status = statusFromName(s.textView(9)).value_or(RelationStatus::Active);
    r.createdAt = s.int64(10);
    r.updatedAt = s.int64(11);
    return r;
}

std::vector<Relation> query(sqlite3 *db, const std::string &where, EndpointType type = EndpointType::Product, int64_t id = -1)
{
    Statement s(db, (selectColumns + where).c_str());
    if (id >= 0) s.bind(1, std::string_view(endpointName(type))).bind(2, id);
    std::vector<Relation> out;
    while (s.step()) out.push_back(readRow(s));
    return out;
}

bool endpointExists(sqlite3 *db, EndpointType type, int64_t id)
{
    Statement s(db, type == EndpointType::Product ? "SELECT 1 FROM products WHERE id = ?1" : "SELECT 1 FROM categories WHERE id = ?1");
    s.bind(1, id);
    return s.step();
}

// Runs an update or delete of one relation: false with an error when it failed, or when the relation is not
// there any more (removed by another program, or its id given again to another relation since).
bool changedOne(sqlite3 *db, Statement &s, int64_t id, std::string &error)
{
    if (!s.exec()) {
        error = s.error();
        return false;
    }
    if (sqlite3_changes(db) != 1) {
        error = "relation " + std::to_string(id) + " no longer exists";
        return false;
    }
    return true;
}

// The insert behind add() and addAll(), inside their transaction.
bool insertRelation(sqlite3 *db, Relation &r, std::string &error)
{
    if (r.toItself()) {
        error = "a product or category cannot be related to itself";
        return false;
    }
    if (!endpointExists(db, r.anchorType, r.anchorId) || !endpointExists(db, r.targetType, r.targetId)) {
        error = "the anchor or the target of the relation is not in the workspace";
        return false;
    }
    const int64_t now = QDateTime::currentSecsSinceEpoch();
    if (r.createdAt == 0) r.createdAt = now;
    r.updatedAt = now;
    if (r.position <= 0) {
        Statement p(db, "SELECT coalesce(max(position), 0) + 1 FROM relations WHERE anchor_type = ?1 AND anchor_id = ?2 AND kind = ?3");
        p.bind(1, std::string_view(endpointName(r.anchorType))).bind(2, r.anchorId).bind(3, std::string_view(kindName(r.kind)));
        r.position = p.step() ? int(p.int64(0)) : 1;
    }
    Statement s(db, "INSERT INTO relations(id, anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status, "
                    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (r.id > 0) s.bind(1, r.id); else s.bindNull(1);
    s.bind(2, std::string_view(endpointName(r.anchorType))).bind(3, r.anchorId);
    s.bind(4, std::string_view(endpointName(r.targetType))).bind(5, r.targetId);
    s.bind(6, std::string_view(kindName(r.kind))).bind(7, int64_t(r.position)).bind(8, r.pitch);
    s.bind(9, std::string_view(sourceName(r.source))).bind(10, std::string_view(statusName(r.status)));
    s.bind(11, r.createdAt).bind(12, r.updatedAt);
    if (!s.exec()) {
        // An undo re-adds a relation with the id it had: another program may have given that id to a new one.
        const std::string why = s.error();
        error = why.find("relations.id") != std::string::npos ? "relation " + std::to_string(r.id) + " was given to another relation since"
                : why.find("UNIQUE") != std::string::npos    ? "this anchor already has a relation to that target"
                                                              : why;
        return false;
    }
    r.id = sqlite3_last_insert_rowid(db);
    return true;
}

}  // namespace

std::vector<Relation> storedRelations(const Workspace &ws)
{
    return query(ws.db(), "ORDER BY anchor_type, anchor_id, kind, position, id");
}

std::vector<Relation> RelationStore::all() const { return storedRelations(ws_); }

std::vector<Relation> RelationStore::forAnchor(EndpointType type, int64_t id) const
{
    return query(ws_.db(), "WHERE anchor_type = ?1 AND anchor_id = ?2 ORDER BY kind, position, id", type, id);
}

std::optional<Relation> RelationStore::byId(int64_t id) const
{
    Statement s(ws_.db(), (std::string(selectColumns) + "WHERE id = ?1").c_str());
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readRow(s);
}

bool RelationStore::add(Relation &r, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) { return insertRelation(db, r, e); });
}

bool RelationStore::addAll(std::vector<Relation> &rs, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        for (Relation &r : rs)
            if (!insertRelation(db, r, e)) return false;
        return true;
    });
}

bool RelationStore::update(const Relation &r, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "UPDATE relations SET kind = ?2, position = ?3, pitch = ?4, source = ?5, status = ?6, updated_at = ?7 "
                        "WHERE id = ?1 AND anchor_type = ?8 AND anchor_id = ?9 AND target_type = ?10 AND target_id = ?11");
        s.bind(1, r.id).bind(2, std::string_view(kindName(r.kind))).bind(3, int64_t(r.position)).bind(4, r.pitch);
        s.bind(5, std::string_view(sourceName(r.source))).bind(6, std::string_view(statusName(r.status)));
        s.bind(7, int64_t(QDateTime::currentSecsSinceEpoch()));
        // The endpoints too: an id SQLite gave again to another relation since is not this one.
        s.bind(8, std::string_view(endpointName(r.anchorType))).bind(9, r.anchorId);
        s.bind(10, std::string_view(endpointName(r.targetType))).bind(11, r.targetId);
        if (!changedOne(db, s, r.id, e)) return false;
        return true;
    });
}

bool RelationStore::remove(int64_t id, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "DELETE FROM relations WHERE id = ?1");
        s.bind(1, id);
        return changedOne(db, s, id, e);
    });
}

bool RelationStore::removeExactly(const std::vector<Relation> &relations, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "DELETE FROM relations WHERE id = ?1 AND anchor_type = ?2 AND anchor_id = ?3 AND target_type = ?4 AND target_id = ?5");
        for (const Relation &r : relations) {
            s.bind(1, r.id).bind(2, std::string_view(endpointName(r.anchorType))).bind(3, r.anchorId);
            s.bind(4, std::string_view(endpointName(r.targetType))).bind(5, r.targetId);
            if (!changedOne(db, s, r.id, e)) return false;
        }
        return true;
    });
}

bool RelationStore::reorder(const std::vector<int64_t> &ids, std::string &error, const std::vector<int> &positions)
{
    if (!positions.empty() && positions.size() != ids.size()) {
        error = "reorder: " + std::to_string(ids.size()) + " relations but " + std::to_string(positions.size()) + " positions";
        return false;
    }
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "UPDATE relations SET position = ?2, updated_at = ?3 WHERE id = ?1");
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        for (size_t i = 0; i < ids.size(); ++i) {
            s.bind(1, ids[i]).bind(2, positions.empty() ? int64_t(i + 1) : int64_t(positions[i])).bind(3, now);
            if (!changedOne(db, s, ids[i], e)) return false;
        }
        return true;
    });
}

int adoptImportedRelationsInTransaction(sqlite3 *db, std::string &error)
{
    // Platform types map onto kinds as the issue says; positions keep the platform's order. A link the
    // merchandiser already has (any status, e.g. rejected) is left as they made it.
    Statement s(db, R"sql(
INSERT OR IGNORE INTO relations(anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status, created_at, updated_at)
SELECT 'product', a.id, 'product', t.id,
       CASE WHEN ir.platform_type = 'upsell' THEN 'upgrade'
            -- Magento shows crosssell_skus in the cart: a cart kind, so the export writes it back as crosssell.
            WHEN ir.platform_type = 'crosssell' THEN 'necessity'
            ELSE 'accessory' END,
       ir.position, '', 'imported', 'active', ?1, ?1
FROM imported_relations ir
JOIN products a ON a.sku = ir.anchor_sku
JOIN products t ON t.sku = ir.target_sku
WHERE a.id <> t.id
ORDER BY ir.id)sql");
    s.bind(1, int64_t(QDateTime::currentSecsSinceEpoch()));
    if (!s.exec()) {
        error = s.error();
        return -1;
    }
    return sqlite3_changes(db);
}

int RelationStore::adoptImportedRelations(std::string &error)
{
    int added = 0;
    const bool ok = writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        added = adoptImportedRelationsInTransaction(db, e);
        return added >= 0;
    });
    return ok ? added : -1;
}

bool RelationStore::setRecommendable(const std::vector<int64_t> &ids, bool recommendable, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, recommendable ? "UPDATE products SET recommendable = 1, non_merchandise = 0 WHERE id = ?1"
                                      : "UPDATE products SET recommendable = 0 WHERE id = ?1");
        for (int64_t id : ids) {
            s.bind(1, id);
            if (!s.exec()) {
                e = s.error();
                return false;
            }
        }
        return true;
    });
}

bool RelationStore::setNonMerchandise(const std::vector<int64_t> &ids, bool nonMerchandise, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "UPDATE products SET non_merchandise = ?2, recommendable = 1 - ?2 WHERE id = ?1");
        for (int64_t id : ids) {
            s.bind(1, id).bind(2, int64_t(nonMerchandise ? 1 : 0));
            if (!s.exec()) {
                e = s.error();
                return false;
            }
        }
        return true;
    });
}

std::vector<std::string> RelationStore::nonMerchandiseSkus() const
{
    std::vector<std::string> out;
    Statement s(ws_.db(), "SELECT sku FROM products WHERE non_merchandise <> 0");
    while (s.step()) out.push_back(s.text(0));
    std::sort(out.begin(), out.end());
    return out;
}

bool looksLikeNonMerchandise(const std::string &sku, const std::string &title)
{
    std::string s = sku, t = title;
    for (char &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    for (char &c : t) c = char(std::toupper(static_cast<unsigned char>(c)));
    // Online Retail's service codes, and what other shops call the same things.
    static const char *const codes[] = {"POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS",
                                        "CARRIAGE", "SHIPPING", "TIP"};
    for (const char *c : codes)
        if (s == c) return true;
    static const char *const prefixes[] = {"GIFT_", "GIFT-CARD", "SHIP-", "FEE-"};
    for (const char *p : prefixes)
        if (s.rfind(p, 0) == 0) return true;
    // Phrases, not single words: a "French carriage lantern" is merchandise, "Next day carriage" is not.
    static const char *const phrases[] = {"POSTAGE", "BANK CHARGES", "AMAZON FEE", "GIFT VOUCHER", "GIFT CARD",
                                          "ADJUST BAD DEBT", "SHIPPING FEE", "NEXT DAY CARRIAGE"};
    for (const char *w : phrases)
        if (t.find(w) != std::string::npos) return true;
    static const char *const titles[] = {"CARRIAGE", "MANUAL", "DISCOUNT", "EBAY", "SAMPLES"};
    for (const char *w : titles)
        if (t == w) return true;
    return false;
}

int RelationStore::retypeImportedLinksInto(const std::string &categoryPath, RelationKind kind, const std::string &pitch,
                                           std::string &error)
{
    int changed = 0;
    const bool ok = writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement retype(db, R"sql(
UPDATE relations SET kind = ?2, pitch = ?3, updated_at = ?4
WHERE source = 'imported' AND anchor_type = 'product' AND target_type = 'product'
  AND target_id IN (SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id WHERE c.path = ?1))sql");
        retype.bind(1, categoryPath).bind(2, std::string_view(kindName(kind))).bind(3, pitch);
        retype.bind(4, int64_t(QDateTime::currentSecsSinceEpoch()));
        if (!retype.exec()) {
            e = "cannot retype the imported links into " + categoryPath + ": " + retype.error();
            return false;
        }
        changed = sqlite3_changes(db);
        return true;
    });
    return ok ? changed : -1;
}

std::vector<int64_t> RelationStore::nonMerchandiseCandidates() const
{
    std::vector<int64_t> out;
    Statement s(ws_.db(), "SELECT id, sku, title FROM products WHERE recommendable = 1 ORDER BY id");
    while (s.step())
        if (looksLikeNonMerchandise(s.text(1), s.text(2))) out.push_back(s.int64(0));
    return out;
}

}  // namespace mb
