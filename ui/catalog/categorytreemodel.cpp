#include "ui/catalog/categorytreemodel.h"

#include "ui/catalog/productfilterproxy.h"
#include "ui/format.h"

#include <QFont>

#include <algorithm>

namespace mb {

CategoryTreeModel::CategoryTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void CategoryTreeModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    beginResetModel();
    snapshot_ = std::move(snapshot);
    children_.clear();
    roots_.clear();
    rowInParent_.clear();
    productCount_.clear();
    uncategorised_ = 0;
    if (snapshot_) {
        const auto &cats = snapshot_->categories;
        children_.resize(cats.size());
        rowInParent_.resize(cats.size());
        productCount_.assign(cats.size(), 0);
        for (size_t i = 0; i < cats.size(); ++i)
            (cats[i].parent >= 0 ? children_[size_t(cats[i].parent)] : roots_).push_back(int32_t(i));
        auto byName = [&](int32_t a, int32_t b) { return cats[size_t(a)].name < cats[size_t(b)].name; };
        std::sort(roots_.begin(), roots_.end(), byName);
        for (auto &c : children_) std::sort(c.begin(), c.end(), byName);
        for (size_t r = 0; r < roots_.size(); ++r) rowInParent_[size_t(roots_[r])] = int32_t(r) + 1;  // after "All"
        for (auto &c : children_)
            for (size_t r = 0; r < c.size(); ++r) rowInParent_[size_t(c[r])] = int32_t(r);
        for (const SnapshotProduct &p : snapshot_->products) {
            if (p.category < 0) {
                ++uncategorised_;
                continue;
            }
            for (int32_t c = p.category; c >= 0; c = cats[size_t(c)].parent) ++productCount_[size_t(c)];
        }
    }
    endResetModel();
}

int CategoryTreeModel::topLevelCount() const
{
    if (!snapshot_) return 0;
    return 1 + int(roots_.size()) + (uncategorised_ > 0 ? 1 : 0);
}

QModelIndex CategoryTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) {
        if (row == 0) return createIndex(row, column, AllId);
        if (row <= int(roots_.size())) return createIndex(row, column, quintptr(roots_[size_t(row - 1)]));
        return createIndex(row, column, NoneId);
    }
    const quintptr id = parent.internalId();
    return createIndex(row, column, quintptr(children_[id][size_t(row)]));
}

QModelIndex CategoryTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !snapshot_) return {};
    const quintptr id = child.internalId();
    if (id == AllId || id == NoneId) return {};
    const int32_t p = snapshot_->categories[id].parent;
    if (p < 0) return {};
    return createIndex(rowInParent_[size_t(p)], 0, quintptr(p));
}

int CategoryTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!snapshot_) return 0;
    if (!parent.isValid()) return topLevelCount();
    if (parent.column() != 0) return 0;
    const quintptr id = parent.internalId();
    if (id == AllId || id == NoneId) return 0;
    return int(children_[id].size());
}

int CategoryTreeModel::columnCount(const QModelIndex &) const { return 1; }

QModelIndex CategoryTreeModel::indexOfCategory(int category) const
{
    if (!snapshot_) return {};
    if (category == ProductFilterProxy::AllCategories) return index(0, 0);
    if (category == ProductFilterProxy::Uncategorised)
        return uncategorised_ > 0 ? index(topLevelCount() - 1, 0) : QModelIndex();
    if (category < 0 || size_t(category) >= snapshot_->categories.size()) return {};
    return createIndex(rowInParent_[size_t(category)], 0, quintptr(category));
}

QVariant CategoryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const quintptr id = index.internalId();
    if (role == CategoryRole) {
        if (id == AllId) return ProductFilterProxy::AllCategories;
        if (id == NoneId) return ProductFilterProxy::Uncategorised;
        return int(id);
    }
    if (role == Qt::DisplayRole) {
        if (id == AllId) return tr("All products (%1)").arg(fmt::count(int64_t(snapshot_->products.size())));
        if (id == NoneId) return tr("Uncategorised (%1)").arg(fmt::count(uncategorised_));
        return QStringLiteral("%1 (%2)").arg(fmt::str(snapshot_->categories[id].name), fmt::count(productCount_[id]));
    }
    if (role == Qt::ToolTipRole && id != AllId && id != NoneId) return fmt::str(snapshot_->categories[id].path);
    if (role == Qt::FontRole && id == AllId) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant CategoryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole) return tr("Categories");
    return {};
}

}  // namespace mb
