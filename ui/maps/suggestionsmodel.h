#pragma once
// The mined candidates for one product that its map does not have yet, best first, with the evidence and
// the suggested kind. After an edit (accept, reject, or their undo) the list is computed again from the
// document's snapshot and changes row by row: the accepted one leaves, an undone one comes back.
#include "core/maps/suggestions.h"

#include "ui/rowupdates.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace mb {

struct MapData;

class SuggestionsModel : public RowUpdatingModel<QAbstractTableModel> {
    Q_OBJECT
public:
    enum Column { Product, Kind, Evidence, ColumnCount };

    explicit SuggestionsModel(QObject *parent = nullptr);

    // mined may be null (nothing mined yet, or still loading).
    void setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined);
    // The same history and mined results after an edit of the map: rows change one by one.
    void updateMapData(std::shared_ptr<const MapData> data);
    void setAnchor(int32_t product);  // -1: none (or a category anchor)
    void setFilter(const SuggestionFilter &filter);
    const SuggestionFilter &filter() const { return filter_; }
    const Suggestion *suggestion(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    std::vector<Suggestion> compute() const;

    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    int32_t anchor_ = -1;
    SuggestionFilter filter_;
    std::vector<Suggestion> rows_;
};

}  // namespace mb
