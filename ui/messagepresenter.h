#pragma once
// How the window tells the user about errors and asks before a risky step. Injectable so tests can capture
// the message (and give the answer) instead of blocking on a modal QMessageBox.
#include <QString>

class QWidget;

namespace mb {

class MessagePresenter {
public:
    virtual ~MessagePresenter() = default;
    virtual void error(QWidget *parent, const QString &title, const QString &text) = 0;
    virtual void information(QWidget *parent, const QString &title, const QString &text) = 0;
    // Asks before a step that may do harm; true to go on. A presenter with nobody to answer (the
    // screenshot mode, benchmarks) says the question as an error and answers no: nothing risky by default.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &goOn)
    {
        (void)goOn;
        error(parent, title, text);
        return false;
    }
};

// The real one: a modal message box.
class DialogMessagePresenter : public MessagePresenter {
public:
    void error(QWidget *parent, const QString &title, const QString &text) override;
    void information(QWidget *parent, const QString &title, const QString &text) override;
    bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &goOn) override;
};

}  // namespace mb
