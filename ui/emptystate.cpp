#include "ui/emptystate.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mb {

EmptyState::EmptyState(QWidget *parent) : QWidget(parent), title_(new QLabel(this)), hint_(new QLabel(this))
{
    QFont f = title_->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title_->setFont(f);
    title_->setAlignment(Qt::AlignCenter);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(title_);
    layout->addSpacing(6);
    layout->addWidget(hint_);
    layout->addStretch(3);
}

void EmptyState::setText(const QString &title, const QString &hint)
{
    title_->setText(title);
    hint_->setText(hint);
}

}  // namespace mb
