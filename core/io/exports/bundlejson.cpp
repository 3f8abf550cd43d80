#include "core/io/exports/bundlejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace mb {

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }
QJsonValue number(double v) { return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v); }

struct Reader {
    const std::string &path;
    std::string &error;

    bool fail(const QString &where, const std::string &expected)
    {
        error = path + ": " + where.toStdString() + ": expected " + expected;
        return false;
    }
    bool text(const QJsonObject &o, const char *key, const QString &where, std::string &out, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required) return true;
        if (!v.isString() || (required && v.toString().isEmpty())) return fail(where + "." + key, "a non-empty string");
        out = v.toString().toStdString();
        return true;
    }
    bool real(const QJsonObject &o, const char *key, const QString &where, double &out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) return true;
        if (!v.isDouble()) return fail(where + "." + key, "a number or null");
        out = v.toDouble();
        return true;
    }
    bool whole(const QJsonObject &o, const char *key, const QString &where, int &out, int minimum)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) return true;
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())) || v.toDouble() < minimum || v.toDouble() > 1e9)
            return fail(where + "." + key, "a whole number ≥ " + std::to_string(minimum));
        out = int(v.toDouble());
        return true;
    }
};

}  // namespace

std::string writeExportJson(const ExportData &data)
{
    QJsonObject root{{"format", ExportFormatName}, {"version", ExportFormatVersion}};
    if (data.includeMaps) {
        QJsonArray maps;
        for (const ExportRelation &r : data.relations)
            maps.append(QJsonObject{{"anchorType", qs(r.anchorType)}, {"anchor", qs(r.anchor)}, {"targetType", qs(r.targetType)},
                                    {"target", qs(r.target)}, {"kind", qs(r.kind)}, {"position", r.position},
                                    {"pitch", qs(r.pitch)}, {"source", qs(r.source)}, {"status", qs(r.status)}});
        root.insert("maps", maps);
    }
    if (data.includeBundles) {
        QJsonArray bundles;
        for (const ExportBundle &b : data.bundles) {
            QJsonArray tiers;
            for (const ExportTier &t : b.tiers) {
                QJsonArray items;
                for (const ExportItem &i : t.items)
                    items.append(QJsonObject{{"sku", qs(i.sku)}, {"title", qs(i.title)}, {"quantity", i.quantity},
                                             {"optional", i.optional}, {"unitPrice", number(i.unitPrice)}});
                tiers.append(QJsonObject{{"name", qs(t.name)}, {"pricing", qs(t.pricing)}, {"discountPercent", t.discountPercent},
                                         {"fixedPrice", number(t.fixedPrice)}, {"price", number(t.price)}, {"items", items}});
            }
            bundles.append(QJsonObject{{"name", qs(b.name)}, {"anchor", qs(b.anchor)}, {"tiers", tiers}});
        }
        root.insert("bundles", bundles);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

bool readExportJson(const std::string &text, const std::string &path, ExportData &out, std::string &error)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size())), &perr);
    if (doc.isNull()) {
        // Qt reports a byte offset; a line number is what an editor shows.
        const int line = 1 + int(std::count(text.begin(), text.begin() + std::min<qsizetype>(perr.offset, qsizetype(text.size())), '\n'));
        error = path + ": line " + std::to_string(line) + ": not valid JSON (" + perr.errorString().toStdString() + ")";
        return false;
    }
    Reader r{path, error};
    if (!doc.isObject()) return r.fail("the document", "an object with format \"merchbench-export\"");
    const QJsonObject root = doc.object();
    if (root.value("format").toString() != QLatin1String(ExportFormatName))
        return r.fail("format", "\"merchbench-export\"");
    const int version = root.value("version").toInt(-1);
    if (version < 1 || version > ExportFormatVersion)
        return r.fail("version", "1 (this Merchbench reads versions up to " + std::to_string(ExportFormatVersion) + "), found " +
                                     QJsonDocument(QJsonArray{root.value("version")}).toJson(QJsonDocument::Compact).toStdString());
    out = ExportData{};
    out.includeMaps = root.contains("maps");
    out.includeBundles = root.contains("bundles");
    if (out.includeMaps && !root.value("maps").isArray()) return r.fail("maps", "an array");
    if (out.includeBundles && !root.value("bundles").isArray()) return r.fail("bundles", "an array");
    const QJsonArray maps = root.value("maps").toArray();
    for (qsizetype i = 0; i < maps.size(); ++i) {
        const QString where = QStringLiteral("maps[%1]").arg(i);
        if (!maps[i].isObject()) return r.fail(where, "an object");
        const QJsonObject o = maps[i].toObject();
        ExportRelation rel;
        if (!r.text(o, "anchorType", where, rel.anchorType) || !r.text(o, "anchor", where, rel.anchor) ||
            !r.text(o, "targetType", where, rel.targetType) || !r.text(o, "target", where, rel.target) ||
            !r.text(o, "kind", where, rel.kind) || !r.whole(o, "position", where, rel.position, 0) ||
            !r.text(o, "pitch", where, rel.pitch, false) || !r.text(o, "source", where, rel.source, false) ||
            !r.text(o, "status", where, rel.status, false))
            return false;
        if (!endpointFromName(rel.anchorType)) return r.fail(where + ".anchorType", "product or category");
        if (!endpointFromName(rel.targetType)) return r.fail(where + ".targetType", "product or category");
        if (!kindFromName(rel.kind)) return r.fail(where + ".kind", "necessity, enhancement, accessory, consumable or upgrade");
        if (!sourceFromName(rel.source)) return r.fail(where + ".source", "curated, imported or mined");
        if (!statusFromName(rel.status)) return r.fail(where + ".status", "active, suggested, rejected or excluded");
        out.relations.push_back(std::move(rel));
    }
    const QJsonArray bundles = root.value("bundles").toArray();
    for (qsizetype b = 0; b < bundles.size(); ++b) {
        const QString where = QStringLiteral("bundles[%1]").arg(b);
        if (!bundles[b].isObject()) return r.fail(where, "an object");
        const QJsonObject o = bundles[b].toObject();
        ExportBundle bundle;
        if (!r.text(o, "name", where, bundle.name) || !r.text(o, "anchor", where, bundle.anchor)) return false;
        const QJsonArray tiers = o.value("tiers").toArray();
        if (!o.value("tiers").isArray() || tiers.isEmpty() || tiers.size() > 5) return r.fail(where + ".tiers", "an array of 1 to 5 tiers");
        for (qsizetype t = 0; t < tiers.size(); ++t) {
            const QString tw = where + QStringLiteral(".tiers[%1]").arg(t);
            if (!tiers[t].isObject()) return r.fail(tw, "an object");
            const QJsonObject to = tiers[t].toObject();
            ExportTier tier;
            if (!r.text(to, "name", tw, tier.name) || !r.text(to, "pricing", tw, tier.pricing) ||
                !r.real(to, "discountPercent", tw, tier.discountPercent) || !r.real(to, "fixedPrice", tw, tier.fixedPrice) ||
                !r.real(to, "price", tw, tier.price))
                return false;
            if (tier.pricing != "sum" && tier.pricing != "discount" && tier.pricing != "fixed") return r.fail(tw + ".pricing", "sum, discount or fixed");
            if (tier.discountPercent < 0 || tier.discountPercent > 100) return r.fail(tw + ".discountPercent", "a number from 0 to 100");
            if (tier.pricing == "fixed" && (std::isnan(tier.fixedPrice) || tier.fixedPrice < 0)) return r.fail(tw + ".fixedPrice", "a price ≥ 0 for a fixed tier");
            const QJsonArray items = to.value("items").toArray();
            if (!to.value("items").isArray()) return r.fail(tw + ".items", "an array");
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString iw = tw + QStringLiteral(".items[%1]").arg(i);
                if (!items[i].isObject()) return r.fail(iw, "an object");
                const QJsonObject io = items[i].toObject();
                ExportItem item;
                if (!r.text(io, "sku", iw, item.sku) || !r.text(io, "title", iw, item.title, false) ||
                    !r.whole(io, "quantity", iw, item.quantity, 1) || !r.real(io, "unitPrice", iw, item.unitPrice))
                    return false;
                const QJsonValue opt = io.value("optional");
                if (!opt.isUndefined() && !opt.isBool()) return r.fail(iw + ".optional", "true or false");
                item.optional = opt.toBool(false);
                tier.items.push_back(std::move(item));
            }
            bundle.tiers.push_back(std::move(tier));
        }
        out.bundles.push_back(std::move(bundle));
    }
    return true;
}

}  // namespace mb
