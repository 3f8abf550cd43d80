#include "ui/sidebar.h"

namespace mb {

Sidebar::Sidebar(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("sidebar"));
    setViewMode(QListView::IconMode);
    setFlow(QListView::TopToBottom);
    setMovement(QListView::Static);
    setWrapping(false);
    setIconSize(QSize(32, 32));
    setGridSize(QSize(96, 72));
    setFixedWidth(100);
    setSpacing(0);
    setUniformItemSizes(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::NoFocus);
    setStyleSheet(QStringLiteral(
        "#sidebar { background: #2b3440; padding-top: 8px; }"
        "#sidebar::item { color: #d6dde6; border-radius: 6px; margin: 2px 4px; padding-top: 6px; }"
        "#sidebar::item:hover { background: #394552; }"
        "#sidebar::item:selected { background: #4a90d9; color: white; }"));
}

void Sidebar::addView(const QIcon &icon, const QString &title, const QString &toolTip)
{
    auto *item = new QListWidgetItem(icon, title, this);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    item->setToolTip(toolTip);
    item->setSizeHint(QSize(92, 68));
}

}  // namespace mb
