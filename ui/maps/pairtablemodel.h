#pragma once
// Every mined pair A -> B as a table (the last pair-statistics run), and the filter the browser puts on
// it: minimum count, minimum lift, a category (either product in it or below it) and a SKU/title text.
#include "core/mining/minedresults.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace mb {

struct MapData;

class PairTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AntecedentSku, AntecedentTitle, ConsequentSku, ConsequentTitle, Count, Support, Confidence, Lift, Cosine, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit PairTableModel(QObject *parent = nullptr);
    void setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined);
    const PairRule &rule(int row) const { return mined_->pairs[size_t(row)]; }
    const MapData *mapData() const { return data_.get(); }
    // "sku\ntitle" in lower case per product, so text filtering over many pairs converts nothing.
    const QString &searchKey(uint32_t product) const { return keys_[product]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    std::vector<QString> keys_;
};

class PairFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PairFilterProxy(PairTableModel *source, QObject *parent = nullptr);
    void setMinCount(uint32_t n);
    void setMinLift(double lift);
    void setCategory(int32_t category);  // -1: any
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    PairTableModel *source_;
    uint32_t minCount_ = 0;
    double minLift_ = 0;
    int32_t category_ = -1;
    QString text_;
};

}  // namespace mb
