#include "ui/orders/customerlistmodel.h"

#include "core/io/fieldparse.h"
#include "ui/cappedmatches.h"
#include "ui/format.h"
#include "ui/orders/orderrows.h"
#include "ui/workpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mb {

CustomerListModel::CustomerListModel(QObject *parent)
    : QAbstractListModel(parent), counter_(new QFutureWatcher<std::shared_ptr<const std::vector<int32_t>>>(this))
{
    connect(counter_, &QFutureWatcherBase::finished, this, &CustomerListModel::onCounted);
}

CustomerListModel::~CustomerListModel() { counter_->waitForFinished(); }

void CustomerListModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    snapshot_ = std::move(snapshot);
    counts_.reset();
    refilter();
    if (!snapshot_ || counter_->isRunning()) return;  // onCounted starts the count for the newest snapshot
    auto snap = snapshot_;
    counting_ = snap.get();
    counter_->setFuture(QtConcurrent::run(workPool(), [snap] {
        auto counts = std::make_shared<std::vector<int32_t>>(snap->customers.size(), 0);
        for (const SnapshotOrder &o : snap->orders)
            if (o.customer >= 0) ++(*counts)[size_t(o.customer)];
        return std::shared_ptr<const std::vector<int32_t>>(std::move(counts));
    }));
}

void CustomerListModel::onCounted()
{
    auto counts = counter_->result();
    if (counting_ != snapshot_.get()) {
        counting_ = nullptr;
        if (snapshot_) setSnapshot(snapshot_);  // counted for an older snapshot: count the current one
        return;
    }
    counting_ = nullptr;
    counts_ = std::move(counts);
    if (!rows_.empty()) Q_EMIT dataChanged(index(0), index(int(rows_.size()) - 1), {Qt::DisplayRole});
}

void CustomerListModel::setFilterText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == filter_) return;
    filter_ = t;
    refilter();
}

void CustomerListModel::refilter()
{
    beginResetModel();
    rows_.clear();
    truncated_ = false;
    if (snapshot_ && !filter_.isEmpty()) {
        // Two passes over the ids (a few milliseconds for 300,000): prefix matches first, the others after.
        const std::string needle = asciiLower(filter_.toStdString());
        const auto &cs = snapshot_->customers;
        const std::vector<uint32_t> found = cappedMatches(
            cs.size(), size_t(std::max(1, maxRows_)),
            [&](size_t c) {
                const std::string &id = cs[c].externalId;
                return id.size() >= needle.size() && equalsIgnoringCase(std::string_view(id).substr(0, needle.size()), needle);
            },
            [&](size_t c) { return containsIgnoringCase(cs[c].externalId, needle); }, truncated_);
        rows_.assign(found.begin(), found.end());
    }
    endResetModel();
}

int CustomerListModel::customerOf(const QString &externalId) const
{
    if (!snapshot_ || externalId.isEmpty()) return -1;
    const std::string id = externalId.toStdString();
    const auto &cs = snapshot_->customers;
    for (size_t c = 0; c < cs.size(); ++c)
        if (cs[c].externalId == id) return int(c);
    return -1;
}

int CustomerListModel::orderCount(int customer) const
{
    if (!counts_ || customer < 0 || size_t(customer) >= counts_->size()) return -1;
    return (*counts_)[size_t(customer)];
}

int CustomerListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const int32_t c = rows_[size_t(index.row())];
    const QString id = fmt::str(snapshot_->customers[size_t(c)].externalId);
    switch (role) {
    case Qt::DisplayRole: {
        const int n = orderCount(c);
        if (n < 0) return id;
        return n == 1 ? tr("%1 · 1 order").arg(id) : tr("%1 · %2 orders").arg(id).arg(n);
    }
    case Qt::EditRole:
    case IdRole: return id;
    case CustomerRole: return int(c);
    }
    return {};
}

}  // namespace mb
