#pragma once
// A coloured box of word-wrapped text above a view's results: warnings a merchandiser must read before trusting
// them, or a note that the results are out of date.
#include <QString>

class QLabel;
class QWidget;

namespace mb {

// background, border and text are style-sheet colours ("#fff4e0"); an empty text colour keeps the palette's.
QLabel *noticeLabel(QWidget *parent, const QString &background, const QString &border, const QString &text = QString());

}  // namespace mb
