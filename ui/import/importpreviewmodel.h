#pragma once
// The first rows of a file as the import will read them; each column header says which canonical
// field the column maps to ("InvoiceNo → Order id"), or that it is ignored.
#include <QAbstractTableModel>
#include <QStringList>

#include <string>
#include <vector>

namespace mb {

class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ImportPreviewModel(QObject *parent = nullptr);

    // Reads the header and up to maxRows records of UTF-8 text.
    void setText(const std::string &utf8, char delimiter, int maxRows = 20);
    const std::vector<std::string> &columns() const { return columns_; }
    // Field label per column ("" = ignored); same size as columns().
    void setFieldLabels(const QStringList &labels);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::string> columns_;
    std::vector<QStringList> rows_;
    QStringList labels_;
};

}  // namespace mb
