#include "ui/orders/ordertablemodel.h"

#include "ui/format.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <string_view>

namespace mb {

namespace {
std::string lower(std::string s)
{
    for (char &c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
// Calendar day of an order as the store recorded it.
int64_t localDay(const SnapshotOrder &o)
{
    const int64_t t = o.orderedAt + int64_t(o.utcOffsetMinutes) * 60;
    return t >= 0 ? t / 86400 : (t - 86399) / 86400;
}
int64_t dayNumber(const QDate &d) { return d.toJulianDay() - QDate(1970, 1, 1).toJulianDay(); }
}  // namespace

OrderTableModel::OrderTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void OrderTableModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    beginResetModel();
    snapshot_ = std::move(snapshot);
    customerKeys_.clear();
    if (snapshot_)
        for (const SnapshotCustomer &c : snapshot_->customers) customerKeys_.push_back(lower(c.externalId));
    rebuild();
    endResetModel();
}

void OrderTableModel::setFilter(const QDate &from, const QDate &to, const QString &customer)
{
    const std::string c = lower(customer.trimmed().toStdString());
    if (from == from_ && to == to_ && c == customer_) return;
    beginResetModel();
    from_ = from;
    to_ = to;
    customer_ = c;
    rebuild();
    endResetModel();
}

void OrderTableModel::rebuild()
{
    rows_.clear();
    if (!snapshot_) return;
    const int64_t lo = from_.isValid() ? dayNumber(from_) : INT64_MIN;
    const int64_t hi = to_.isValid() ? dayNumber(to_) : INT64_MAX;
    const auto &orders = snapshot_->orders;
    rows_.reserve(orders.size());
    for (size_t i = 0; i < orders.size(); ++i) {
        const SnapshotOrder &o = orders[i];
        const int64_t day = localDay(o);
        if (day < lo || day > hi) continue;
        if (!customer_.empty()) {
            if (o.customer < 0 || customerKeys_[size_t(o.customer)].find(customer_) == std::string::npos) continue;
        }
        rows_.push_back(uint32_t(i));
    }
    sortRows();
}

void OrderTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<uint32_t> orderOfPersistent;
    for (const QModelIndex &i : before) orderOfPersistent.push_back(rows_[size_t(i.row())]);
    sortColumn_ = column;
    sortOrder_ = order;
    sortRows();
    QModelIndexList after;
    for (size_t k = 0; k < orderOfPersistent.size(); ++k)
        after.push_back(index(rowOfOrder(int(orderOfPersistent[k])), before[int(k)].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void OrderTableModel::sortRows()
{
    if (!snapshot_) return;
    const auto &o = snapshot_->orders;
    const auto &cust = snapshot_->customers;
    auto key = [&](auto proj) {
        std::stable_sort(rows_.begin(), rows_.end(), [&](uint32_t a, uint32_t b) { return proj(o[a]) < proj(o[b]); });
    };
    switch (sortColumn_) {
    case Order: key([](const SnapshotOrder &x) { return std::make_pair(x.externalId.size(), std::string_view(x.externalId)); }); break;
    case Time: key([](const SnapshotOrder &x) { return x.orderedAt; }); break;
    case Customer:
        key([&](const SnapshotOrder &x) { return x.customer < 0 ? std::string_view() : std::string_view(cust[size_t(x.customer)].externalId); });
        break;
    case Country: key([](const SnapshotOrder &x) { return std::string_view(x.country); }); break;
    case Lines: key([](const SnapshotOrder &x) { return x.lineEnd - x.lineBegin; }); break;
    case Total: key([](const SnapshotOrder &x) { return x.merchandiseTotal; }); break;
    case Status: key([](const SnapshotOrder &x) { return int(x.status); }); break;
    }
    if (sortOrder_ == Qt::DescendingOrder) std::reverse(rows_.begin(), rows_.end());
}

int OrderTableModel::rowOfOrder(int order) const
{
    auto it = std::find(rows_.begin(), rows_.end(), uint32_t(order));
    return it == rows_.end() ? -1 : int(it - rows_.begin());
}

QDate OrderTableModel::firstDate() const
{
    if (!snapshot_ || snapshot_->orders.empty()) return {};
    return QDate(1970, 1, 1).addDays(localDay(snapshot_->orders.front()));
}

QDate OrderTableModel::lastDate() const
{
    if (!snapshot_ || snapshot_->orders.empty()) return {};
    return QDate(1970, 1, 1).addDays(localDay(snapshot_->orders.back()));
}

int OrderTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

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
    const uint32_t oi = rows_[size_t(index.row())];
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
