#pragma once
// Mining ▸ Run Mining…: the parameters of one run (pairs, EASE, re-buy intervals, and the orders left out,
// as the CLI's `mine run --exclude-tag/--exclude-source`), filled with the last run's.
#include "core/mining/minedresults.h"

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace mb {

class MiningDialog : public QDialog {
    Q_OBJECT
public:
    explicit MiningDialog(const MiningSettings &settings, QWidget *parent = nullptr);

    MiningSettings settings() const;
    void setSettings(const MiningSettings &settings);

    QSpinBox *minCountBox() const { return minCount_; }
    QDoubleSpinBox *minSupportBox() const { return minSupport_; }
    QSpinBox *topPerAnchorBox() const { return topPerAnchor_; }
    QDoubleSpinBox *minConfidenceBox() const { return minConfidence_; }
    QDoubleSpinBox *lambdaBox() const { return lambda_; }
    QLineEdit *excludeTagsEdit() const { return excludeTags_; }
    QLineEdit *excludeSourcesEdit() const { return excludeSources_; }

private:
    QSpinBox *minCount_, *topPerAnchor_, *topMinCount_;
    QDoubleSpinBox *minSupport_, *minConfidence_, *lambda_;
    QSpinBox *minBaskets_, *topK_, *minIntervals_;
    QLineEdit *excludeTags_, *excludeSources_;
};

}  // namespace mb
