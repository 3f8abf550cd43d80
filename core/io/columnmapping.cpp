#include "core/io/columnmapping.h"

#include "core/io/atomicfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace mb {

void ColumnMapping::apply(CsvHeader &header) const
{
    for (const auto &[from, to] : columns) {
        const int i = header.find({std::string_view(from)});
        if (i >= 0) header.rename(i, to);
    }
}

bool ColumnMapping::load(const std::string &path, ColumnMapping &out, std::string &error)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        error = path + ": cannot open the mapping file: " + f.errorString().toStdString();
        return false;
    }
    const QByteArray json = f.readAll();
    return parse(std::string(json.constData(), size_t(json.size())), path, out, error);
}

bool ColumnMapping::parse(const std::string &json, const std::string &path, ColumnMapping &out, std::string &error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        error = path + ": offset " + std::to_string(pe.offset) + ": expected a JSON object "
                "{\"kind\": ..., \"columns\": {\"file column\": \"field\"}}: " + pe.errorString().toStdString();
        return false;
    }
    const QJsonObject o = doc.object();
    out = ColumnMapping{};
    out.kind = o.value("kind").toString().toStdString();
    const QJsonValue cols = o.value("columns");
    if (!cols.isObject()) {
        error = path + ": field \"columns\": expected an object mapping file columns to field names";
        return false;
    }
    const QJsonObject c = cols.toObject();
    for (auto it = c.begin(); it != c.end(); ++it) {
        if (!it.value().isString()) {
            error = path + ": field \"columns." + it.key().toStdString() + "\": expected a field name as a string";
            return false;
        }
        out.columns.emplace_back(it.key().toStdString(), it.value().toString().toStdString());
    }
    return true;
}

bool ColumnMapping::save(const std::string &path, std::string &error) const
{
    QJsonObject c;
    for (const auto &[from, to] : columns) c.insert(QString::fromStdString(from), QString::fromStdString(to));
    QJsonObject o;
    o.insert("kind", QString::fromStdString(kind));
    o.insert("columns", c);
    return writeFileAtomically(path, QJsonDocument(o).toJson().toStdString(), error);
}

const std::vector<FieldInfo> &catalogFields()
{
    static const std::vector<FieldInfo> f{
        {"sku", "SKU", true},          {"title", "Title", false},   {"category", "Category", false},
        {"brand", "Brand", false},     {"price", "Price", false},   {"cost", "Cost", false},
        {"stock", "Stock", false},     {"family", "Family", false},
    };
    return f;
}

const std::vector<FieldInfo> &orderFields()
{
    static const std::vector<FieldInfo> f{
        {"order_id", "Order id", true},       {"sku", "SKU", true},
        {"quantity", "Quantity", false},      {"unit_price", "Unit price", false},
        {"ordered_at", "Ordered at", false},  {"customer_id", "Customer", false},
        {"description", "Description", false}, {"country", "Country", false},
    };
    return f;
}

}  // namespace mb
