#pragma once
// The products of a snapshot that match what was typed, for the product picker's completer: SKUs that
// start with the text first, then SKUs or titles that contain it, at most maxRows() of them, each shown as
// "SKU — title". A model over the snapshot instead of a string list of every product: a 100,000-product
// store would cost the GUI thread a list of 100,000 strings per snapshot and a search of all of them per
// keystroke. Letters compare in any case for ASCII; other letters as written.
#include "core/storage/snapshot.h"

#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace mb {

class ProductListModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int SkuRole = Qt::UserRole + 1;

    explicit ProductListModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    void setFilterText(const QString &text);   // empty matches nothing
    void setMaxRows(int rows) { maxRows_ = rows; }
    bool isTruncated() const { return truncated_; }
    static QString entry(const Snapshot &snapshot, int product);  // "CAM-MIR-110 — Lumora Vista M10 …"
    static QString separator();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void refilter();

    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<uint32_t> rows_;
    QString filter_;
    int maxRows_ = 100;
    bool truncated_ = false;
};

}  // namespace mb
