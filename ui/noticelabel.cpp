#include "ui/noticelabel.h"

#include <QLabel>

namespace mb {

QLabel *noticeLabel(QWidget *parent, const QString &background, const QString &border, const QString &text)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The inset is the label's margin, never a style-sheet padding: QLabel's height-for-width leaves a padding
    // out, so a notice whose last word only just fitted lost its last line below the box.
    l->setStyleSheet(QStringLiteral("QLabel { background: %1; border: 1px solid %2; border-radius: 4px;%3 }")
                         .arg(background, border, text.isEmpty() ? QString() : QStringLiteral(" color: %1;").arg(text)));
    l->setMargin(5);
    return l;
}

}  // namespace mb
