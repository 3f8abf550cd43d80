#pragma once
// Suggestions beside the map: the anchor's mined candidates with their evidence, accepted as the picked
// kind (the suggested one unless changed) or rejected; a bulk accept across all anchors; and the pair
// statistics browser behind them.
#include "core/maps/suggestions.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace mb {

struct MapData;
class BulkAcceptDialog;
class EmptyState;
class PairBrowser;
class SuggestionsModel;
class WorkspaceDocument;

class SuggestionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SuggestionsPanel(WorkspaceDocument *document, QWidget *parent = nullptr);

    void updateMapData(std::shared_ptr<const MapData> data);  // after an edit: rows change in place
    void setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined);
    void setAnchor(EndpointType type, int32_t index);

    SuggestionsModel *model() const { return model_; }
    QTableView *table() const { return table_; }
    QComboBox *kindBox() const { return kind_; }
    PairBrowser *pairBrowser();

    bool accept(int row, std::optional<RelationKind> kind = std::nullopt);
    bool reject(int row);
    bool bulkAccept(std::vector<Suggestion> suggestions);
    // Built with the current data; the caller shows it (exec) or, in tests, reads its preview.
    BulkAcceptDialog *makeBulkDialog();

    QByteArray saveHeader() const;
    void restoreHeader(const QByteArray &state);

private:
    void updateState();
    void onCurrentChanged();

    WorkspaceDocument *document_;
    std::shared_ptr<const MapData> data_;
    std::shared_ptr<const MinedResults> mined_;
    EndpointType anchorType_ = EndpointType::Product;
    int32_t anchor_ = -1;
    SuggestionsModel *model_;
    QLabel *title_;
    QStackedWidget *stack_;
    QTableView *table_;
    EmptyState *empty_;
    QLabel *detail_;
    QComboBox *kind_;
    QPushButton *accept_, *reject_, *bulk_, *pairs_;
    PairBrowser *browser_ = nullptr;
};

}  // namespace mb
