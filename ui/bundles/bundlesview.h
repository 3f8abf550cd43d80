#pragma once
// The Bundles view: the bundle list on the left, the builder in the middle (one column per tier, live
// totals and warnings), and the products to drag in on the right (the anchor's map, or the catalog).
// Every edit is an undo command; the bundles are the document's (loaded with the snapshot), and an edit,
// its undo or its redo changes the one list row and the tier columns it touched, from the document's
// bundleAdded/bundleChanged/bundleRemoved signals. The selected bundle stays selected throughout.
#include "core/storage/bundle.h"
#include "ui/workspaceview.h"

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QScrollArea;
class QSplitter;

namespace mb {

class ReflowLayout;
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
    QLineEdit *findBox() const override { return search_; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();   // a new snapshot (open, import, a change made elsewhere): every row again
    void onBundleAdded(const Bundle &b);
    void onBundleChanged(const Bundle &before, const Bundle &after);
    void onBundleRemoved(const Bundle &b);
    void fillItem(QListWidgetItem *item, const Bundle &b);
    int rowOf(int64_t id) const;
    void select(int64_t id);
    void showBundle();
    void showTiers(const Bundle &b, bool all);
    void fillCatalog(const QString &filter);
    void fillMap();
    void editTier(int tier, const BundleTier &content, const QString &what, int mergeKey);
    void pushEdit(const Bundle &after, const QString &what, int mergeKey = 0);
    void error(const QString &message);
    const Bundle *current() const;

    int64_t currentId_ = 0;
    int64_t removedCurrentId_ = 0;  // the selected bundle was deleted: an undo that restores it selects it again
    bool selectAdded_ = false;      // generateFor is adding: select what bundleAdded brings
    int64_t addedId_ = 0;
    // What each tier column shows (its tier and warnings), so an edit repaints only the columns it changed.
    std::vector<BundleTier> shownTiers_;
    std::vector<std::vector<std::string>> shownIssues_;
    QListWidget *list_;
    QLabel *title_, *summary_, *empty_;
    QLineEdit *name_;
    QPushButton *addTier_, *remove_;
    QScrollArea *scroll_;
    QWidget *columnsHost_;
    ReflowLayout *columns_;   // the tiers side by side, wrapping onto more rows when narrow
    std::vector<TierColumn *> tierColumns_;
    ProductDragList *mapList_, *catalogList_;
    QLineEdit *search_;
    QSplitter *splitter_;
    bool userSized_ = false;   // the user moved the splitter (or it was restored): keep their split
};

}  // namespace mb
