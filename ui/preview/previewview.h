#pragma once
// Preview view (issue 5): pick a product or fill a cart, optionally a customer and a day, and see side by
// side what the product page, the cart, the checkout and the post-purchase e-mail would recommend, with
// the reasons for every card and the rule that left every other candidate out. The engine is built per
// snapshot on a worker (PreviewRunner); recommend() runs on the GUI thread on every change, well under a
// millisecond per placement. Policy edits in the side panel are undo commands and re-run the preview.
#include "core/placement/placementpolicy.h"
#include "ui/workspaceview.h"

#include <QElapsedTimer>

#include <array>
#include <memory>

class QButtonGroup;
class QLabel;
class QScrollArea;
class QSplitter;
class QToolButton;

namespace mb {

struct PreviewBuild;
class CartBuilder;
class ContextBar;
class InfoBar;
class MiningBar;
class PlacementColumn;
class PolicyPanel;
class PreviewRunner;
class ProductPicker;

class PreviewView : public WorkspaceView {
    Q_OBJECT
public:
    enum class Mode { Product, Cart };
    explicit PreviewView(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~PreviewView() override;

    Mode mode() const { return mode_; }
    void setMode(Mode mode);
    // Product mode with this product; false when the SKU is not in the snapshot.
    bool setProduct(const QString &sku);
    QString product() const;

    PlacementColumn *column(Placement p) const { return columns_[size_t(p)]; }
    ProductPicker *productPicker() const { return picker_; }
    QLineEdit *findBox() const override;
    CartBuilder *cartBuilder() const { return cart_; }
    ContextBar *contextBar() const { return context_; }
    PolicyPanel *policyPanel() const { return policies_; }
    QToolButton *policiesButton() const { return policiesButton_; }
    PreviewRunner *runner() const { return runner_; }
    InfoBar *errorBar() const { return errors_; }
    MiningBar *miningBar() const { return miningBar_; }
    QString evidenceText() const;
    const PolicySet &policies() const { return policySet_; }
    // True while the engine for the current snapshot is being built (the columns show the previous one).
    bool isBusy() const override;
    double lastRecommendMilliseconds() const { return lastMs_; }

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    void onBuilt();
    void onPolicyEdited(Placement p, const QString &key, const QString &value);
    void onPolicyChanged(Placement p, const QString &key, const QString &value);
    void updateHeader();
    QString defaultProduct() const;

    std::shared_ptr<const PreviewBuild> build_;
    PreviewRunner *runner_;
    Mode mode_ = Mode::Product;
    QButtonGroup *modeGroup_;
    ProductPicker *picker_;
    ContextBar *context_;
    QToolButton *policiesButton_;
    QLabel *hero_, *evidence_;
    CartBuilder *cart_;
    InfoBar *errors_;
    MiningBar *miningBar_ = nullptr;
    QSplitter *splitter_;
    QScrollArea *scroll_;
    std::array<PlacementColumn *, 4> columns_{};
    PolicyPanel *policies_;
    PolicySet policySet_;
    double lastMs_ = 0;
};

}  // namespace mb
