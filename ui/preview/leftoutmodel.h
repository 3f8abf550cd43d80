#pragma once
// The candidates one placement left out, each with the rule that removed it: a list model so that the
// column can show it, a test can read it, and a later filter can group by rule.
#include "core/placement/recommendation.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace mb {

struct Snapshot;

class LeftOutModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        SkuRole = Qt::UserRole + 1,
        TitleRole,      // the product's title
        RuleRole,       // the engine's rule code: "out-of-stock"
        RuleTitleRole,  // "Out of stock"
        DetailRole,     // the engine's sentence: "only 2 in stock (needs more than 2)"
        KindRole,       // "accessory"
        SourceRole,     // "mined"
    };
    using QAbstractListModel::QAbstractListModel;

    void setLeftOut(const Snapshot &snapshot, const std::vector<LeftOut> &leftOut);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString sku, title, rule, ruleTitle, detail, kind, source;
    };
    std::vector<Row> rows_;
};

}  // namespace mb
