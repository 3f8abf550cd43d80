#include "ui/messagepresenter.h"

#include <QMessageBox>

namespace mb {

void DialogMessagePresenter::error(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::critical(parent, title, text);
}

void DialogMessagePresenter::information(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

}  // namespace mb
