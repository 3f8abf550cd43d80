#include "ui/maps/suggestionsmodel.h"

#include "ui/maps/kindtext.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/mapnotifier.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace mb {

SuggestionsModel::SuggestionsModel(MapNotifier *notifier, QObject *parent) : QAbstractTableModel(parent)
{
    // Accepted or rejected: it is in the map now (either way), so it leaves the list at once.
    connect(notifier, &MapNotifier::relationAdded, this, [this](const Relation &r) {
        if (anchor_ < 0 || !data_ || r.anchorType != EndpointType::Product || r.targetType != EndpointType::Product) return;
        if (r.anchorId != data_->snapshot->products[size_t(anchor_)].id) return;
        const int32_t target = data_->productIndex(r.targetId);
        for (size_t i = 0; i < rows_.size(); ++i)
            if (int32_t(rows_[i].target) == target) {
                beginRemoveRows({}, int(i), int(i));
                rows_.erase(rows_.begin() + long(i));
                endRemoveRows();
                return;
            }
    });
}

void SuggestionsModel::setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined)
{
    data_ = std::move(data);
    mined_ = std::move(mined);
    if (data_ && anchor_ >= int32_t(data_->snapshot->products.size())) anchor_ = -1;
    refresh();
}

void SuggestionsModel::setAnchor(int32_t product)
{
    anchor_ = product;
    refresh();
}

void SuggestionsModel::setFilter(const SuggestionFilter &filter)
{
    filter_ = filter;
    refresh();
}

void SuggestionsModel::refresh()
{
    beginResetModel();
    rows_.clear();
    if (data_ && mined_ && anchor_ >= 0 && !mined_->empty())
        rows_ = SuggestionEngine(*data_->snapshot, *data_->resolver, *mined_).forAnchor(uint32_t(anchor_), filter_, 30);
    endResetModel();
}

const Suggestion *SuggestionsModel::suggestion(int row) const
{
    return row >= 0 && row < int(rows_.size()) ? &rows_[size_t(row)] : nullptr;
}

int SuggestionsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int SuggestionsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SuggestionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Suggestion &s = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Product: return data_->productLabel(s.target);
        case Kind: return kindTitle(s.kind.kind);
        case Evidence: return QString::fromStdString(s.evidence);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Kind) return tr("Suggested because %1").arg(QString::fromStdString(s.kind.reasoning));
        if (index.column() == Evidence) return QString::fromStdString(s.evidence);
        return data_->productLabel(s.target);
    case Qt::ForegroundRole:
        return index.column() == Evidence ? QBrush(QColor(0x44, 0x44, 0x44)) : QVariant();
    }
    return {};
}

QVariant SuggestionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Product: return tr("Suggested product");
    case Kind: return tr("Kind");
    case Evidence: return tr("Evidence");
    }
    return {};
}

}  // namespace mb
