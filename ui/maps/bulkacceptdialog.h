#pragma once
// Accept in bulk: thresholds on the pair statistics, and a live preview of every relation that would be
// added across all anchors, so nothing is added that the merchandiser has not seen.
#include "core/maps/suggestions.h"

#include <QDialog>

#include <memory>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace mb {

struct MapData;

class BulkAcceptDialog : public QDialog {
    Q_OBJECT
public:
    BulkAcceptDialog(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined, QWidget *parent = nullptr);

    void setThresholds(uint32_t minCount, double minConfidence, double minLift);
    const std::vector<Suggestion> &preview() const { return preview_; }
    QTableView *previewTable() const { return table_; }
    QPushButton *acceptButton() const { return accept_; }

private:
    void refresh();

    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    std::vector<Suggestion> preview_;
    QSpinBox *minCount_;
    QDoubleSpinBox *minConfidence_, *minLift_;
    QStandardItemModel *model_;
    QTableView *table_;
    QLabel *summary_;
    QPushButton *accept_;
};

}  // namespace mb
