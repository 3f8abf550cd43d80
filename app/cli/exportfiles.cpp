#include "exportfiles.h"

#include "core/bundles/exportfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace mb::cli {

const std::set<std::string> platformValueOptions = {"created-out"};
const std::set<std::string> platformFlags = {"include-foreign", "replace-links"};

std::string readPlatformOptions(const CliArgs &args, ExportFormat format, const std::string &command, ExportOptions &options)
{
    const std::string name = exportFormatName(format);
    if (!isPlatformFormat(format))
        for (const char *o : {"created-out", "include-foreign", "replace-links"})
            if (args.value(o) || args.flag(o))
                return command + " --" + o + " works with --format woocommerce, magento or shopify only, not " + name;
    if (args.flag("replace-links") && format != ExportFormat::Magento)
        return command + " --replace-links only affects Magento (--format magento): " + name + " has no such import mode";
    options.includeForeign = args.flag("include-foreign");
    options.replaceLinks = args.flag("replace-links");
    return {};
}

namespace {

struct Written {
    std::string path, holds;
    int64_t rows;
};

std::string rowsText(ExportFormat format, int64_t rows)
{
    if (format == ExportFormat::Json) return grouped(rows) + (rows == 1 ? " map entry or bundle" : " map entries and bundles");
    return grouped(rows) + (rows == 1 ? " row" : " rows");
}

}  // namespace

int writeExportFiles(const Context &ctx, const CliArgs &args, ExportFormat format, const std::string &command,
                     const std::string &links, const std::string &created, const std::vector<std::string> &notes)
{
    const auto out = args.value("out");
    const auto explicitCreated = args.value("created-out");
    const std::optional<std::string> createdPath = explicitCreated ? explicitCreated
                                                   : out           ? std::optional(createdFileName(*out))
                                                                   : std::nullopt;
    const int64_t createdRows = created.empty() ? 0 : exportRowCount(format, created);
    auto same = [](const std::string &a, const std::string &b) {
        return QDir::cleanPath(QFileInfo(QString::fromStdString(a)).absoluteFilePath()) ==
               QDir::cleanPath(QFileInfo(QString::fromStdString(b)).absoluteFilePath());
    };
    if (out && createdPath && same(*out, *createdPath))
        return ctx.usage(command + " --created-out " + *createdPath + ": must differ from --out (one import updates, the other creates)");
    // Checked before anything is written: a links file without its new products would look complete.
    if (!created.empty() && !createdPath)
        return ctx.badInput(command + " --format " + exportFormatName(format) + ": " + grouped(createdRows) +
                            " new-product rows (bundles) go in a separate create-only file, which cannot share standard output with the "
                            "links update; name it with --created-out FILE, or write both with --out FILE (the new products then go to "
                            "FILE-new-products)");

    if (const int code = ctx.writeOutput(out, links); code != Success) return code;
    std::vector<Written> written;
    const bool platform = isPlatformFormat(format);
    written.push_back({out.value_or("standard output"), platform ? "links update: import it updating existing products" : "",
                       exportRowCount(format, links)});
    std::string absent;
    if (!created.empty()) {
        if (const int code = ctx.writeOutput(createdPath, created); code != Success) return code;
        written.push_back({*createdPath, "new products: import it creating new products only", createdRows});
    } else if (platform && createdPath) {
        // A file of new products from an earlier export must not be mistaken for part of this one.
        absent = QFileInfo::exists(QString::fromStdString(*createdPath))
                     ? "No new products: " + *createdPath + " was not written; the file there is from an earlier export"
                     : "No new products: " + *createdPath + " was not written";
    }

    for (const std::string &n : notes) std::fprintf(stderr, "note: %s\n", n.c_str());
    if (ctx.json && out) {
        QJsonArray files, noteArray;
        for (const Written &w : written)
            files.append(QJsonObject{{"path", QString::fromStdString(w.path)}, {"rows", qint64(w.rows)},
                                     {"holds", QString::fromStdString(w.holds)}});
        for (const std::string &n : notes) noteArray.append(QString::fromStdString(n));
        ctx.printJson({{"files", files}, {"notes", noteArray}});
        return Success;
    }
    std::string summary;
    for (const Written &w : written)
        summary += "Wrote " + w.path + ": " + rowsText(format, w.rows) + (w.holds.empty() ? "" : " (" + w.holds + ")") + "\n";
    if (!absent.empty()) summary += absent + "\n";
    // While standard output carries the export, the summary must not end up inside it; a JSON or bundle CSV
    // piped on is one file, as before, and needs no account.
    if (out) ctx.print(summary);
    else if (platform) std::fputs(summary.c_str(), stderr);
    return Success;
}

}  // namespace mb::cli
