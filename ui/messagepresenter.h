#pragma once
// How the window tells the user about errors. Injectable so tests can capture the message instead of
// blocking on a modal QMessageBox.
#include <QString>

class QWidget;

namespace mb {

class MessagePresenter {
public:
    virtual ~MessagePresenter() = default;
    virtual void error(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void information(QWidget *parent, const QString &title, const QString &text) = 0;
};

// The real one: a modal message box.
class DialogMessagePresenter : public MessagePresenter {
public:
    void error(QWidget *parent, const QString &title, const QString &text) override;
    void information(QWidget *parent, const QString &title, const QString &text) override;
};

}  // namespace mb
