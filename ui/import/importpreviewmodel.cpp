#include "ui/import/importpreviewmodel.h"

#include "core/io/csvreader.h"

#include <QBrush>
#include <QColor>

namespace mb {

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setText(const std::string &utf8, char delimiter, int maxRows)
{
    beginResetModel();
    columns_.clear();
    rows_.clear();
    labels_.clear();
    CsvReader reader(utf8, delimiter);
    CsvRecord record;
    if (reader.next(record)) {
        const CsvHeader header(record.fields);
        columns_ = header.names();
        while (int(rows_.size()) < maxRows && reader.next(record)) {
            if (record.unterminatedQuote) break;
            QStringList row;
            for (size_t c = 0; c < columns_.size(); ++c)
                row << (c < record.fields.size() ? QString::fromUtf8(record.fields[c].data(), qsizetype(record.fields[c].size()))
                                                  : QString());
            rows_.push_back(row);
        }
    }
    for (size_t c = 0; c < columns_.size(); ++c) labels_ << QString();
    endResetModel();
}

void ImportPreviewModel::setFieldLabels(const QStringList &labels)
{
    labels_ = labels;
    while (labels_.size() < qsizetype(columns_.size())) labels_ << QString();
    if (!columns_.empty()) Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(columns_.size()) - 1);
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int ImportPreviewModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(columns_.size()); }

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return rows_[size_t(index.row())].value(index.column());
    if (role == Qt::ForegroundRole && labels_.value(index.column()).isEmpty()) return QBrush(QColor(0x99, 0x99, 0x99));
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) return role == Qt::DisplayRole ? QVariant(section + 2) : QVariant();  // file line
    if (section < 0 || size_t(section) >= columns_.size()) return {};
    const QString name = QString::fromStdString(columns_[size_t(section)]);
    const QString label = labels_.value(section);
    if (role == Qt::DisplayRole) return label.isEmpty() ? tr("%1\n(ignored)").arg(name) : QStringLiteral("%1\n→ %2").arg(name, label);
    if (role == Qt::ToolTipRole)
        return label.isEmpty() ? tr("“%1” is not read; map it to a field on the left to use it").arg(name)
                               : tr("“%1” is read as %2").arg(name, label);
    return {};
}

}  // namespace mb
