#include "ui/maps/anchorlistmodel.h"

#include "ui/format.h"
#include "ui/maps/mapdata.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>
#include <numeric>

namespace mb {

AnchorListModel::AnchorListModel(QObject *parent) : QAbstractTableModel(parent) {}

std::vector<int> AnchorListModel::counts() const
{
    const Snapshot &s = *data_->snapshot;
    std::vector<int> n(entries_->entries.size());
    for (const SnapshotRelation &r : s.relations) {
        if (r.status != RelationStatus::Active || r.anchor < 0) continue;
        ++n[entries_->position(r.anchorType, r.anchor)];
    }
    return n;
}

void AnchorListModel::arrange()
{
    const std::vector<int32_t> &rank = entries_->nameRank;
    // By name: the rank is the order. By count: the count, ties by name. Descending reverses either.
    if (sortColumn_ == Relations) {
        std::sort(order_.begin(), order_.end(), [&](int32_t a, int32_t b) {
            const int ca = counts_[size_t(a)], cb = counts_[size_t(b)];
            return ca != cb ? ca < cb : rank[size_t(a)] < rank[size_t(b)];
        });
    } else {
        for (size_t e = 0; e < rank.size(); ++e) order_[size_t(rank[e])] = int32_t(e);
    }
    if (sortOrder_ == Qt::DescendingOrder) std::reverse(order_.begin(), order_.end());
    for (size_t row = 0; row < order_.size(); ++row) rowOf_[size_t(order_[row])] = int32_t(row);
}

void AnchorListModel::setMapData(std::shared_ptr<const MapData> data)
{
    beginResetModel();
    data_ = std::move(data);
    entries_ = data_ ? data_->entries.get() : nullptr;
    if (entries_) {
        counts_ = counts();
        order_.resize(counts_.size());
        rowOf_.resize(counts_.size());
        arrange();
    } else {
        counts_.clear();
        order_.clear();
        rowOf_.clear();
    }
    endResetModel();
}

void AnchorListModel::updateMapData(std::shared_ptr<const MapData> data)
{
    if (!data || !entries_ || data->entries.get() != entries_) return setMapData(std::move(data));
    data_ = std::move(data);
    const std::vector<int> n = counts();
    bool changed = false;
    for (size_t e = 0; e < n.size(); ++e) {
        if (n[e] == counts_[e]) continue;
        counts_[e] = n[e];
        changed = true;
        const QModelIndex idx = index(rowOf_[e], Relations);
        Q_EMIT dataChanged(idx, idx);
    }
    // Sorted by count: the rows whose count changed move (a layout change keeps the selection).
    if (changed && sortColumn_ == Relations) sort(sortColumn_, sortOrder_);
}

void AnchorListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) return;
    sortColumn_ = column;
    sortOrder_ = order;
    if (!entries_) return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int32_t> entryOf;
    entryOf.reserve(size_t(before.size()));
    for (const QModelIndex &i : before) entryOf.push_back(order_[size_t(i.row())]);
    arrange();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) after.push_back(index(rowOf_[size_t(entryOf[size_t(i)])], before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex AnchorListModel::indexOf(EndpointType type, int32_t idx) const
{
    if (!entries_ || idx < 0) return {};
    const size_t e = entries_->position(type, idx);
    return e < rowOf_.size() ? index(rowOf_[e], 0) : QModelIndex();
}

EndpointType AnchorListModel::typeAt(int row) const { return entries_->entries[size_t(order_[size_t(row)])].type; }

const QString &AnchorListModel::searchKeyAt(int row) const { return entries_->entries[size_t(order_[size_t(row)])].search; }

int AnchorListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(order_.size()); }
int AnchorListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AnchorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const size_t e = size_t(order_[size_t(index.row())]);
    const AnchorEntry &r = entries_->entries[e];
    const int count = counts_[e];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Anchor) return r.label;
        return count ? fmt::count(count) : QString();
    case Qt::DecorationRole:
        if (index.column() != Anchor) return {};
        return QApplication::style()->standardIcon(r.type == EndpointType::Category ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
    case Qt::ToolTipRole:
        if (index.column() == Anchor)
            return r.type == EndpointType::Category ? tr("Category: its rules apply to every product in it and below it")
                                                    : r.label;
        return count == 1 ? tr("1 relation of its own") : tr("%1 relations of its own").arg(count);
    case Qt::TextAlignmentRole:
        return index.column() == Relations ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case TypeRole: return int(r.type);
    case IndexRole: return r.index;
    case SearchRole: return r.search;
    }
    return {};
}

QVariant AnchorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == Anchor ? tr("Anchor") : tr("Relations");
}

AnchorFilterProxy::AnchorFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Re-filter when a count changes ("With relations"); no sort column, so the proxy never sorts.
    setDynamicSortFilter(true);
}

void AnchorFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (sourceModel()) sourceModel()->sort(column, order);
}

void AnchorFilterProxy::setText(const QString &text)
{
    text_ = text.trimmed().toLower();
    invalidateRowsFilter();
}

void AnchorFilterProxy::setShow(Show show)
{
    show_ = show;
    invalidateRowsFilter();
}

bool AnchorFilterProxy::filterAcceptsRow(int row, const QModelIndex &) const
{
    const auto *m = static_cast<const AnchorListModel *>(sourceModel());
    if (show_ == All && text_.isEmpty()) return true;
    const EndpointType type = m->typeAt(row);
    if (show_ == Categories && type != EndpointType::Category) return false;
    if (show_ == Products && type != EndpointType::Product) return false;
    if (show_ == Mapped && m->countAt(row) == 0) return false;
    return text_.isEmpty() || m->searchKeyAt(row).contains(text_);
}

}  // namespace mb
