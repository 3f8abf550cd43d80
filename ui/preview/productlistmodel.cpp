#include "ui/preview/productlistmodel.h"

#include "core/io/fieldparse.h"
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
        const size_t cap = size_t(std::max(1, maxRows_));
        std::vector<uint32_t> inside;
        for (size_t i = 0; i < ps.size(); ++i) {
            const std::string &s = ps[i].sku;
            if (s.size() >= needle.size() && equalsIgnoringCase(std::string_view(s).substr(0, needle.size()), needle)) {
                if (rows_.size() == cap) {
                    truncated_ = true;
                    break;
                }
                rows_.push_back(uint32_t(i));
            } else if (inside.size() <= cap && (containsIgnoringCase(s, needle) || containsIgnoringCase(ps[i].title, needle))) {
                inside.push_back(uint32_t(i));
            }
        }
        for (uint32_t i : inside) {
            if (rows_.size() == cap) {
                truncated_ = true;
                break;
            }
            rows_.push_back(i);
        }
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
