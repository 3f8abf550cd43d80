// MainWindow's menus and the file choosers behind them (kept apart from the window's life-cycle code).
#include "ui/mainwindow.h"

#include "core/mining/minedresults.h"
#include "ui/bundles/exportdialog.h"
#include "ui/helpdialogs.h"
#include "ui/hygiene/hygienedialog.h"
#include "ui/welcomepage.h"
#include "ui/workspaceview.h"
#include "ui/maps/miningrunner.h"
#include "ui/minedcache.h"
#include "ui/miningdialog.h"
#include "ui/messagepresenter.h"
#include "ui/recentworkspaces.h"
#include "ui/workspacedocument.h"

#include "core/storage/sqliteversion.h"

#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
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
    newAction->setStatusTip(tr("Create an empty workspace, then import a catalog and orders into it"));
    QAction *openAction = file->addAction(QIcon(QStringLiteral(":/icons/open.png")), tr("&Open…"), this, &MainWindow::chooseAndOpen);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open a Merchbench workspace (.merchbench)"));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->menuAction()->setStatusTip(tr("Open one of the workspaces opened lately"));
    demoAction_ = file->addAction(tr("Open the &Demo Store"), this, &MainWindow::openDemoWorkspace);
    demoAction_->setStatusTip(tr("Open the bundled demo store (cameras, bikes, coffee, phones, printers) with its maps and bundles"));
    file->addSeparator();
    importCatalogAction_ = file->addAction(QIcon(QStringLiteral(":/icons/import.png")), tr("Import &Catalog…"), this,
                                           [this] { chooseAndImport(ImportKind::Catalog); });
    importCatalogAction_->setStatusTip(tr("Import products from a Shopify, WooCommerce, Magento or generic CSV file"));
    importOrdersAction_ = file->addAction(tr("Import &Orders…"), this, [this] { chooseAndImport(ImportKind::Orders); });
    importOrdersAction_->setStatusTip(tr("Import the order history from a store's order export or a generic CSV file"));
    QAction *hygieneAction = file->addAction(tr("Review Data &Hygiene…"), this, [this] {
        if (document_->isOpen()) (new HygieneDialog(document_, this))->show();
    });
    hygieneAction->setStatusTip(tr("Postage, fees and other services to keep out of recommendations; SKUs that differ only by case"));
    // Maps and bundles to the store platforms (ui/bundles/exportdialog).
    QAction *exportAction = file->addAction(tr("&Export…"), this, [this] {
        if (document_->isOpen()) ExportDialog(document_, this).exec();
    });
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportAction->setStatusTip(tr("Write the maps and bundles for WooCommerce, Magento or Shopify, or as JSON or CSV"));
    file->addSeparator();
    closeAction_ = file->addAction(tr("&Close"), this, &MainWindow::closeWorkspace);
    closeAction_->setShortcut(QKeySequence::Close);
    closeAction_->setStatusTip(tr("Close the workspace (everything is already saved)"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    quit->setStatusTip(tr("Close Merchbench (everything is already saved)"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(QKeySequence::Redo);  // every binding the platform has for it, not only the first
    undo->setStatusTip(tr("Undo the last edit"));
    redo->setStatusTip(tr("Redo the edit just undone"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    findAction_ = edit->addAction(tr("&Find…"), this, [this] {
        if (QLineEdit *box = currentFindBox()) {
            box->setFocus(Qt::ShortcutFocusReason);
            box->selectAll();
        }
    });
    findAction_->setShortcut(QKeySequence::Find);
    findAction_->setStatusTip(tr("Go to the current view's search box"));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewGroup_ = new QActionGroup(this);
    for (size_t i = 0; i < descriptors_.size(); ++i) {
        QAction *a = viewMenu->addAction(QIcon(descriptors_[i].iconPath), descriptors_[i].title);
        a->setCheckable(true);
        a->setObjectName(QStringLiteral("view-") + descriptors_[i].id);
        a->setStatusTip(descriptors_[i].toolTip);
        if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        viewGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { sidebar_->setCurrentRow(int(i)); });
        viewActions_.push_back(a);
    }
    if (!viewActions_.empty()) viewActions_[size_t(std::max(0, sidebar_->currentRow()))]->setChecked(true);

    // Mining: the saved pair statistics, EASE neighbours and re-buy intervals the suggestions use.
    QMenu *mining = menuBar()->addMenu(tr("&Mining"));
    runMiningAction_ = mining->addAction(tr("&Run Mining…"), this, &MainWindow::chooseAndMine);
    runMiningAction_->setStatusTip(tr("Mine the order history with the parameters you choose"));
    rerunMiningAction_ = mining->addAction(tr("Re-run With &Last Parameters"), this, [this] { MiningRunner::of(document_)->rerun(); });
    rerunMiningAction_->setStatusTip(tr("Mine the order history again with the parameters of the saved runs"));
    mining->addSeparator();
    cancelMiningAction_ = mining->addAction(tr("&Cancel Mining"), MiningRunner::of(document_), &MiningRunner::cancel);
    cancelMiningAction_->setStatusTip(tr("Stop the mining run; the results saved before it stay"));
    updateMiningActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"), this, &MainWindow::showUserGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setStatusTip(tr("Read how to import, map, preview, bundle, measure and export, step by step"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    keys->setStatusTip(tr("List every keyboard shortcut of the window and its views"));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Merchbench"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("The version of Merchbench and of the libraries it uses"));
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setStatusTip(tr("The version of Qt Merchbench runs on"));

    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::refreshRecentMenu);
}

void MainWindow::showUserGuide()
{
    if (!guide_) {
        guide_ = new UserGuideDialog(this);
        guide_->setAttribute(Qt::WA_DeleteOnClose);
    }
    guide_->show();
    guide_->raise();
    guide_->activateWindow();
}

void MainWindow::showShortcuts()
{
    // Read from the actions as they are now, so a view's shortcut added later is listed too.
    std::vector<std::pair<QString, QWidget *>> views;
    for (size_t i = 0; i < views_.size(); ++i) views.emplace_back(descriptors_[i].title, views_[i]);
    delete shortcuts_;
    shortcuts_ = new ShortcutsDialog(collectShortcuts(menuBar(), views), this);
    shortcuts_->setAttribute(Qt::WA_DeleteOnClose);
    shortcuts_->show();
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
        recentMenu_->addAction(tr("Clear List"), this, [this] {
            RecentWorkspaces::clear();
            welcome_->refresh();
        })->setStatusTip(tr("Forget the recent workspaces (the files stay where they are)"));
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

void MainWindow::chooseAndMine()
{
    const auto saved = MinedCache::of(document_)->results();
    MiningDialog dialog(saved ? MiningSettings::fromRuns(*saved) : MiningSettings(), this);
    if (dialog.exec() == QDialog::Accepted) MiningRunner::of(document_)->start(dialog.settings());
}

void MainWindow::updateMiningActions()
{
    if (!runMiningAction_) return;  // before the menus exist
    const bool running = MiningRunner::of(document_)->isRunning();
    const bool canMine = document_->isOpen() && !document_->workspace()->isReadOnly() && document_->snapshot() &&
                         document_->snapshot()->basketCount() > 0 && !running;
    const auto saved = MinedCache::of(document_)->results();
    runMiningAction_->setEnabled(canMine);
    rerunMiningAction_->setEnabled(canMine && saved && !saved->empty());
    cancelMiningAction_->setEnabled(running);
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
