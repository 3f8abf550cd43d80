#pragma once
// One table of KPI figures that both a chart (through a Qt Charts model mapper, which reads raw numbers)
// and a table view (through KpiValueDelegate, which formats them) show: the chart and its table can
// never disagree. Cells hold numbers; each column says how to format them.
#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace mb {

// Percent cells hold 0..100, so a chart's value axis reads in percent too.
enum class KpiFormat { Text, Count, Money, Percent, Decimal, Days };

class KpiTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int FormatRole = Qt::UserRole + 1;   // headerData: the column's KpiFormat

    struct Column {
        QString title;
        KpiFormat format = KpiFormat::Text;
    };

    explicit KpiTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setColumns(QVector<Column> columns);
    // Rows of raw values (QString for text, double or qint64 for numbers, invalid for "unknown").
    void setRows(QVector<QVector<QVariant>> rows);
    // Optional per-cell background (a heat-map); empty = none.
    void setBackgrounds(QVector<QVector<QColor>> colors);

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(rows_.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(columns_.size()); }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    KpiFormat format(int column) const { return columns_[column].format; }
    // The cell as a person reads it ("42.5 %", "1,234.50", "" for unknown).
    QString text(int row, int column) const;
    const QVector<QVariant> &row(int r) const { return rows_[r]; }

private:
    QVector<Column> columns_;
    QVector<QVector<QVariant>> rows_;
    QVector<QVector<QColor>> backgrounds_;
};

QString formatKpiValue(const QVariant &value, KpiFormat format);

}  // namespace mb
