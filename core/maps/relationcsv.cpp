#include "core/maps/relationcsv.h"

#include "core/io/categorypath.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"
#include "core/io/textfile.h"
#include "core/storage/catalognames.h"
#include "core/storage/mapmerge.h"
#include "core/storage/relation.h"
#include "core/storage/relationstore.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <cstdint>

namespace mb {

namespace {

const std::vector<std::string> columns = {"anchor_type", "anchor", "target_type", "target", "kind",
                                          "position", "pitch", "source", "status"};

}  // namespace

std::string exportRelationsCsv(const Workspace &ws, const std::string &skuFilter)
{
    const CatalogNames names = loadCatalogNames(ws);
    std::vector<Relation> relations = storedRelations(ws);
    // Product anchors first, then categories; within an anchor by kind name, position and id, so that an
    // export of the same map is the same file.
    std::sort(relations.begin(), relations.end(), [](const Relation &a, const Relation &b) {
        const std::string_view at = endpointName(a.anchorType), bt = endpointName(b.anchorType);
        if (at != bt) return at > bt;
        if (a.anchorId != b.anchorId) return a.anchorId < b.anchorId;
        const std::string_view ak = kindName(a.kind), bk = kindName(b.kind);
        if (ak != bk) return ak < bk;
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    std::string out;
    appendCsvRow(out, columns);
    auto name = [&](EndpointType type, int64_t id) {
        const auto &m = type == EndpointType::Product ? names.sku : names.path;
        auto it = m.find(id);
        return it == m.end() ? std::string() : it->second;
    };
    for (const Relation &r : relations) {
        const std::string anchor = name(r.anchorType, r.anchorId);
        const std::string target = name(r.targetType, r.targetId);
        if (!skuFilter.empty() && anchor != skuFilter && target != skuFilter) continue;
        // Formula neutralising would turn a SKU like "-5" into "'-5"; the importers strip it again.
        appendCsvRow(out, {endpointName(r.anchorType), anchor, endpointName(r.targetType), target, kindName(r.kind),
                           std::to_string(r.position), r.pitch, sourceName(r.source), statusName(r.status)});
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
    // Every row is checked first, then all are written in one transaction: a strict import with a rejected
    // row writes nothing (refused inside the transaction, so a locked workspace is reported as such first),
    // nor does a workspace that cannot be written (locked by another writer).
    const CatalogNames names = loadCatalogNames(ws);
    std::vector<Relation> rows;
    std::vector<int64_t> lines;  // the file line of each row, for an error while storing it
    while (reader.next(rec)) {
        ++rep.rowsRead;
        auto field = [&](size_t i) -> std::string {
            return col[i] >= 0 && size_t(col[i]) < rec.fields.size() ? std::string(stripFormulaGuard(trimmed(rec.fields[size_t(col[i])]))) : std::string();
        };
        auto reject = [&](size_t i, const std::string &value, const std::string &why) {
            rep.rejects.push_back({rec.line, columns[i], value, why});
        };
        if (rec.unterminatedQuote) { rep.rejects.push_back({rec.line, "", "", "a quoted field is never closed"}); break; }
        auto endpoint = [&](size_t typeCol, size_t nameCol, EndpointType &type, int64_t &id) {
            const std::string t = field(typeCol), n = field(nameCol);
            const auto parsed = endpointFromName(t);
            if (!parsed) { reject(typeCol, t, "expected product or category"); return false; }
            type = *parsed;
            if (type == EndpointType::Product) {
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
        Relation r;
        if (!endpoint(0, 1, r.anchorType, r.anchorId) || !endpoint(2, 3, r.targetType, r.targetId)) continue;
        if (r.toItself()) { reject(3, field(3), "a relation from an item to itself is not allowed"); continue; }
        const auto kind = kindFromName(field(4));
        if (!kind) { reject(4, field(4), "expected necessity, enhancement, accessory, consumable or upgrade"); continue; }
        int64_t position = 0;
        if (!field(5).empty() && (!parseInteger(field(5), position) || position < 0 || position > INT32_MAX)) {
            reject(5, field(5), "expected a whole number from 0 to 2147483647");
            continue;
        }
        const std::string sourceText = field(7).empty() ? "imported" : field(7);
        const auto source = sourceFromName(sourceText);
        if (!source) { reject(7, sourceText, "expected curated, imported or mined"); continue; }
        const std::string statusText = field(8).empty() ? "active" : field(8);
        const auto status = statusFromName(statusText);
        if (!status) { reject(8, statusText, "expected active, suggested, rejected or excluded"); continue; }
        r.kind = *kind;
        r.position = int(position);
        r.pitch = field(6);
        r.source = *source;
        r.status = *status;
        rows.push_back(std::move(r));
        lines.push_back(rec.line);
    }
    std::string refusal;
    if (strict && !rep.rejects.empty()) {
        const Reject &r = rep.rejects.front();
        refusal = path + ": line " + std::to_string(r.line) + ", field \"" + r.column + "\": " + r.reason +
                  " (strict import: nothing was imported)";
    }
    std::vector<Bundle> noBundles;
    MergeResult merged;
    std::string error;
    if (!mergeMapsAndBundles(ws, rows, noBundles, merged, error, refusal)) {
        rep.error = merged.failedRelation >= 0 ? path + ": line " + std::to_string(lines[size_t(merged.failedRelation)]) + ": " + error : error;
        return rep;
    }
    rep.added = merged.relationsAdded;
    rep.updated = merged.relationsUpdated;
    rep.ok = true;
    return rep;
}

}  // namespace mb
