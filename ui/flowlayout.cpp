#include "ui/flowlayout.h"

#include <QWidget>

#include <algorithm>

namespace mb {

FlowLayout::FlowLayout(QWidget *parent) : WrappingLayout(parent) { setSpacing(6); }

void FlowLayout::addTrailing(QWidget *widget)
{
    addWidget(widget);
    trailing_.append(items_.back());
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    QLayoutItem *item = WrappingLayout::takeAt(index);
    trailing_.removeAll(item);
    return item;
}


QSize FlowLayout::minimumSize() const
{
    // As narrow as its widest item: everything else wraps. The height for a width comes from heightForWidth.
    QSize s;
    for (QLayoutItem *item : items_)
        if (!item->isEmpty()) s = s.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return s + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int w = 0, h = 0, n = 0;
    for (QLayoutItem *item : items_) {
        if (item->isEmpty()) continue;
        w += item->sizeHint().width();
        h = std::max(h, item->sizeHint().height());
        ++n;
    }
    const QMargins m = contentsMargins();
    return QSize(w + std::max(0, n - 1) * std::max(0, spacing()) + m.left() + m.right(), h + m.top() + m.bottom());
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect r = rect.marginsRemoved(contentsMargins());
    const int gap = std::max(0, spacing());
    auto widthOf = [&r](QLayoutItem *item) {
        return std::min(r.width(), std::max(item->sizeHint().width(), item->minimumSize().width()));
    };
    // Lines first, then where each item of a line goes.
    QList<QList<QLayoutItem *>> lines(1);
    int x = 0;
    for (QLayoutItem *item : items_) {
        if (item->isEmpty()) continue;
        const int w = widthOf(item);
        if (!lines.back().isEmpty() && x + gap + w > r.width()) {
            lines.append(QList<QLayoutItem *>());
            x = 0;
        }
        x += (lines.back().isEmpty() ? 0 : gap) + w;
        lines.back().append(item);
    }
    int y = r.top();
    for (const QList<QLayoutItem *> &line : std::as_const(lines)) {
        if (line.isEmpty()) continue;
        int used = 0, height = 0, expanding = 0;
        for (QLayoutItem *item : line) {
            used += widthOf(item);
            height = std::max(height, item->sizeHint().height());
            if (item->expandingDirections() & Qt::Horizontal) ++expanding;
        }
        used += gap * int(line.size() - 1);
        int spare = std::max(0, r.width() - used);
        if (apply) {
            int left = r.left();
            for (QLayoutItem *item : line) {
                int w = widthOf(item);
                if (expanding > 0 && (item->expandingDirections() & Qt::Horizontal)) {
                    const int more = spare / expanding;
                    w += more;
                    spare -= more;
                    --expanding;
                } else if (expanding == 0 && trailing_.contains(item)) {
                    left += spare;   // the first trailing item takes the line's room before it
                    spare = 0;
                }
                const int h = std::min(height, item->sizeHint().height());
                item->setGeometry(QRect(left, y + (height - h) / 2, w, h));
                left += w + gap;
            }
        }
        y += height + gap;
    }
    return (y > r.top() ? y - gap - r.top() : 0) + contentsMargins().top() + contentsMargins().bottom();
}

}  // namespace mb
