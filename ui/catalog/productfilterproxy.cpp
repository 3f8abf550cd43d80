#include "ui/catalog/productfilterproxy.h"

#include "ui/catalog/producttablemodel.h"

namespace mb {

ProductFilterProxy::ProductFilterProxy(ProductTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), source_(source)
{
    setSourceModel(source);
}

void ProductFilterProxy::sort(int column, Qt::SortOrder order) { source_->sort(column, order); }

void ProductFilterProxy::setSearchText(const QString &text)
{
    const QString s = text.trimmed().toLower();
    if (s == search_) return;
    search_ = s;
    invalidateRowsFilter();
}

void ProductFilterProxy::setCategory(int category)
{
    if (category == category_) return;
    category_ = category;
    invalidateRowsFilter();
}

bool ProductFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const Snapshot *snap = source_->snapshot();
    if (!snap) return false;
    if (category_ != AllCategories) {
        const int32_t c = snap->products[source_->productAt(sourceRow)].category;
        if (category_ == Uncategorised ? c >= 0 : (c < 0 || !snap->categoryWithin(c, category_))) return false;
    }
    return search_.isEmpty() || source_->searchKey(sourceRow).contains(search_);
}

}  // namespace mb
