#pragma once
// The Bundles view: the bundle list on the left, the builder in the middle (one column per tier, live
// totals and warnings), and the products to drag in on the right (the anchor's map, or the catalog).
// Every edit is an undo command; bundles are read from the workspace when the snapshot or the undo stack
// changes (a handful of rows, one query).
#include "core/storage/bundle.h"
#include "ui/workspaceview.h"

#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QHBoxLayout;
class QPushButton;
class QScrollArea;
class QSplitter;

namespace mb {

class TierColumn;
class ProductDragList;

class BundlesView : public WorkspaceView {
    Q_OBJECT
public:
    explicit BundlesView(WorkspaceDocument *document, QWidget *parent = nullptr);

    void saveState(QSettings &s) const override;
    void restoreState(QSettings &s) override;

    // For tests and the screenshot: select a bundle by name; false when there is none.
    bool selectBundle(const QString &name);
    int64_t currentBundleId() const;
    // Generates a bundle around the product and adds it (one undo step); false with a message on failure.
    bool generateFor(const QString &sku);

private:
    void refresh();
    void showBundle();
    void fillCatalog(const QString &filter);
    void fillMap();
    void editTier(int tier, const BundleTier &content, const QString &what, int mergeKey);
    void pushEdit(const Bundle &after, const QString &what, int mergeKey = 0);
    void error(const QString &message);
    const Bundle *current() const;

    std::vector<Bundle> bundles_;
    int64_t currentId_ = 0;
    QListWidget *list_;
    QLabel *title_, *summary_, *empty_;
    QLineEdit *name_;
    QPushButton *addTier_, *remove_;
    QScrollArea *scroll_;
    QWidget *columnsHost_;
    QHBoxLayout *columns_;
    std::vector<TierColumn *> tierColumns_;
    ProductDragList *mapList_, *catalogList_;
    QLineEdit *search_;
    QSplitter *splitter_;
};

}  // namespace mb
