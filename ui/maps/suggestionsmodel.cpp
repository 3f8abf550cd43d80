#include "ui/maps/suggestionsmodel.h"

#include "ui/maps/kindtext.h"
#include "ui/maps/mapdata.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace mb {

SuggestionsModel::SuggestionsModel(QObject *parent) : RowUpdatingModel(parent) {}

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

std::vector<Suggestion> SuggestionsModel::compute() const
{
    if (!data_ || !mined_ || anchor_ < 0 || mined_->empty()) return {};
    return SuggestionEngine(*data_->snapshot, *data_->resolver, *mined_).forAnchor(uint32_t(anchor_), filter_, 30);
}

void SuggestionsModel::refresh()
{
    beginResetModel();
    rows_ = compute();
    endResetModel();
}

void SuggestionsModel::updateMapData(std::shared_ptr<const MapData> data)
{
    data_ = std::move(data);
    updateRows(QModelIndex(), rows_, compute(), [](const Suggestion &s) { return s.target; },
               [](const Suggestion &a, const Suggestion &b) { return a.kind.kind == b.kind.kind && a.score == b.score; });
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
