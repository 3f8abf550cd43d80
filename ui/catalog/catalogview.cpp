#include "ui/catalog/catalogview.h"

#include "ui/catalog/categorytreemodel.h"
#include "ui/catalog/productfilterproxy.h"
#include "ui/catalog/producttablemodel.h"
#include "ui/catalog/recommendablecommand.h"
#include "ui/emptystate.h"
#include "ui/format.h"
#include "ui/tablestyle.h"
#include "ui/workspacedocument.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace mb {

CatalogView::CatalogView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent),
      products_(new ProductTableModel(this)),
      proxy_(new ProductFilterProxy(products_, this)),
      categories_(new CategoryTreeModel(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)),
      tree_(new QTreeView(splitter_)),
      search_(new QLineEdit(this)),
      searchDelay_(new QTimer(this)),
      summary_(new QLabel(this)),
      stack_(new QStackedWidget(this)),
      table_(new QTableView(stack_)),
      empty_(new EmptyState(stack_))
{
    tree_->setModel(categories_);
    tree_->setHeaderHidden(false);
    tree_->setUniformRowHeights(true);
    tree_->setMinimumWidth(160);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, &CatalogView::onCategorySelected);

    search_->setPlaceholderText(tr("Search SKU, title or brand"));
    search_->setClearButtonEnabled(true);
    search_->setObjectName(QStringLiteral("catalogSearch"));
    // The search filters 200 ms after the last keystroke (Enter: at once): each filter walks every product
    // (100,000 in a large store), so filtering on every key of a typed word only delays the one that matters.
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(searchDelayMs);
    auto search = [this] {
        searchDelay_->stop();
        proxy_->setSearchText(search_->text());
        updateSummary();
    };
    connect(searchDelay_, &QTimer::timeout, this, search);
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, search);

    table_->setModel(proxy_);
    setUpTable(table_);
    table_->sortByColumn(ProductTableModel::Sku, Qt::AscendingOrder);
    QHeaderView *h = table_->horizontalHeader();
    // Eleven columns at their widths take about 790 px and the title takes the rest (fitTitle), never less than
    // 140 px: the table fits beside the tree from 1280 px on; a narrower window scrolls the table (not the view).
    const int widths[] = {95, 140, 100, 75, 62, 62, 55, 62, 62, 62, 62, 60};
    static_assert(std::size(widths) == ProductTableModel::ColumnCount);
    // Never narrower than the header with its sort arrow ("Margin" elided at 62 px).
    for (int c = 0; c < ProductTableModel::ColumnCount; ++c) h->resizeSection(c, std::max(widths[c], h->sectionSizeHint(c)));
    h->setStretchLastSection(false);
    table_->viewport()->installEventFilter(this);
    // Another column made wider or narrower by the user: the title gives or takes the difference.
    connect(h, &QHeaderView::sectionResized, this, [this](int section) {
        if (section != ProductTableModel::Title) fitTitle();
    });

    stack_->addWidget(table_);
    stack_->addWidget(empty_);

    auto *right = new QWidget(splitter_);
    auto *top = new QHBoxLayout;
    top->addWidget(search_, 1);
    auto *nonMerch = new QPushButton(tr("Mark Non-Merchandise…"), this);
    nonMerch->setToolTip(tr("Find postage, fees, vouchers and adjustments and keep them out of every recommendation (undoable)"));
    connect(nonMerch, &QPushButton::clicked, this, [this] { markNonMerchandise(this->document(), this); });
    top->addWidget(nonMerch);
    top->addSpacing(12);
    top->addWidget(summary_);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(top);
    rightLayout->addWidget(stack_, 1);

    splitter_->addWidget(tree_);
    splitter_->addWidget(right);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({190, 970});
    splitter_->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->addWidget(splitter_);

    connect(document, &WorkspaceDocument::workspaceChanged, this, [this] {
        // Another file: the search typed for the last one does not carry over.
        searchDelay_->stop();
        search_->clear();
        proxy_->setSearchText(QString());
        proxy_->setCategory(ProductFilterProxy::AllCategories);  // a category index of the last file
    });
    connect(document, &WorkspaceDocument::snapshotChanged, this, &CatalogView::onSnapshotChanged);
    connect(document, &WorkspaceDocument::recommendableChanged, this,
            [this](const std::vector<uint32_t> &rows) { products_->updateProducts(this->document()->snapshot(), rows); });
    // The rows follow the snapshot from the work pool.
    connect(products_, &ProductTableModel::rowsReady, this, &CatalogView::updateSummary);
    onSnapshotChanged();
}

void CatalogView::onSnapshotChanged()
{
    // Keep the chosen category across a reload (after an import) when it still exists.
    const int category = proxy_->category();
    auto snap = document()->snapshot();
    products_->setSnapshot(snap);
    hideEmptyColumns();
    categories_->setSnapshot(snap);
    tree_->expandToDepth(0);
    QModelIndex idx = categories_->indexOfCategory(category);
    if (!idx.isValid()) idx = categories_->index(0, 0);
    proxy_->setCategory(idx.isValid() ? idx.data(CategoryTreeModel::CategoryRole).toInt() : ProductFilterProxy::AllCategories);
    if (idx.isValid()) tree_->setCurrentIndex(idx);
    updateSummary();
}

bool CatalogView::isBusy() const { return products_->isBusy(); }

void CatalogView::onCategorySelected()
{
    const QModelIndex idx = tree_->currentIndex();
    proxy_->setCategory(idx.isValid() ? idx.data(CategoryTreeModel::CategoryRole).toInt() : ProductFilterProxy::AllCategories);
    updateSummary();
}

void CatalogView::updateSummary()
{
    const int total = products_->rowCount();
    const int shown = proxy_->rowCount();
    summary_->setText(shown == total ? tr("%1 products").arg(fmt::count(total))
                                     : tr("%1 of %2 products").arg(fmt::count(shown), fmt::count(total)));
    if (!document()->isOpen()) {
        empty_->setText(tr("No workspace open"), tr("Open or create a workspace from the File menu."));
        stack_->setCurrentWidget(empty_);
    } else if (!document()->snapshot() || (products_->isBusy() && total == 0)) {
        empty_->setText(tr("Loading the catalog…"), QString());
        stack_->setCurrentWidget(empty_);
    } else if (total == 0) {
        empty_->setText(tr("No products yet"),
                        tr("Import a catalog CSV (File ▸ Import Catalog…) or drop one on this window."));
        stack_->setCurrentWidget(empty_);
    } else if (shown == 0) {
        empty_->setText(tr("No product matches"), tr("Nothing in this category matches “%1”.").arg(search_->text()));
        stack_->setCurrentWidget(empty_);
    } else {
        stack_->setCurrentWidget(table_);
    }
}

void CatalogView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("splitter"), splitter_->saveState());
    // "-v2": Regular, Sale and Store status joined the columns; "-v3": the title takes the spare width. A layout
    // saved before either would size the wrong columns.
    settings.setValue(QStringLiteral("columns-v3"), table_->horizontalHeader()->saveState());
}

void CatalogView::restoreState(QSettings &settings)
{
    splitter_->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    table_->horizontalHeader()->restoreState(settings.value(QStringLiteral("columns-v3")).toByteArray());
    hideEmptyColumns();
    fitTitle();
}

bool CatalogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == table_->viewport() && event->type() == QEvent::Resize) fitTitle();
    return WorkspaceView::eventFilter(watched, event);
}

// Columns no product fills are hidden, and the title takes their width: on a history without a catalog
// (Online Retail) eight empty columns left the title 140 px at 1280 px. A catalog import brings them back. A
// restored header (saved over another workspace) is corrected the same way.
void CatalogView::hideEmptyColumns()
{
    const auto snap = document()->snapshot();
    if (!snap || snap->products.empty()) return;
    QHeaderView *h = table_->horizontalHeader();
    for (int c : {ProductTableModel::Category, ProductTableModel::Brand, ProductTableModel::Regular, ProductTableModel::Sale,
                  ProductTableModel::Cost, ProductTableModel::Margin, ProductTableModel::Stock, ProductTableModel::StoreStatus})
        h->setSectionHidden(c, !ProductTableModel::columnHasValues(*snap, c));
    fitTitle();
}

// The title column takes what the other columns leave of the table's width, so the table scrolls sideways
// only when even a 140 px title does not fit.
void CatalogView::fitTitle()
{
    QHeaderView *h = table_->horizontalHeader();
    int others = 0;
    for (int c = 0; c < ProductTableModel::ColumnCount; ++c)
        if (c != ProductTableModel::Title && !h->isSectionHidden(c)) others += h->sectionSize(c);
    h->resizeSection(ProductTableModel::Title, std::max(140, table_->viewport()->width() - others));
}

}  // namespace mb
