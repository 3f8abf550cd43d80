#include "ui/preview/productpicker.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStringListModel>
#include <QTimer>

namespace mb {

namespace {
const QString separator = QStringLiteral(" — ");
}

ProductPicker::ProductPicker(QWidget *parent)
    : QLineEdit(parent), entries_(new QStringListModel(this)), completer_(new QCompleter(this))
{
    completer_->setModel(entries_);
    completer_->setFilterMode(Qt::MatchContains);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setMaxVisibleItems(14);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer_);
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search a product by SKU or title…"));
    connect(completer_, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        // After QLineEdit has written the completion into the box.
        QTimer::singleShot(0, this, [this, text] { choose(text); });
    });
    // An exact SKU (or a unique match) typed and confirmed with Enter, without picking from the popup.
    connect(this, &QLineEdit::returnPressed, this, [this] {
        completer_->popup()->hide();
        choose(text());
    });
}

QString ProductPicker::entry(const Snapshot &s, int product)
{
    const SnapshotProduct &p = s.products[size_t(product)];
    return fmt::str(p.sku) + separator + fmt::str(p.title);
}

void ProductPicker::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    snapshot_ = std::move(snapshot);
    QStringList list;
    if (snapshot_) {
        list.reserve(qsizetype(snapshot_->products.size()));
        for (size_t i = 0; i < snapshot_->products.size(); ++i) list << entry(*snapshot_, int(i));
    }
    entries_->setStringList(list);
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
    QString sku = typed.section(separator, 0, 0).trimmed();
    if (snapshot_->productIndex(sku.toStdString()) < 0) {
        // Typed without the completer: a unique match on SKU or title is taken, anything else is not.
        const QStringList hits = entries_->stringList().filter(typed, Qt::CaseInsensitive);
        if (typed.isEmpty() || hits.size() != 1) return;
        sku = hits.front().section(separator, 0, 0);
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
