#pragma once
// File ▸ Export…: maps and bundles in a chosen format (Merchbench JSON, bundle CSV, WooCommerce, Magento,
// Shopify), written atomically (QSaveFile), with what the format could not carry said afterwards. A
// platform export is two files: the links update (an import that updates existing products) and, when
// there are new products (bundles), a create-only file beside it (core/io/exports/platformexport.h).
#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QStringList>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mb {

class WorkspaceDocument;
class Workspace;
struct Snapshot;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(WorkspaceDocument *document, QWidget *parent = nullptr);

    struct WrittenFile {
        QString path, holds;   // holds: what the file is for ("links update", "new products"), "" for json/csv
        qint64 rows = 0;       // data rows (JSON: map entries and bundles)
    };
    struct Outcome {
        QList<WrittenFile> files;
        QStringList notes;     // what was left out and why, what the platform cannot hold
        QString notWritten;    // the new-products file when there were none, else ""
    };

    // Writes the export with the dialog's choices to the file field and, when the platform export has new
    // products, to the new-products field; false with error set (what was written before it stays). Runs
    // on the app's pool and waits for it (for tests and scripts); accept() does not wait.
    bool exportNow(QString &error, Outcome *outcome = nullptr);
    // Sets the file field to path (the new-products name follows it unless edited) and exports. For tests.
    bool exportTo(const QString &path, QString &error, QStringList *notes = nullptr);
    void setFormat(const QString &name);   // json, csv, woocommerce, magento, shopify
    void setIncludeForeign(bool on);
    void setReplaceLinks(bool on);
    QString createdPath() const;
    // The confirmation accept() shows: each file with its rows, then the notes.
    static QString confirmationText(const Outcome &outcome);

    void accept() override;

private:
    // What one export writes, taken from the dialog on the GUI thread; run() needs nothing else.
    struct Job {
        int format = 0;            // ExportFormat
        QString path, createdTo;
        bool platform = false;
        bool maps = true, bundles = true, grouped = false, includeForeign = false, replaceLinks = false;
    };
    struct Result {
        bool ok = false;
        QString error;
        Outcome outcome;
    };
    bool prepare(Job &job, QString &error) const;
    // Reads the workspace and writes the files: on a worker, never on the GUI thread.
    static Result run(std::shared_ptr<Workspace> ws, std::shared_ptr<const Snapshot> snap, const Job &job);
    void finish(const Result &r);
    void updateChoices();
    void deriveCreatedPath();
    QString proposedPath() const;  // the remembered export folder (else the workspace's), "<workspace>-<format>.<suffix>"
    WorkspaceDocument *document_;
    QComboBox *format_, *wooStyle_;
    QCheckBox *maps_, *bundles_, *foreign_, *replace_;
    QLineEdit *path_, *created_;
    QLabel *hint_, *createdLabel_;
    QWidget *createdRow_;
    QFutureWatcher<Result> watcher_;
    bool createdEdited_ = false;   // the user typed a new-products name: stop deriving it from the file field
    bool pathEdited_ = false;      // the user typed or chose the file: formats change its suffix, not its name
    bool mapsWanted_ = true, bundlesWanted_ = true;  // the user's choice, shown again where the format can hold it
};

}  // namespace mb
