#include "ui/preview/productlistmodel.h"

#include "core/io/fieldparse.h"
#include "ui/cappedmatches.h"
#include "ui/format.h"
#include "ui/orders/orderrows.h"

namespace mb {

ProductListModel::ProductListModel(QObject *parent) : QAbstractListModel(parent) {}

QString ProductListModel::separator() { return QStringLiteral(" — "); }

QString ProductListModel::entry(const Snapshot &s, int product)
{
    const SnapshotProduct &p = s.products[size_t(product)];
    return fmt::str(p.sku) + separator() + fmt::str(p.title);
}

void ProductListModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    snapshot_ = std::move(snapshot);
    refilter();
}

void ProductListModel::setFilterText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == filter_) return;
    filter_ = t;
    refilter();
}

void ProductListModel::refilter()
{
    beginResetModel();
    rows_.clear();
    truncated_ = false;
    if (snapshot_ && !filter_.isEmpty()) {
        // A completion written back into the box ("SKU — title") searches for its SKU.
        const QString sku = filter_.section(separator(), 0, 0).trimmed();
        const std::string needle = asciiLower((sku.isEmpty() ? filter_ : sku).toStdString());
        const auto &ps = snapshot_->products;
        rows_ = cappedMatches(
            ps.size(), size_t(std::max(1, maxRows_)),
            [&](size_t i) {
                const std::string &s = ps[i].sku;
                return s.size() >= needle.size() && equalsIgnoringCase(std::string_view(s).substr(0, needle.size()), needle);
            },
            [&](size_t i) { return containsIgnoringCase(ps[i].sku, needle) || containsIgnoringCase(ps[i].title, needle); }, truncated_);
    }
    endResetModel();
}

int ProductListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

QVariant ProductListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const uint32_t p = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return entry(*snapshot_, int(p));
    case SkuRole: return fmt::str(snapshot_->products[p].sku);
    }
    return {};
}

}  // namespace mb
