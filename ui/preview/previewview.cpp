#include "ui/preview/previewview.h"

#include "core/storage/snapshot.h"
#include "ui/flowlayout.h"
#include "ui/format.h"
#include "ui/infobar.h"
#include "ui/miningbar.h"
#include "ui/preview/cartbuilder.h"
#include "ui/preview/cartmodel.h"
#include "ui/preview/contextbar.h"
#include "ui/preview/placementcolumn.h"
#include "ui/preview/policypanel.h"
#include "ui/preview/previewcommands.h"
#include "ui/preview/previewrunner.h"
#include "ui/preview/productpicker.h"
#include "ui/reflowlayout.h"
#include "ui/workspacedocument.h"

#include <QButtonGroup>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace mb {

PreviewView::PreviewView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent), runner_(new PreviewRunner(document, this)), modeGroup_(new QButtonGroup(this)),
      picker_(new ProductPicker(this)), context_(new ContextBar(this)), policiesButton_(new QToolButton(this)), hero_(new QLabel(this)),
      evidence_(new QLabel(this)), cart_(new CartBuilder(this)), errors_(new InfoBar(this)), splitter_(new QSplitter(Qt::Horizontal, this)),
      scroll_(new QScrollArea(splitter_)), policies_(new PolicyPanel(splitter_))
{
    policySet_ = defaultPolicies();
    auto *productMode = new QToolButton(this);
    productMode->setText(tr("Product"));
    productMode->setToolTip(tr("Preview for one product, as if the shopper viewed it, put it in the cart and bought it"));
    auto *cartMode = new QToolButton(this);
    cartMode->setText(tr("Cart"));
    cartMode->setToolTip(tr("Preview for a cart of several products with quantities"));
    for (QToolButton *b : {productMode, cartMode}) {
        b->setCheckable(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    modeGroup_->addButton(productMode, int(Mode::Product));
    modeGroup_->addButton(cartMode, int(Mode::Cart));
    productMode->setChecked(true);
    connect(modeGroup_, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });

    picker_->setMinimumWidth(320);
    policiesButton_->setText(tr("Policies"));
    policiesButton_->setCheckable(true);
    policiesButton_->setToolTip(tr("Show the placement policies beside the preview"));
    connect(policiesButton_, &QToolButton::toggled, policies_, &QWidget::setVisible);

    // The controls wrap onto a second line when the window is narrow (1024 px): the mode and the product
    // on the first, the customer, the day and Policies on the next.
    auto *modes = new QWidget(this);
    auto *ml = new QHBoxLayout(modes);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->setSpacing(0);
    ml->addWidget(productMode);
    ml->addWidget(cartMode);
    auto *top = new FlowLayout;
    top->setSpacing(12);
    top->addWidget(modes);
    top->addWidget(picker_);
    top->addWidget(context_);
    top->addTrailing(policiesButton_);

    hero_->setTextFormat(Qt::RichText);
    hero_->setWordWrap(true);
    evidence_->setWordWrap(true);
    evidence_->setStyleSheet(QStringLiteral("color: #5f6670;"));
    QFont small = evidence_->font();
    small.setPointSizeF(small.pointSizeF() * 0.88);
    evidence_->setFont(small);
    cart_->setMaximumHeight(190);
    cart_->hide();
    errors_->hide();

    auto *columns = new QWidget(scroll_);
    // Four placements side by side when they fit, else two by two (or one under another): the preview
    // scrolls down, never sideways.
    auto *row = new ReflowLayout(columns);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(10);
    row->setUniformRowHeight(false);
    row->setMaximumColumns(4);
    for (Placement p : allPlacements) {
        columns_[size_t(p)] = new PlacementColumn(p, columns);
        row->addWidget(columns_[size_t(p)]);
    }
    scroll_->setWidget(columns);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    splitter_->addWidget(scroll_);
    splitter_->addWidget(policies_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 0);
    splitter_->setChildrenCollapsible(false);
    policies_->setMinimumWidth(280);
    policies_->hide();

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(10, 8, 10, 8);
    l->setSpacing(6);
    l->addLayout(top);
    l->addWidget(cart_);
    l->addWidget(hero_);
    l->addWidget(evidence_);
    // Stale saved evidence is not used (the preview mines for itself meanwhile): say so and offer Re-run.
    miningBar_ = new MiningBar(document, MiningBar::Offer::RerunOnly, this);
    l->addWidget(miningBar_);
    l->addWidget(errors_);
    l->addWidget(splitter_, 1);

    connect(picker_, &ProductPicker::productChosen, this, [this](const QString &sku) { setProduct(sku); });
    connect(cart_, &CartBuilder::cartChanged, this, [this] {
        if (mode_ == Mode::Cart) refresh();
    });
    connect(context_, &ContextBar::contextChanged, this, &PreviewView::refresh);
    connect(policies_, &PolicyPanel::valueEdited, this, &PreviewView::onPolicyEdited);
    // The document owns the policies: an edit, its undo or its redo re-ranks at once (a failed one is said on
    // the document's error channel, which the window shows).
    connect(document, &WorkspaceDocument::policyChanged, this, &PreviewView::onPolicyChanged);
    connect(runner_, &PreviewRunner::started, this, [this] {
        if (!build_) updateHeader();
    });
    connect(runner_, &PreviewRunner::built, this, &PreviewView::onBuilt);
    connect(document, &WorkspaceDocument::workspaceChanged, this, [this] {
        // Another file: its own products and customers (its policies come with its snapshot).
        picker_->clear();
        picker_->setSnapshot(nullptr);
        cart_->setSnapshot(nullptr);
    });
    connect(document, &WorkspaceDocument::snapshotChanged, runner_, &PreviewRunner::rebuild);
    // A map edit changes what placements pick: the engine is built again on a worker, the history shared.
    connect(document, &WorkspaceDocument::mapsEdited, runner_, &PreviewRunner::rebuild);
    if (document->snapshot()) runner_->rebuild();
    refresh();
}

PreviewView::~PreviewView() = default;

bool PreviewView::isBusy() const { return runner_->isBuilding(); }

// A product to view, or one to add to the cart, whichever the mode shows.
QLineEdit *PreviewView::findBox() const { return cart_->isVisibleTo(this) ? static_cast<QLineEdit *>(cart_->addBox()) : picker_; }

void PreviewView::setMode(Mode mode)
{
    mode_ = mode;
    modeGroup_->button(int(mode))->setChecked(true);
    picker_->setVisible(mode == Mode::Product);
    cart_->setVisible(mode == Mode::Cart);
    refresh();
}

bool PreviewView::setProduct(const QString &sku)
{
    if (!picker_->setSku(sku)) return false;
    setMode(Mode::Product);
    return true;
}

QString PreviewView::product() const { return picker_->sku(); }

QString PreviewView::defaultProduct() const
{
    // The hero: the product that brings in the most revenue, so a first look shows a rich, real case.
    const Snapshot &s = *build_->snapshot;
    int best = -1;
    double bestRevenue = -1;
    for (size_t i = 0; i < s.products.size(); ++i) {
        const SnapshotProduct &p = s.products[i];
        if (!p.offered() || std::isnan(p.price) || i >= s.unitsSold.size()) continue;
        const double revenue = s.unitsSold[i] * p.price;
        if (revenue > bestRevenue) {
            bestRevenue = revenue;
            best = int(i);
        }
    }
    return best < 0 ? QString() : fmt::str(s.products[size_t(best)].sku);
}

void PreviewView::onBuilt()
{
    build_ = runner_->current();
    if (!build_) {
        picker_->setSnapshot(nullptr);
        cart_->setSnapshot(nullptr);
        context_->setSnapshot(nullptr, 0);
        refresh();
        return;
    }
    // The document's policies, not the build's: an edit made while the engine was being built is newer.
    policySet_ = document()->policies();
    build_->engine->setPolicies(policySet_);
    policies_->setPolicies(policySet_);
    if (!build_->error.empty()) errors_->showMessage(tr("The stored policies could not be read, defaults are shown: %1").arg(fmt::str(build_->error)));
    picker_->setSnapshot(build_->snapshot);
    context_->setSnapshot(build_->snapshot, build_->engine->purchases().lastDay());
    {
        const QSignalBlocker block(cart_);  // one refresh below, not one per step
        cart_->setSnapshot(build_->snapshot);
    }
    if (picker_->sku().isEmpty()) picker_->setSku(defaultProduct());
    refresh();
}

void PreviewView::refresh()
{
    updateHeader();
    if (!build_) {
        const QString why = !document()->isOpen() ? tr("Open a workspace to preview its recommendations.")
                                                  : tr("Preparing the preview: indexing the maps and the mined evidence…");
        for (PlacementColumn *c : columns_) c->showMessage(why);
        Q_EMIT refreshed();
        return;
    }
    const PlacementEngine &engine = *build_->engine;
    RecommendContext base;
    base.day = context_->day();
    base.customer = context_->customer().isEmpty() ? -1 : engine.customerIndex(context_->customer().toStdString());
    int32_t anchor = -1;
    if (mode_ == Mode::Product) {
        anchor = engine.productIndex(picker_->sku().toStdString());
        if (anchor >= 0) base.cart.push_back({uint32_t(anchor), 1});
    } else {
        for (const CartModel::Line &l : cart_->model()->lines()) {
            const int32_t p = engine.productIndex(l.sku.toStdString());
            if (p >= 0) base.cart.push_back({uint32_t(p), double(l.quantity)});
        }
        if (!base.cart.empty()) anchor = int32_t(base.cart.front().product);
    }
    if (base.cart.empty()) {
        const QString why = mode_ == Mode::Product ? tr("Search a product above to see what each placement would show with it.")
                                                   : tr("Add products to the cart above to see what each placement would show.");
        for (PlacementColumn *c : columns_) c->showMessage(why);
        Q_EMIT refreshed();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    std::array<RecommendResult, 4> results;
    for (Placement p : allPlacements) {
        RecommendContext ctx = base;
        ctx.placement = p;
        // The product page shows one product (the first of a cart); the post-purchase e-mail follows the
        // order, anchored on the product bought; the cart and the checkout see the whole cart.
        if (p == Placement::ProductPage || (p == Placement::PostPurchase && mode_ == Mode::Product)) ctx.anchor = anchor;
        results[size_t(p)] = engine.recommend(ctx);
    }
    lastMs_ = double(timer.nsecsElapsed()) / 1e6;
    for (Placement p : allPlacements) columns_[size_t(p)]->setResult(*build_->snapshot, results[size_t(p)], engine.policy(p));
    evidence_->setText(evidenceText());  // with this refresh's timing
    Q_EMIT refreshed();
}

void PreviewView::updateHeader()
{
    if (!build_) {
        hero_->clear();
        evidence_->setText(runner_->isBuilding() ? tr("Building the placement engine for this workspace…") : QString());
        return;
    }
    const Snapshot &s = *build_->snapshot;
    if (mode_ == Mode::Product) {
        const int32_t i = s.productIndex(picker_->sku().toStdString());
        if (i < 0) {
            hero_->clear();
        } else {
            const SnapshotProduct &p = s.products[size_t(i)];
            QStringList facts;
            facts << QStringLiteral("<b style='font-size:large'>%1</b>").arg(fmt::money(p.price));
            if (p.category >= 0) facts << fmt::str(s.categories[size_t(p.category)].path).toHtmlEscaped();
            if (p.stock >= 0) facts << tr("%1 in stock").arg(fmt::count(p.stock));
            if (size_t(i) < s.unitsSold.size()) facts << tr("%1 sold").arg(fmt::quantity(s.unitsSold[size_t(i)]));
            hero_->setText(tr("<span style='font-size:large'>Viewing <b>%1</b></span> <span style='color:#7a808a'>%2</span><br>%3")
                               .arg(fmt::str(p.title).toHtmlEscaped(), fmt::str(p.sku).toHtmlEscaped(), facts.join(QStringLiteral(" &nbsp;·&nbsp; "))));
        }
    } else {
        hero_->clear();
    }
    hero_->setVisible(!hero_->text().isEmpty());
    evidence_->setText(evidenceText());
}

QString PreviewView::evidenceText() const
{
    if (!build_) return {};
    QString who = context_->customer().isEmpty() ? tr("an anonymous shopper") : tr("customer %1").arg(context_->customer());
    QString when = context_->day() == INT32_MIN ? tr("the day after the last order") : context_->dateEdit()->date().toString(QStringLiteral("yyyy-MM-dd"));
    QString mined;
    switch (build_->origin) {
    case EvidenceOrigin::Saved:
        mined = build_->minedAt > 0 ? tr("mined evidence saved on %1").arg(QDateTime::fromSecsSinceEpoch(build_->minedAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                    : tr("the saved mined evidence");
        break;
    case EvidenceOrigin::StaleMinedNow: mined = tr("evidence mined for this preview (the saved run predates the last import)"); break;
    case EvidenceOrigin::MinedNow: mined = tr("evidence mined for this preview (nothing saved yet: mine in Maps to keep it)"); break;
    case EvidenceOrigin::None: mined = tr("no order history to mine"); break;
    }
    return tr("For %1 on %2 · maps and %3 · four placements computed in %4 ms")
        .arg(who, when, mined, QString::number(lastMs_, 'f', 2));
}

void PreviewView::onPolicyEdited(Placement p, const QString &key, const QString &value)
{
    PlacementPolicy check = policySet_[size_t(p)];
    std::string error;
    const std::string k = key.toStdString();
    if (!setPolicyValue(check, k, value.toStdString(), error)) {
        errors_->showMessage(fmt::str(error));
        policies_->setPolicies(policySet_);  // back to what is in force
        return;
    }
    const std::string before = policyValue(policySet_[size_t(p)], k), after = policyValue(check, k);
    if (before == after) return;
    document()->undoStack()->push(new SetPolicyValueCommand(document(), p, k, before, after));
    // A failed save marks the command obsolete and the stack drops it: show what is in force again.
    policies_->setPolicies(policySet_);
}

void PreviewView::onPolicyChanged(Placement, const QString &, const QString &)
{
    policySet_ = document()->policies();
    if (build_) build_->engine->setPolicies(policySet_);
    policies_->setPolicies(policySet_);
    refresh();
}

void PreviewView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("splitter"), splitter_->saveState());
    settings.setValue(QStringLiteral("policies"), policiesButton_->isChecked());
    settings.setValue(QStringLiteral("policyPlacement"), int(policies_->currentPlacement()));
}

void PreviewView::restoreState(QSettings &settings)
{
    splitter_->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    policiesButton_->setChecked(settings.value(QStringLiteral("policies"), false).toBool());
    policies_->setVisible(policiesButton_->isChecked());
    policies_->showPlacement(Placement(std::clamp(settings.value(QStringLiteral("policyPlacement"), 0).toInt(), 0, 3)));
}

}  // namespace mb
