#pragma once
// Pair statistics browser: every mined pair in a sortable table, narrowed by minimum count, minimum lift,
// category and text. Non-modal; it follows the Maps view's data as it changes.
#include <QDialog>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace mb {

struct MapData;
struct MinedResults;
class PairFilterProxy;
class PairTableModel;

class PairBrowser : public QDialog {
    Q_OBJECT
public:
    explicit PairBrowser(QWidget *parent = nullptr);
    void setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined);

    PairTableModel *model() const { return model_; }
    PairFilterProxy *proxy() const { return proxy_; }
    QSpinBox *minCountBox() const { return minCount_; }
    QDoubleSpinBox *minLiftBox() const { return minLift_; }
    QComboBox *categoryBox() const { return category_; }
    QLineEdit *searchBox() const { return search_; }
    QTableView *table() const { return table_; }

private:
    void updateSummary();

    PairTableModel *model_;
    PairFilterProxy *proxy_;
    QSpinBox *minCount_;
    QDoubleSpinBox *minLift_;
    QComboBox *category_;
    QLineEdit *search_;
    QTableView *table_;
    QLabel *summary_;
};

}  // namespace mb
