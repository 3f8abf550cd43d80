#pragma once
// The right-hand side of the Maps view: one anchor's relations grouped by kind, with the edits a
// merchandiser makes on them (add by search, pitch, kind, order, remove, exclude / include an inherited
// rule). Every edit is a command on the document's undo stack.
#include "core/storage/relation.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTreeView;
class QUndoCommand;

namespace mb {

struct MapData;
class RelationsModel;
class WorkspaceDocument;

class RelationsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RelationsPanel(WorkspaceDocument *document, QWidget *parent = nullptr);

    void setMapData(std::shared_ptr<const MapData> data);
    void updateMapData(std::shared_ptr<const MapData> data);  // after an edit: rows change in place
    void setAnchor(EndpointType type, int32_t index);

    RelationsModel *model() const { return model_; }
    QTreeView *tree() const { return tree_; }
    QLineEdit *addBox() const { return addBox_; }

    // The edits, as the menus and buttons make them; false (and nothing pushed) when they do not apply.
    bool addRelation(EndpointType targetType, int32_t targetIndex, RelationKind kind);
    bool addFromSearch();  // the add box's text, as completed
    bool removeRelation(int64_t id);
    bool editPitch(int64_t id, const QString &pitch);
    bool changeKind(int64_t id, RelationKind kind);
    bool moveRelation(int64_t id, int delta);
    bool excludeInherited(int64_t ruleId);
    bool includeInherited(int64_t ruleId);

    void saveHeader(QByteArray &state) const;
    void restoreHeader(const QByteArray &state);

private:
    void updateHeading();
    void updateActions();
    void showMenu(const QPoint &pos);
    int64_t currentId() const;
    void push(QUndoCommand *command);

    WorkspaceDocument *document_;
    std::shared_ptr<const MapData> data_;
    RelationsModel *model_;
    QLabel *title_, *subtitle_;
    QLineEdit *addBox_;
    QComboBox *addKind_;
    QTreeView *tree_;
    QAction *remove_, *up_, *down_, *exclude_, *include_, *editPitch_;
    QMenu *kindMenu_;
    int64_t selected_ = 0;  // kept across the model's resets
};

}  // namespace mb
