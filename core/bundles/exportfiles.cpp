#include "core/bundles/exportfiles.h"

#include "core/io/csvreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mb {

std::string createdFileName(const std::string &linksPath)
{
    // The suffix is what follows the last dot of the file name, not of a folder ("exports.d/links").
    const size_t slash = linksPath.find_last_of("/\\");
    const size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    size_t dot = linksPath.rfind('.');
    if (dot == std::string::npos || dot <= nameStart) dot = linksPath.size();   // no suffix, or a dot file
    return linksPath.substr(0, dot) + "-new-products" + linksPath.substr(dot);
}

int64_t exportRowCount(ExportFormat format, const std::string &text)
{
    if (format == ExportFormat::Json) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), qsizetype(text.size()))).object();
        return o.value(QLatin1String("bundles")).toArray().size() + o.value(QLatin1String("maps")).toArray().size();
    }
    CsvReader reader(text);
    CsvRecord record;
    int64_t records = 0;
    while (reader.next(record)) ++records;
    return records > 0 ? records - 1 : 0;
}

bool isPlatformFormat(ExportFormat format)
{
    return format == ExportFormat::WooCommerce || format == ExportFormat::Magento || format == ExportFormat::Shopify;
}

}  // namespace mb
