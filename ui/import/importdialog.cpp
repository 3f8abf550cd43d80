#include "ui/import/importdialog.h"

#include "ui/format.h"
#include "ui/hygiene/hygienepanel.h"
#include "ui/import/importrunner.h"
#include "ui/import/importsetuppage.h"
#include "ui/import/rejecttablemodel.h"
#include "ui/messagepresenter.h"
#include "ui/tablestyle.h"
#include "ui/workspacedocument.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mb {

ImportDialog::ImportDialog(WorkspaceDocument *document, MessagePresenter *messages, QWidget *parent)
    : QDialog(parent),
      document_(document),
      messages_(messages),
      runner_(new ImportRunner(this)),
      pages_(new QStackedWidget(this)),
      setup_(new ImportSetupPage(this)),
      rejects_(new RejectTableModel(this))
{
    setWindowTitle(tr("Import"));
    resize(1000, 640);
    pages_->addWidget(setup_);
    pages_->addWidget(buildProgressPage());
    pages_->addWidget(buildResultPage());

    loadMappingButton_ = new QPushButton(tr("Load Mapping…"), this);
    saveMappingButton_ = new QPushButton(tr("Save Mapping…"), this);
    importButton_ = new QPushButton(tr("Import"), this);
    importButton_->setDefault(true);
    closeButton_ = new QPushButton(tr("Cancel"), this);
    connect(loadMappingButton_, &QPushButton::clicked, this, &ImportDialog::loadMapping);
    connect(saveMappingButton_, &QPushButton::clicked, this, &ImportDialog::saveMapping);
    connect(importButton_, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(closeButton_, &QPushButton::clicked, this, &ImportDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(loadMappingButton_);
    buttons->addWidget(saveMappingButton_);
    buttons->addStretch(1);
    buttons->addWidget(importButton_);
    buttons->addWidget(closeButton_);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 12);
    layout->addWidget(pages_, 1);
    layout->addLayout(buttons);

    connect(runner_, &ImportRunner::progressChanged, progress_, &QProgressBar::setValue);
    connect(runner_, &ImportRunner::finished, this, &ImportDialog::onFinished);
}

QWidget *ImportDialog::buildProgressPage()
{
    auto *page = new QWidget(this);
    progressLabel_ = new QLabel(page);
    progress_ = new QProgressBar(page);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    cancelButton_ = new QPushButton(tr("Cancel Import"), page);
    cancelButton_->setToolTip(tr("Stops the import; the workspace stays as it was"));
    connect(cancelButton_, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    auto *l = new QVBoxLayout(page);
    l->addStretch(2);
    l->addWidget(progressLabel_);
    l->addWidget(progress_);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(cancelButton_);
    l->addLayout(row);
    l->addStretch(3);
    return page;
}

QWidget *ImportDialog::buildResultPage()
{
    auto *page = new QWidget(this);
    resultTitle_ = new QLabel(page);
    QFont f = resultTitle_->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    resultTitle_->setFont(f);
    resultCounts_ = new QLabel(page);
    resultCounts_->setWordWrap(true);
    resultCounts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notes_ = new QListWidget(page);
    notes_->setMaximumHeight(110);
    notes_->setWordWrap(true);
    rejectsLabel_ = new QLabel(page);
    rejectView_ = new QTableView(page);
    rejectView_->setModel(rejects_);
    setUpTable(rejectView_);
    rejectView_->setSortingEnabled(false);
    rejectView_->horizontalHeader()->resizeSection(RejectTableModel::Line, 80);
    rejectView_->horizontalHeader()->resizeSection(RejectTableModel::Sku, 120);
    rejectView_->horizontalHeader()->resizeSection(RejectTableModel::ColumnName, 140);
    rejectView_->horizontalHeader()->resizeSection(RejectTableModel::Value, 180);
    rejectView_->horizontalHeader()->setStretchLastSection(true);
    saveRejectsButton_ = new QPushButton(tr("Save Rejects as CSV…"), page);
    connect(saveRejectsButton_, &QPushButton::clicked, this, &ImportDialog::saveRejects);
    auto *l = new QVBoxLayout(page);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(resultTitle_);
    l->addWidget(resultCounts_);
    l->addWidget(new QLabel(tr("<b>Notes</b>"), page));
    l->addWidget(notes_);
    auto *row = new QHBoxLayout;
    row->addWidget(rejectsLabel_, 1);
    row->addWidget(saveRejectsButton_);
    l->addLayout(row);
    l->addWidget(rejectView_, 1);
    // Filled after an import (onFinished), shown once it has something to ask.
    hygieneBox_ = new QGroupBox(tr("Review data hygiene"), page);
    hygieneBox_->setObjectName(QStringLiteral("hygieneBox"));
    new QVBoxLayout(hygieneBox_);
    hygieneBox_->setVisible(false);
    l->addWidget(hygieneBox_, 3);
    return page;
}

bool ImportDialog::setFile(const QString &path, std::optional<ImportKind> kind)
{
    QString error;
    if (!setup_->setFile(path, error)) {
        messages_->error(this, tr("Cannot Import"), error);
        return false;
    }
    if (kind) setup_->setKind(*kind);
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool ImportDialog::isRunning() const { return runner_->isRunning() || pages_->currentIndex() == 1; }

const ImportReport &ImportDialog::report() const { return runner_->report(); }

bool ImportDialog::startImport()
{
    if (runner_->isRunning() || setup_->path().isEmpty()) return false;
    if (!document_->isOpen()) {
        messages_->error(this, tr("Cannot Import"), tr("Open or create a workspace first."));
        return false;
    }
    if (document_->workspace()->isReadOnly()) {
        messages_->error(this, tr("Cannot Import"),
                         tr("%1 is open read-only; nothing can be imported into it.").arg(document_->displayName()));
        return false;
    }
    ImportRequest request;
    request.kind = setup_->kind();
    request.path = setup_->path().toStdString();
    request.format = setup_->format();
    request.mapping = setup_->mapping();
    request.strict = setup_->strict();
    progressLabel_->setText(tr("Importing %1 into %2…").arg(QFileInfo(setup_->path()).fileName(), document_->displayName()));
    progress_->setValue(0);
    cancelButton_->setEnabled(true);
    cancelBeforeStart_ = false;
    pages_->setCurrentIndex(1);
    for (QPushButton *b : {importButton_, loadMappingButton_, saveMappingButton_, closeButton_}) b->setVisible(false);
    startWhenIdle(std::move(request));
    return true;
}

void ImportDialog::startWhenIdle(ImportRequest request)
{
    if (cancelBeforeStart_) {
        // Cancelled while waiting for the snapshot load: the worker never starts.
        cancelBeforeStart_ = false;
        ImportReport cancelled;
        cancelled.status = ImportStatus::Cancelled;
        showResult(cancelled);
        Q_EMIT importFinished();
        return;
    }
    // The snapshot loader and the import share the workspace's connection: never run them at once.
    if (document_->isLoading()) {
        QTimer::singleShot(20, this, [this, request]() mutable { startWhenIdle(std::move(request)); });
        return;
    }
    if (!document_->isOpen()) {
        ImportReport failed;
        failed.status = ImportStatus::Failed;
        failed.error = "the workspace was closed before the import could start";
        showResult(failed);
        Q_EMIT importFinished();
        return;
    }
    runner_->start(document_->workspace(), std::move(request));
}

void ImportDialog::cancelImport()
{
    if (!isRunning()) return;
    // Between Import and the worker's start (a snapshot load to wait out) there is no worker to tell yet.
    if (runner_->isRunning()) runner_->cancel();
    else cancelBeforeStart_ = true;
    cancelButton_->setEnabled(false);
    progressLabel_->setText(tr("Cancelling — the workspace stays as it was…"));
}

void ImportDialog::reject()
{
    // Closing mid-import cancels it; the dialog closes once the worker has rolled back.
    if (isRunning()) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

void ImportDialog::onFinished()
{
    const ImportReport &r = runner_->report();
    if (r.status == ImportStatus::Ok) {
        document_->reload();
        if (!hygiene_) {
            hygiene_ = new HygienePanel(document_, hygieneBox_);
            hygieneBox_->layout()->addWidget(hygiene_);
            connect(hygiene_, &HygienePanel::refreshed, this, [this] {
                hygieneBox_->setVisible(!hygiene_->isEmpty());
                if (!hygiene_->isEmpty() && height() < 820) resize(width(), 820);
            });
        }
    }
    showResult(r);
    Q_EMIT importFinished();
}

void ImportDialog::showResult(const ImportReport &r)
{
    switch (r.status) {
    case ImportStatus::Ok: resultTitle_->setText(tr("Import finished")); break;
    case ImportStatus::Failed: resultTitle_->setText(tr("Import failed — the workspace is unchanged")); break;
    case ImportStatus::RejectedStrict:
        resultTitle_->setText(tr("Refused in strict mode — %1 rejected rows, the workspace is unchanged").arg(fmt::count(r.rejected)));
        break;
    case ImportStatus::Cancelled: resultTitle_->setText(tr("Import cancelled — the workspace is unchanged")); break;
    }
    QStringList lines;
    if (!r.error.empty()) lines << QString::fromStdString(r.error).toHtmlEscaped();
    lines << tr("Format <b>%1</b>, encoding %2; %3 rows read, <b>%4 imported</b>, <b>%5 rejected</b>, %6 duplicate rows.")
                 .arg(QString::fromStdString(r.format.empty() ? std::string("—") : r.format), QString::fromStdString(r.encoding),
                      fmt::count(r.rowsRead), fmt::count(r.imported), fmt::count(r.rejected), fmt::count(r.duplicateRows));
    if (r.status == ImportStatus::Ok) {
        if (r.productsAdded || r.productsUpdated || r.productsUnchanged)
            lines << tr("Products: %1 added, %2 updated, %3 unchanged.")
                         .arg(fmt::count(r.productsAdded), fmt::count(r.productsUpdated), fmt::count(r.productsUnchanged));
        if (r.ordersAdded || r.ordersUpdated || r.ordersUnchanged)
            lines << tr("Orders: %1 added, %2 updated, %3 unchanged; %4 order lines and %5 new customers written.")
                         .arg(fmt::count(r.ordersAdded), fmt::count(r.ordersUpdated), fmt::count(r.ordersUnchanged),
                              fmt::count(r.linesWritten), fmt::count(r.customersAdded));
        if (r.relationsWritten) lines << tr("%1 product relations from the file.").arg(fmt::count(r.relationsWritten));
    }
    resultCounts_->setText(lines.join(QStringLiteral("<br>")));
    notes_->clear();
    for (const std::string &n : r.notes) notes_->addItem(QString::fromStdString(n));
    if (r.notes.empty()) notes_->addItem(tr("None."));
    rejects_->setRejects(r.rejects);
    rejectsLabel_->setText(r.rejects.empty() ? tr("<b>Rejected rows</b> — none")
                                             : tr("<b>Rejected rows</b> (%1)").arg(fmt::count(int64_t(r.rejects.size()))));
    saveRejectsButton_->setEnabled(!r.rejects.empty());
    pages_->setCurrentIndex(2);
    closeButton_->setText(tr("Close"));
    closeButton_->setVisible(true);
    closeButton_->setDefault(true);
}

void ImportDialog::saveRejects()
{
    const QString suggested = QFileInfo(setup_->path()).completeBaseName() + QStringLiteral("-rejects.csv");
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Rejected Rows"), suggested, tr("CSV files (*.csv)"));
    if (file.isEmpty()) return;
    std::string error;
    if (!writeRejectReport(file.toStdString(), rejects_->rejects(), error))
        messages_->error(this, tr("Cannot Save"), QString::fromStdString(error));
}

void ImportDialog::loadMapping()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Load Column Mapping"), QString(), tr("Mappings (*.json)"));
    if (file.isEmpty()) return;
    QString error;
    if (!setup_->loadMapping(file, error)) messages_->error(this, tr("Cannot Load Mapping"), error);
}

void ImportDialog::saveMapping()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save Column Mapping"),
                                                      QFileInfo(setup_->path()).completeBaseName() + QStringLiteral("-mapping.json"),
                                                      tr("Mappings (*.json)"));
    if (file.isEmpty()) return;
    QString error;
    if (!setup_->saveMapping(file, error)) messages_->error(this, tr("Cannot Save Mapping"), error);
}

}  // namespace mb
