#include "ui/maps/mapsview.h"

#include "core/mining/minedresults.h"
#include "ui/workpool.h"
#include "ui/infobar.h"
#include "ui/maps/anchorlistmodel.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/miningrunner.h"
#include "ui/maps/relationspanel.h"
#include "ui/maps/suggestionspanel.h"
#include "ui/tablestyle.h"
#include "ui/workspacedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mb {

MapsView::MapsView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent), anchors_(new AnchorListModel(this)), proxy_(new AnchorFilterProxy(this)),
      miner_(new MiningRunner(document, this)), banner_(new QFrame(this)), bannerLabel_(new QLabel(banner_)),
      progress_(new QProgressBar(banner_)), bannerButton_(new QPushButton(banner_)), cancel_(new QPushButton(tr("Cancel"), banner_)),
      errors_(new InfoBar(this)), splitter_(new QSplitter(Qt::Horizontal, this)), rightSplitter_(new QSplitter(Qt::Vertical, splitter_)),
      search_(new QLineEdit(this)), show_(new QComboBox(this)), anchorTable_(new QTableView(this)),
      relations_(new RelationsPanel(document, rightSplitter_)), suggestions_(new SuggestionsPanel(document, rightSplitter_))
{
    // Banner: nothing mined, mined results stale, or a run in progress.
    banner_->setObjectName(QStringLiteral("miningBanner"));
    banner_->setStyleSheet(QStringLiteral("#miningBanner { background: #fff4d6; border: 1px solid #e5c973; border-radius: 4px; }"));
    bannerButton_->setObjectName(QStringLiteral("miningButton"));
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(260);
    progress_->setTextVisible(true);
    auto *bannerLayout = new QHBoxLayout(banner_);
    bannerLayout->setContentsMargins(10, 4, 6, 4);
    bannerLayout->addWidget(bannerLabel_, 1);
    bannerLayout->addWidget(progress_);
    bannerLayout->addWidget(bannerButton_);
    bannerLayout->addWidget(cancel_);
    connect(bannerButton_, &QPushButton::clicked, this, &MapsView::startMining);
    connect(cancel_, &QPushButton::clicked, miner_, &MiningRunner::cancel);
    connect(miner_, &MiningRunner::progress, progress_, &QProgressBar::setValue);
    connect(miner_, &MiningRunner::finished, this, [this](bool ok, const QString &error, qint64) {
        if (!ok && !error.isEmpty()) errors_->showMessage(tr("Mining failed: %1").arg(error));
        updateBanner();
    });

    // Anchors.
    proxy_->setSourceModel(anchors_);
    anchorTable_->setModel(proxy_);
    anchorTable_->setObjectName(QStringLiteral("anchorTable"));
    setUpTable(anchorTable_);
    anchorTable_->sortByColumn(AnchorListModel::Anchor, Qt::AscendingOrder);
    anchorTable_->horizontalHeader()->setSectionResizeMode(AnchorListModel::Anchor, QHeaderView::Stretch);
    anchorTable_->horizontalHeader()->resizeSection(AnchorListModel::Relations, 64);
    anchorTable_->horizontalHeader()->setSectionsMovable(false);
    search_->setPlaceholderText(tr("Search SKU, title or category"));
    search_->setClearButtonEnabled(true);
    search_->setObjectName(QStringLiteral("anchorSearch"));
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
    connect(&minedWatcher_, &QFutureWatcher<std::shared_ptr<const MinedResults>>::finished, this, &MapsView::onMinedLoaded);
    connect(document, &WorkspaceDocument::snapshotChanged, this, &MapsView::onSnapshotChanged);
    onSnapshotChanged();
}

MapsView::~MapsView()
{
    miner_->cancel();
    miner_->waitForFinished();
    minedWatcher_.waitForFinished();
}

void MapsView::onSnapshotChanged()
{
    auto snap = document()->snapshot();
    const auto previous = data_;
    data_ = MapData::make(snap, document()->endpoints());
    // Mined results hold product indices: they stay usable while the catalog is the same one.
    if (!data_ || !previous || previous->snapshot->products.size() != snap->products.size() ||
        previous->snapshot->historyVersion != snap->historyVersion)
        mined_.reset();
    anchors_->setMapData(data_);
    relations_->setMapData(data_);
    suggestions_->setSources(data_, mined_);
    minedPending_ = bool(data_);
    if (data_ && !minedWatcher_.isRunning()) loadMined();

    // Keep the anchor across a reload; else the best seller that has a map, so the view opens on something.
    QModelIndex idx;
    if (data_ && anchorId_) {
        const int32_t i = anchorType_ == EndpointType::Product ? data_->productIndex(anchorId_) : data_->categoryIndex(anchorId_);
        idx = anchors_->indexOf(anchorType_, i);
    }
    if (data_ && !idx.isValid()) {
        const Snapshot &s = *data_->snapshot;
        int32_t best = -1;
        for (uint32_t p = 0; p < s.products.size(); ++p) {
            bool mapped = !data_->resolver->ofProduct(p).empty();
            for (int32_t c : data_->resolver->categoryChain(p)) mapped = mapped || !data_->resolver->ofCategory(c).empty();
            if (mapped && (best < 0 || s.unitsSold[p] > s.unitsSold[size_t(best)])) best = int32_t(p);
        }
        idx = anchors_->indexOf(EndpointType::Product, best);
    }
    const QModelIndex viewIdx = proxy_->mapFromSource(idx);
    if (viewIdx.isValid()) {
        anchorTable_->setCurrentIndex(viewIdx);
        anchorTable_->scrollTo(viewIdx, QAbstractItemView::PositionAtCenter);
    }
    onAnchorChanged();
    updateBanner();
}

void MapsView::onMapsEdited()
{
    if (!data_) return;
    data_ = MapData::make(document()->snapshot(), document()->endpoints());
    anchors_->updateMapData(data_);
    relations_->updateMapData(data_);
    suggestions_->updateMapData(data_);
}

void MapsView::onMinedLoaded()
{
    const auto snap = document()->snapshot();
    if (minedWatcher_.property("snapshot").value<quintptr>() != quintptr(snap.get())) {
        // A newer snapshot arrived meanwhile: load for that one.
        if (snap && document()->workspace()) loadMined();
        else minedPending_ = false;
        return;
    }
    mined_ = minedWatcher_.result();
    minedPending_ = false;
    suggestions_->setSources(data_, mined_);
    updateBanner();
}

void MapsView::loadMined()
{
    // Read on a worker: a big store's pair table is large, and the GUI thread never waits on the database.
    auto ws = document()->workspace();
    auto snap = document()->snapshot();
    minedWatcher_.setProperty("snapshot", QVariant::fromValue(quintptr(snap.get())));
    minedWatcher_.setFuture(QtConcurrent::run(workPool(), [ws, snap] { return std::make_shared<const MinedResults>(loadMinedResults(*ws, *snap)); }));
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

QString MapsView::bannerText() const { return banner_->isHidden() ? QString() : bannerLabel_->text(); }

void MapsView::updateBanner()
{
    const bool running = miner_->isRunning();
    progress_->setVisible(running);
    cancel_->setVisible(running);
    bannerButton_->setVisible(!running);
    if (running) {
        bannerLabel_->setText(tr("Mining the order history: pair statistics, EASE and re-buy intervals…"));
        banner_->show();
    } else if (!data_ || !mined_) {
        banner_->hide();  // loading
    } else if (data_->snapshot->basketCount() == 0) {
        banner_->hide();  // nothing to mine
    } else if (mined_->empty()) {
        bannerLabel_->setText(tr("Nothing mined yet: mine the order history to get suggestions with their evidence."));
        bannerButton_->setText(tr("Mine Now"));
        banner_->show();
    } else if (mined_->stale) {
        bannerLabel_->setText(tr("Orders were imported since the last mining run —"));
        bannerButton_->setText(tr("Re-run"));
        banner_->show();
    } else {
        banner_->hide();
    }
}

void MapsView::startMining()
{
    errors_->hide();
    if (miner_->start()) updateBanner();
}

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
