#pragma once
// The anchors a map can hang on: every category (by path) and every product (by SKU), each with how many
// relations it has of its own. Counts follow edits row by row (updateMapData); the filter proxy
// narrows by text and by type as the user types.
#include "core/storage/relation.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace mb {

struct MapData;

class AnchorListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Anchor, Relations, ColumnCount };
    static constexpr int TypeRole = Qt::UserRole + 1;   // EndpointType as int
    static constexpr int IndexRole = Qt::UserRole + 2;  // snapshot index of the product or category
    static constexpr int SearchRole = Qt::UserRole + 3; // lower-case "sku title" or path
    static constexpr int SortRole = Qt::UserRole + 4;

    explicit AnchorListModel(QObject *parent = nullptr);
    // A new history: every row anew (a reset).
    void setMapData(std::shared_ptr<const MapData> data);
    // The same history after an edit: only the rows whose count changed say so.
    void updateMapData(std::shared_ptr<const MapData> data);
    QModelIndex indexOf(EndpointType type, int32_t index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Active relations per anchor: products first, then categories.
    std::vector<int> counts() const;
    struct Row {
        EndpointType type;
        int32_t index;
        int64_t id;
        int count;
        QString label, search;
    };
    std::shared_ptr<const MapData> data_;
    std::vector<Row> rows_;
};

class AnchorFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum Show { All, Categories, Products, Mapped };
    explicit AnchorFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);
    void setShow(Show show);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString text_;
    Show show_ = All;
};

}  // namespace mb
