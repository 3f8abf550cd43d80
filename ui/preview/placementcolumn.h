#pragma once
// One placement of the preview: its header (what it is, how many slots it filled, by which strategy), the
// recommendation cards in slot order, and the candidates it left out with the rule for each.
#include "core/placement/recommendation.h"

#include <QFrame>
#include <QList>

class QLabel;
class QToolButton;
class QVBoxLayout;

namespace mb {

struct Snapshot;
class LeftOutList;
class LeftOutModel;
class RecommendationCard;

class PlacementColumn : public QFrame {
    Q_OBJECT
public:
    explicit PlacementColumn(Placement placement, QWidget *parent = nullptr);

    Placement placement() const { return placement_; }
    void setResult(const Snapshot &snapshot, const RecommendResult &result, const PlacementPolicy &policy);
    // No result: nothing chosen yet, the engine still building, or a context the engine refused.
    void showMessage(const QString &message);

    QList<RecommendationCard *> cards() const { return cards_; }
    LeftOutModel *leftOutModel() const { return leftOutModel_; }
    LeftOutList *leftOutList() const { return leftOutList_; }
    QString statusText() const;
    QString messageText() const;

private:
    void clearCards();
    void updateLeftOutToggle();

    Placement placement_;
    QLabel *status_, *message_;
    QVBoxLayout *cardLayout_;
    QList<RecommendationCard *> cards_;
    QToolButton *leftOutToggle_;
    LeftOutModel *leftOutModel_;
    LeftOutList *leftOutList_;
};

}  // namespace mb
