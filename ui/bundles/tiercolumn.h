#pragma once
// One tier of the bundle builder, shown as a column: name, pricing, the items with quantities and the
// optional flag, live totals and the tier's warnings. Products dropped on it (from the catalog or the
// anchor's map) become items. Every change is reported as the tier's new content; the view turns it into
// an undo command.
#include "core/bundles/bundlechecks.h"
#include "core/bundles/bundletakerate.h"

#include <QFrame>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QToolButton;

namespace mb {

inline constexpr const char *ProductMimeType = "application/x-merchbench-product-id";

class TierColumn : public QFrame {
    Q_OBJECT
public:
    TierColumn(int index, QWidget *parent = nullptr);
    void show(const BundleCatalog &catalog, const BundleTier &tier, const TierTotals &totals, const TierTakeRate &take,
              const std::vector<BundleIssue> &issues, bool removable);
    int index() const { return index_; }

Q_SIGNALS:
    // mergeKey groups repeated edits of one field into one undo step.
    void edited(int index, const mb::BundleTier &content, const QString &what, int mergeKey);
    void removeRequested(int tier);

protected:
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;

private:
    void emitEdit(const QString &what, int mergeKey);
    // Its minimum size: every SKU whole and every item without scrolling.
    void fitContents();
    int index_;
    int qtyWidth_ = 0;
    BundleTier tier_;
    bool updating_ = false;
    QLineEdit *name_;
    QComboBox *pricing_;
    QDoubleSpinBox *value_;
    QTableWidget *items_;
    QLabel *totals_, *warnings_;
    QToolButton *remove_;
    double shownPrice_ = NAN;  // the tier's price as last shown: where a switch to a fixed price starts
};

}  // namespace mb
