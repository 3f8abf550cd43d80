#include "ui/hygiene/hygienepanel.h"

#include "core/storage/hygienestore.h"
#include "ui/catalog/recommendablecommand.h"
#include "ui/format.h"
#include "ui/hygiene/skumergecommand.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace mb {

namespace {

enum ProposalColumn { PSku, PTitle, PKind, PBaskets, PPrice, PReason, PColumns };
enum VariantColumn { VKeep, VMerge, VDifference, VLines, VTitle, VColumns };

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setHeaderLabels(headers);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->header()->setStretchLastSection(true);
    return list;
}

// Brings the list's rows to `keys` row by row (the rows a refresh removes, moves or adds; the others are
// only refilled), so what the user checked survives a refresh and a view never sees a reset.
template <typename Fill>
void syncRows(QTreeWidget *list, const QStringList &keys, Fill fill)
{
    const QSet<QString> wanted(keys.begin(), keys.end());
    for (int i = list->topLevelItemCount() - 1; i >= 0; --i)
        if (!wanted.contains(list->topLevelItem(i)->data(0, Qt::UserRole).toString())) delete list->takeTopLevelItem(i);
    for (int i = 0; i < keys.size(); ++i) {
        QTreeWidgetItem *item = nullptr;
        for (int j = i; j < list->topLevelItemCount(); ++j)
            if (list->topLevelItem(j)->data(0, Qt::UserRole).toString() == keys[i]) {
                item = j == i ? list->topLevelItem(j) : list->takeTopLevelItem(j);
                break;
            }
        const bool added = !item;
        if (added) {
            item = new QTreeWidgetItem;
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setData(0, Qt::UserRole, keys[i]);
        }
        if (list->indexOfTopLevelItem(item) != i) list->insertTopLevelItem(i, item);
        fill(item, i, added);
    }
}

}  // namespace

HygienePanel::HygienePanel(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), watcher_(new QFutureWatcher<Lists>(this))
{
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    auto *proposalsLabel = new QLabel(tr("<b>Not merchandise?</b> Postage, fees, samples, adjustments, tips and gift "
                                         "cards should never be recommended. Check the ones that are not products:"), this);
    proposalsLabel->setWordWrap(true);
    proposalList_ = makeList({tr("SKU"), tr("Title"), tr("Looks like"), tr("Baskets"), tr("Median price"), tr("Why")}, this);
    proposalList_->setObjectName(QStringLiteral("hygieneProposals"));
    confirm_ = new QPushButton(tr("&Confirm: Not Recommendable"), this);
    confirm_->setObjectName(QStringLiteral("hygieneConfirm"));
    confirm_->setToolTip(tr("Mark the checked products not recommendable (Edit ▸ Undo gives them back)"));
    dismiss_ = new QPushButton(tr("&Dismiss"), this);
    dismiss_->setObjectName(QStringLiteral("hygieneDismiss"));
    dismiss_->setToolTip(tr("They are products: do not propose them again"));
    auto *variantsLabel = new QLabel(tr("<b>Same SKU?</b> These SKUs differ only by letter case or spaces. Merging moves "
                                        "the second one's order lines onto the first and removes it:"), this);
    variantsLabel->setWordWrap(true);
    variantList_ = makeList({tr("Keep"), tr("Merge into it"), tr("Differs by"), tr("Order lines"), tr("Title")}, this);
    variantList_->setObjectName(QStringLiteral("hygieneVariants"));
    merge_ = new QPushButton(tr("&Merge"), this);
    merge_->setObjectName(QStringLiteral("hygieneMerge"));
    merge_->setToolTip(tr("Merge each checked pair (Edit ▸ Undo splits them again)"));
    keepApart_ = new QPushButton(tr("&Keep Apart"), this);
    keepApart_->setObjectName(QStringLiteral("hygieneKeepApart"));
    keepApart_->setToolTip(tr("They are different products: do not list them again"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(proposalsLabel);
    layout->addWidget(proposalList_, 3);
    auto *pButtons = new QHBoxLayout;
    pButtons->addStretch();
    pButtons->addWidget(dismiss_);
    pButtons->addWidget(confirm_);
    layout->addLayout(pButtons);
    layout->addWidget(variantsLabel);
    layout->addWidget(variantList_, 2);
    auto *vButtons = new QHBoxLayout;
    vButtons->addStretch();
    vButtons->addWidget(keepApart_);
    vButtons->addWidget(merge_);
    layout->addLayout(vButtons);

    connect(confirm_, &QPushButton::clicked, this, &HygienePanel::confirmChecked);
    connect(dismiss_, &QPushButton::clicked, this, &HygienePanel::dismissChecked);
    connect(merge_, &QPushButton::clicked, this, &HygienePanel::mergeChecked);
    connect(keepApart_, &QPushButton::clicked, this, &HygienePanel::keepApartChecked);
    connect(proposalList_, &QTreeWidget::itemChanged, this, &HygienePanel::updateButtons);
    connect(variantList_, &QTreeWidget::itemChanged, this, &HygienePanel::updateButtons);
    connect(watcher_, &QFutureWatcher<Lists>::finished, this, [this] {
        show(watcher_->result());
        if (again_) {
            again_ = false;
            refresh();
        }
    });
    connect(document_, &WorkspaceDocument::snapshotChanged, this, &HygienePanel::refresh);
    connect(document_, &WorkspaceDocument::recommendableChanged, this, &HygienePanel::refresh);
    refresh();
}

bool HygienePanel::isComputing() const { return watcher_->isRunning() || again_; }

void HygienePanel::refresh()
{
    if (watcher_->isRunning()) {
        again_ = true;  // what runs read an older snapshot: once more when it ends
        return;
    }
    const auto ws = document_->workspace();
    const auto snap = document_->snapshot();
    if (!ws || !snap) {
        show({});
        return;
    }
    watcher_->setFuture(QtConcurrent::run(workPool(), [ws, snap]() {
        Lists l;
        HygieneStore store(*ws);  // the worker's own connection reads the remembered answers
        l.proposals = proposeNonMerchandise(*snap, store.dismissedNonMerchandise());
        l.variants = findSkuVariants(*snap, store.keptApart());
        return l;
    }));
}

void HygienePanel::show(const Lists &lists)
{
    proposals_ = lists.proposals;
    variants_ = lists.variants;
    const QSignalBlocker b1(proposalList_), b2(variantList_);
    QStringList proposalKeys, variantKeys;
    for (const NonMerchProposal &p : proposals_) proposalKeys << fmt::str(p.sku);
    for (const SkuVariant &v : variants_) variantKeys << fmt::str(v.canonicalSku) + QChar(0) + fmt::str(v.variantSku);
    syncRows(proposalList_, proposalKeys, [this](QTreeWidgetItem *item, int i, bool added) {
        const NonMerchProposal &p = proposals_[size_t(i)];
        // A documented rule is checked for the user; a learned signal alone waits for them to look.
        if (added) item->setCheckState(PSku, p.ruled ? Qt::Checked : Qt::Unchecked);
        item->setText(PSku, fmt::str(p.sku));
        item->setText(PTitle, fmt::str(p.title));
        item->setText(PKind, fmt::str(p.kind));
        item->setText(PBaskets, fmt::percent(p.basketShare * 100));
        item->setTextAlignment(PBaskets, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(PPrice, fmt::money(p.medianPrice));
        item->setTextAlignment(PPrice, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(PReason, fmt::str(p.reason));
        item->setToolTip(PReason, fmt::str(p.reason));
    });
    syncRows(variantList_, variantKeys, [this](QTreeWidgetItem *item, int i, bool added) {
        const SkuVariant &v = variants_[size_t(i)];
        if (added) item->setCheckState(VKeep, Qt::Unchecked);
        item->setText(VKeep, fmt::str(v.canonicalSku));
        item->setText(VMerge, fmt::str(v.variantSku));
        item->setText(VDifference, fmt::str(v.difference));
        item->setText(VLines, tr("%1 + %2").arg(fmt::count(v.canonicalLines), fmt::count(v.variantLines)));
        item->setText(VTitle, fmt::str(v.canonicalTitle));
    });
    for (QTreeWidget *list : {proposalList_, variantList_})
        for (int c = 0; c + 1 < list->columnCount(); ++c) list->resizeColumnToContents(c);
    summary_->setText(isEmpty() ? tr("Nothing to review: no product looks like a service, and no two SKUs differ only by case or spaces.")
                                : tr("%n product(s) may not be merchandise; ", nullptr, int(proposals_.size())) +
                                      tr("%n pair(s) of SKUs may be one product.", nullptr, int(variants_.size())));
    updateButtons();
    Q_EMIT refreshed();
}

std::vector<int> HygienePanel::checkedRows(QTreeWidget *list) const
{
    std::vector<int> rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->checkState(0) == Qt::Checked) rows.push_back(i);
    return rows;
}

void HygienePanel::updateButtons()
{
    const bool writable = document_->workspace() && !document_->workspace()->isReadOnly();
    const bool anyProposal = !checkedRows(proposalList_).empty(), anyVariant = !checkedRows(variantList_).empty();
    confirm_->setEnabled(writable && anyProposal);
    dismiss_->setEnabled(writable && anyProposal);
    merge_->setEnabled(writable && anyVariant);
    keepApart_->setEnabled(writable && anyVariant);
}

void HygienePanel::confirmChecked()
{
    const auto snap = document_->snapshot();
    if (!snap) return;
    std::vector<int64_t> ids;
    for (int row : checkedRows(proposalList_)) {
        const NonMerchProposal &p = proposals_[size_t(row)];
        if (p.product < snap->products.size() && snap->products[p.product].sku == p.sku) ids.push_back(snap->products[p.product].id);
    }
    if (!ids.empty()) document_->undoStack()->push(new RecommendableCommand(document_, ids, false, true));
}

void HygienePanel::dismissChecked()
{
    std::vector<std::string> skus;
    for (int row : checkedRows(proposalList_)) skus.push_back(proposals_[size_t(row)].sku);
    if (skus.empty() || !document_->workspace()) return;
    std::string error;
    if (!HygieneStore(*document_->workspace()).dismissNonMerchandise(skus, error)) {
        document_->reportFailure(tr("The proposals were not dismissed"), error);
        return;
    }
    refresh();
}

void HygienePanel::mergeChecked()
{
    const std::vector<int> rows = checkedRows(variantList_);
    if (rows.empty()) return;
    QUndoStack *stack = document_->undoStack();
    if (rows.size() > 1) stack->beginMacro(tr("Merge %n SKU variant(s)", nullptr, int(rows.size())));
    for (int row : rows) stack->push(new SkuMergeCommand(document_, variants_[size_t(row)].canonicalSku, variants_[size_t(row)].variantSku));
    if (rows.size() > 1) stack->endMacro();
}

void HygienePanel::keepApartChecked()
{
    if (!document_->workspace()) return;
    HygieneStore store(*document_->workspace());
    for (int row : checkedRows(variantList_)) {
        std::string error;
        const SkuVariant &v = variants_[size_t(row)];
        if (!store.keepApart(v.canonicalSku, v.variantSku, error)) {
            document_->reportFailure(tr("%1 and %2 were not kept apart").arg(fmt::str(v.canonicalSku), fmt::str(v.variantSku)), error);
            break;
        }
    }
    refresh();
}

}  // namespace mb
