#pragma once
// A bar of controls that wraps like text: items left to right at their preferred width, onto a new line
// when the next does not fit (Qt's "Flow Layout" example), so a filter or tool bar never makes its view
// wider than the window. The room left on a line goes to its horizontally expanding items (a search box),
// and an item added with addTrailing() sits at the right end of its line (an Export or Help button).
#include "ui/wrappinglayout.h"

namespace mb {

class FlowLayout : public WrappingLayout {
public:
    explicit FlowLayout(QWidget *parent = nullptr);

    // Keeps the item (often a small QWidget holding a label and its field) in one piece at the end of
    // whatever line it falls on, right-aligned.
    void addTrailing(QWidget *widget);

    QLayoutItem *takeAt(int index) override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;

private:
    int arrange(const QRect &rect, bool apply) const override;

    QList<QLayoutItem *> trailing_;
};

}  // namespace mb
