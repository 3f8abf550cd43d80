#pragma once
// Bundles ▸ "Generate from product…": choose the anchor with the same product picker as the Preview (any
// part of a SKU or title, case-insensitive, from a list), instead of typing an exact SKU into a bare box.
#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;

namespace mb {

struct Snapshot;
class ProductPicker;

class GenerateBundleDialog : public QDialog {
    Q_OBJECT
public:
    GenerateBundleDialog(std::shared_ptr<const Snapshot> snapshot, const QString &sku, QWidget *parent = nullptr);

    // The chosen anchor's SKU; empty until a product is chosen.
    QString sku() const { return sku_; }
    ProductPicker *picker() const { return picker_; }

    void accept() override;

private:
    void setChosen(const QString &sku);

    ProductPicker *picker_;
    QLabel *chosen_;
    QDialogButtonBox *buttons_;
    QString sku_;
    std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace mb
