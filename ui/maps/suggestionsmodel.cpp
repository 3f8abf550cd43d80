#include "ui/maps/suggestionsmodel.h"

#include "ui/maps/kindtext.h"
#include "ui/maps/mapdata.h"

#include <QBrush>
#include <QColor>

#include <algorithm>

namespace mb {

namespace {

size_t inlineLimit = 2'000'000;  // basket items: one pass over them takes a few milliseconds

std::vector<Suggestion> suggestionsFor(const MapData &data, const MinedResults &mined, int32_t anchor, const SuggestionFilter &filter)
{
    return SuggestionEngine(*data.snapshot, *data.resolver, mined).forAnchor(uint32_t(anchor), filter, 30);
}

}  // namespace

void SuggestionsModel::setInlineLimit(size_t basketItems) { inlineLimit = basketItems; }

SuggestionsModel::SuggestionsModel(QObject *parent)
    : RowUpdatingModel(parent), counter_(this, [this](Result r) { apply(std::move(r)); })
{
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

void SuggestionsModel::request(bool rowByRow)
{
    std::shared_ptr<const MapData> data = data_;
    std::shared_ptr<const MinedResults> mined = mined_;
    if (!data || !mined || anchor_ < 0 || mined->empty() || data->snapshot->basketItems.size() <= inlineLimit) {
        counter_.drop();  // a count for older sources must not land after these rows
        Result r;
        r.rowByRow = rowByRow;
        if (data && mined && anchor_ >= 0 && !mined->empty()) r.rows = suggestionsFor(*data, *mined, anchor_, filter_);
        apply(std::move(r));
        return;
    }
    if (!rowByRow && !rows_.empty()) {
        // Another anchor (or filter, or history): its old rows must not stay up, clickable, while this counts.
        beginResetModel();
        rows_.clear();
        endResetModel();
    }
    busy_ = true;
    const int32_t anchor = anchor_;
    const SuggestionFilter filter = filter_;
    counter_.run([data, mined, anchor, filter, rowByRow] {
        Result r;
        r.rowByRow = rowByRow;
        r.rows = suggestionsFor(*data, *mined, anchor, filter);
        return r;
    });
}

void SuggestionsModel::apply(Result result)
{
    busy_ = false;
    if (result.rowByRow) {
        updateRows(QModelIndex(), rows_, std::move(result.rows), [](const Suggestion &s) { return s.target; },
                   [](const Suggestion &a, const Suggestion &b) { return a.kind.kind == b.kind.kind && a.score == b.score; });
    } else {
        beginResetModel();
        rows_ = std::move(result.rows);
        endResetModel();
    }
    Q_EMIT rowsReady();
}

void SuggestionsModel::updateMapData(std::shared_ptr<const MapData> data)
{
    data_ = std::move(data);
    request(true);
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
