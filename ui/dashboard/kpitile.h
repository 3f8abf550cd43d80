#pragma once
// One headline figure: what it is, its value, how it moved against the previous period of equal length,
// and a line that explains it (or says which data it needs when there is none).
#include <QFrame>

class QLabel;

namespace mb {

class KpiTile : public QFrame {
    Q_OBJECT
public:
    explicit KpiTile(const QString &title, QWidget *parent = nullptr);

    // change: "+12.3 %" style text, empty for none; good: whether the move is good news (colour).
    void setFigures(const QString &value, const QString &change, bool good, const QString &note);
    // No figure: the value reads "n/a" and the note says why.
    void setUnavailable(const QString &why);

    QString title() const;
    QString value() const;
    QString change() const;
    QString note() const;
    // At least 150 px, and never narrower than the value: a layout may not cut it.
    QSize minimumSizeHint() const override;

private:
    QLabel *title_, *value_, *change_, *note_;
};

}  // namespace mb
