#include "ui/maps/mapsview.h"

#include "core/mining/minedresults.h"
#include "ui/infobar.h"
#include "ui/maps/anchorlistmodel.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/miningrunner.h"
#include "ui/maps/relationspanel.h"
#include "ui/maps/suggestionspanel.h"
#include "ui/minedcache.h"
#include "ui/miningbar.h"
#include "ui/tablestyle.h"
#include "ui/workspacedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mb {

MapsView::MapsView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent), loader_(this, [this](const Loaded &r) { onLoaded(r); }), anchors_(new AnchorListModel(this)), proxy_(new AnchorFilterProxy(this)),
      miner_(MiningRunner::of(document)), banner_(new MiningBar(document, MiningBar::Offer::MineAndRerun, this)), errors_(new InfoBar(this)), splitter_(new QSplitter(Qt::Horizontal, this)), rightSplitter_(new QSplitter(Qt::Vertical, splitter_)),
      search_(new QLineEdit(this)), show_(new QComboBox(this)), anchorTable_(new QTableView(this)),
      relations_(new RelationsPanel(document, rightSplitter_)), suggestions_(new SuggestionsPanel(document, rightSplitter_))
{
    // Mined results: the document's shared copy; a failed run is the window's to report (one place).
    connect(miner_, &MiningRunner::started, errors_, &QWidget::hide);
    connect(MinedCache::of(document), &MinedCache::minedChanged, this, &MapsView::onMinedChanged);

    // Anchors.
    proxy_->setSourceModel(anchors_);
    anchorTable_->setModel(proxy_);
    anchorTable_->setObjectName(QStringLiteral("anchorTable"));
    setUpTable(anchorTable_);
    anchorTable_->sortByColumn(AnchorListModel::Anchor, Qt::AscendingOrder);
    anchorTable_->horizontalHeader()->setSectionResizeMode(AnchorListModel::Anchor, QHeaderView::Stretch);
    // Wide enough for its header and the sort arrow: "Relations" would elide at a fixed 64 px.
    anchorTable_->horizontalHeader()->resizeSection(AnchorListModel::Relations,
                                                    std::max(64, anchorTable_->horizontalHeader()->sectionSizeHint(AnchorListModel::Relations)));
    anchorTable_->horizontalHeader()->setSectionsMovable(false);
    search_->setPlaceholderText(tr("Search SKU, title or category"));
    search_->setClearButtonEnabled(true);
    search_->setObjectName(QStringLiteral("anchorSearch"));
    show_->setObjectName(QStringLiteral("anchorShow"));
    show_->addItem(tr("All anchors"), AnchorFilterProxy::All);
    show_->addItem(tr("Categories"), AnchorFilterProxy::Categories);
    show_->addItem(tr("Products"), AnchorFilterProxy::Products);
    show_->addItem(tr("With relations"), AnchorFilterProxy::Mapped);
    connect(search_, &QLineEdit::textChanged, proxy_, &AnchorFilterProxy::setText);
    connect(show_, &QComboBox::currentIndexChanged, this, [this] { proxy_->setShow(AnchorFilterProxy::Show(show_->currentData().toInt())); });
    connect(anchorTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MapsView::onAnchorChanged);

    auto *left = new QWidget(splitter_);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(search_);
    leftLayout->addWidget(show_);
    leftLayout->addWidget(anchorTable_, 1);

    rightSplitter_->addWidget(relations_);
    rightSplitter_->addWidget(suggestions_);
    rightSplitter_->setStretchFactor(0, 3);
    rightSplitter_->setStretchFactor(1, 2);
    rightSplitter_->setChildrenCollapsible(false);
    splitter_->addWidget(left);
    splitter_->addWidget(rightSplitter_);
    // Grow both sides in proportion: the anchor list needs room for titles, not only the map.
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 3);
    left->setMinimumWidth(240);
    connect(splitter_, &QSplitter::splitterMoved, this, [this] { userSized_ = true; });
    connect(rightSplitter_, &QSplitter::splitterMoved, this, [this] { userSized_ = true; });
    splitter_->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->addWidget(banner_);
    layout->addWidget(errors_);
    layout->addWidget(splitter_, 1);

    // Edits: the same history with the edit in it; every model changes only the rows concerned.
    connect(document, &WorkspaceDocument::mapsEdited, this, &MapsView::onMapsEdited);
    connect(document, &WorkspaceDocument::workspaceChanged, this, [this] {
        // Another file: nothing typed, chosen or said for the last one carries over, and its anchor's id
        // means another product (or none) here.
        search_->clear();
        show_->setCurrentIndex(0);
        relations_->addBox()->clear();
        errors_->hide();
        anchorId_ = 0;
    });
    connect(document, &WorkspaceDocument::snapshotChanged, this, &MapsView::onSnapshotChanged);
    onSnapshotChanged();
}

MapsView::~MapsView() = default;

MapsView::Loaded MapsView::load(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const EndpointIndex> endpoints)
{
    Loaded r;
    r.data = MapData::make(std::move(snapshot), std::move(endpoints));
    const Snapshot &s = *r.data->snapshot;
    const RelationResolver &resolver = *r.data->resolver;
    // A category's map is inherited by every product in it: find which categories have one once.
    std::vector<char> categoryMapped(s.categories.size());
    for (int32_t c = 0; c < int32_t(s.categories.size()); ++c) categoryMapped[size_t(c)] = !resolver.ofCategory(c).empty();
    int32_t best = -1;
    for (uint32_t p = 0; p < s.products.size(); ++p) {
        if (best < 0 || s.basketsWith[p] > s.basketsWith[size_t(best)]) best = int32_t(p);
        if (r.openOn >= 0 && s.unitsSold[p] <= s.unitsSold[size_t(r.openOn)]) continue;
        bool mapped = !resolver.ofProduct(p).empty();
        for (int32_t c = s.products[p].category; !mapped && c >= 0; c = s.categories[size_t(c)].parent) mapped = categoryMapped[size_t(c)];
        if (mapped) r.openOn = int32_t(p);
    }
    // Nothing mapped yet (a store just imported): the product in most orders, whose suggestions are where
    // mapping starts (by orders, not units: one wholesale order of 80,995 paper birds is not a best seller).
    if (r.openOn < 0) r.openOn = best;
    return r;
}

void MapsView::onSnapshotChanged()
{
    // The rows of the old history index its snapshot: they go at once, the new ones follow from the worker.
    data_.reset();
    mined_.reset();
    anchors_->setMapData(nullptr);
    relations_->setMapData(nullptr);
    suggestions_->setSources(nullptr, nullptr);
    onAnchorChanged();
    startLoad();
}

void MapsView::startLoad()
{
    auto snap = document()->snapshot();
    if (!snap) return loader_.drop();
    loader_.run([snap, endpoints = document()->endpoints()] { return load(snap, endpoints); });
}

void MapsView::onLoaded(const Loaded &r)
{
    if (r.data->snapshot != document()->snapshot()) {
        // An edit arrived while the worker ran (a new history would have asked for a new load, which
        // supersedes this one): the labels still fit, take the edited relations as onMapsEdited does.
        if (!document()->snapshot()) return;
        Loaded again = r;
        again.data = r.data->edited(document()->snapshot());
        return apply(again);
    }
    apply(r);
}

void MapsView::apply(const Loaded &r)
{
    auto snap = r.data->snapshot;
    data_ = r.data;
    // Mined results hold product indices: the shared copy fits while the catalog and history are the same
    // (else it is null until the cache has read them for this snapshot: onMinedChanged).
    mined_ = MinedCache::of(document())->resultsFor(snap);
    anchors_->setMapData(data_);
    relations_->setMapData(data_);
    suggestions_->setSources(data_, mined_);

    // Keep the anchor across a reload; else the best seller that has a map (any best seller when none has),
    // so the view opens on something.
    QModelIndex idx;
    if (anchorId_) {
        const int32_t i = anchorType_ == EndpointType::Product ? data_->productIndex(anchorId_) : data_->categoryIndex(anchorId_);
        idx = anchors_->indexOf(anchorType_, i);
    }
    if (!idx.isValid()) idx = anchors_->indexOf(EndpointType::Product, r.openOn);
    const QModelIndex viewIdx = proxy_->mapFromSource(idx);
    if (viewIdx.isValid()) {
        anchorTable_->setCurrentIndex(viewIdx);
        anchorTable_->scrollTo(viewIdx, QAbstractItemView::PositionAtCenter);
    }
    onAnchorChanged();
}

void MapsView::onMapsEdited()
{
    // While the worker reads a new history there is nothing shown to update: onLoaded takes the edit.
    if (!data_) return;
    data_ = data_->edited(document()->snapshot());
    anchors_->updateMapData(data_);
    relations_->updateMapData(data_);
    suggestions_->updateMapData(data_);
}

void MapsView::onMinedChanged()
{
    const auto mined = data_ ? MinedCache::of(document())->resultsFor(data_->snapshot) : nullptr;
    if (mined == mined_) return;
    mined_ = mined;
    suggestions_->setSources(data_, mined_);
}

bool MapsView::isLoading() const
{
    if (loader_.isBusy() || (!data_ && document()->snapshot())) return true;
    return data_ && (!mined_ || MinedCache::of(document())->isLoading());
}

void MapsView::onAnchorChanged()
{
    const QModelIndex idx = anchorTable_->currentIndex();
    if (!data_ || !idx.isValid()) {
        relations_->setAnchor(EndpointType::Product, -1);
        suggestions_->setAnchor(EndpointType::Product, -1);
        return;
    }
    anchorType_ = EndpointType(idx.data(AnchorListModel::TypeRole).toInt());
    const int32_t index = idx.data(AnchorListModel::IndexRole).toInt();
    anchorId_ = data_->endpointId(anchorType_, index);
    relations_->setAnchor(anchorType_, index);
    suggestions_->setAnchor(anchorType_, index);
}

bool MapsView::selectAnchor(EndpointType type, const QString &skuOrPath)
{
    if (!data_) return false;
    int32_t index = -1;
    if (type == EndpointType::Product) index = data_->snapshot->productIndex(skuOrPath.toStdString());
    else
        for (int32_t c = 0; c < int32_t(data_->snapshot->categories.size()); ++c)
            if (data_->categoryLabel(c) == skuOrPath) index = c;
    QModelIndex idx = proxy_->mapFromSource(anchors_->indexOf(type, index));
    if (!idx.isValid() && index >= 0) {
        // Hidden by the filter: clear it rather than fail.
        search_->clear();
        show_->setCurrentIndex(0);
        idx = proxy_->mapFromSource(anchors_->indexOf(type, index));
    }
    if (!idx.isValid()) return false;
    anchorTable_->setCurrentIndex(idx);
    anchorTable_->scrollTo(idx, QAbstractItemView::PositionAtCenter);
    return true;
}

QString MapsView::bannerText() const { return banner_->text(); }

QPushButton *MapsView::bannerButton() const { return banner_->button(); }

void MapsView::resizeEvent(QResizeEvent *event)
{
    WorkspaceView::resizeEvent(event);
    if (userSized_) return;
    // The default split in proportion to the size the view really has; queued, because the splitters
    // take their own new size only after this event (and a hidden view's only when it is shown).
    QMetaObject::invokeMethod(this, [this] {
        if (userSized_) return;
        const int w = splitter_->width();
        splitter_->setSizes({w * 29 / 100, w - w * 29 / 100});
        const int h = rightSplitter_->height();
        rightSplitter_->setSizes({h * 55 / 100, h - h * 55 / 100});
    }, Qt::QueuedConnection);
}

void MapsView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("splitter"), splitter_->saveState());
    settings.setValue(QStringLiteral("rightSplitter"), rightSplitter_->saveState());
    QByteArray tree;
    relations_->saveHeader(tree);
    settings.setValue(QStringLiteral("relationColumns"), tree);
    settings.setValue(QStringLiteral("suggestionColumns"), suggestions_->saveHeader());
}

void MapsView::restoreState(QSettings &settings)
{
    if (splitter_->restoreState(settings.value(QStringLiteral("splitter")).toByteArray())) userSized_ = true;
    rightSplitter_->restoreState(settings.value(QStringLiteral("rightSplitter")).toByteArray());
    relations_->restoreHeader(settings.value(QStringLiteral("relationColumns")).toByteArray());
    suggestions_->restoreHeader(settings.value(QStringLiteral("suggestionColumns")).toByteArray());
}

}  // namespace mb
