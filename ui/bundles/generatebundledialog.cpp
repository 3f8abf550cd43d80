#include "ui/bundles/generatebundledialog.h"

#include "core/maps/relationresolver.h"
#include "core/storage/snapshot.h"
#include "ui/preview/productpicker.h"

#include <QDialogButtonBox>
#include <QLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mb {

GenerateBundleDialog::GenerateBundleDialog(std::shared_ptr<const Snapshot> snapshot, const QString &sku, QWidget *parent)
    : QDialog(parent), picker_(new ProductPicker(this)), chosen_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Generate Bundle"));
    auto *intro = new QLabel(tr("Builds up to three tiers around a product from its map: Basic is the product with "
                                "what it needs, Standard adds the extras bought with it most often, Premium steps "
                                "up to its upgrade. Every tier stays editable, and Undo removes the bundle."),
                             this);
    intro->setWordWrap(true);
    auto *label = new QLabel(tr("&Anchor product:"), this);
    label->setBuddy(picker_);
    snapshot_ = snapshot;
    picker_->setSnapshot(std::move(snapshot));
    picker_->setObjectName(QStringLiteral("anchorPicker"));
    chosen_->setObjectName(QStringLiteral("chosenAnchor"));
    chosen_->setWordWrap(true);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Generate"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(picker_, &ProductPicker::productChosen, this, &GenerateBundleDialog::setChosen);
    // Typing after a choice makes it a new search: the button waits for the next choice.
    connect(picker_, &QLineEdit::textEdited, this, [this] { setChosen(QString()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(label);
    layout->addWidget(picker_);
    layout->addWidget(chosen_);
    layout->addStretch(1);
    layout->addWidget(buttons_);
    // Wide enough for a SKU with a long title in the box, and for the whole window title.
    setMinimumWidth(std::max(480, fontMetrics().horizontalAdvance(windowTitle()) * 3));
    // Two lines kept for what was chosen, so a long title does not make the dialog jump or overlap.
    chosen_->setMinimumHeight(fontMetrics().lineSpacing() * 2 + 2);
    setChosen(picker_->setSku(sku) ? sku : QString());
    // The wrapped texts' height at the dialog's width (a dialog does not ask its labels by itself).
    resize(minimumWidth(), std::max(minimumSizeHint().height(), heightForWidth(minimumWidth())));
    picker_->setFocus();
}

void GenerateBundleDialog::setChosen(const QString &sku)
{
    sku_ = sku;
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!sku_.isEmpty());
    if (sku_.isEmpty()) {
        chosen_->setText(tr("Type part of a SKU or a title and pick the product from the list."));
        return;
    }
    // The tiers come from the anchor's map: say before Generate when there is none (a store imported from its
    // order history alone has none until suggestions are accepted), rather than leave a bundle of one product.
    const QString anchor = picker_->text().toHtmlEscaped();
    const int32_t product = snapshot_ ? snapshot_->productIndex(sku_.toStdString()) : -1;
    const size_t relations = product >= 0 ? RelationResolver(*snapshot_).resolve(uint32_t(product)).size() : 0;
    chosen_->setText(relations > 0 ? tr("The bundle will be built around %1, from its map of %n relation(s).", nullptr, int(relations)).arg(anchor)
                                   : tr("%1 has no map yet: the bundle would hold the product alone. Map what goes with it "
                                        "first (Maps, where the order history suggests complements), or add the tiers' "
                                        "products by hand.").arg(anchor));
    // A longer text than the two lines kept for it: the dialog grows (a dialog does not ask its labels by itself).
    if (layout()) {
        layout()->activate();
        const int needed = std::max(minimumSizeHint().height(), heightForWidth(width()));
        if (needed > height()) resize(width(), needed);
    }
}

void GenerateBundleDialog::accept()
{
    if (sku_.isEmpty()) return;  // Enter in the box before a product was chosen is a search, not a choice
    QDialog::accept();
}

}  // namespace mb
