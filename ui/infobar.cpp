#include "ui/infobar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace mb {

InfoBar::InfoBar(QWidget *parent) : QFrame(parent), label_(new QLabel(this))
{
    setObjectName(QStringLiteral("infoBar"));
    setStyleSheet(QStringLiteral("#infoBar { background: #e6f0fb; border: 1px solid #b5cde8; border-radius: 4px; }"));
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(label_, 1);
    layout->addWidget(close);
    hide();
}

void InfoBar::showMessage(const QString &text)
{
    label_->setText(text);
    show();
}

QString InfoBar::text() const { return isHidden() ? QString() : label_->text(); }

}  // namespace mb
