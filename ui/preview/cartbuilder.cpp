#include "ui/preview/cartbuilder.h"

#include "ui/format.h"
#include "ui/preview/cartmodel.h"
#include "ui/preview/productpicker.h"
#include "ui/tablestyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mb {

CartBuilder::CartBuilder(QWidget *parent)
    : QWidget(parent), model_(new CartModel(this)), add_(new ProductPicker(this)), table_(new QTableView(this)),
      remove_(new QPushButton(tr("Remove"), this)), clear_(new QPushButton(tr("Empty Cart"), this)), subtotal_(new QLabel(this))
{
    add_->setClearOnChoice(true);
    add_->setPlaceholderText(tr("Add to the cart: search a product by SKU or title…"));
    table_->setModel(model_);
    setUpTable(table_);
    table_->setSortingEnabled(false);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setSectionResizeMode(CartModel::Title, QHeaderView::Stretch);
    table_->setToolTip(tr("Double-click a quantity to change it"));
    QFont bold = subtotal_->font();
    bold.setBold(true);
    subtotal_->setFont(bold);

    connect(add_, &ProductPicker::productChosen, this, [this](const QString &sku) { model_->add(sku); });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const QModelIndex i = table_->currentIndex();
        if (i.isValid()) model_->removeLine(i.row());
    });
    connect(clear_, &QPushButton::clicked, model_, &CartModel::clearLines);
    connect(model_, &CartModel::cartChanged, this, [this] {
        subtotal_->setText(tr("Subtotal %1").arg(fmt::money(model_->subtotal())));
        updateButtons();
        Q_EMIT cartChanged();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentChanged, this, &CartBuilder::updateButtons);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(remove_);
    buttons->addWidget(clear_);
    buttons->addStretch(1);
    buttons->addWidget(subtotal_);
    auto *left = new QVBoxLayout;
    left->addWidget(add_);
    left->addWidget(table_);
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addLayout(left, 1);
    l->addLayout(buttons);
    updateButtons();
}

void CartBuilder::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    add_->setSnapshot(snapshot);
    model_->setSnapshot(std::move(snapshot));
}

void CartBuilder::updateButtons()
{
    remove_->setEnabled(table_->currentIndex().isValid());
    clear_->setEnabled(model_->rowCount() > 0);
}

}  // namespace mb
