#pragma once
// The mined candidates for one product that its map does not have yet, best first, with the evidence and
// the suggested kind. After an edit (accept, reject, or their undo) the list is computed again from the
// document's snapshot and changes row by row: the accepted one leaves, an undone one comes back.
#include "core/maps/suggestions.h"

#include "ui/latestrun.h"
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
    // True while the rows for the current anchor, filter and sources are still being counted on the pool.
    bool isBusy() const { return busy_; }
    // Stores of up to this many basket items are counted inline (a few milliseconds: the rows are there when
    // the call returns); bigger ones on the work pool, since an anchor's pairs are one pass over every basket
    // (hundreds of milliseconds at 50M lines). Tests lower it to drive the pool path.
    static void setInlineLimit(size_t basketItems);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The rows for the current anchor arrived from the pool (after the reset or the row updates).
    void rowsReady();

private:
    struct Result {
        std::vector<Suggestion> rows;
        bool rowByRow = false;  // an edit of the same anchor's map: rows change one by one, not a reset
    };
    void refresh() { request(false); }
    void request(bool rowByRow);
    void apply(Result result);

    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    int32_t anchor_ = -1;
    SuggestionFilter filter_;
    std::vector<Suggestion> rows_;
    bool busy_ = false;
    LatestRun<Result> counter_;
};

}  // namespace mb
