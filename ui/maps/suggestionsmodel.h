#pragma once
// The mined candidates for one product that its map does not have yet, best first, with the evidence and
// the suggested kind. A suggestion leaves at once when it is accepted or rejected (MapNotifier); the
// list is recomputed from the next snapshot.
#include "core/maps/suggestions.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace mb {

struct MapData;
class MapNotifier;

class SuggestionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Product, Kind, Evidence, ColumnCount };

    explicit SuggestionsModel(MapNotifier *notifier, QObject *parent = nullptr);

    // mined may be null (nothing mined yet, or still loading).
    void setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined);
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

    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    int32_t anchor_ = -1;
    SuggestionFilter filter_;
    std::vector<Suggestion> rows_;
};

}  // namespace mb
