#pragma once
// File ▸ Review Data Hygiene…: the hygiene list (HygienePanel) in a window of its own, non-modal, so the
// catalog and the preview can be looked at beside it.
#include <QDialog>

namespace mb {

class HygienePanel;
class WorkspaceDocument;

class HygieneDialog : public QDialog {
    Q_OBJECT
public:
    HygieneDialog(WorkspaceDocument *document, QWidget *parent = nullptr);
    HygienePanel *panel() const { return panel_; }

private:
    HygienePanel *panel_;
};

}  // namespace mb
