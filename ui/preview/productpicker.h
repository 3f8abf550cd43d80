#pragma once
// A search box over the snapshot's products: type any part of a SKU or title, pick from the completer
// (whose model, ProductListModel, matches over the snapshot and keeps only the first rows). Used to choose
// the product viewed and to add products to the cart.
#include <QLineEdit>

#include <memory>

class QCompleter;

namespace mb {

struct Snapshot;
class ProductListModel;

class ProductPicker : public QLineEdit {
    Q_OBJECT
public:
    explicit ProductPicker(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    // Shows the product as chosen, without emitting productChosen; false when the SKU is unknown.
    bool setSku(const QString &sku);
    QString sku() const { return sku_; }
    QCompleter *completer() const { return completer_; }
    ProductListModel *products() const { return entries_; }
    // Keeps the box empty after each choice (the cart's "add" box) instead of showing the product.
    void setClearOnChoice(bool clear) { clearOnChoice_ = clear; }
    static QString entry(const Snapshot &snapshot, int product);  // "CAM-MIR-110 — Lumora Vista M10 …"

Q_SIGNALS:
    void productChosen(const QString &sku);

private:
    void choose(const QString &text);

    std::shared_ptr<const Snapshot> snapshot_;
    ProductListModel *entries_;
    QCompleter *completer_;
    QString sku_;
    bool clearOnChoice_ = false;
    bool pickedFromList_ = false;  // an Enter took an item of the list: the same Enter's typed text is not chosen too
};

}  // namespace mb
