#include "ui/bundles/tiercolumn.h"

#include "ui/bundles/bundledelegates.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mb {

namespace {

QString money(double v) { return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', 2); }

// A cell widget at its natural height in the middle of a two-line row, not stretched to fill it.
QWidget *centred(QWidget *w)
{
    auto *cell = new QWidget;
    auto *l = new QHBoxLayout(cell);
    l->setContentsMargins(0, 0, 0, 0);
    l->setAlignment(Qt::AlignCenter);
    l->addWidget(w);
    return cell;
}

}  // namespace

TierColumn::TierColumn(int index, QWidget *parent) : QFrame(parent), index_(index)
{
    setFrameShape(QFrame::StyledPanel);
    setAcceptDrops(true);
    setMinimumWidth(210);
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("Tier name"));
    QFont f = name_->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    name_->setFont(f);
    remove_ = new QToolButton(this);
    remove_->setText(QStringLiteral("✕"));
    remove_->setToolTip(tr("Remove this tier"));
    remove_->setAutoRaise(true);
    head->addWidget(name_, 1);
    head->addWidget(remove_);
    layout->addLayout(head);

    auto *priceRow = new QHBoxLayout;
    pricing_ = new QComboBox(this);
    pricing_->addItems({tr("Sum of items"), tr("Discount"), tr("Fixed price")});
    value_ = new QDoubleSpinBox(this);
    value_->setDecimals(2);
    value_->setRange(0, 1e7);
    value_->setKeyboardTracking(false);
    priceRow->addWidget(pricing_, 1);
    priceRow->addWidget(value_);
    layout->addLayout(priceRow);

    items_ = new QTableWidget(0, 4, this);
    items_->setHorizontalHeaderLabels({tr("Item"), tr("Qty"), tr("Opt."), QString()});
    items_->horizontalHeaderItem(2)->setToolTip(tr("Optional: offered with the tier, not in its price"));
    items_->horizontalHeaderItem(1)->setToolTip(tr("Quantity in the tier"));
    items_->verticalHeader()->hide();
    // Row height fits SKU and title on two lines; the editors sit centred in it.
    items_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    items_->verticalHeader()->setDefaultSectionSize(2 * fontMetrics().height() + 10);
    items_->setItemDelegateForColumn(0, new ProductEntryDelegate(true, items_));
    auto *header = items_->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setMinimumSectionSize(24);
    // The editors need little room; the item's title gets the rest.
    const int qtyWidth = qtyWidth_ = fontMetrics().horizontalAdvance(QStringLiteral("999")) + 26;
    const int optWidth = std::max(fontMetrics().horizontalAdvance(tr("Opt.")) + 10, 30);
    for (auto [c, w] : {std::pair{1, qtyWidth}, std::pair{2, optWidth}, std::pair{3, 24}}) {
        header->setSectionResizeMode(c, QHeaderView::Fixed);
        header->resizeSection(c, w);
    }
    items_->setSelectionMode(QAbstractItemView::NoSelection);
    items_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    items_->setAlternatingRowColors(true);
    items_->setWordWrap(false);
    items_->setTextElideMode(Qt::ElideRight);
    items_->setToolTip(tr("Drag products here from the catalog or from the anchor's map"));
    layout->addWidget(items_, 1);

    totals_ = new QLabel(this);
    totals_->setTextFormat(Qt::RichText);
    totals_->setToolTip(tr("Worth: the items' prices added up. Savings: worth minus price. Available: how many can be made from stock. "
                           "Orders with it: past orders with the anchor that held every required item (share of the anchor's orders)."));
    layout->addWidget(totals_);
    warnings_ = new QLabel(this);
    warnings_->setWordWrap(true);
    warnings_->setTextFormat(Qt::RichText);
    layout->addWidget(warnings_);

    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (updating_ || name_->text().trimmed().isEmpty() || name_->text().trimmed().toStdString() == tier_.name) return;
        tier_.name = name_->text().trimmed().toStdString();
        emitEdit(tr("Rename tier"), 1);
    });
    connect(pricing_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (updating_) return;
        tier_.pricing = TierPricing(i);
        // A fixed price starts at what the tier costs now (its sum, or its discounted sum), never at 0.00:
        // exported as is, 0 would make the tier free.
        if (tier_.pricing == TierPricing::Fixed && std::isnan(tier_.fixedPrice))
            tier_.fixedPrice = std::isnan(shownPrice_) ? 0 : std::round(shownPrice_ * 100) / 100;
        emitEdit(tr("Change pricing of %1").arg(QString::fromStdString(tier_.name)), 0);
    });
    connect(value_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (updating_) return;
        if (tier_.pricing == TierPricing::Discount) tier_.discountPercent = v;
        else if (tier_.pricing == TierPricing::Fixed) tier_.fixedPrice = v;
        else return;
        emitEdit(tr("Change price of %1").arg(QString::fromStdString(tier_.name)), 2);
    });
    connect(remove_, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(index_); });
}

void TierColumn::emitEdit(const QString &what, int mergeKey)
{
    Q_EMIT edited(index_, tier_, what, mergeKey ? mergeKey * 10 + index_ : 0);
}

void TierColumn::show(const BundleCatalog &catalog, const BundleTier &tier, const TierTotals &t, const TierTakeRate &take,
                      const std::vector<BundleIssue> &issues, bool removable)
{
    updating_ = true;
    tier_ = tier;
    shownPrice_ = t.price;
    name_->setText(QString::fromStdString(tier.name));
    remove_->setVisible(removable);
    pricing_->setCurrentIndex(int(tier.pricing));
    value_->setVisible(tier.pricing != TierPricing::Sum);
    if (tier.pricing == TierPricing::Discount) {
        value_->setRange(0, 100);
        value_->setSuffix(QStringLiteral(" %"));
        value_->setValue(tier.discountPercent);
    } else if (tier.pricing == TierPricing::Fixed) {
        value_->setRange(0, 1e7);
        value_->setSuffix(QString());
        value_->setValue(std::isnan(tier.fixedPrice) ? 0 : tier.fixedPrice);
    }
    // Rows are updated in place: an edit (or its undo) changes the values of the rows that are there and
    // adds or drops rows at the end, so the editors keep their focus and nothing is rebuilt.
    const int before = items_->rowCount();
    items_->setRowCount(int(tier.items.size()));
    for (int r = 0; r < int(tier.items.size()); ++r) {
        const BundleItem &it = tier.items[size_t(r)];
        const SnapshotProduct *p = catalog.product(it.productId);
        // SKU above the title (the delegate draws both): the column is narrow and both tell two cards apart.
        QTableWidgetItem *label = items_->item(r, 0);
        if (!label) {
            label = new QTableWidgetItem;
            items_->setItem(r, 0, label);
        }
        label->setText(p ? QString::fromStdString(p->title) : tr("(unknown product)"));
        label->setData(bundleroles::Sku, p ? QString::fromStdString(p->sku) : QStringLiteral("?"));
        label->setToolTip(p ? QString::fromStdString(p->sku) + QStringLiteral("  ") + QString::fromStdString(p->title) + QStringLiteral("\n") +
                                  tr("Price %1, cost %2, stock %3").arg(money(p->price), money(p->cost), p->stock < 0 ? QStringLiteral("?") : QString::number(p->stock))
                            : QString());
        bool flagged = false;
        for (const BundleIssue &i : issues)
            if (i.item == r) flagged = true;
        label->setData(Qt::ForegroundRole, flagged ? QVariant(QColor(0xB0, 0x3A, 0x2E)) : QVariant());
        if (r < before && items_->cellWidget(r, 1)) {
            auto *qty = items_->cellWidget(r, 1)->findChild<QSpinBox *>();
            auto *opt = items_->cellWidget(r, 2)->findChild<QCheckBox *>();
            const QSignalBlocker b1(qty), b2(opt);
            if (qty->value() != it.quantity) qty->setValue(it.quantity);
            opt->setChecked(it.optional);
            continue;
        }
        auto *qty = new QSpinBox;
        qty->setRange(1, 999);
        qty->setValue(it.quantity);
        qty->setKeyboardTracking(false);
        qty->setFrame(false);
        qty->setFixedWidth(qtyWidth_ - 4);
        connect(qty, &QSpinBox::valueChanged, this, [this, r](int v) {
            if (size_t(r) >= tier_.items.size()) return;
            tier_.items[size_t(r)].quantity = v;
            emitEdit(tr("Change quantity"), 3);
        });
        items_->setCellWidget(r, 1, centred(qty));
        auto *opt = new QCheckBox;
        opt->setChecked(it.optional);
        opt->setToolTip(tr("Optional: offered with the tier, not in its price"));
        connect(opt, &QCheckBox::toggled, this, [this, r](bool on) {
            if (size_t(r) >= tier_.items.size()) return;
            tier_.items[size_t(r)].optional = on;
            emitEdit(on ? tr("Make item optional") : tr("Make item required"), 0);
        });
        items_->setCellWidget(r, 2, centred(opt));
        auto *del = new QToolButton;
        del->setText(QStringLiteral("✕"));
        del->setAutoRaise(true);
        del->setToolTip(tr("Remove the item from this tier"));
        connect(del, &QToolButton::clicked, this, [this, r] {
            if (size_t(r) >= tier_.items.size()) return;
            tier_.items.erase(tier_.items.begin() + r);
            emitEdit(tr("Remove item"), 0);
        });
        items_->setCellWidget(r, 3, centred(del));
    }
    fitContents();
    const QString margin = std::isnan(t.marginPercent) ? QStringLiteral("–")
                                                       : QStringLiteral("%1 (%2 %)").arg(money(t.margin), QLocale().toString(t.marginPercent, 'f', 1));
    totals_->setText(QStringLiteral("<table cellspacing=2>"
                                    "<tr><td>%1</td><td align=right><b style='font-size:large'>%2</b></td></tr>"
                                    "<tr><td>%3</td><td align=right>%4</td></tr>"
                                    "<tr><td>%5</td><td align=right>%6</td></tr>"
                                    "<tr><td>%7</td><td align=right>%8</td></tr>"
                                    "<tr><td>%9</td><td align=right>%10</td></tr>"
                                    "<tr><td>%11</td><td align=right>%12</td></tr></table>")
                         .arg(tr("Price"), money(t.price), tr("Worth"), money(t.compareAt), tr("Savings"),
                              std::isnan(t.savingsPercent) ? money(t.savings)
                                                           : QStringLiteral("%1 (%2 %)").arg(money(t.savings), QLocale().toString(t.savingsPercent, 'f', 1)),
                              tr("Margin"), margin, tr("Available"), t.availability < 0 ? QStringLiteral("–") : QString::number(t.availability),
                              tr("Orders with it"),
                              std::isnan(take.share) ? QString::number(take.orders)
                                                     : QStringLiteral("%1 (%2 %)").arg(take.orders).arg(QLocale().toString(take.share * 100, 'f', 1))));
    QStringList lines;
    for (const BundleIssue &i : issues) {
        // The tier name prefix is redundant inside the tier's own column.
        QString m = QString::fromStdString(i.message);
        const QString prefix = QString::fromStdString(tier.name) + QStringLiteral(": ");
        if (m.startsWith(prefix)) m = m.mid(prefix.size());
        lines << QStringLiteral("⚠ ") + m.toHtmlEscaped();
    }
    warnings_->setText(lines.isEmpty() ? QStringLiteral("<span style='color:#2E7D32'>✓ %1</span>").arg(tr("No warnings"))
                                       : QStringLiteral("<span style='color:#B03A2E'>%1</span>").arg(lines.join(QStringLiteral("<br>"))));
    updating_ = false;
}

void TierColumn::fitContents()
{
    // Wide enough to show the longest SKU whole (the title beneath it elides): the Bundles view wraps
    // tiers onto another row before it would cut one. The room the delegate leaves around a SKU, the
    // fixed Qty / Opt. / remove columns, and the frames and margins come on top.
    const auto *delegate = static_cast<ProductEntryDelegate *>(items_->itemDelegateForColumn(0));
    QFont bold = items_->font();
    bold.setBold(true);
    const QFontMetrics bm(bold);
    int sku = 0;
    for (int r = 0; r < items_->rowCount(); ++r)
        if (const QTableWidgetItem *label = items_->item(r, 0)) sku = std::max(sku, bm.horizontalAdvance(label->data(bundleroles::Sku).toString()));
    const int padding = 100 - delegate->skuWidth(QRect(0, 0, 100, 10), items_->font(), QString());
    int fixed = 0;
    for (int c = 1; c < items_->columnCount(); ++c) fixed += items_->horizontalHeader()->sectionSize(c);
    const QMargins m = layout()->contentsMargins();
    const int need = sku + padding + fixed + 2 * items_->frameWidth() + m.left() + m.right() + 2 * frameWidth();
    setMinimumWidth(std::max(210, need));
    // Every item shows without the table scrolling: when the tiers wrap onto more rows, the view scrolls
    // them as a whole rather than each table on its own.
    const int rows = items_->rowCount() * items_->verticalHeader()->defaultSectionSize();
    items_->setMinimumHeight(items_->horizontalHeader()->sizeHint().height() + std::max(rows, items_->verticalHeader()->defaultSectionSize()) +
                             2 * items_->frameWidth());
}

void TierColumn::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasFormat(QString::fromLatin1(ProductMimeType))) e->acceptProposedAction();
}

void TierColumn::dropEvent(QDropEvent *e)
{
    const QByteArray data = e->mimeData()->data(QString::fromLatin1(ProductMimeType));
    bool ok = false;
    const qint64 id = data.toLongLong(&ok);
    if (!ok || id <= 0) return;
    e->acceptProposedAction();
    for (BundleItem &i : tier_.items)
        if (i.productId == id) {
            ++i.quantity;   // dropping it again means one more
            emitEdit(tr("Add item"), 0);
            return;
        }
    tier_.items.push_back({id, 1, false});
    emitEdit(tr("Add item"), 0);
}

}  // namespace mb
