#include "ui/wrappinglayout.h"

namespace mb {

WrappingLayout::~WrappingLayout()
{
    // Not takeAt(): a subclass's override is gone by now; the items are the layout's to delete.
    qDeleteAll(items_);
    items_.clear();
}

QLayoutItem *WrappingLayout::takeAt(int index) { return index >= 0 && index < items_.size() ? items_.takeAt(index) : nullptr; }

void WrappingLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

}  // namespace mb
