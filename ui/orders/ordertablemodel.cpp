#include "ui/orders/ordertablemodel.h"

#include "ui/format.h"

#include <algorithm>
#include <QBrush>
#include <QColor>

namespace mb {

OrderTableModel::OrderTableModel(QObject *parent)
    : QAbstractTableModel(parent), rows_(std::make_shared<const OrderRows>()), computer_(this, [this](const Result &r) { onComputed(r); })
{
}

namespace {
int pageRows = OrderTableModel::DefaultPageRows;
}

void OrderTableModel::setPageRows(int rows) { pageRows = std::max(1, rows); }

bool OrderTableModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && loaded_ < matchingRows(); }

void OrderTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) return;
    const int more = std::min(pageRows, matchingRows() - loaded_);
    beginInsertRows(QModelIndex(), loaded_, loaded_ + more - 1);
    loaded_ += more;
    endInsertRows();
}

void OrderTableModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    // The old rows index into the old snapshot: they go at once, the new ones follow from the worker.
    beginResetModel();
    snapshot_ = std::move(snapshot);
    rows_ = std::make_shared<const OrderRows>();
    loaded_ = 0;
    haveRows_ = false;
    endResetModel();
    request();
}

void OrderTableModel::setFilter(const QDate &from, const QDate &to, const QString &customer)
{
    OrderQuery q = wanted_;
    q.from = from;
    q.to = to;
    q.customer = customer.trimmed();
    if (q == wanted_) return;
    wanted_ = q;
    request();
}

void OrderTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) return;
    if (wanted_.sortColumn == column && wanted_.sortOrder == order) return;
    wanted_.sortColumn = column;
    wanted_.sortOrder = order;
    request();
}

void OrderTableModel::request()
{
    if (!snapshot_ || (haveRows_ && shown_ == wanted_)) {
        // Nothing to show, or back to what is shown: whatever still runs is of no use.
        busy_ = false;
        return computer_.drop();
    }
    busy_ = true;
    // One computation at a time (LatestRun): fast typing queues at most one stale job, never a pile of them.
    computer_.run([snap = snapshot_, q = wanted_]() -> Result { return {q, std::make_shared<const OrderRows>(computeOrderRows(*snap, q))}; });
}

void OrderTableModel::onComputed(const Result &r)
{
    if (haveRows_ && r.query.sameFilter(shown_)) {
        // Same rows, new order: a layout change, so the selection and the current row follow their orders.
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &i : before) {
            const int32_t row = r.rows->rowOf[rows_->rows[size_t(i.row())]];
            // Sorted into the pages not fetched yet: out of the view (the selection lets it go).
            after.push_back(row < 0 || row >= loaded_ ? QModelIndex() : createIndex(row, i.column()));
        }
        rows_ = r.rows;
        shown_ = r.query;
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        beginResetModel();
        rows_ = r.rows;
        shown_ = r.query;
        haveRows_ = true;
        loaded_ = std::min(pageRows, matchingRows());
        endResetModel();
    }
    busy_ = false;
    Q_EMIT rowsReady();
}

int OrderTableModel::rowOfOrder(int order) const
{
    if (order < 0 || size_t(order) >= rows_->rowOf.size()) return -1;
    const int32_t row = rows_->rowOf[size_t(order)];
    return row < loaded_ ? row : -1;  // -1 too for a row in a page the view has not fetched
}

QDate OrderTableModel::firstDate() const
{
    if (!snapshot_ || snapshot_->orders.empty()) return {};
    return QDate(1970, 1, 1).addDays(orderLocalDay(snapshot_->orders.front()));
}

QDate OrderTableModel::lastDate() const
{
    if (!snapshot_ || snapshot_->orders.empty()) return {};
    return QDate(1970, 1, 1).addDays(orderLocalDay(snapshot_->orders.back()));
}

int OrderTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : loaded_; }

int OrderTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }
QString OrderTableModel::statusText(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Completed: return tr("Completed");
    case OrderStatus::Cancelled: return tr("Cancelled");
    case OrderStatus::Returned: return tr("Returned");
    }
    return {};
}

QString OrderTableModel::customerText(const SnapshotOrder &o) const
{
    return o.customer < 0 ? QString() : fmt::str(snapshot_->customers[size_t(o.customer)].externalId);
}

QVariant OrderTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const uint32_t oi = rows_->rows[size_t(index.row())];
    const SnapshotOrder &o = snapshot_->orders[oi];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Order: return fmt::str(o.externalId);
        case Time: return fmt::dateTime(o.orderedAt, o.utcOffsetMinutes);
        case Customer: return o.customer < 0 ? tr("(guest)") : customerText(o);
        case Country: return fmt::str(o.country);
        case Lines: return fmt::count(int64_t(o.lineEnd) - int64_t(o.lineBegin));
        case Total: return fmt::money(o.merchandiseTotal);
        case Status: return statusText(o.status);
        }
        return {};
    case OrderIndexRole: return int(oi);
    case Qt::TextAlignmentRole:
        return column == Lines || column == Total ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (o.status == OrderStatus::Cancelled) return QBrush(QColor(0xb0, 0x1c, 0x28));
        if (o.status == OrderStatus::Returned) return QBrush(QColor(0xa0, 0x52, 0x00));
        if (column == Customer && o.customer < 0) return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::BackgroundRole:
        if (column == Status && o.status == OrderStatus::Cancelled) return QBrush(QColor(0xfb, 0xe3, 0xe4));
        if (column == Status && o.status == OrderStatus::Returned) return QBrush(QColor(0xfd, 0xef, 0xd9));
        return {};
    case Qt::ToolTipRole:
        if (column == Customer && o.customer < 0) return tr("The file named no customer for this order");
        if (column == Total) return tr("Merchandise total: what was paid for the lines (after discounts and refunds), before shipping and tax");
        return {};
    }
    return {};
}

QVariant OrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        static const char *const names[] = {QT_TR_NOOP("Order"), QT_TR_NOOP("Time"),   QT_TR_NOOP("Customer"),
                                            QT_TR_NOOP("Lines"), QT_TR_NOOP("Total"),  QT_TR_NOOP("Status"),
                                            QT_TR_NOOP("Country")};
        return tr(names[section]);
    }
    if (role == Qt::TextAlignmentRole)
        return section == Lines || section == Total ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

}  // namespace mb
