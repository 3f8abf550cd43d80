#pragma once
// What FlowLayout and ReflowLayout share: a list of items whose height follows the width. Each subclass
// says how it places the items (arrange) and its minimum and preferred sizes.
#include <QLayout>
#include <QList>

namespace mb {

class WrappingLayout : public QLayout {
public:
    explicit WrappingLayout(QWidget *parent = nullptr) : QLayout(parent) {}
    ~WrappingLayout() override;

    void addItem(QLayoutItem *item) override { items_.append(item); }
    QLayoutItem *itemAt(int index) const override { return items_.value(index); }
    QLayoutItem *takeAt(int index) override;
    int count() const override { return int(items_.size()); }
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override;

protected:
    // Places the items in rect (when apply) and returns the height they take.
    virtual int arrange(const QRect &rect, bool apply) const = 0;

    QList<QLayoutItem *> items_;
};

}  // namespace mb
