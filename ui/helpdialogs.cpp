#include "ui/helpdialogs.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mb {

static QDialogButtonBox *closeButton(QDialog *dialog)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    return buttons;
}

QString UserGuideDialog::guideMarkdown()
{
    QFile f(QStringLiteral(":/guide/user-guide.md"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent), browser_(new QTextBrowser(this))
{
    setWindowTitle(tr("Merchbench User Guide"));
    browser_->setOpenExternalLinks(true);  // links out of the guide go to the browser
    browser_->setMarkdown(guideMarkdown());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser_, 1);
    layout->addWidget(closeButton(this));
    resize(720, 640);
}

ShortcutsDialog::ShortcutsDialog(const std::vector<ShortcutEntry> &shortcuts, QWidget *parent)
    : QDialog(parent), tree_(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree_->setRootIsDecorated(false);
    tree_->setAlternatingRowColors(true);
    QTreeWidgetItem *group = nullptr;
    for (const ShortcutEntry &s : shortcuts) {
        if (!group || group->text(0) != s.where) {
            group = new QTreeWidgetItem(tree_, {s.where});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        new QTreeWidgetItem(group, {s.action, s.keys});
    }
    tree_->expandAll();
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tree_, 1);
    layout->addWidget(closeButton(this));
    resize(460, 560);
}

}  // namespace mb
