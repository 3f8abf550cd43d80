#pragma once
// The snapshot's category tree for the catalog's side panel, each node with the number of products in it
// and below it. A first "All products" node clears the filter; an "Uncategorised" node appears when some
// products have no category (products first seen in an order file have none).
#include "core/storage/snapshot.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace mb {

class CategoryTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    // What a node selects, in ProductFilterProxy's terms (category index, AllCategories, Uncategorised).
    static constexpr int CategoryRole = Qt::UserRole + 1;

    explicit CategoryTreeModel(QObject *parent = nullptr);
    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);

    QModelIndex indexOfCategory(int category) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Internal ids: a category's index, or one of the two synthetic top-level nodes.
    static constexpr quintptr AllId = ~quintptr(0);
    static constexpr quintptr NoneId = ~quintptr(0) - 1;
    int topLevelCount() const;

    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<std::vector<int32_t>> children_;  // per category, its children sorted by name
    std::vector<int32_t> roots_;
    std::vector<int32_t> rowInParent_;
    std::vector<int64_t> productCount_;            // inclusive of sub-categories
    int64_t uncategorised_ = 0;
};

}  // namespace mb
