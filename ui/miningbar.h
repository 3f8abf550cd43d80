#pragma once
// The strip above Maps and Preview that says where the mined suggestions stand and acts on it: nothing
// mined yet (Mine Now), mined results out of date after an import ("Mined suggestions are out of date: N
// orders imported since …", Re-run with the saved parameters), or a run under way (progress, Cancel).
// It reads the document's shared MinedCache and MiningRunner, so every view shows the same state.
#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace mb {

class MinedCache;
class MiningRunner;
class WorkspaceDocument;

class MiningBar : public QFrame {
    Q_OBJECT
public:
    enum class Offer { MineAndRerun, RerunOnly };  // the preview mines for itself when nothing is saved
    explicit MiningBar(WorkspaceDocument *document, Offer offer = Offer::MineAndRerun, QWidget *parent = nullptr);

    QString text() const;  // "" when hidden
    QPushButton *button() const { return button_; }
    void refresh();

private:
    WorkspaceDocument *document_;
    MinedCache *cache_;
    MiningRunner *runner_;
    Offer offer_;
    QLabel *label_;
    QProgressBar *progress_;
    QPushButton *button_, *cancel_;
};

}  // namespace mb
