#include "ui/recentworkspaces.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace mb {

namespace {

const QString Key = QStringLiteral("recentWorkspaces");

// One spelling per file: "a/../b.merchbench", "./b.merchbench" and a link to it are the same workspace.
QString canonical(const QString &path)
{
    const QFileInfo fi(path);
    const QString c = fi.canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(fi.absoluteFilePath()) : c;
}

// The stored list in canonical spellings, each file once (lists stored by older versions may repeat one).
QStringList stored()
{
    QStringList out;
    for (const QString &p : QSettings().value(Key).toStringList())
        if (const QString c = canonical(p); !out.contains(c)) out << c;
    return out;
}

}  // namespace

QStringList RecentWorkspaces::list()
{
    QStringList out;
    for (const QString &p : stored())
        if (QFileInfo::exists(p)) out << p;
    return out;
}

void RecentWorkspaces::add(const QString &path)
{
    const QString c = canonical(path);
    QStringList l = stored();
    l.removeAll(c);
    l.prepend(c);
    while (l.size() > MaxEntries) l.removeLast();
    QSettings().setValue(Key, l);
}

void RecentWorkspaces::remove(const QString &path)
{
    QStringList l = stored();
    l.removeAll(canonical(path));
    QSettings().setValue(Key, l);
}

void RecentWorkspaces::clear() { QSettings().remove(Key); }

}  // namespace mb
