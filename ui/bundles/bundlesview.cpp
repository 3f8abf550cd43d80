#include "ui/bundles/bundlesview.h"

#include "ui/bundles/generatebundledialog.h"

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
#include "ui/reflowlayout.h"
#include "ui/workspacedocument.h"

#include <QCoreApplication>
#include <QHBoxLayout>
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

#include <algorithm>

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
    generate->setObjectName(QStringLiteral("generateBundle"));
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
    // Tiers side by side while each fits whole (its longest SKU included), else wrapped onto more rows:
    // the builder scrolls down, never sideways.
    columns_ = new ReflowLayout(columnsHost_);
    columns_->setContentsMargins(0, 0, 0, 0);
    columns_->setSpacing(6);
    columns_->setMaximumColumns(Bundle::MaxTiers);
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
    // The right side narrows with the window (resizeEvent), so that two tiers fit side by side at 1024 px;
    // its entries keep their SKU whole and elide the title.
    right->setMinimumWidth(200);
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
    splitter_->setSizes({190, 800, 210});
    connect(splitter_, &QSplitter::splitterMoved, this, [this] { userSized_ = true; });

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        const QListWidgetItem *item = list_->item(row);
        if (!item) return;
        const int64_t id = item->data(bundleroles::BundleId).toLongLong();
        if (id == currentId_) return;
        currentId_ = id;
        removedCurrentId_ = 0;
        showBundle();
    });
    connect(generate, &QPushButton::clicked, this, [this] {
        QString sku;
        if (auto *item = catalogList_->currentItem()) sku = item->data(bundleroles::Sku).toString();
        GenerateBundleDialog dialog(this->document()->snapshot(), sku, this);
        if (dialog.exec() == QDialog::Accepted) generateFor(dialog.sku());
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (const Bundle *b = current()) this->document()->undoStack()->push(new RemoveBundleCommand(this->document(), *b));
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
    // Edits, undos and redos: the rows they touched, nothing else.
    connect(document, &WorkspaceDocument::bundleAdded, this, &BundlesView::onBundleAdded);
    connect(document, &WorkspaceDocument::bundleChanged, this, &BundlesView::onBundleChanged);
    connect(document, &WorkspaceDocument::bundleRemoved, this, &BundlesView::onBundleRemoved);
    refresh();
}

const Bundle *BundlesView::current() const { return document()->bundle(currentId_); }

int64_t BundlesView::currentBundleId() const { return currentId_; }

void BundlesView::error(const QString &message) { document()->reportError(message); }

int BundlesView::rowOf(int64_t id) const
{
    for (int r = 0; r < list_->count(); ++r)
        if (list_->item(r)->data(bundleroles::BundleId).toLongLong() == id) return r;
    return -1;
}

void BundlesView::select(int64_t id)
{
    currentId_ = id;
    removedCurrentId_ = 0;
    {
        const QSignalBlocker block(list_);
        const int row = rowOf(id);
        list_->setCurrentRow(row);
    }
    showBundle();
}

void BundlesView::fillItem(QListWidgetItem *item, const Bundle &b)
{
    const auto snap = document()->snapshot();
    if (!snap) return;
    const BundleCatalog catalog(*snap, document()->endpoints());
    const auto issues = checkBundle(catalog, b);
    const SnapshotProduct *anchor = catalog.product(b.anchorProductId);
    const QString anchorText = anchor ? QString::fromStdString(anchor->sku) + QStringLiteral(" · ") + QString::fromStdString(anchor->title)
                                      : tr("(unknown anchor)");
    item->setText(QString::fromStdString(b.name));
    item->setData(bundleroles::BundleId, qint64(b.id));
    item->setData(bundleroles::AnchorText, anchorText);
    item->setData(bundleroles::Issues, int(issues.size()));
    QStringList tip{QStringLiteral("<b>%1</b><br>%2").arg(QString::fromStdString(b.name).toHtmlEscaped(), anchorText.toHtmlEscaped())};
    for (const BundleIssue &i : issues) tip << QStringLiteral("⚠ ") + QString::fromStdString(i.message).toHtmlEscaped();
    if (issues.empty()) tip << tr("No warnings");
    item->setToolTip(tip.join(QStringLiteral("<br>")));
}

void BundlesView::refresh()
{
    const auto snap = document()->snapshot();
    const std::vector<Bundle> &bundles = snap ? document()->bundles() : std::vector<Bundle>{};
    if (!current() && !bundles.empty()) currentId_ = bundles.front().id;
    {
        const QSignalBlocker block(list_);
        list_->clear();
        for (const Bundle &b : bundles) {
            auto *item = new QListWidgetItem(list_);
            fillItem(item, b);
            if (b.id == currentId_) list_->setCurrentItem(item);
        }
    }
    showBundle();
    if (catalogList_->count() == 0 || !snap) fillCatalog(search_->text());
}

namespace {

int indexIn(const std::vector<Bundle> &bundles, int64_t id)
{
    for (size_t i = 0; i < bundles.size(); ++i)
        if (bundles[i].id == id) return int(i);
    return -1;
}

}  // namespace

void BundlesView::onBundleAdded(const Bundle &b)
{
    if (!document()->snapshot()) return;
    const int row = indexIn(document()->bundles(), b.id);
    if (row < 0 || rowOf(b.id) >= 0) return;
    auto *item = new QListWidgetItem;
    fillItem(item, b);
    {
        const QSignalBlocker block(list_);
        list_->insertItem(row, item);
    }
    // What the user created, or the selected bundle coming back with the undo of its deletion.
    if (selectAdded_) addedId_ = b.id;
    if (selectAdded_ || b.id == removedCurrentId_ || !current()) select(b.id);
}

void BundlesView::onBundleChanged(const Bundle &before, const Bundle &after)
{
    int row = rowOf(after.id);
    if (row < 0) return;
    const int want = indexIn(document()->bundles(), after.id);
    if (want >= 0 && want != row) {
        // Renamed: the row moves to its place by name and stays selected.
        const QSignalBlocker block(list_);
        QListWidgetItem *item = list_->takeItem(row);
        list_->insertItem(want, item);
        if (after.id == currentId_) list_->setCurrentItem(item);
        row = want;
    }
    fillItem(list_->item(row), after);
    if (after.id != currentId_) return;
    if (before.anchorProductId != after.anchorProductId || before.tiers.size() != after.tiers.size()) {
        showBundle();
        return;
    }
    if (name_->text().trimmed().toStdString() != after.name) name_->setText(QString::fromStdString(after.name));
    showTiers(after, false);
}

void BundlesView::onBundleRemoved(const Bundle &b)
{
    const int row = rowOf(b.id);
    if (row < 0) return;
    {
        const QSignalBlocker block(list_);
        delete list_->takeItem(row);
    }
    if (b.id != currentId_) return;
    // The neighbour takes the selection; an undo brings the deleted one back into it.
    const std::vector<Bundle> &bundles = document()->bundles();
    const int64_t next = bundles.empty() ? 0 : bundles[size_t(std::min(row, int(bundles.size()) - 1))].id;
    select(next);
    removedCurrentId_ = b.id;
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
        for (TierColumn *c : tierColumns_) {
            c->setParent(nullptr);
            c->deleteLater();
        }
        tierColumns_.clear();
        shownTiers_.clear();
        shownIssues_.clear();
        mapList_->clear();
        return;
    }
    const BundleCatalog catalog(*snap, document()->endpoints());
    const SnapshotProduct *anchor = catalog.product(b->anchorProductId);
    name_->setText(QString::fromStdString(b->name));
    name_->setCursorPosition(0);   // a name longer than the box shows its beginning, not its end
    title_->setText(tr("Around <b>%1</b> %2").arg(anchor ? QString::fromStdString(anchor->sku).toHtmlEscaped() : tr("(unknown product)"),
                                                  anchor ? QString::fromStdString(anchor->title).toHtmlEscaped() : QString()));
    showTiers(*b, true);
    fillMap();
}

void BundlesView::showTiers(const Bundle &b, bool all)
{
    const auto snap = document()->snapshot();
    if (!snap) return;
    const BundleCatalog catalog(*snap, document()->endpoints());
    const BundleTakeRate take = takeRate(catalog, b);
    const auto issues = checkBundle(catalog, b);
    summary_->setText(tr("%n tier(s); %1 orders held the anchor. Drag products from the right onto a tier.", nullptr, int(b.tiers.size()))
                          .arg(take.anchorOrders));
    addTier_->setEnabled(b.tiers.size() < size_t(Bundle::MaxTiers));
    while (tierColumns_.size() > b.tiers.size()) {
        // Later, not now: the edit that removed the tier may have come from this very column.
        tierColumns_.back()->hide();
        tierColumns_.back()->setParent(nullptr);
        tierColumns_.back()->deleteLater();
        tierColumns_.pop_back();
    }
    while (tierColumns_.size() < b.tiers.size()) {
        auto *c = new TierColumn(int(tierColumns_.size()), columnsHost_);
        connect(c, &TierColumn::edited, this, &BundlesView::editTier);
        connect(c, &TierColumn::removeRequested, this, [this](int t) {
            const Bundle *cur = current();
            if (!cur || cur->tiers.size() <= 1 || t >= int(cur->tiers.size())) return;
            Bundle after = *cur;
            const QString name = QString::fromStdString(after.tiers[size_t(t)].name);
            after.tiers.erase(after.tiers.begin() + t);
            pushEdit(after, tr("Remove tier %1").arg(name));
        });
        columns_->addWidget(c);
        tierColumns_.push_back(c);
    }
    if (shownIssues_.size() != b.tiers.size()) all = true;
    shownTiers_.resize(b.tiers.size());
    shownIssues_.resize(b.tiers.size());
    for (size_t t = 0; t < b.tiers.size(); ++t) {
        std::vector<BundleIssue> mine;
        std::vector<std::string> messages;
        for (const BundleIssue &i : issues)
            if (i.tier == int(t)) {
                mine.push_back(i);
                messages.push_back(i.message + '#' + std::to_string(i.item));
            }
        // Only the columns whose tier or warnings changed: the others keep their editors untouched.
        if (!all && shownTiers_[t] == b.tiers[t] && shownIssues_[t] == messages) continue;
        shownTiers_[t] = b.tiers[t];
        shownIssues_[t] = std::move(messages);
        tierColumns_[t]->show(catalog, b.tiers[t], priceTier(catalog, b.tiers[t]), take.tiers[t], mine, b.tiers.size() > 1);
    }
}

void BundlesView::fillMap()
{
    mapList_->clear();
    const auto snap = document()->snapshot();
    const Bundle *b = current();
    if (!snap || !b) return;
    const BundleCatalog catalog(*snap, document()->endpoints());
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
        error(tr("Bundle %1 was not changed: %2").arg(QString::fromStdString(b->name), QString::fromStdString(why)));
        showBundle();
        return;
    }
    const Bundle before = *b;
    document()->undoStack()->push(new EditBundleCommand(document(), before, after, what, mergeKey));
    // A failed save leaves the stack and the document as they were: show what is stored again.
    if (const Bundle *now = current(); now && now->sameContent(before)) showBundle();
}

bool BundlesView::generateFor(const QString &sku)
{
    const auto snap = document()->snapshot();
    if (!snap || !document()->workspace()) return false;
    const int32_t p = snap->productIndex(sku.toStdString());
    if (p < 0) {
        error(tr("No bundle was generated: no product with SKU %1 in the workspace").arg(sku));
        return false;
    }
    Bundle b = generateBundle(*snap, uint32_t(p));
    // As BundleStore::uniqueName, over the document's list (no query on the GUI thread).
    const std::vector<Bundle> &bundles = document()->bundles();
    b.name = freeBundleName(b.name, [&](const std::string &n) {
        return std::any_of(bundles.begin(), bundles.end(), [&](const Bundle &x) { return x.name == n; });
    });
    // The new bundle's id comes with bundleAdded, during push(): push() deletes a command that failed, so
    // the command is never read after it.
    addedId_ = 0;
    selectAdded_ = true;
    document()->undoStack()->push(new AddBundleCommand(document(), std::move(b)));
    selectAdded_ = false;
    return addedId_ > 0;
}

bool BundlesView::selectBundle(const QString &name)
{
    for (const Bundle &b : document()->bundles())
        if (QString::fromStdString(b.name) == name) {
            select(b.id);
            return true;
        }
    return false;
}

void BundlesView::saveState(QSettings &s) const { s.setValue(QStringLiteral("splitter"), splitter_->saveState()); }
void BundlesView::restoreState(QSettings &s)
{
    if (splitter_->restoreState(s.value(QStringLiteral("splitter")).toByteArray())) userSized_ = true;
}

void BundlesView::resizeEvent(QResizeEvent *event)
{
    WorkspaceView::resizeEvent(event);
    if (userSized_) return;
    // The default split for the width the view really has: the list 190 px, the products a fifth (210 to
    // 260 px), the tiers the rest. Queued: the splitter takes its own new size only after this event.
    QMetaObject::invokeMethod(this, [this] {
        if (userSized_) return;
        const int w = splitter_->width(), right = std::clamp(w / 5, 210, 260);
        splitter_->setSizes({190, w - 190 - right, right});
    }, Qt::QueuedConnection);
}

}  // namespace mb
