#include "ui/dashboard/kpitile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mb {

KpiTile::KpiTile(const QString &title, QWidget *parent)
    : QFrame(parent), title_(new QLabel(title, this)), value_(new QLabel(this)), change_(new QLabel(this)), note_(new QLabel(this))
{
    setObjectName(QStringLiteral("kpiTile"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#kpiTile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"));
    QFont small = title_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    title_->setFont(small);
    // A long title ("Recommendation conversion") takes two lines in a narrow tile rather than widening
    // every tile: five tiles fit side by side in a 1024 px window instead of four.
    title_->setWordWrap(true);
    title_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    QFont big = value_->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    value_->setFont(big);
    change_->setFont(small);
    note_->setFont(small);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(10, 8, 10, 8);
    l->setSpacing(2);
    l->addWidget(title_);
    l->addWidget(value_);
    l->addWidget(change_);
    l->addWidget(note_);
    l->addStretch(1);
    setUnavailable(QString());
}

void KpiTile::setFigures(const QString &value, const QString &change, bool good, const QString &note)
{
    value_->setText(value);
    change_->setText(change.isEmpty() ? tr("no previous period") : change);
    change_->setStyleSheet(change.isEmpty() ? QStringLiteral("color: palette(dark);")
                                            : good ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b3261e;"));
    note_->setText(note);
    setToolTip(note);
}

void KpiTile::setUnavailable(const QString &why)
{
    value_->setText(tr("n/a"));
    change_->setText(QString());
    note_->setText(why);
    setToolTip(why);
}

QSize KpiTile::minimumSizeHint() const { return QFrame::minimumSizeHint().expandedTo(QSize(150, 0)); }

QString KpiTile::title() const { return title_->text(); }
QString KpiTile::value() const { return value_->text(); }
QString KpiTile::change() const { return change_->text(); }
QString KpiTile::note() const { return note_->text(); }

}  // namespace mb
