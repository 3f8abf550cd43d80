#pragma once
// One recommended item as the shopper would see it, with what the merchandiser needs to judge it: a badge
// in the kind's colour, title, price, the pitch in italics, the send day of the follow-up e-mail, where the
// pick came from, and the reasons (in the tool tip, and expanded in place by a click).
#include "core/placement/recommendation.h"

#include <QFrame>
#include <QString>
#include <QStringList>

class QLabel;

namespace mb {

struct Snapshot;

class RecommendationCard : public QFrame {
    Q_OBJECT
public:
    RecommendationCard(const Snapshot &snapshot, const Recommendation &pick, QWidget *parent = nullptr);

    QString sku() const { return sku_; }
    QString title() const;
    RelationKind kind() const { return kind_; }
    PickSource source() const { return source_; }
    int sendDay() const { return sendDay_; }
    QString badgeText() const;
    QString sendDayText() const;
    QStringList reasons() const { return reasons_; }
    bool isExpanded() const;
    void setExpanded(bool expanded);

Q_SIGNALS:
    void expandedChanged(bool expanded);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QString sku_;
    RelationKind kind_;
    PickSource source_;
    int sendDay_;
    QStringList reasons_;
    QLabel *badge_, *title_, *sendDayLabel_, *why_, *reasonsLabel_;
};

}  // namespace mb
