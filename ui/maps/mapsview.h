#pragma once
// Maps view (issue 4): anchors on the left; on the right the chosen anchor's relations grouped by kind and,
// beneath them, the mined suggestions with their evidence. A banner offers mining (on a worker, with
// progress and Cancel) when nothing is mined yet or when orders were imported since the last run.
#include "core/storage/relation.h"
#include "ui/workspaceview.h"

#include <QFutureWatcher>

#include <memory>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;

namespace mb {

struct MapData;
struct MinedResults;
class AnchorFilterProxy;
class AnchorListModel;
class InfoBar;
class MiningRunner;
class RelationsPanel;
class SuggestionsPanel;

class MapsView : public WorkspaceView {
    Q_OBJECT
public:
    explicit MapsView(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~MapsView() override;

    bool selectAnchor(EndpointType type, const QString &skuOrPath);
    AnchorListModel *anchorModel() const { return anchors_; }
    AnchorFilterProxy *anchorProxy() const { return proxy_; }
    QTableView *anchorTable() const { return anchorTable_; }
    QLineEdit *anchorSearch() const { return search_; }
    RelationsPanel *relations() const { return relations_; }
    SuggestionsPanel *suggestions() const { return suggestions_; }
    MiningRunner *miner() const { return miner_; }
    std::shared_ptr<const MinedResults> minedResults() const { return mined_; }
    bool isLoadingMined() const { return minedPending_; }
    QString bannerText() const;
    QPushButton *bannerButton() const { return bannerButton_; }
    InfoBar *errorBar() const { return errors_; }

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSnapshotChanged();
    void onMapsEdited();
    void onAnchorChanged();
    void onMinedLoaded();
    void updateBanner();
    void startMining();
    void loadMined();

    AnchorListModel *anchors_;
    AnchorFilterProxy *proxy_;
    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    QFutureWatcher<std::shared_ptr<const MinedResults>> minedWatcher_;
    MiningRunner *miner_;
    QFrame *banner_;
    QLabel *bannerLabel_;
    QProgressBar *progress_;
    QPushButton *bannerButton_, *cancel_;
    InfoBar *errors_;
    QSplitter *splitter_, *rightSplitter_;
    QLineEdit *search_;
    QComboBox *show_;
    QTableView *anchorTable_;
    RelationsPanel *relations_;
    SuggestionsPanel *suggestions_;
    bool minedPending_ = false;
    bool userSized_ = false;  // until the user moves a splitter (or a saved layout is restored) keep the default split
    EndpointType anchorType_ = EndpointType::Product;
    int64_t anchorId_ = 0;  // workspace id: survives a reload that renumbers the snapshot
};

}  // namespace mb
