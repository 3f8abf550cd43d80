#pragma once
// A dismissable strip above the views for things the user should notice but need not act on
// ("This is a demo workspace…").
#include <QFrame>

class QLabel;

namespace mb {

class InfoBar : public QFrame {
    Q_OBJECT
public:
    explicit InfoBar(QWidget *parent = nullptr);
    void showMessage(const QString &text);
    QString text() const;

private:
    QLabel *label_;
};

}  // namespace mb
