#pragma once
// The most recently opened workspaces, newest first, kept in QSettings.
#include <QStringList>

namespace mb {

class RecentWorkspaces {
public:
    static constexpr int MaxEntries = 8;
    static QStringList list();       // only files that still exist
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};

}  // namespace mb
