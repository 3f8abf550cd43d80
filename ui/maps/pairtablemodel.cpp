#include "ui/maps/pairtablemodel.h"

#include "ui/format.h"
#include "ui/maps/mapdata.h"

namespace mb {

PairTableModel::PairTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PairTableModel::setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined)
{
    beginResetModel();
    data_ = std::move(data);
    mined_ = data_ ? std::move(mined) : nullptr;
    keys_.clear();
    if (data_)
        for (const SnapshotProduct &p : data_->snapshot->products) keys_.push_back(QString::fromStdString(p.sku + '\n' + p.title).toLower());
    endResetModel();
}

int PairTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !mined_ ? 0 : int(mined_->pairs.size());
}

int PairTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PairTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const PairRule &r = rule(index.row());
    const Snapshot &s = *data_->snapshot;
    const SnapshotProduct &a = s.products[r.antecedent], &b = s.products[r.consequent];
    const int c = index.column();
    if (role == SortRole) {
        switch (c) {
        case Count: return r.count;
        case Support: return r.support;
        case Confidence: return r.confidence;
        case Lift: return r.lift;
        case Cosine: return r.cosine;
        }
        role = Qt::DisplayRole;
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (c) {
        case AntecedentSku: return fmt::str(a.sku);
        case AntecedentTitle: return fmt::str(a.title);
        case ConsequentSku: return fmt::str(b.sku);
        case ConsequentTitle: return fmt::str(b.title);
        case Count: return fmt::count(r.count);
        case Support: return QString::number(r.support * 100, 'f', 2) + QStringLiteral(" %");
        case Confidence: return fmt::percent(r.confidence * 100);
        case Lift: return QString::number(r.lift, 'f', 1);
        case Cosine: return QString::number(r.cosine, 'f', 3);
        }
        return {};
    case Qt::TextAlignmentRole:
        return c >= Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (c == Confidence) return tr("%1 of the %2 orders with %3 also hold %4").arg(fmt::count(r.count), fmt::count(r.antecedentCount), fmt::str(a.sku), fmt::str(b.sku));
        if (c == AntecedentTitle) return fmt::str(a.title);
        if (c == ConsequentTitle) return fmt::str(b.title);
        return {};
    }
    return {};
}

QVariant PairTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        static const char *const names[] = {QT_TR_NOOP("Bought SKU"), QT_TR_NOOP("Bought"),     QT_TR_NOOP("With SKU"),
                                            QT_TR_NOOP("With"),       QT_TR_NOOP("Together"),   QT_TR_NOOP("Support"),
                                            QT_TR_NOOP("Attach rate"), QT_TR_NOOP("Lift"),      QT_TR_NOOP("Cosine")};
        return tr(names[section]);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Count: return tr("Orders holding both");
        case Support: return tr("Share of all orders holding both");
        case Confidence: return tr("Confidence: share of the first product's orders that also hold the second");
        case Lift: return tr("How many times more often than chance they are bought together");
        case Cosine: return tr("Together ÷ √(orders with each): symmetric, fair to rarely bought products");
        }
    }
    if (role == Qt::TextAlignmentRole)
        return section >= Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

PairFilterProxy::PairFilterProxy(PairTableModel *source, QObject *parent) : QSortFilterProxyModel(parent), source_(source)
{
    setSourceModel(source);
    setSortRole(PairTableModel::SortRole);
}

void PairFilterProxy::setMinCount(uint32_t n)
{
    minCount_ = n;
    invalidateFilter();
}

void PairFilterProxy::setMinLift(double lift)
{
    minLift_ = lift;
    invalidateFilter();
}

void PairFilterProxy::setCategory(int32_t category)
{
    category_ = category;
    invalidateFilter();
}

void PairFilterProxy::setText(const QString &text)
{
    text_ = text.trimmed().toLower();
    invalidateFilter();
}

bool PairFilterProxy::filterAcceptsRow(int row, const QModelIndex &) const
{
    const PairRule &r = source_->rule(row);
    if (r.count < minCount_ || r.lift < minLift_) return false;
    const Snapshot &s = *source_->mapData()->snapshot;
    const SnapshotProduct &a = s.products[r.antecedent], &b = s.products[r.consequent];
    if (category_ >= 0 && !s.categoryWithin(a.category, category_) && !s.categoryWithin(b.category, category_)) return false;
    if (text_.isEmpty()) return true;
    return source_->searchKey(r.antecedent).contains(text_) || source_->searchKey(r.consequent).contains(text_);
}

}  // namespace mb
