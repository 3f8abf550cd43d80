#include "ui/preview/productpicker.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"
#include "ui/preview/productlistmodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QTimer>

namespace mb {

ProductPicker::ProductPicker(QWidget *parent)
    : QLineEdit(parent), entries_(new ProductListModel(this)), completer_(new QCompleter(this))
{
    completer_->setModel(entries_);
    // The model matches (prefix, then anywhere) and keeps the first rows; the popup shows them as they are.
    completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setMaxVisibleItems(14);
    // Before QLineEdit asks the completer to complete (right after textEdited).
    connect(this, &QLineEdit::textEdited, entries_, &ProductListModel::setFilterText);
    setCompleter(completer_);
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search a product by SKU or title…"));
    // Enter with the list open reaches the box first (returnPressed, with the text as typed) and then the
    // list (activated, with the item). Both are handled on the next turn of the event loop, where an item
    // taken from the list wins and the typed text is dropped: one Enter, one choice.
    connect(completer_, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        pickedFromList_ = true;
        // After QLineEdit has written the completion into the box.
        QTimer::singleShot(0, this, [this, text] {
            pickedFromList_ = false;
            choose(text);
        });
    });
    // An exact SKU (or a unique match) typed and confirmed with Enter, without picking from the popup.
    connect(this, &QLineEdit::returnPressed, this, [this] {
        QTimer::singleShot(0, this, [this, typed = text()] {
            if (pickedFromList_) return;
            completer_->popup()->hide();
            choose(typed);
        });
    });
}

QString ProductPicker::entry(const Snapshot &s, int product) { return ProductListModel::entry(s, product); }

void ProductPicker::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    snapshot_ = std::move(snapshot);
    entries_->setSnapshot(snapshot_);
    if (!sku_.isEmpty() && !setSku(sku_)) {
        sku_.clear();
        clear();
    }
}

bool ProductPicker::setSku(const QString &sku)
{
    if (!snapshot_) return false;
    const int32_t p = snapshot_->productIndex(sku.toStdString());
    if (p < 0) return false;
    sku_ = sku;
    if (!clearOnChoice_) {
        setText(entry(*snapshot_, p));
        setCursorPosition(0);  // the SKU and the start of the title, not the tail of a long title
    }
    return true;
}

void ProductPicker::choose(const QString &text)
{
    if (!snapshot_) return;
    const QString typed = text.trimmed();
    QString sku = typed.section(ProductListModel::separator(), 0, 0).trimmed();
    if (snapshot_->productIndex(sku.toStdString()) < 0) {
        // Typed without the completer: a unique match on SKU or title is taken, anything else is not.
        entries_->setFilterText(typed);
        if (typed.isEmpty() || entries_->rowCount() != 1) return;
        sku = entries_->index(0).data(ProductListModel::SkuRole).toString();
    }
    if (clearOnChoice_) {
        clear();
        sku_.clear();
    } else {
        setSku(sku);
    }
    Q_EMIT productChosen(sku);
}

}  // namespace mb
