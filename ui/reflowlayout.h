#pragma once
// A grid that reflows with the width, for items that are alike (the Preview's placement columns, the
// Dashboard's KPI tiles): as many side by side as fit at their minimum width, up to a maximum, the rest
// wrapping into further rows. The column count keeps the fewest rows and balances them (4 items as 2 + 2,
// not 3 + 1). Its minimum width is one column's, so a view holding it never has to scroll sideways; its
// height follows the width (heightForWidth), so a scroll area around it scrolls vertically only.
#include "ui/wrappinglayout.h"

namespace mb {

class ReflowLayout : public WrappingLayout {
public:
    explicit ReflowLayout(QWidget *parent = nullptr);

    // At most this many columns (0: as many as fit).
    void setMaximumColumns(int columns);
    // true: a row is as high as its tallest item and every item fills it (framed tiles line up);
    // false: every item keeps its own height at the top of its row (columns of cards of any length).
    void setUniformRowHeight(bool uniform);
    // The columns the items take at this width (the layout's contents width, margins excluded).
    int columnsFor(int width) const;

    QSize minimumSize() const override;
    QSize sizeHint() const override;

private:
    QList<QLayoutItem *> shownItems() const;
    int itemMinimumWidth() const;
    int arrange(const QRect &rect, bool apply) const override;

    int maxColumns_ = 0;
    bool uniform_ = true;
};

}  // namespace mb
