#pragma once
// Help ▸ User Guide (the guide shipped in the resources, resources/guide/user-guide.md) and
// Help ▸ Keyboard Shortcuts (every shortcut of the window, from its actions: ui/shortcutlist).
// Both are modeless, so the user can read while working.
#include "ui/shortcutlist.h"

#include <QDialog>

class QTextBrowser;
class QTreeWidget;

namespace mb {

class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);
    QTextBrowser *browser() const { return browser_; }
    static QString guideMarkdown();

private:
    QTextBrowser *browser_;
};

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const std::vector<ShortcutEntry> &shortcuts, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return tree_; }

private:
    QTreeWidget *tree_;
};

}  // namespace mb
