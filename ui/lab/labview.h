#pragma once
// The Lab: where a merchandiser tests a strategy before trusting it. The back-test measures every
// placement's current policy against plain baselines on the store's own history; the A/B tab reads an
// experiment's results.
#include "ui/workspaceview.h"

class QTabWidget;

namespace mb {

class AbResultsPanel;
class BacktestPanel;

class LabView : public WorkspaceView {
    Q_OBJECT
public:
    explicit LabView(WorkspaceDocument *document, QWidget *parent = nullptr);

    BacktestPanel *backtest() const { return backtest_; }
    AbResultsPanel *abResults() const { return abResults_; }
    QTabWidget *tabs() const { return tabs_; }
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

private:
    QTabWidget *tabs_;
    BacktestPanel *backtest_;
    AbResultsPanel *abResults_;
};

}  // namespace mb
