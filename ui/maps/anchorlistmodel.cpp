#include "ui/maps/anchorlistmodel.h"

#include "ui/format.h"
#include "ui/maps/mapdata.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>

namespace mb {

AnchorListModel::AnchorListModel(QObject *parent) : QAbstractTableModel(parent) {}

std::vector<int> AnchorListModel::counts() const
{
    const Snapshot &s = *data_->snapshot;
    std::vector<int> n(s.products.size() + s.categories.size());
    for (const SnapshotRelation &r : s.relations) {
        if (r.status != RelationStatus::Active || r.anchor < 0) continue;
        ++n[r.anchorType == EndpointType::Product ? size_t(r.anchor) : s.products.size() + size_t(r.anchor)];
    }
    return n;
}

void AnchorListModel::setMapData(std::shared_ptr<const MapData> data)
{
    beginResetModel();
    data_ = std::move(data);
    rows_.clear();
    if (data_) {
        const Snapshot &s = *data_->snapshot;
        const std::vector<int> n = counts();
        rows_.reserve(s.categories.size() + s.products.size());
        // Categories first (the rules most products inherit), then products; the proxy sorts within.
        for (int32_t c = 0; c < int32_t(s.categories.size()); ++c) {
            const QString path = fmt::str(s.categories[size_t(c)].path);
            rows_.push_back({EndpointType::Category, c, s.categories[size_t(c)].id, n[s.products.size() + size_t(c)], path, path.toLower()});
        }
        for (uint32_t p = 0; p < s.products.size(); ++p) {
            const QString label = data_->productLabel(p);
            rows_.push_back({EndpointType::Product, int32_t(p), s.products[p].id, n[p], label, label.toLower()});
        }
    }
    endResetModel();
}

void AnchorListModel::updateMapData(std::shared_ptr<const MapData> data)
{
    data_ = std::move(data);
    if (!data_) return;
    const size_t products = data_->snapshot->products.size();
    const std::vector<int> n = counts();
    for (size_t i = 0; i < rows_.size(); ++i) {
        Row &r = rows_[i];
        const int count = n[r.type == EndpointType::Product ? size_t(r.index) : products + size_t(r.index)];
        if (count == r.count) continue;
        r.count = count;
        const QModelIndex idx = index(int(i), Relations);
        Q_EMIT dataChanged(idx, idx);
    }
}

QModelIndex AnchorListModel::indexOf(EndpointType type, int32_t idx) const
{
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].type == type && rows_[i].index == idx) return index(int(i), 0);
    return {};
}

int AnchorListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int AnchorListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AnchorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row &r = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Anchor) return r.label;
        return r.count ? fmt::count(r.count) : QString();
    case Qt::DecorationRole:
        if (index.column() != Anchor) return {};
        return QApplication::style()->standardIcon(r.type == EndpointType::Category ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
    case Qt::ToolTipRole:
        if (index.column() == Anchor)
            return r.type == EndpointType::Category ? tr("Category: its rules apply to every product in it and below it")
                                                    : r.label;
        return r.count == 1 ? tr("1 relation of its own") : tr("%1 relations of its own").arg(r.count);
    case Qt::TextAlignmentRole:
        return index.column() == Relations ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case TypeRole: return int(r.type);
    case IndexRole: return r.index;
    case SearchRole: return r.search;
    case SortRole:
        // Categories stay above products whatever the column sorts by.
        if (index.column() == Relations) return r.count;
        return QString(QLatin1Char(r.type == EndpointType::Category ? '0' : '1') + r.search);
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
    setSortRole(AnchorListModel::SortRole);
    setDynamicSortFilter(true);
}

void AnchorFilterProxy::setText(const QString &text)
{
    text_ = text.trimmed().toLower();
    invalidateFilter();
}

void AnchorFilterProxy::setShow(Show show)
{
    show_ = show;
    invalidateFilter();
}

bool AnchorFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex idx = sourceModel()->index(row, 0, parent);
    const auto type = EndpointType(idx.data(AnchorListModel::TypeRole).toInt());
    if (show_ == Categories && type != EndpointType::Category) return false;
    if (show_ == Products && type != EndpointType::Product) return false;
    if (show_ == Mapped && sourceModel()->index(row, AnchorListModel::Relations, parent).data().toString().isEmpty()) return false;
    return text_.isEmpty() || idx.data(AnchorListModel::SearchRole).toString().contains(text_);
}

}  // namespace mb
