#pragma once
// The data-hygiene list (core/hygiene): non-merchandise proposals, each with its reason and evidence (share
// of baskets, median price) and a checkbox, Confirm (the checked products become not recommendable, one
// undo step) and Dismiss (remembered, not proposed again); SKUs that differ only by case or spaces with
// Merge (one undo step per pair) and Keep Apart (remembered). Shown on the import dialog's result page
// right after an import and in File ▸ Review Data Hygiene…. The lists are computed on the work pool from
// the document's snapshot and refreshed after every snapshot or recommendable change; nothing is applied
// without a click.
#include "core/hygiene/nonmerchandise.h"
#include "core/hygiene/skuvariants.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mb {

class WorkspaceDocument;

class HygienePanel : public QWidget {
    Q_OBJECT
public:
    explicit HygienePanel(WorkspaceDocument *document, QWidget *parent = nullptr);

    // Computes the lists again (on the work pool); refreshed() follows.
    void refresh();
    bool isEmpty() const { return proposals_.empty() && variants_.empty(); }
    bool isComputing() const;
    const std::vector<NonMerchProposal> &proposals() const { return proposals_; }
    const std::vector<SkuVariant> &variants() const { return variants_; }
    QTreeWidget *proposalList() const { return proposalList_; }
    QTreeWidget *variantList() const { return variantList_; }

    // What the buttons do, on the checked rows.
    void confirmChecked();
    void dismissChecked();
    void mergeChecked();
    void keepApartChecked();

Q_SIGNALS:
    void refreshed();

private:
    struct Lists {
        std::vector<NonMerchProposal> proposals;
        std::vector<SkuVariant> variants;
        std::string error;
    };
    void show(const Lists &lists);
    void updateButtons();
    std::vector<int> checkedRows(QTreeWidget *list) const;

    WorkspaceDocument *document_;
    QFutureWatcher<Lists> *watcher_;
    bool again_ = false;
    std::vector<NonMerchProposal> proposals_;
    std::vector<SkuVariant> variants_;
    QLabel *summary_;
    QTreeWidget *proposalList_;
    QTreeWidget *variantList_;
    QPushButton *confirm_, *dismiss_, *merge_, *keepApart_;
};

}  // namespace mb
