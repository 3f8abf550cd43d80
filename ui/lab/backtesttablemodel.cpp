#include "ui/lab/backtesttablemodel.h"

#include "ui/format.h"

#include <QFont>
#include <QLocale>

#include <cmath>

namespace mb {

BacktestTableModel::BacktestTableModel(std::vector<BacktestRow> rows, int listLength, QObject *parent)
    : QAbstractTableModel(parent), rows_(std::move(rows)), listLength_(listLength), slots_(0)
{
    for (const BacktestRow &r : rows_)
        if (r.method != BacktestMethod::Policy || slots_ == 0) slots_ = r.slots;
}

int BacktestTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int BacktestTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

double BacktestTableModel::value(const BacktestRow &r, int column)
{
    switch (column) {
    case HitSlots: return r.atSlots.hitRate;
    case RecallSlots: return r.atSlots.recall;
    case NdcgSlots: return r.atSlots.ndcg;
    case HitList: return r.atList.hitRate;
    case RecallList: return r.atList.recall;
    case NdcgList: return r.atList.ndcg;
    case Coverage: return r.coverage;
    case CatalogCoverage: return r.catalogCoverage;
    case NonMerchandise: return r.nonMerchandiseShare;
    case AovLift: return r.projectedAovLift;
    default: return NAN;
    }
}

// A policy shows only its slots, so its figures at the longer list are its figures at its slots: shown as
// "—" there, never compared with the baselines' longer lists.
static bool onlyAtSlots(const BacktestRow &r, int column)
{
    return r.method == BacktestMethod::Policy &&
           (column == BacktestTableModel::HitList || column == BacktestTableModel::RecallList || column == BacktestTableModel::NdcgList);
}

bool BacktestTableModel::isBest(int row, int column) const
{
    if (column == Method || rows_.size() < 2 || onlyAtSlots(rows_[size_t(row)], column)) return false;
    // Less is better only for the non-merchandise share; a column where every method ties marks nothing.
    const bool lower = column == NonMerchandise;
    double best = value(rows_[0], column), worst = best;
    for (const BacktestRow &r : rows_) {
        if (onlyAtSlots(r, column)) continue;
        const double v = value(r, column);
        best = lower ? std::min(best, v) : std::max(best, v);
        worst = lower ? std::max(worst, v) : std::min(worst, v);
    }
    return best != worst && value(rows_[size_t(row)], column) == best;
}

QVariant BacktestTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= rows_.size()) return {};
    const BacktestRow &r = rows_[size_t(index.row())];
    const int c = index.column();
    if (role == Qt::DisplayRole) {
        // A policy row of another placement than the column's k (checkout beside the cart's baselines) says its own.
        if (c == Method) return QString::fromStdString(r.label) + (r.slots != slots_ ? tr(", %1 slots").arg(r.slots) : QString());
        if (onlyAtSlots(r, c)) return QStringLiteral("—");
        const double v = value(r, c);
        if (c == AovLift) return QLocale().toString(100 * v, 'f', 2) + QStringLiteral(" %");  // small: two decimals
        if (c == Coverage || c == CatalogCoverage || c == NonMerchandise) return fmt::percent(100 * v);
        return QLocale().toString(v, 'f', 3);
    }
    if (role == Qt::UserRole) return c == Method ? QVariant(QString::fromStdString(r.label)) : onlyAtSlots(r, c) ? QVariant() : QVariant(value(r, c));
    if (role == Qt::TextAlignmentRole) return int(c == Method ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && (isBest(index.row(), c) || (c == Method && r.method == BacktestMethod::Policy))) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole) {
        if (onlyAtSlots(r, c)) return tr("The policy shows at most its %1 slots: its figures are those at its slots").arg(r.slots);
        if (c == Method && r.method == BacktestMethod::Policy)
            return tr("The %1 placement's policy as it is now, over evidence mined from the training orders only; %2 slots")
                .arg(QString::fromLatin1(placementName(r.placement)))
                .arg(r.slots);
        if (c == HitSlots || c == HitList)
            return tr("%1 of %2 requests had a product the customer bought among the first %3 picks")
                .arg(fmt::count(std::llround(value(r, c) * double(r.requests))))
                .arg(fmt::count(int64_t(r.requests)))
                .arg(c == HitSlots ? r.slots : listLength_);
        if (c == Coverage)
            return tr("%1 of %2 requests got at least one pick").arg(fmt::count(int64_t(r.requestsWithPicks))).arg(fmt::count(int64_t(r.requests)));
        if (c == CatalogCoverage) return tr("%1 distinct products shown").arg(fmt::count(int64_t(r.distinctPicked)));
        if (c == NonMerchandise)
            return tr("%1 of %2 picks shown were products not offered (postage, fees, switched off)")
                .arg(fmt::count(int64_t(r.nonMerchandisePicks)))
                .arg(fmt::count(int64_t(r.picks)));
        if (c == AovLift) return tr("An estimate: see the assumptions above the tables");
    }
    return {};
}

QVariant BacktestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) return {};
    const QString k = QString::number(slots_), n = QString::number(listLength_);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Method: return tr("Method");
        case HitSlots: return tr("Hit rate@%1").arg(k);
        case RecallSlots: return tr("Recall@%1").arg(k);
        case NdcgSlots: return tr("NDCG@%1").arg(k);
        case HitList: return tr("Hit rate@%1").arg(n);
        case RecallList: return tr("Recall@%1").arg(n);
        case NdcgList: return tr("NDCG@%1").arg(n);
        case Coverage: return tr("Coverage");
        case CatalogCoverage: return tr("Catalog");
        case NonMerchandise: return tr("Non-merch.");
        case AovLift: return tr("AOV lift");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case HitSlots: case HitList: return tr("Share of requests with at least one product the customer bought among the first k picks");
        case RecallSlots: case RecallList: return tr("Mean share of what the customer bought that was among the first k picks");
        case NdcgSlots: case NdcgList: return tr("Normalised discounted cumulative gain: hits near the top count more");
        case Coverage: return tr("Share of requests that got at least one pick");
        case CatalogCoverage: return tr("Distinct products shown, as a share of the offered products bought in the training orders");
        case NonMerchandise: return tr("Share of the picks shown that are not merchandise (not offered): should be 0");
        case AovLift: return tr("Projected lift of the average order value: an estimate, see the assumptions");
        }
    }
    return {};
}

}  // namespace mb
