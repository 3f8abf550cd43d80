#pragma once
// The centred message a view shows instead of an empty table ("No orders yet — import some").
#include <QWidget>

class QLabel;

namespace mb {

class EmptyState : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);
    void setText(const QString &title, const QString &hint);

private:
    QLabel *title_;
    QLabel *hint_;
};

}  // namespace mb
