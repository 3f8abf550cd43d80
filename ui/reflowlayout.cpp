#include "ui/reflowlayout.h"

#include <QWidget>

#include <algorithm>
#include <numeric>

namespace mb {

ReflowLayout::ReflowLayout(QWidget *parent) : WrappingLayout(parent) { setSpacing(8); }

void ReflowLayout::setMaximumColumns(int columns)
{
    maxColumns_ = std::max(0, columns);
    invalidate();
}

void ReflowLayout::setUniformRowHeight(bool uniform)
{
    uniform_ = uniform;
    invalidate();
}


QList<QLayoutItem *> ReflowLayout::shownItems() const
{
    QList<QLayoutItem *> shown;
    for (QLayoutItem *item : items_)
        if (!item->isEmpty()) shown.append(item);
    return shown;
}

int ReflowLayout::itemMinimumWidth() const
{
    int w = 0;
    for (QLayoutItem *item : shownItems()) w = std::max(w, item->minimumSize().width());
    return std::max(w, 1);
}

int ReflowLayout::columnsFor(int width) const
{
    const int n = int(shownItems().size());
    if (n == 0) return 1;
    const int gap = std::max(0, spacing());
    int columns = std::clamp((width + gap) / (itemMinimumWidth() + gap), 1, n);
    if (maxColumns_ > 0) columns = std::min(columns, maxColumns_);
    // As few columns as keep the same number of rows: the last row is then as full as it can be.
    const int rows = (n + columns - 1) / columns;
    while (columns > 1 && (n + columns - 2) / (columns - 1) == rows) --columns;
    return columns;
}

int ReflowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect r = rect.marginsRemoved(contentsMargins());
    const QList<QLayoutItem *> items = shownItems();
    if (items.isEmpty()) return contentsMargins().top() + contentsMargins().bottom();
    const int gap = std::max(0, spacing());
    const int columns = columnsFor(r.width());
    const int columnWidth = std::max(1, (r.width() - gap * (columns - 1)) / columns);
    auto heightOf = [columnWidth](QLayoutItem *item) {
        const int h = item->hasHeightForWidth() ? item->heightForWidth(columnWidth) : item->sizeHint().height();
        return std::max(h, item->minimumSize().height());
    };
    QList<int> rowHeights;
    for (int first = 0; first < items.size(); first += columns) {
        int h = 0;
        for (int i = first; i < std::min(int(items.size()), first + columns); ++i) h = std::max(h, heightOf(items[i]));
        rowHeights.append(h);
    }
    const int needed = std::accumulate(rowHeights.begin(), rowHeights.end(), 0) + gap * int(rowHeights.size() - 1);
    if (apply) {
        // Uniform rows share the height left over (the tiers of a bundle fill the view when they fit in one row).
        if (uniform_ && r.height() > needed) {
            int spare = r.height() - needed;
            for (int i = 0; i < rowHeights.size(); ++i) {
                const int more = spare / int(rowHeights.size() - i);
                rowHeights[i] += more;
                spare -= more;
            }
        }
        int y = r.top();
        for (int row = 0, first = 0; first < items.size(); ++row, first += columns) {
            for (int i = first; i < std::min(int(items.size()), first + columns); ++i) {
                const int x = r.left() + (i - first) * (columnWidth + gap);
                items[i]->setGeometry(QRect(x, y, columnWidth, uniform_ ? rowHeights[row] : heightOf(items[i])));
            }
            y += rowHeights[row] + gap;
        }
    }
    return needed + contentsMargins().top() + contentsMargins().bottom();
}


QSize ReflowLayout::minimumSize() const
{
    // One column wide. As high as the tallest item: the height a width needs comes from heightForWidth.
    int h = 0;
    for (QLayoutItem *item : shownItems()) h = std::max(h, item->minimumSize().height());
    const QMargins m = contentsMargins();
    return QSize(itemMinimumWidth() + m.left() + m.right(), h + m.top() + m.bottom());
}

QSize ReflowLayout::sizeHint() const
{
    // Every item side by side (up to the maximum) at its preferred width.
    const QList<QLayoutItem *> items = shownItems();
    int w = 0;
    for (QLayoutItem *item : items) w = std::max(w, item->sizeHint().width());
    int columns = std::max<int>(1, int(items.size()));
    if (maxColumns_ > 0) columns = std::min(columns, maxColumns_);
    const QMargins m = contentsMargins();
    const int width = columns * w + (columns - 1) * std::max(0, spacing()) + m.left() + m.right();
    return QSize(width, heightForWidth(width));
}

}  // namespace mb
