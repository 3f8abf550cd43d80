#include "ui/preview/leftoutmodel.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"
#include "ui/preview/previewtext.h"

namespace mb {

void LeftOutModel::setLeftOut(const Snapshot &snapshot, const std::vector<LeftOut> &leftOut)
{
    beginResetModel();
    rows_.clear();
    rows_.reserve(leftOut.size());
    for (const LeftOut &x : leftOut) {
        const SnapshotProduct &p = snapshot.products[x.product];
        rows_.push_back({fmt::str(p.sku), fmt::str(p.title), QString::fromLatin1(leftOutRuleName(x.rule)), ruleTitle(x.rule),
                         fmt::str(x.text), QString::fromLatin1(kindName(x.kind)), sourceTitle(x.source)});
    }
    endResetModel();
}

void LeftOutModel::clear()
{
    beginResetModel();
    rows_.clear();
    endResetModel();
}

int LeftOutModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

QVariant LeftOutModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(rows_.size())) return {};
    const Row &r = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1 — %2: %3").arg(r.title, r.ruleTitle, r.detail);
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b> (%2)<br>%3, %4<br><i>%5</i>: %6")
            .arg(r.title.toHtmlEscaped(), r.sku, r.kind, r.source, r.ruleTitle, r.detail.toHtmlEscaped());
    case SkuRole: return r.sku;
    case TitleRole: return r.title;
    case RuleRole: return r.rule;
    case RuleTitleRole: return r.ruleTitle;
    case DetailRole: return r.detail;
    case KindRole: return r.kind;
    case SourceRole: return r.source;
    default: return {};
    }
}

}  // namespace mb
