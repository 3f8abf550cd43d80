// MainWindow's menus and the file choosers behind them (kept apart from the window's life-cycle code).
#include "ui/mainwindow.h"

#include "ui/bundles/exportdialog.h"
#include "ui/messagepresenter.h"
#include "ui/recentworkspaces.h"
#include "ui/workspacedocument.h"

#include "core/storage/sqliteversion.h"

#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUndoStack>


namespace mb {

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(QIcon(QStringLiteral(":/icons/new.png")), tr("&New Workspace…"), this, &MainWindow::chooseAndCreate);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(QIcon(QStringLiteral(":/icons/open.png")), tr("&Open…"), this, &MainWindow::chooseAndOpen);
    openAction->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    importCatalogAction_ = file->addAction(QIcon(QStringLiteral(":/icons/import.png")), tr("Import &Catalog…"), this,
                                           [this] { chooseAndImport(ImportKind::Catalog); });
    importOrdersAction_ = file->addAction(tr("Import &Orders…"), this, [this] { chooseAndImport(ImportKind::Orders); });
    // Maps and bundles to the store platforms (ui/bundles/exportdialog).
    QAction *exportAction = file->addAction(tr("&Export…"), this, [this] {
        if (document_->isOpen()) ExportDialog(document_, this).exec();
    });
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addSeparator();
    closeAction_ = file->addAction(tr("&Close"), this, &MainWindow::closeWorkspace);
    closeAction_->setShortcut(QKeySequence::Close);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewGroup_ = new QActionGroup(this);
    for (size_t i = 0; i < descriptors_.size(); ++i) {
        QAction *a = viewMenu->addAction(QIcon(descriptors_[i].iconPath), descriptors_[i].title);
        a->setCheckable(true);
        a->setObjectName(QStringLiteral("view-") + descriptors_[i].id);
        if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        viewGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { sidebar_->setCurrentRow(int(i)); });
        viewActions_.push_back(a);
    }
    if (!viewActions_.empty()) viewActions_[size_t(std::max(0, sidebar_->currentRow()))]->setChecked(true);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Merchbench"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::refreshRecentMenu);
}

void MainWindow::refreshRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = RecentWorkspaces::list();
    for (const QString &path : recent) {
        QAction *a = recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openWorkspace(path); });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (recent.isEmpty()) recentMenu_->addAction(tr("No recent workspaces"))->setEnabled(false);
    else {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear List"), this, [] { RecentWorkspaces::clear(); });
    }
}

static QString startFolder(const WorkspaceDocument *doc)
{
    if (doc->isOpen()) return QFileInfo(doc->path()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), startFolder(document_),
                                                      tr("Merchbench workspaces (*.merchbench);;All files (*)"));
    if (!path.isEmpty()) openWorkspace(path);
}

void MainWindow::chooseAndCreate()
{
    // The engine never overwrites a workspace, so neither does this: an existing name is refused, not replaced.
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), startFolder(document_) + tr("/Untitled.merchbench"),
                                                tr("Merchbench workspaces (*.merchbench)"), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".merchbench");
    if (QFileInfo::exists(path)) {
        messages_->error(this, tr("Cannot Create Workspace"),
                         tr("%1 already exists. Choose another name, or open it with File ▸ Open.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    newWorkspace(path);
}

void MainWindow::chooseAndImport(ImportKind kind)
{
    const QString title = kind == ImportKind::Catalog ? tr("Import Catalog") : tr("Import Orders");
    const QString path = QFileDialog::getOpenFileName(this, title, QString(), tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty()) runImportDialog(path, kind);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Merchbench"),
                       tr("<h3>Merchbench %1</h3>"
                          "<p>A workbench for cross-selling and upselling: catalog and order history, complementary-product "
                          "maps, placements, bundles and KPIs, all offline in one workspace file.</p>"
                          "<p>Qt %2 (built with %3)<br>SQLite %4</p>")
                           .arg(QStringLiteral(MB_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(sqliteVersion())));
}

}  // namespace mb
