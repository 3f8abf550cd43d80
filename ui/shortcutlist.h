#pragma once
// Every keyboard shortcut the window has, read from its actions (menus first, then each view's own), so
// Help ▸ Keyboard Shortcuts can never list a key that does nothing or miss one that was added.
#include <QString>

#include <utility>
#include <vector>

class QMenuBar;
class QWidget;

namespace mb {

struct ShortcutEntry {
    QString where;   // "File", "Edit", … or a view's title ("Maps")
    QString action;  // the action's text without its mnemonic (QAction::iconText: "&Undo" → "Undo")
    QString keys;    // native text, several separated by ", "
};

std::vector<ShortcutEntry> collectShortcuts(const QMenuBar *menus, const std::vector<std::pair<QString, QWidget *>> &views);

}  // namespace mb
