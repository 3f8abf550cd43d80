#include "ui/maps/suggestionspanel.h"

#include "ui/emptystate.h"
#include "ui/maps/bulkacceptdialog.h"
#include "ui/maps/kindtext.h"
#include "ui/maps/mapcommands.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/pairbrowser.h"
#include "ui/maps/suggestionsmodel.h"
#include "ui/tablestyle.h"
#include "ui/workspacedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mb {

SuggestionsPanel::SuggestionsPanel(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), model_(new SuggestionsModel(this)), title_(new QLabel(this)),
      stack_(new QStackedWidget(this)), table_(new QTableView(stack_)), empty_(new EmptyState(stack_)), detail_(new QLabel(this)),
      kind_(new QComboBox(this)), accept_(new QPushButton(tr("Accept"), this)), reject_(new QPushButton(tr("Reject"), this)),
      bulk_(new QPushButton(tr("Accept in Bulk…"), this)), pairs_(new QPushButton(tr("Pair Statistics…"), this))
{
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    table_->setModel(model_);
    table_->setObjectName(QStringLiteral("suggestionsTable"));
    setUpTable(table_);
    table_->setSortingEnabled(false);  // ranked best first
    table_->horizontalHeader()->resizeSection(SuggestionsModel::Product, 300);
    table_->horizontalHeader()->resizeSection(SuggestionsModel::Kind, 100);
    table_->horizontalHeader()->setStretchLastSection(true);
    stack_->addWidget(table_);
    stack_->addWidget(empty_);
    detail_->setWordWrap(true);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail_->setStyleSheet(QStringLiteral("color: #444;"));
    detail_->setMinimumHeight(detail_->fontMetrics().height() * 2 + 4);
    detail_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    for (RelationKind k : allKinds) {
        kind_->addItem(kindTitle(k), int(k));
        kind_->setItemData(kind_->count() - 1, kindHint(k), Qt::ToolTipRole);
    }
    kind_->setToolTip(tr("Accept as this kind (the suggested one is picked for you)"));
    accept_->setToolTip(tr("Add it to the map as the chosen kind"));
    reject_->setToolTip(tr("Never suggest it again for this product"));
    bulk_->setToolTip(tr("Accept every suggestion above thresholds, across all products, after a preview"));
    pairs_->setToolTip(tr("Browse the statistics of every mined pair"));

    connect(table_->selectionModel(), &QItemSelectionModel::currentChanged, this, &SuggestionsPanel::onCurrentChanged);
    connect(model_, &QAbstractItemModel::modelReset, this, &SuggestionsPanel::updateState);
    connect(model_, &SuggestionsModel::rowsReady, this, &SuggestionsPanel::updateState);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &SuggestionsPanel::updateState);
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex &i) { accept(i.row()); });
    connect(accept_, &QPushButton::clicked, this, [this] {
        accept(table_->currentIndex().row(), RelationKind(kind_->currentData().toInt()));
    });
    connect(reject_, &QPushButton::clicked, this, [this] { reject(table_->currentIndex().row()); });
    connect(bulk_, &QPushButton::clicked, this, [this] {
        BulkAcceptDialog *d = makeBulkDialog();
        if (d->exec() == QDialog::Accepted) bulkAccept(d->preview());
        d->deleteLater();
    });
    connect(pairs_, &QPushButton::clicked, this, [this] {
        PairBrowser *b = pairBrowser();
        b->show();
        b->raise();
    });

    auto *actions = new QHBoxLayout;
    actions->addWidget(new QLabel(tr("As"), this));
    actions->addWidget(kind_);
    actions->addWidget(accept_);
    actions->addWidget(reject_);
    actions->addStretch(1);
    actions->addWidget(bulk_);
    actions->addWidget(pairs_);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(stack_, 1);
    layout->addWidget(detail_);
    layout->addLayout(actions);
    updateState();
}

void SuggestionsPanel::setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined)
{
    data_ = data;
    mined_ = mined;
    model_->setSources(std::move(data), std::move(mined));
    if (browser_) browser_->setSources(data_, mined_);
}

void SuggestionsPanel::updateMapData(std::shared_ptr<const MapData> data)
{
    data_ = data;
    model_->updateMapData(std::move(data));
    if (browser_) browser_->setSources(data_, mined_);
    updateState();
}

void SuggestionsPanel::setAnchor(EndpointType type, int32_t index)
{
    anchorType_ = type;
    anchor_ = index;
    model_->setAnchor(type == EndpointType::Product ? index : -1);
}

PairBrowser *SuggestionsPanel::pairBrowser()
{
    if (!browser_) {
        browser_ = new PairBrowser(this);
        browser_->setSources(data_, mined_);
    }
    return browser_;
}

void SuggestionsPanel::updateState()
{
    const int n = model_->rowCount();
    const bool product = anchorType_ == EndpointType::Product && anchor_ >= 0;
    title_->setText(product && n ? tr("Suggestions from the order history (%1)").arg(n) : tr("Suggestions from the order history"));
    const bool mined = mined_ && !mined_->empty();
    bulk_->setEnabled(mined);
    pairs_->setEnabled(mined);
    if (!data_) empty_->setText(tr("Loading…"), QString());
    else if (!mined) empty_->setText(tr("Nothing mined yet"), tr("Mine the order history (the button above) to see candidates with their evidence."));
    else if (!product) empty_->setText(tr("Suggestions are per product"), tr("Pick a product on the left to see what its buyers also bought."));
    else if (n == 0 && model_->isBusy()) empty_->setText(tr("Counting…"), tr("Reading every basket for this product's evidence."));
    else if (n == 0) empty_->setText(tr("No suggestions for this product"), tr("Nothing bought with it passes the thresholds that is not in its map already."));
    stack_->setCurrentWidget(n ? static_cast<QWidget *>(table_) : empty_);
    if (n && !table_->currentIndex().isValid()) table_->setCurrentIndex(model_->index(0, 0));
    onCurrentChanged();
}

void SuggestionsPanel::onCurrentChanged()
{
    const Suggestion *s = model_->suggestion(table_->currentIndex().row());
    accept_->setEnabled(s);
    reject_->setEnabled(s);
    kind_->setEnabled(s);
    if (!s) {
        detail_->clear();
        return;
    }
    kind_->setCurrentIndex(kind_->findData(int(s->kind.kind)));
    detail_->setText(tr("<b>%1</b>: %2.<br>Suggested as <b>%3</b> because %4.")
                         .arg(QString::fromStdString(data_->snapshot->products[s->target].sku).toHtmlEscaped(),
                              QString::fromStdString(s->evidence).toHtmlEscaped(), kindTitle(s->kind.kind).toLower(),
                              QString::fromStdString(s->kind.reasoning).toHtmlEscaped()));
}

bool SuggestionsPanel::accept(int row, std::optional<RelationKind> kind)
{
    const Suggestion *s = model_->suggestion(row);
    if (!s) return false;
    const Snapshot &snap = *data_->snapshot;
    document_->undoStack()->push(new AcceptSuggestionCommand(document_, snap.products[s->anchor].id, snap.products[s->target].id,
                                                             kind.value_or(s->kind.kind), QString::fromStdString(snap.products[s->target].sku)));
    return true;
}

bool SuggestionsPanel::reject(int row)
{
    const Suggestion *s = model_->suggestion(row);
    if (!s) return false;
    const Snapshot &snap = *data_->snapshot;
    document_->undoStack()->push(new RejectSuggestionCommand(document_, snap.products[s->anchor].id, snap.products[s->target].id,
                                                             s->kind.kind, QString::fromStdString(snap.products[s->target].sku)));
    return true;
}

BulkAcceptDialog *SuggestionsPanel::makeBulkDialog() { return new BulkAcceptDialog(data_, mined_, this); }

bool SuggestionsPanel::bulkAccept(std::vector<Suggestion> suggestions)
{
    if (suggestions.empty() || !data_) return false;
    document_->undoStack()->push(new BulkAcceptCommand(document_, *data_->snapshot, suggestions));
    return true;
}

QByteArray SuggestionsPanel::saveHeader() const { return table_->horizontalHeader()->saveState(); }
void SuggestionsPanel::restoreHeader(const QByteArray &state) { table_->horizontalHeader()->restoreState(state); }

}  // namespace mb
