#pragma once
// Every row of every table of a workspace file, read by a connection of its own: what a test means by
// "the workspace did not change".
#include "core/storage/statement.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <string>
#include <vector>

namespace mbtest {

inline QByteArray workspaceContent(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return {};
    }
    QByteArray all;
    std::vector<std::string> tables;
    {
        mb::Statement t(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (t.step()) tables.push_back(t.text(0));
    }
    for (const std::string &name : tables) {
        mb::Statement rows(db, ("SELECT * FROM \"" + name + "\" ORDER BY rowid").c_str());
        all += QByteArray::fromStdString(name) + ":\n";
        while (rows.step()) {
            for (int c = 0; c < rows.columnCount(); ++c)
                all += (rows.isNull(c) ? QByteArray("NULL") : QByteArray::fromStdString(rows.text(c))) + '|';
            all += '\n';
        }
    }
    sqlite3_close(db);
    return all;
}

}  // namespace mbtest
