#include "ui/welcomepage.h"

#include "ui/recentworkspaces.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mb {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), demo_(new QPushButton(tr("Open the Demo Store"), this)), recent_(new QListWidget(this)),
      noRecent_(new QLabel(tr("No recent workspaces yet."), this))
{
    auto *title = new QLabel(tr("No workspace open"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    title->setFont(f);
    auto *hint = new QLabel(tr("Explore the demo store, open a workspace, or start a new one and import your store's "
                               "catalog and orders into it."),
                            this);
    hint->setWordWrap(true);
    demo_->setObjectName(QStringLiteral("welcomeDemo"));
    demo_->setToolTip(tr("A camera, bike, coffee, phone and printer store with maps, bundles and order history"));
    auto *open = new QPushButton(tr("Open Workspace…"), this);
    open->setObjectName(QStringLiteral("welcomeOpen"));
    auto *create = new QPushButton(tr("New Workspace…"), this);
    create->setObjectName(QStringLiteral("welcomeNew"));
    connect(demo_, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newRequested);

    auto *recentTitle = new QLabel(tr("<b>Recent workspaces</b>"), this);
    recent_->setObjectName(QStringLiteral("welcomeRecent"));
    recent_->setToolTip(tr("Double-click or press Enter to open"));
    recent_->setTextElideMode(Qt::ElideMiddle);  // the file name at the start, the folder's tail at the end
    connect(recent_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT recentChosen(item->data(Qt::UserRole).toString()); });
    noRecent_->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(demo_);
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addStretch(1);

    // A column of readable width in the middle of the window, as a start page, not a stretched form.
    auto *column = new QWidget(this);
    column->setMaximumWidth(640);
    auto *cl = new QVBoxLayout(column);
    cl->addStretch(1);
    cl->addWidget(title);
    cl->addWidget(hint);
    cl->addSpacing(8);
    cl->addLayout(buttons);
    cl->addSpacing(16);
    cl->addWidget(recentTitle);
    cl->addWidget(recent_);
    cl->addWidget(noRecent_);
    cl->addStretch(2);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(column, 3);
    outer->addStretch(1);
    refresh();
}

void WelcomePage::refresh()
{
    recent_->clear();
    for (const QString &path : RecentWorkspaces::list()) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(tr("%1  —  %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())), recent_);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    if (recent_->count() > 0) recent_->setCurrentRow(0);
    // As tall as its entries (RecentWorkspaces keeps at most a handful), not a tall empty box.
    const int rows = std::max(1, recent_->count());
    recent_->setFixedHeight(recent_->sizeHintForRow(0) * rows + 2 * recent_->frameWidth() + 4);
    recent_->setVisible(recent_->count() > 0);
    noRecent_->setVisible(recent_->count() == 0);
}

}  // namespace mb
