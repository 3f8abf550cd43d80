#include "core/maps/relationcsv.h"

#include "core/io/categorypath.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"
#include "core/io/textfile.h"
#include "core/storage/relation.h"
#include "core/storage/categorystore.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <unordered_map>

namespace mb {

namespace {

const std::vector<std::string> columns = {"anchor_type", "anchor", "target_type", "target", "kind",
                                          "position", "pitch", "source", "status"};

struct Names {
    std::unordered_map<int64_t, std::string> product, category;
    std::unordered_map<std::string, int64_t> productId, categoryId;
};

Names loadNames(sqlite3 *db)
{
    Names n;
    Statement p(db, "SELECT id, sku FROM products");
    while (p.step()) {
        n.product.emplace(p.int64(0), p.text(1));
        n.productId.emplace(p.text(1), p.int64(0));
    }
    Statement c(db, "SELECT id, path FROM categories");
    while (c.step()) {
        n.category.emplace(c.int64(0), c.text(1));
        n.categoryId.emplace(c.text(1), c.int64(0));
    }
    return n;
}

}  // namespace

std::string exportRelationsCsv(const Workspace &ws, const std::string &skuFilter)
{
    const Names names = loadNames(ws.db());
    std::string out;
    appendCsvRow(out, columns);
    Statement s(ws.db(), "SELECT anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status "
                         "FROM relations ORDER BY anchor_type DESC, anchor_id, kind, position, id");
    auto name = [&](std::string_view type, int64_t id) {
        const auto &m = type == "product" ? names.product : names.category;
        auto it = m.find(id);
        return it == m.end() ? std::string() : it->second;
    };
    while (s.step()) {
        const std::string anchor = name(s.textView(0), s.int64(1));
        const std::string target = name(s.textView(2), s.int64(3));
        if (!skuFilter.empty() && anchor != skuFilter && target != skuFilter) continue;
        // Formula neutralising would turn a SKU like "-5" into "'-5"; the importers strip it again.
        appendCsvRow(out, {s.text(0), anchor, s.text(2), target, s.text(4), std::to_string(s.int64(5)), s.text(6), s.text(7), s.text(8)});
    }
    return out;
}

RelationImportReport importRelationsCsv(Workspace &ws, const std::string &path, bool strict)
{
    RelationImportReport rep;
    const TextFile file = TextFile::load(path);
    if (!file.ok() || !file.invalidUtf8.empty()) {
        rep.error = file.ok() ? file.invalidUtf8Error() : file.error;
        return rep;
    }
    CsvReader reader(file.data, CsvReader::detectDelimiter(file.data));
    CsvRecord rec;
    if (!reader.next(rec)) {
        rep.error = path + ": line 1: expected a header line";
        return rep;
    }
    CsvHeader header(rec.fields);
    std::vector<int> col;
    for (const auto &c : columns) col.push_back(header.find({std::string_view(c)}));
    for (size_t i = 0; i < 5; ++i)
        if (col[i] < 0) {
            rep.error = path + ": line 1: required column \"" + columns[i] +
                        "\" is missing (expected anchor_type, anchor, target_type, target, kind, and optionally position, pitch, source, status)";
            return rep;
        }
    // Rows are checked and written in one transaction: a strict import with a rejected row, or a workspace
    // that cannot be written (locked by another writer), rolls back every row before it.
    const bool written = writeTransaction(ws, rep.error, [&](sqlite3 *db, std::string &error) {
        Names names = loadNames(db);
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        Statement upsert(db, R"sql(
INSERT INTO relations(anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
ON CONFLICT(anchor_type, anchor_id, target_type, target_id) DO UPDATE SET
  kind = excluded.kind, position = excluded.position, pitch = excluded.pitch, source = excluded.source,
  status = excluded.status, updated_at = excluded.updated_at)sql");
        Statement exists(db, "SELECT 1 FROM relations WHERE anchor_type = ?1 AND anchor_id = ?2 AND target_type = ?3 AND target_id = ?4");
        while (reader.next(rec)) {
            ++rep.rowsRead;
            auto field = [&](size_t i) -> std::string {
                return col[i] >= 0 && size_t(col[i]) < rec.fields.size() ? std::string(stripFormulaGuard(trimmed(rec.fields[size_t(col[i])]))) : std::string();
            };
            auto reject = [&](size_t i, const std::string &value, const std::string &why) {
                rep.rejects.push_back({rec.line, columns[i], value, why});
            };
            if (rec.unterminatedQuote) { rep.rejects.push_back({rec.line, "", "", "a quoted field is never closed"}); break; }
            auto endpoint = [&](size_t typeCol, size_t nameCol, std::string &type, int64_t &id) {
                const std::string t = field(typeCol), n = field(nameCol);
                if (!endpointFromName(t)) { reject(typeCol, t, "expected product or category"); return false; }
                type = t;
                if (t == "product") {
                    auto it = names.productId.find(n);
                    if (it == names.productId.end()) { reject(nameCol, n, "expected the SKU of a product in the workspace"); return false; }
                    id = it->second;
                } else {
                    auto it = names.categoryId.find(normaliseCategoryPath(n));
                    if (it == names.categoryId.end()) { reject(nameCol, n, "expected the path of a category in the workspace (A > B)"); return false; }
                    id = it->second;
                }
                return true;
            };
            std::string at, tt;
            int64_t aid = 0, tid = 0;
            if (!endpoint(0, 1, at, aid) || !endpoint(2, 3, tt, tid)) continue;
            if (at == tt && aid == tid) { reject(3, field(3), "a relation from an item to itself is not allowed"); continue; }
            const std::string kind = field(4);
            if (!kindFromName(kind)) { reject(4, kind, "expected necessity, enhancement, accessory, consumable or upgrade"); continue; }
            int64_t position = 0;
            if (!field(5).empty() && (!parseInteger(field(5), position) || position < 0)) { reject(5, field(5), "expected a whole number ≥ 0"); continue; }
            const std::string source = field(7).empty() ? "imported" : field(7);
            if (!sourceFromName(source)) { reject(7, source, "expected curated, imported or mined"); continue; }
            const std::string status = field(8).empty() ? "active" : field(8);
            if (!statusFromName(status)) { reject(8, status, "expected active, suggested, rejected or excluded"); continue; }
            exists.bind(1, at).bind(2, aid).bind(3, tt).bind(4, tid);
            const bool known = exists.step();
            exists.reset();
            upsert.bind(1, at).bind(2, aid).bind(3, tt).bind(4, tid).bind(5, kind).bind(6, position).bind(7, field(6));
            upsert.bind(8, source).bind(9, status).bind(10, now);
            if (!upsert.exec()) {
                error = path + ": line " + std::to_string(rec.line) + ": cannot store the relation: " + upsert.error();
                return false;
            }
            ++(known ? rep.updated : rep.added);
        }
        if (strict && !rep.rejects.empty()) {
            const Reject &r = rep.rejects.front();
            error = path + ": line " + std::to_string(r.line) + ", field \"" + r.column + "\": " + r.reason +
                    " (strict import: nothing was imported)";
            return false;
        }
        return true;
    });
    if (!written) {
        rep.added = rep.updated = 0;  // counts describe what was written; after a rollback nothing was
        return rep;
    }
    rep.ok = true;
    return rep;
}

}  // namespace mb
