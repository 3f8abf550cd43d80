#pragma once
// Builds a cart for the preview: add products by search, change quantities in the table, remove lines.
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace mb {

struct Snapshot;
class CartModel;
class ProductPicker;

class CartBuilder : public QWidget {
    Q_OBJECT
public:
    explicit CartBuilder(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    CartModel *model() const { return model_; }
    ProductPicker *addBox() const { return add_; }
    QTableView *table() const { return table_; }
    QPushButton *removeButton() const { return remove_; }

Q_SIGNALS:
    void cartChanged();

private:
    void updateButtons();

    CartModel *model_;
    ProductPicker *add_;
    QTableView *table_;
    QPushButton *remove_, *clear_;
    QLabel *subtotal_;
};

}  // namespace mb
