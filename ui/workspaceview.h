#pragma once
// Base of every main-window view (Catalog, Orders, and the later Maps, Preview, Bundles, Dashboard).
// A view reads the document's snapshot and keeps its own layout (splitters, column widths) across runs.
#include <QWidget>

class QLineEdit;
class QSettings;

namespace mb {

class WorkspaceDocument;

class WorkspaceView : public QWidget {
    Q_OBJECT
public:
    WorkspaceView(WorkspaceDocument *document, QWidget *parent = nullptr) : QWidget(parent), document_(document) {}
    WorkspaceDocument *document() const { return document_; }

    // Called with the settings group already set to the view's id.
    virtual void saveState(QSettings &) const {}
    virtual void restoreState(QSettings &) {}
    // True while the view still builds what it shows from the document's history on a worker (it shows a
    // placeholder or the rows it has until then).
    virtual bool isBusy() const { return false; }
    // The box Edit ▸ Find (Ctrl+F) goes to; null when the view has none.
    virtual QLineEdit *findBox() const { return nullptr; }

private:
    WorkspaceDocument *document_;
};

}  // namespace mb
