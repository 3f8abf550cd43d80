#include "ui/recentworkspaces.h"

#include <QFileInfo>
#include <QSettings>

namespace mb {

namespace {
const QString Key = QStringLiteral("recentWorkspaces");
}

QStringList RecentWorkspaces::list()
{
    QStringList out;
    for (const QString &p : QSettings().value(Key).toStringList())
        if (QFileInfo::exists(p)) out << p;
    return out;
}

void RecentWorkspaces::add(const QString &path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList l = QSettings().value(Key).toStringList();
    l.removeAll(abs);
    l.prepend(abs);
    while (l.size() > MaxEntries) l.removeLast();
    QSettings().setValue(Key, l);
}

void RecentWorkspaces::remove(const QString &path)
{
    QStringList l = QSettings().value(Key).toStringList();
    l.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(Key, l);
}

void RecentWorkspaces::clear() { QSettings().remove(Key); }

}  // namespace mb
