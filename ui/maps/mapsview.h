#pragma once
// Maps view (issue 4): anchors on the left; on the right the chosen anchor's relations grouped by kind and,
// beneath them, the mined suggestions with their evidence (the document's shared MinedCache). A banner
// (MiningBar) offers mining when nothing is mined yet or when orders were imported since the last run.
#include "core/storage/relation.h"
#include "ui/workspaceview.h"

#include "ui/latestrun.h"

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

struct EndpointIndex;
struct MapData;
struct MinedResults;
struct Snapshot;
class AnchorFilterProxy;
class AnchorListModel;
class InfoBar;
class MiningBar;
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
    QLineEdit *findBox() const override { return search_; }
    RelationsPanel *relations() const { return relations_; }
    SuggestionsPanel *suggestions() const { return suggestions_; }
    MiningRunner *miner() const { return miner_; }
    std::shared_ptr<const MinedResults> minedResults() const { return mined_; }
    // True while the view reads a new history on its worker (it shows no anchor meanwhile) or while the
    // mined results for it are being read.
    bool isLoading() const;
    bool isBusy() const override { return isLoading(); }
    QString bannerText() const;
    QPushButton *bannerButton() const;
    InfoBar *errorBar() const { return errors_; }

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // What the worker makes of a new history: the map data with its labels, and the anchor to open on.
    struct Loaded {
        std::shared_ptr<const MapData> data;
        int32_t openOn = -1;  // the anchor to open on: the best seller that has a map (own or inherited), else the best seller
    };
    static Loaded load(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const EndpointIndex> endpoints);
    void startLoad();
    void onLoaded(const Loaded &loaded);
    void apply(const Loaded &loaded);
    void onSnapshotChanged();
    void onMapsEdited();
    void onAnchorChanged();
    void onMinedChanged();

    LatestRun<Loaded> loader_;
    AnchorListModel *anchors_;
    AnchorFilterProxy *proxy_;
    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    MiningRunner *miner_;
    MiningBar *banner_;
    InfoBar *errors_;
    QSplitter *splitter_, *rightSplitter_;
    QLineEdit *search_;
    QComboBox *show_;
    QTableView *anchorTable_;
    RelationsPanel *relations_;
    SuggestionsPanel *suggestions_;
    bool userSized_ = false;  // until the user moves a splitter (or a saved layout is restored) keep the default split
    EndpointType anchorType_ = EndpointType::Product;
    int64_t anchorId_ = 0;  // workspace id: survives a reload that renumbers the snapshot
};

}  // namespace mb
