#include "core/warehouse/minedpairsimport.h"

#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace mb {

namespace {

// The JSON after "-- merchbench:" on the query's first lines; an empty object when there is none (a query
// written by hand).
bool queryParameters(const std::string &query, QJsonObject &out, std::string &error)
{
    static const std::string marker = "-- merchbench:";
    const size_t at = query.find(marker);
    if (at == std::string::npos) return true;
    const size_t end = query.find('\n', at);
    const std::string json = query.substr(at + marker.size(), end == std::string::npos ? std::string::npos : end - at - marker.size());
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &e);
    if (!doc.isObject()) {
        error = "the query's \"-- merchbench:\" line is not the JSON object `warehouse sql` writes: " + e.errorString().toStdString();
        return false;
    }
    out = doc.object();
    return true;
}

}  // namespace

std::string minedRunParameters(const MinedPairsFile &file, const MinedProvenance &from, int64_t importedAt, std::string &error)
{
    QJsonObject p;
    if (!queryParameters(from.query, p, error)) return {};
    const QString dialect = p.take("dialect").toString();
    p.insert("engine", QString::fromStdString(from.engine.empty() ? dialect.toStdString() : from.engine));
    p.insert("source", "warehouse");
    if (file.baskets >= 0) p.insert("baskets", qint64(file.baskets));
    p.insert("rules", qint64(file.rules.size()));
    p.insert("file", QString::fromStdString(from.file));
    if (!from.query.empty()) {
        p.insert("queryHash", QString::fromLatin1(
                                  QCryptographicHash::hash(QByteArray::fromStdString(from.query), QCryptographicHash::Sha256).toHex()));
        // The hash, not the text: `mine status` prints the parameters, and the query file is the merchandiser's.
        if (!from.queryFile.empty()) p.insert("queryFile", QString::fromStdString(from.queryFile));
    }
    if (!from.minedAt.empty()) p.insert("minedAt", QString::fromStdString(from.minedAt));
    p.insert("importedAt", QDateTime::fromSecsSinceEpoch(importedAt, Qt::UTC).toString(Qt::ISODate));
    return QJsonDocument(p).toJson(QJsonDocument::Compact).toStdString();
}

bool saveMinedPairs(Workspace &ws, const MinedPairsFile &file, const std::string &parameters, std::string &error)
{
    return writeTransaction(ws, error, [&](sqlite3 *db, std::string &error) {
        // The run describes the history the workspace holds now: the merchandiser imported the warehouse's
        // result for it, and a later order import marks it stale like any run.
        QJsonObject p = QJsonDocument::fromJson(QByteArray::fromStdString(parameters)).object();
        p.insert("lastImportId", qint64(lastImportId(db)));
        MinedRunWriter out(db);
        const int64_t run = out.replaceRun("pairs", QJsonDocument(p).toJson(QJsonDocument::Compact).toStdString(),
                                           ws.historyVersion(), 0, error);
        if (run < 0) return false;
        for (const StoredPairRule &r : file.rules)
            if (!out.addPairRule(run, r, error)) return false;
        return true;
    });
}

}  // namespace mb
