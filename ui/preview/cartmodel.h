#pragma once
// The cart being built for the preview: SKU, title, quantity (editable), price and line total. Lines are
// kept by SKU so that they survive a snapshot reload (indices change, SKUs do not).
#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

namespace mb {

struct Snapshot;

class CartModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Sku, Title, Quantity, Price, Total, ColumnCount };
    struct Line {
        QString sku;
        int quantity = 1;
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);  // drops lines whose SKU is gone
    void add(const QString &sku, int quantity = 1);             // a SKU already there gains the quantity
    void removeLine(int row);
    void clearLines();
    const std::vector<Line> &lines() const { return lines_; }
    double subtotal() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void cartChanged();

private:
    double price(const Line &l) const;

    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<Line> lines_;
};

}  // namespace mb
