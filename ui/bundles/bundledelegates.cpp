#include "ui/bundles/bundledelegates.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace mb {

namespace {

constexpr int Pad = 6;

// The background, selection and focus of an item view row, without its text.
// o comes from initStyleOption (protected, so the delegates call it).
void drawPanel(QPainter *p, QStyleOptionViewItem o)
{
    o.text.clear();
    o.icon = QIcon();
    const QWidget *w = o.widget;
    (w ? w->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &o, p, w);
}

QColor textColor(const QStyleOptionViewItem &o, bool secondary)
{
    if (o.state & QStyle::State_Selected) return o.palette.color(QPalette::HighlightedText);
    QColor c = o.palette.color(QPalette::Text);
    if (secondary) c.setAlphaF(0.68f);
    return c;
}

QFont bold(QFont f)
{
    f.setBold(true);
    return f;
}

}  // namespace

void ProductEntryDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant header = index.data(bundleroles::Header);
    p->save();
    if (header.isValid()) {
        // A group header: the kind's colour as a bar and as the text, no selection look.
        const QColor c = header.value<QColor>();
        const QRect r = option.rect.adjusted(0, 4, 0, 0);
        p->fillRect(QRect(r.left() + 2, r.top() + 2, 4, r.height() - 4), c);
        p->setPen(c);
        p->setFont(bold(option.font));
        p->drawText(r.adjusted(Pad + 6, 0, -Pad, 0), Qt::AlignLeft | Qt::AlignVCenter,
                    option.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, r.width() - 2 * Pad - 6));
        p->restore();
        return;
    }
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    drawPanel(p, o);
    const QString sku = index.data(bundleroles::Sku).toString(), title = index.data(Qt::DisplayRole).toString();
    const QColor override = index.data(Qt::ForegroundRole).value<QBrush>().color();
    const bool warn = index.data(Qt::ForegroundRole).isValid() && !(option.state & QStyle::State_Selected);
    const QRect r = option.rect.adjusted(Pad, 2, -Pad, -2);
    const QFont bf = bold(option.font);
    const QFontMetrics bm(bf);
    if (sku.isEmpty()) {   // a plain message row ("The anchor has no map yet")
        p->setPen(textColor(option, true));
        p->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(title, Qt::ElideRight, r.width()));
        p->restore();
        return;
    }
    p->setPen(warn ? override : textColor(option, false));
    p->setFont(bf);
    if (twoLines_) {
        const int h = r.height() / 2;
        p->drawText(QRect(r.left(), r.top(), r.width(), h), Qt::AlignLeft | Qt::AlignBottom,
                    bm.elidedText(sku, Qt::ElideRight, skuWidth(option.rect, option.font, sku)));
        p->setFont(option.font);
        p->setPen(warn ? override : textColor(option, true));
        p->drawText(QRect(r.left(), r.top() + h, r.width(), r.height() - h), Qt::AlignLeft | Qt::AlignTop,
                    option.fontMetrics.elidedText(title, Qt::ElideRight, r.width()));
    } else {
        // The SKU keeps its full width (it is what tells two cards apart); the title gets what is left.
        const int skuRoom = skuWidth(option.rect, option.font, sku);
        p->drawText(QRect(r.left(), r.top(), skuRoom, r.height()), Qt::AlignLeft | Qt::AlignVCenter, bm.elidedText(sku, Qt::ElideRight, skuRoom));
        p->setFont(option.font);
        p->setPen(warn ? override : textColor(option, true));
        const QRect rest(r.left() + skuRoom + Pad + 2, r.top(), r.width() - skuRoom - Pad - 2, r.height());
        p->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(title, Qt::ElideRight, rest.width()));
    }
    p->restore();
}

int ProductEntryDelegate::skuWidth(const QRect &itemRect, const QFont &font, const QString &sku) const
{
    const int room = itemRect.width() - 2 * Pad;
    if (twoLines_) return room;
    // One line: the SKU keeps its full width (it is what tells two cards apart) up to three fifths of the
    // row, so a narrow list still shows it whole; the title gets what is left.
    return std::min(QFontMetrics(bold(font)).horizontalAdvance(sku) + 4, room * 3 / 5);
}

QSize ProductEntryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    if (index.data(bundleroles::Header).isValid()) return {100, line + 10};
    return {100, (twoLines_ ? 2 * line : line) + 8};
}

void BundleEntryDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    drawPanel(p, o);
    const QRect r = option.rect.adjusted(Pad, 4, -Pad, -4);
    const int issues = index.data(bundleroles::Issues).toInt();
    const bool selected = option.state & QStyle::State_Selected;

    // The badge first: it must stay visible however long the name is.
    const QFont bf = bold(option.font);
    const QFontMetrics bm(bf);
    const QString badgeText = issues ? QStringLiteral("⚠ %1").arg(issues) : QStringLiteral("✓");
    const int bw = bm.horizontalAdvance(badgeText) + 12, bh = bm.height() + 2;
    const QRect badge(r.right() - bw + 1, r.top() + (r.height() / 2 - bh) / 2 + 1, bw, bh);
    p->setRenderHint(QPainter::Antialiasing);
    if (issues) {
        QPainterPath path;
        path.addRoundedRect(badge, bh / 2.0, bh / 2.0);
        p->fillPath(path, QColor(0xB0, 0x3A, 0x2E));
        p->setPen(Qt::white);
    } else {
        p->setPen(selected ? option.palette.color(QPalette::HighlightedText) : QColor(0x2E, 0x7D, 0x32));
    }
    p->setFont(bf);
    p->drawText(badge, Qt::AlignCenter, badgeText);

    const int h = r.height() / 2;
    const QRect nameRect(r.left(), r.top(), badge.left() - r.left() - Pad, h);
    p->setPen(textColor(option, false));
    p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter, bm.elidedText(index.data().toString(), Qt::ElideRight, nameRect.width()));
    p->setFont(option.font);
    p->setPen(textColor(option, true));
    const QRect anchorRect(r.left(), r.top() + h, r.width(), r.height() - h);
    p->drawText(anchorRect, Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(index.data(bundleroles::AnchorText).toString(), Qt::ElideRight, anchorRect.width()));
    p->restore();
}

QSize BundleEntryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {140, 2 * option.fontMetrics.height() + 14};
}

}  // namespace mb
