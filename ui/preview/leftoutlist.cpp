#include "ui/preview/leftoutlist.h"

#include "ui/preview/leftoutmodel.h"

#include <QPainter>
#include <QResizeEvent>
#include <QStyledItemDelegate>

namespace mb {

namespace {

constexpr int Pad = 5;

// Two lines per candidate, both wrapped to the list's width: the product, then "Rule: sentence".
class LeftOutDelegate : public QStyledItemDelegate {
public:
    explicit LeftOutDelegate(QListView *view) : QStyledItemDelegate(view), view_(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int w = textWidth();
        const QRect a = QFontMetrics(titleFont(option.font)).boundingRect(QRect(0, 0, w, 10000), Qt::TextWordWrap, title(index));
        const QRect b = QFontMetrics(option.font).boundingRect(QRect(0, 0, w, 10000), Qt::TextWordWrap, rule(index));
        return {w + 2 * Pad, a.height() + b.height() + 2 * Pad + 1};
    }

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        p->save();
        const QRect r = option.rect.adjusted(Pad, Pad, -Pad, -Pad);
        p->setPen(QColor(0xe3, 0xe6, 0xeb));
        p->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
        p->setFont(titleFont(option.font));
        p->setPen(option.palette.color(QPalette::Text));
        QRect used;
        p->drawText(r, Qt::TextWordWrap, title(index), &used);
        p->setFont(option.font);
        p->setPen(QColor(0x8a, 0x4b, 0x00));
        p->drawText(r.adjusted(0, used.height(), 0, 0), Qt::TextWordWrap, rule(index));
        p->restore();
    }

private:
    int textWidth() const { return std::max(80, view_->viewport()->width() - 2 * Pad); }
    static QFont titleFont(QFont f)
    {
        f.setWeight(QFont::DemiBold);
        return f;
    }
    static QString title(const QModelIndex &i)
    {
        return QStringLiteral("%1  ·  %2").arg(i.data(LeftOutModel::TitleRole).toString(), i.data(LeftOutModel::SkuRole).toString());
    }
    static QString rule(const QModelIndex &i)
    {
        return QStringLiteral("%1: %2").arg(i.data(LeftOutModel::RuleTitleRole).toString(), i.data(LeftOutModel::DetailRole).toString());
    }
    QListView *view_;
};

}  // namespace

LeftOutList::LeftOutList(QWidget *parent) : QListView(parent)
{
    setItemDelegate(new LeftOutDelegate(this));
    setUniformItemSizes(false);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setFrameShape(QFrame::NoFrame);
    setResizeMode(QListView::Adjust);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    viewport()->setAutoFillBackground(false);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.88);
    setFont(f);
}

void LeftOutList::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    if (!model) return;
    connect(model, &QAbstractItemModel::modelReset, this, &LeftOutList::fitToContents);
    connect(model, &QAbstractItemModel::rowsInserted, this, &LeftOutList::fitToContents);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LeftOutList::fitToContents);
    fitToContents();
}

int LeftOutList::contentHeight() const
{
    if (!model()) return 0;
    QStyleOptionViewItem opt;
    opt.initFrom(this);
    int h = 0;
    for (int r = 0; r < model()->rowCount(); ++r) h += itemDelegate()->sizeHint(opt, model()->index(r, 0)).height();
    return h + 2 * frameWidth();
}

QSize LeftOutList::sizeHint() const { return {QListView::sizeHint().width(), contentHeight()}; }
QSize LeftOutList::minimumSizeHint() const { return {60, contentHeight()}; }

void LeftOutList::fitToContents()
{
    // Row heights depend on the width: let the view recompute them, then grow to show every row.
    doItemsLayout();
    setFixedHeight(contentHeight());
}

void LeftOutList::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    if (event->size().width() != lastWidth_) {
        lastWidth_ = event->size().width();
        fitToContents();
    }
}

}  // namespace mb
