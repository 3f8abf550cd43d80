#pragma once
// Import a catalog or order CSV: set up (kind, format, mapping, preview), run on a worker thread with
// progress and Cancel, then show what was imported and rejected. Opened from the File menu or by dropping
// a CSV on the window; the views refresh when the import changed the workspace.
#include "core/io/importrecords.h"
#include "core/storage/importer.h"

#include <QDialog>

#include <optional>

class QGroupBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace mb {

class HygienePanel;
class ImportRunner;
class ImportSetupPage;
class MessagePresenter;
class RejectTableModel;
class WorkspaceDocument;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(WorkspaceDocument *document, MessagePresenter *messages, QWidget *parent = nullptr);

    // Shows the file on the set-up page; false (after telling the user) when it cannot be read.
    bool setFile(const QString &path, std::optional<ImportKind> kind = std::nullopt);
    ImportSetupPage *setupPage() const { return setup_; }

    // Starts the import with the set-up page's choices; false when nothing can start.
    bool startImport();
    void cancelImport();
    bool isRunning() const;
    const ImportReport &report() const;
    RejectTableModel *rejectModel() const { return rejects_; }
    // The data-hygiene list shown on the result page after an import that wrote something (null before):
    // what the import brought that may be a service or a duplicate SKU, for the user to confirm or dismiss.
    HygienePanel *hygienePanel() const { return hygiene_; }

    void reject() override;

Q_SIGNALS:
    void importFinished();

private:
    QWidget *buildProgressPage();
    QWidget *buildResultPage();
    void startWhenIdle(ImportRequest request);
    void onFinished();
    void showResult(const ImportReport &report);
    void saveRejects();
    void loadMapping();
    void saveMapping();

    WorkspaceDocument *document_;
    MessagePresenter *messages_;
    ImportRunner *runner_;
    QStackedWidget *pages_;
    ImportSetupPage *setup_;
    QProgressBar *progress_;
    QLabel *progressLabel_;
    QPushButton *cancelButton_;
    QLabel *resultTitle_;
    QLabel *resultCounts_;
    QListWidget *notes_;
    QLabel *rejectsLabel_;
    QTableView *rejectView_;
    RejectTableModel *rejects_;
    QPushButton *saveRejectsButton_;
    QPushButton *importButton_;
    QPushButton *loadMappingButton_;
    QPushButton *saveMappingButton_;
    QPushButton *closeButton_;
    QGroupBox *hygieneBox_;
    HygienePanel *hygiene_ = nullptr;
    bool cancelBeforeStart_ = false;
};

}  // namespace mb
