#pragma once
// The rows of the Orders table for one filter and sort: which orders, in which order. Computed on a
// worker thread (a 5M-line store has 1.7M orders; a stable sort of them takes far longer than a frame),
// then handed to OrderTableModel whole. Pure: reads the snapshot, touches no Qt object.
#include "core/storage/snapshot.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

// The columns of the Orders table (OrderTableModel inherits them, so OrderTableModel::Time reads as before).
struct OrderColumns {
    enum Column { Order, Time, Customer, Lines, Total, Status, Country, ColumnCount };
};

struct OrderQuery {
    QDate from, to;        // null: that end open
    QString customer;      // any part of the customer id, any case; empty: every order (guests included)
    int sortColumn = OrderColumns::Time;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;

    bool sameFilter(const OrderQuery &o) const { return from == o.from && to == o.to && customer == o.customer; }
    bool operator==(const OrderQuery &o) const { return sameFilter(o) && sortColumn == o.sortColumn && sortOrder == o.sortOrder; }
};

struct OrderRows {
    std::vector<uint32_t> rows;    // order indices, in table order
    std::vector<int32_t> rowOf;    // per order of the snapshot: its row, -1 when filtered out
};

// Calendar day (days since 1970-01-01) of an order as the store recorded it: its local date.
int64_t orderLocalDay(const SnapshotOrder &o);

// True when `text` contains `lowerNeedle` (already lower case), comparing ASCII letters in any case.
bool containsIgnoringCase(std::string_view text, std::string_view lowerNeedle);

OrderRows computeOrderRows(const Snapshot &snapshot, const OrderQuery &query);

}  // namespace mb
