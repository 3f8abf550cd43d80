#pragma once
// Narrows the catalog table by the search box (SKU, title or brand contains the text) and by the
// selected category, which includes its sub-categories. It never sorts: the source sorts itself on a
// worker (ProductTableModel), and the proxy keeps the source's order.
#include <QSortFilterProxyModel>

namespace mb {

class ProductTableModel;

class ProductFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    static constexpr int AllCategories = -1;
    static constexpr int Uncategorised = -2;

    explicit ProductFilterProxy(ProductTableModel *source, QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setCategory(int category);   // index into Snapshot::categories, or one of the constants above
    int category() const { return category_; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ProductTableModel *source_;
    QString search_;
    int category_ = AllCategories;
};

}  // namespace mb
