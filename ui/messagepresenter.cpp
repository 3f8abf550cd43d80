#include "ui/messagepresenter.h"

#include <QMessageBox>
#include <QPushButton>

namespace mb {

void DialogMessagePresenter::error(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::critical(parent, title, text);
}

void DialogMessagePresenter::information(QWidget *parent, const QString &title, const QString &text)
{
    QMessageBox::information(parent, title, text);
}

bool DialogMessagePresenter::confirm(QWidget *parent, const QString &title, const QString &text, const QString &goOn)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton *go = box.addButton(goOn, QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == go;
}

}  // namespace mb
