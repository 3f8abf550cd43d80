#include "ui/shortcutlist.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSet>

namespace mb {

static QString keysOf(const QAction *a)
{
    QStringList keys;
    for (const QKeySequence &k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

static void collectMenu(const QMenu *menu, const QString &where, QSet<const QAction *> &seen, std::vector<ShortcutEntry> &out)
{
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator()) continue;
        if (a->menu()) {
            collectMenu(a->menu(), where, seen, out);
            continue;
        }
        seen.insert(a);
        if (!a->shortcut().isEmpty()) out.push_back({where, a->iconText(), keysOf(a)});
    }
}

std::vector<ShortcutEntry> collectShortcuts(const QMenuBar *menus, const std::vector<std::pair<QString, QWidget *>> &views)
{
    std::vector<ShortcutEntry> out;
    QSet<const QAction *> seen;
    for (const QAction *top : menus->actions())
        if (top->menu()) collectMenu(top->menu(), top->iconText(), seen, out);
    for (const auto &view : views) {
        for (const QAction *a : view.second->findChildren<QAction *>()) {
            if (seen.contains(a) || a->shortcut().isEmpty()) continue;
            seen.insert(a);
            out.push_back({view.first, a->iconText(), keysOf(a)});
        }
    }
    return out;
}

}  // namespace mb
