#include "ui/bundles/bundlesview.h"

#include "ui/messagepresenter.h"

#include "core/bundles/bundlechecks.h"
#include "core/bundles/bundlegenerator.h"
#include "core/storage/bundlestore.h"
#include "core/bundles/bundletakerate.h"
#include "core/maps/relationresolver.h"
#include "ui/bundles/bundlecommands.h"
#include "ui/bundles/bundledelegates.h"
#include "ui/bundles/tiercolumn.h"
#include "ui/maps/kindtext.h"
#include "ui/preview/previewtext.h"
#include "ui/workspacedocument.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mb {

// A list whose rows drag out as products (the id in ProductMimeType).
class ProductDragList : public QListWidget {
public:
    explicit ProductDragList(QWidget *parent) : QListWidget(parent)
    {
        setDragEnabled(true);
        setDragDropMode(QAbstractItemView::DragOnly);
        setTextElideMode(Qt::ElideRight);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);   // entries elide; sideways scrolling hides the SKU
        setItemDelegate(new ProductEntryDelegate(false, this));
    }

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(ProductMimeType)}; }
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty()) return nullptr;
        const qint64 id = items.front()->data(bundleroles::ProductId).toLongLong();
        if (id <= 0) return nullptr;   // a kind header or a message row
        auto *m = new QMimeData;
        m->setData(QString::fromLatin1(ProductMimeType), QByteArray::number(id));
        return m;
    }
};

namespace {

// One product row for the drag lists: the title as text (what keyboard search matches), SKU and id as data.
QListWidgetItem *productItem(const SnapshotProduct &p, QListWidget *list)
{
    const QString sku = QString::fromStdString(p.sku);
    auto *item = new QListWidgetItem(QString::fromStdString(p.title), list);
    item->setData(bundleroles::ProductId, qint64(p.id));
    item->setData(bundleroles::Sku, sku);
    item->setToolTip(QStringLiteral("<b>%1</b> %2<br>%3").arg(sku.toHtmlEscaped(), QString::fromStdString(p.title).toHtmlEscaped(),
                                                              QCoreApplication::translate("mb::BundlesView", "Drag onto a tier to add it")));
    return item;
}

}  // namespace

BundlesView::BundlesView(WorkspaceDocument *document, QWidget *parent) : WorkspaceView(document, parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    splitter_ = new QSplitter(this);
    outer->addWidget(splitter_);

    // Left: the bundles.
    auto *left = new QWidget(splitter_);
    auto *ll = new QVBoxLayout(left);
    auto *listTitle = new QLabel(tr("<b>Bundles</b>"), left);
    list_ = new QListWidget(left);
    list_->setObjectName(QStringLiteral("bundleList"));
    list_->setItemDelegate(new BundleEntryDelegate(list_));
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setSpacing(1);
    auto *generate = new QPushButton(tr("Generate from product…"), left);
    generate->setToolTip(tr("Build Basic / Standard / Premium from a product's map in one click"));
    remove_ = new QPushButton(tr("Delete bundle"), left);
    ll->addWidget(listTitle);
    ll->addWidget(list_, 1);
    ll->addWidget(generate);
    ll->addWidget(remove_);

    // Middle: the builder.
    auto *middle = new QWidget(splitter_);
    auto *ml = new QVBoxLayout(middle);
    auto *head = new QHBoxLayout;
    name_ = new QLineEdit(middle);
    QFont f = name_->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    name_->setFont(f);
    name_->setFrame(false);
    name_->setToolTip(tr("The bundle's name (unique in the workspace)"));
    addTier_ = new QPushButton(tr("Add tier"), middle);
    head->addWidget(name_, 1);
    head->addWidget(addTier_);
    ml->addLayout(head);
    title_ = new QLabel(middle);
    summary_ = new QLabel(middle);
    summary_->setWordWrap(true);
    ml->addWidget(title_);
    ml->addWidget(summary_);
    scroll_ = new QScrollArea(middle);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    columnsHost_ = new QWidget(scroll_);
    columns_ = new QHBoxLayout(columnsHost_);
    columns_->setContentsMargins(0, 0, 0, 0);
    scroll_->setWidget(columnsHost_);
    ml->addWidget(scroll_, 1);
    empty_ = new QLabel(tr("No bundle selected. Pick one on the left, or generate one from a product's map."), middle);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    ml->addWidget(empty_, 1);

    // Right: what to drag in.
    auto *right = new QWidget(splitter_);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto *tabs = new QTabWidget(right);
    auto *hint = new QLabel(tr("Drag an entry onto a tier to add it; dropping it again adds one more."), right);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid); padding: 2px 4px;"));
    rl->addWidget(tabs, 1);
    rl->addWidget(hint);
    right->setMinimumWidth(240);
    left->setMinimumWidth(185);
    mapList_ = new ProductDragList(tabs);
    mapList_->setToolTip(tr("The anchor's map, grouped by kind: drag an entry onto a tier"));
    auto *catalogPage = new QWidget(tabs);
    auto *cl = new QVBoxLayout(catalogPage);
    cl->setContentsMargins(4, 4, 4, 4);
    search_ = new QLineEdit(catalogPage);
    search_->setPlaceholderText(tr("Search SKU or title"));
    search_->setClearButtonEnabled(true);
    catalogList_ = new ProductDragList(catalogPage);
    catalogList_->setUniformItemSizes(true);   // up to 500 rows, all alike
    cl->addWidget(search_);
    cl->addWidget(catalogList_, 1);
    tabs->addTab(mapList_, tr("Anchor's map"));
    tabs->addTab(catalogPage, tr("Catalog"));

    splitter_->addWidget(left);
    splitter_->addWidget(middle);
    splitter_->addWidget(right);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setStretchFactor(2, 0);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({190, 800, 250});

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(bundles_.size())) return;
        if (bundles_[size_t(row)].id == currentId_) return;
        currentId_ = bundles_[size_t(row)].id;
        showBundle();
    });
    connect(generate, &QPushButton::clicked, this, [this] {
        QString sku;
        if (auto *item = catalogList_->currentItem()) sku = item->data(bundleroles::Sku).toString();
        bool ok = false;
        sku = QInputDialog::getText(this, tr("Generate bundle"), tr("SKU of the anchor product:"), QLineEdit::Normal, sku, &ok).trimmed();
        if (ok && !sku.isEmpty()) generateFor(sku);
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (const Bundle *b = current())
            this->document()->undoStack()->push(new AddRemoveBundleCommand(this->document(), *b, true, [this](const QString &m) { error(m); }));
    });
    connect(addTier_, &QPushButton::clicked, this, [this] {
        const Bundle *b = current();
        if (!b || b->tiers.size() >= size_t(Bundle::MaxTiers)) return;
        Bundle after = *b;
        BundleTier t = after.tiers.empty() ? BundleTier{} : after.tiers.back();
        t.name = defaultTierNames()[after.tiers.size()];
        after.tiers.push_back(t);
        pushEdit(after, tr("Add tier %1").arg(QString::fromStdString(t.name)));
    });
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        const Bundle *b = current();
        const std::string n = name_->text().trimmed().toStdString();
        if (!b || n.empty() || n == b->name) return;
        Bundle after = *b;
        after.name = n;
        pushEdit(after, tr("Rename bundle"));
    });
    connect(search_, &QLineEdit::textChanged, this, &BundlesView::fillCatalog);
    connect(document, &WorkspaceDocument::snapshotChanged, this, &BundlesView::refresh);
    // Totals follow an edit at once; the snapshot reload that the command asks for comes later.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &BundlesView::refresh, Qt::QueuedConnection);
    refresh();
}

const Bundle *BundlesView::current() const
{
    for (const Bundle &b : bundles_)
        if (b.id == currentId_) return &b;
    return nullptr;
}

int64_t BundlesView::currentBundleId() const { return currentId_; }

void BundlesView::error(const QString &message)
{
    qWarning("bundle not saved: %s", qPrintable(message));
    document()->messages()->error(this, tr("Bundle not saved"), message);
}

void BundlesView::refresh()
{
    const auto ws = document()->workspace();
    const auto snap = document()->snapshot();
    bundles_ = ws && snap ? BundleStore(*ws).all() : std::vector<Bundle>{};
    if (!current() && !bundles_.empty()) currentId_ = bundles_.front().id;
    const QSignalBlocker block(list_);
    list_->clear();
    if (snap) {
        const BundleCatalog catalog(*snap);
        for (const Bundle &b : bundles_) {
            const auto issues = checkBundle(catalog, b);
            const SnapshotProduct *anchor = catalog.product(b.anchorProductId);
            const QString anchorText = anchor ? QString::fromStdString(anchor->sku) + QStringLiteral(" · ") + QString::fromStdString(anchor->title)
                                              : tr("(unknown anchor)");
            auto *item = new QListWidgetItem(QString::fromStdString(b.name), list_);
            item->setData(bundleroles::AnchorText, anchorText);
            item->setData(bundleroles::Issues, int(issues.size()));
            QStringList tip{QStringLiteral("<b>%1</b><br>%2").arg(QString::fromStdString(b.name).toHtmlEscaped(), anchorText.toHtmlEscaped())};
            for (const BundleIssue &i : issues) tip << QStringLiteral("⚠ ") + QString::fromStdString(i.message).toHtmlEscaped();
            if (issues.empty()) tip << tr("No warnings");
            item->setToolTip(tip.join(QStringLiteral("<br>")));
            if (b.id == currentId_) list_->setCurrentItem(item);
        }
    }
    showBundle();
    if (catalogList_->count() == 0 || !snap) fillCatalog(search_->text());
}

void BundlesView::showBundle()
{
    const auto snap = document()->snapshot();
    const Bundle *b = snap ? current() : nullptr;
    empty_->setVisible(!b);
    scroll_->setVisible(b);
    name_->setVisible(b);
    addTier_->setVisible(b);
    title_->setVisible(b);
    summary_->setVisible(b);
    remove_->setEnabled(b);
    if (!b) {
        for (TierColumn *c : tierColumns_) c->deleteLater();
        tierColumns_.clear();
        mapList_->clear();
        return;
    }
    const BundleCatalog catalog(*snap);
    const SnapshotProduct *anchor = catalog.product(b->anchorProductId);
    name_->setText(QString::fromStdString(b->name));
    title_->setText(tr("Around <b>%1</b> %2").arg(anchor ? QString::fromStdString(anchor->sku).toHtmlEscaped() : tr("(unknown product)"),
                                                  anchor ? QString::fromStdString(anchor->title).toHtmlEscaped() : QString()));
    const BundleTakeRate take = takeRate(catalog, *b);
    const auto issues = checkBundle(catalog, *b);
    summary_->setText(tr("%n tier(s); %1 orders held the anchor. Drag products from the right onto a tier.", nullptr, int(b->tiers.size()))
                          .arg(take.anchorOrders));
    addTier_->setEnabled(b->tiers.size() < size_t(Bundle::MaxTiers));
    while (tierColumns_.size() > b->tiers.size()) {
        delete tierColumns_.back();
        tierColumns_.pop_back();
    }
    while (tierColumns_.size() < b->tiers.size()) {
        auto *c = new TierColumn(int(tierColumns_.size()), columnsHost_);
        connect(c, &TierColumn::edited, this, &BundlesView::editTier);
        connect(c, &TierColumn::removeRequested, this, [this](int t) {
            const Bundle *cur = current();
            if (!cur || cur->tiers.size() <= 1) return;
            Bundle after = *cur;
            const QString name = QString::fromStdString(after.tiers[size_t(t)].name);
            after.tiers.erase(after.tiers.begin() + t);
            pushEdit(after, tr("Remove tier %1").arg(name));
        });
        columns_->addWidget(c, 1);
        tierColumns_.push_back(c);
    }
    for (size_t t = 0; t < b->tiers.size(); ++t) {
        std::vector<BundleIssue> mine;
        for (const BundleIssue &i : issues)
            if (i.tier == int(t)) mine.push_back(i);
        tierColumns_[t]->show(catalog, b->tiers[t], priceTier(catalog, b->tiers[t]), take.tiers[t], mine, b->tiers.size() > 1);
    }
    fillMap();
}

void BundlesView::fillMap()
{
    mapList_->clear();
    const auto snap = document()->snapshot();
    const Bundle *b = current();
    if (!snap || !b) return;
    const BundleCatalog catalog(*snap);
    const int32_t anchor = catalog.index(b->anchorProductId);
    if (anchor < 0) return;
    const auto relations = RelationResolver(*snap).resolve(uint32_t(anchor));
    // Grouped by kind, in the map's order within a kind: the merchandiser fills Basic from the necessities.
    for (RelationKind kind : allKinds) {
        bool headed = false;
        for (const ResolvedRelation &r : relations) {
            if (r.kind != kind) continue;
            if (!headed) {
                auto *header = new QListWidgetItem(kindPlural(kind), mapList_);
                header->setData(bundleroles::Header, kindColor(kind));
                header->setFlags(Qt::ItemIsEnabled);
                header->setToolTip(kindHint(kind));
                headed = true;
            }
            const SnapshotProduct &p = snap->products[r.product];
            auto *item = productItem(p, mapList_);
            const std::string pitch = r.relation ? r.relation->pitch : std::string();
            if (!pitch.empty()) item->setToolTip(item->toolTip() + QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(pitch).toHtmlEscaped()));
        }
    }
    if (mapList_->count() == 0) new QListWidgetItem(tr("The anchor has no map yet"), mapList_);
}

void BundlesView::fillCatalog(const QString &filter)
{
    catalogList_->clear();
    const auto snap = document()->snapshot();
    if (!snap) return;
    int shown = 0;
    for (const SnapshotProduct &p : snap->products) {
        const QString sku = QString::fromStdString(p.sku), title = QString::fromStdString(p.title);
        if (!filter.isEmpty() && !sku.contains(filter, Qt::CaseInsensitive) && !title.contains(filter, Qt::CaseInsensitive)) continue;
        productItem(p, catalogList_);
        if (++shown == 500) break;   // a search narrows it; a list of 100K rows helps nobody
    }
}

void BundlesView::editTier(int tier, const BundleTier &content, const QString &what, int mergeKey)
{
    const Bundle *b = current();
    if (!b || tier < 0 || tier >= int(b->tiers.size())) return;
    Bundle after = *b;
    after.tiers[size_t(tier)] = content;
    pushEdit(after, what, mergeKey);
}

void BundlesView::pushEdit(const Bundle &after, const QString &what, int mergeKey)
{
    const Bundle *b = current();
    if (!b) return;
    std::string why;
    if (!BundleStore::validate(after, why)) {
        error(QString::fromStdString(why));
        showBundle();
        return;
    }
    document()->undoStack()->push(new EditBundleCommand(document(), *b, after, what, mergeKey, [this](const QString &m) { error(m); }));
}

bool BundlesView::generateFor(const QString &sku)
{
    const auto snap = document()->snapshot();
    const auto ws = document()->workspace();
    if (!snap || !ws) return false;
    const int32_t p = snap->productIndex(sku.toStdString());
    if (p < 0) {
        error(tr("No product with SKU %1 in the workspace").arg(sku));
        return false;
    }
    Bundle b = generateBundle(*snap, uint32_t(p));
    b.name = BundleStore(*ws).uniqueName(b.name);
    auto *cmd = new AddRemoveBundleCommand(document(), b, false, [this](const QString &m) { error(m); });
    document()->undoStack()->push(cmd);
    currentId_ = cmd->bundleId();
    refresh();
    return currentId_ > 0;
}

bool BundlesView::selectBundle(const QString &name)
{
    for (const Bundle &b : bundles_)
        if (QString::fromStdString(b.name) == name) {
            currentId_ = b.id;
            refresh();
            return true;
        }
    return false;
}

void BundlesView::saveState(QSettings &s) const { s.setValue(QStringLiteral("splitter"), splitter_->saveState()); }
void BundlesView::restoreState(QSettings &s) { splitter_->restoreState(s.value(QStringLiteral("splitter")).toByteArray()); }

}  // namespace mb
