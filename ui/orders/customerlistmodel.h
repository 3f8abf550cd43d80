#pragma once
// The customers of a snapshot that match what was typed, for a completer: "C1042" finds the customers
// whose id starts with it first, then those that contain it anywhere, any case, at most maxRows() of them.
// A model over the snapshot instead of one item per customer: a 5M-line store has 300,000 customers, and
// building (and searching) that many items costs the GUI thread far longer than a keystroke may. The
// order count per customer (shown beside the id) is counted on the work pool.
#include "core/storage/snapshot.h"

#include <QAbstractListModel>
#include <QFutureWatcher>

#include <memory>
#include <string>
#include <vector>

namespace mb {

class CustomerListModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole + 1;        // the customer's external id (also Qt::EditRole)
    static constexpr int CustomerRole = Qt::UserRole + 2;  // index into Snapshot::customers

    explicit CustomerListModel(QObject *parent = nullptr);
    ~CustomerListModel() override;

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    // Empty text matches nothing (a completer shows no popup for an empty box).
    void setFilterText(const QString &text);
    QString filterText() const { return filter_; }
    void setMaxRows(int rows) { maxRows_ = rows; }
    int maxRows() const { return maxRows_; }
    // More customers matched than the rows show.
    bool isTruncated() const { return truncated_; }
    // The index of the customer with exactly this id, -1 when none.
    int customerOf(const QString &externalId) const;
    // Orders of a customer, -1 while they are still being counted.
    int orderCount(int customer) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void refilter();
    void onCounted();

    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<int32_t> rows_;   // customer indices shown
    QString filter_;
    int maxRows_ = 100;
    bool truncated_ = false;
    std::shared_ptr<const std::vector<int32_t>> counts_;
    QFutureWatcher<std::shared_ptr<const std::vector<int32_t>>> *counter_;
    const Snapshot *counting_ = nullptr;   // the snapshot the running count is for
};

}  // namespace mb
