#pragma once
// The anchors a map can hang on: every category (by path) and every product (by SKU), each with how many
// relations it has of its own. The labels come ready from MapData's AnchorEntries (built on a worker), so
// taking a new history is a swap; counts follow edits row by row (updateMapData). The model sorts itself
// by integer keys (the entries' name rank, or the count): 100K rows sort in a few milliseconds, where a
// QSortFilterProxyModel comparing strings through QVariant took hundreds. The filter proxy only narrows,
// by text and by type, as the user types.
#include "core/storage/relation.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace mb {

struct AnchorEntries;
struct MapData;

class AnchorListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Anchor, Relations, ColumnCount };
    static constexpr int TypeRole = Qt::UserRole + 1;   // EndpointType as int
    static constexpr int IndexRole = Qt::UserRole + 2;  // snapshot index of the product or category
    static constexpr int SearchRole = Qt::UserRole + 3; // lower-case "sku title" or path

    explicit AnchorListModel(QObject *parent = nullptr);
    // A new history: every row anew (a reset).
    void setMapData(std::shared_ptr<const MapData> data);
    // The same history after an edit: only the rows whose count changed say so.
    void updateMapData(std::shared_ptr<const MapData> data);
    QModelIndex indexOf(EndpointType type, int32_t index) const;

    // For the filter: the entry shown in a row, by reference (no QVariant per row and keystroke).
    EndpointType typeAt(int row) const;
    const QString &searchKeyAt(int row) const;
    int countAt(int row) const { return counts_[size_t(order_[size_t(row)])]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    // Active relations per entry (AnchorEntries order: categories, then products).
    std::vector<int> counts() const;
    // order_ and rowOf_ for sortColumn_/sortOrder_.
    void arrange();

    std::shared_ptr<const MapData> data_;
    const AnchorEntries *entries_ = nullptr;  // data_'s
    std::vector<int> counts_;                 // per entry
    std::vector<int32_t> order_;              // per row: its entry
    std::vector<int32_t> rowOf_;              // per entry: its row
    int sortColumn_ = Anchor;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
};

class AnchorFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum Show { All, Categories, Products, Mapped };
    explicit AnchorFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);
    void setShow(Show show);
    // The source sorts itself (see AnchorListModel); the proxy keeps its order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString text_;
    Show show_ = All;
};

}  // namespace mb
