#include "ui/mainwindow.h"

#include "core/demo/demogenerator.h"
#include "ui/workpool.h"
#include "ui/import/importdialog.h"
#include "ui/infobar.h"
#include "ui/maps/miningrunner.h"
#include "ui/minedcache.h"
#include "ui/messagepresenter.h"
#include "ui/recentworkspaces.h"
#include "ui/sidebar.h"
#include "ui/uiresources.h"
#include "ui/welcomepage.h"
#include "ui/workspacedocument.h"
#include "ui/workspaceerrortext.h"
#include "ui/workspaceview.h"

#include <QGuiApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mb {

MainWindow::MainWindow(MessagePresenter *messages, std::vector<ViewDescriptor> views, QWidget *parent)
    : QMainWindow(parent), descriptors_(std::move(views)), document_(new WorkspaceDocument(this))
{
    if (!messages) ownMessages_ = std::make_unique<DialogMessagePresenter>();
    messages_ = messages ? messages : ownMessages_.get();
    document_->setMessages(messages_);
    initUiResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/merchbench.png")));
    setAcceptDrops(true);
    setMinimumSize(900, 560);
    resize(1280, 800);
    // The document's shared mined results and mining run, before the views that read them: every view,
    // banner and menu sees the same copy and the same run.
    MinedCache *mined = MinedCache::of(document_);
    MiningRunner *miner = MiningRunner::of(document_);
    buildCentre();
    buildMenus();
    connect(document_, &WorkspaceDocument::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    connect(document_, &WorkspaceDocument::snapshotChanged, this, &MainWindow::updateStatus);
    connect(document_, &WorkspaceDocument::loadingStarted, this, &MainWindow::updateStatus);
    connect(document_, &WorkspaceDocument::loadFailed, this, [this](const QString &error) {
        updateStatus();
        messages_->error(this, tr("Cannot Load Workspace"), error);
    });
    connect(mined, &MinedCache::minedChanged, this, &MainWindow::updateMiningActions);
    connect(miner, &MiningRunner::started, this, &MainWindow::updateMiningActions);
    connect(miner, &MiningRunner::finished, this, [this](bool ok, const QString &error) {
        updateMiningActions();
        if (!ok && !error.isEmpty()) messages_->error(this, tr("Mining Failed"), tr("Nothing was saved: %1").arg(error));
    });
    connect(document_, &WorkspaceDocument::snapshotChanged, this, &MainWindow::updateMiningActions);
    restoreSettings();
    onWorkspaceChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildCentre()
{
    sidebar_ = new Sidebar(this);
    stack_ = new QStackedWidget(this);
    for (const ViewDescriptor &d : descriptors_) {
        WorkspaceView *v = d.create(document_, stack_);
        v->setObjectName(d.id);
        views_.push_back(v);
        stack_->addWidget(v);
        static_cast<Sidebar *>(sidebar_)->addView(QIcon(d.iconPath), d.title, d.toolTip);
    }
    connect(sidebar_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(views_.size())) return;
        stack_->setCurrentIndex(row);
        if (findAction_) findAction_->setEnabled(currentFindBox() != nullptr);
        if (row < int(viewActions_.size())) viewActions_[size_t(row)]->setChecked(true);
    });
    infoBar_ = new InfoBar(this);
    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->setSpacing(0);
    auto *infoHolder = new QVBoxLayout;
    infoHolder->setContentsMargins(12, 10, 12, 0);
    infoHolder->addWidget(infoBar_);
    // The one place every failed edit is said (WorkspaceDocument::editFailed), whichever view made it.
    errorBar_ = new InfoBar(this);
    errorBar_->setObjectName(QStringLiteral("editErrors"));
    infoHolder->addWidget(errorBar_);
    connect(document_, &WorkspaceDocument::editFailed, errorBar_, &InfoBar::showMessage);
    connect(document_, &WorkspaceDocument::changedElsewhere, this, [this] {
        infoBar_->showMessage(tr("%1 was changed in another window or by the command line: showing what is there now.")
                                  .arg(document_->displayName()));
    });
    // Another instance (or the CLI) may have changed the file while this window was in the background.
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive) document_->checkExternalChanges();
    });
    rl->addLayout(infoHolder);
    rl->addWidget(stack_, 1);
    workArea_ = new QWidget(this);
    auto *cl = new QHBoxLayout(workArea_);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->setSpacing(0);
    cl->addWidget(sidebar_);
    cl->addWidget(right, 1);
    // With no workspace open the window offers the ways back in rather than six empty views.
    welcome_ = new WelcomePage(this);
    connect(welcome_, &WelcomePage::demoRequested, this, &MainWindow::openDemoWorkspace);
    connect(welcome_, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(welcome_, &WelcomePage::newRequested, this, &MainWindow::chooseAndCreate);
    connect(welcome_, &WelcomePage::recentChosen, this, [this](const QString &path) { openWorkspace(path); });
    pages_ = new QStackedWidget(this);
    pages_->addWidget(welcome_);
    pages_->addWidget(workArea_);
    setCentralWidget(pages_);

    workspaceLabel_ = new QLabel(this);
    countsLabel_ = new QLabel(this);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setMaximumWidth(120);
    busy_->setMaximumHeight(14);
    busy_->hide();
    statusBar()->addWidget(workspaceLabel_);
    statusBar()->addPermanentWidget(busy_);
    statusBar()->addPermanentWidget(countsLabel_);
    sidebar_->setCurrentRow(0);
}

QString MainWindow::demoWorkspacePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo.merchbench");
}

QString MainWindow::lastWorkspace()
{
    const QString last = QSettings().value(QStringLiteral("lastWorkspace")).toString();
    return !last.isEmpty() && QFileInfo::exists(last) ? last : QString();
}

bool MainWindow::openWorkspace(const QString &path)
{
    QString error;
    WorkspaceError kind = WorkspaceError::None;
    if (!document_->open(path, error, kind)) {
        messages_->error(this, tr("Cannot Open Workspace"), workspaceErrorText(path, kind, error));
        return false;
    }
    RecentWorkspaces::add(document_->path());
    if (document_->workspace()->isReadOnly())
        infoBar_->showMessage(tr("%1 is open read-only: you can look, but imports and edits are off.").arg(document_->displayName()));
    return true;
}

bool MainWindow::newWorkspace(const QString &path)
{
    QString error;
    if (!document_->create(path, error)) {
        messages_->error(this, tr("Cannot Create Workspace"), error);
        return false;
    }
    RecentWorkspaces::add(document_->path());
    infoBar_->showMessage(tr("New empty workspace %1. Import a catalog and orders from the File menu, or drop CSV files here.")
                              .arg(document_->displayName()));
    return true;
}

void MainWindow::closeWorkspace()
{
    document_->close();
    infoBar_->hide();
}

void MainWindow::setDemoBusy(bool busy)
{
    demoBusy_ = busy;
    if (demoAction_) demoAction_->setEnabled(!busy);
    welcome_->demoButton()->setEnabled(!busy);
}

void MainWindow::openDemoWorkspace()
{
    if (demoBusy_) return;  // the one being made opens when it is ready
    const QString path = demoWorkspacePath();
    const QString message = tr("This is a copy of the demo workspace, kept in %1. Explore it freely, or start your own with "
                               "File ▸ New Workspace and import your catalog and orders.")
                                .arg(QDir::toNativeSeparators(path));
    if (QFileInfo::exists(path)) {
        const bool ok = openWorkspace(path);
        if (ok) infoBar_->showMessage(message);
        Q_EMIT demoReady(ok);
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    setDemoBusy(true);
    statusBar()->showMessage(tr("Creating the demo workspace…"));
    busy_->show();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, message] {
        watcher->deleteLater();
        setDemoBusy(false);
        busy_->hide();
        statusBar()->clearMessage();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            messages_->error(this, tr("Cannot Create the Demo Workspace"), error);
            Q_EMIT demoReady(false);
            return;
        }
        const bool ok = openWorkspace(path);
        if (ok) infoBar_->showMessage(message);
        Q_EMIT demoReady(ok);
    });
    watcher->setFuture(QtConcurrent::run(workPool(), [path]() {
        std::string error;
        DemoParameters demo;
        demo.mine = true;  // first start shows suggestions in Maps straight away
        return createDemoWorkspace(path.toStdString(), demo, error) ? QString() : QString::fromStdString(error);
    }));
}

bool MainWindow::showView(const QString &id)
{
    for (size_t i = 0; i < descriptors_.size(); ++i)
        if (descriptors_[i].id == id) {
            sidebar_->setCurrentRow(int(i));
            return true;
        }
    return false;
}

QLineEdit *MainWindow::currentFindBox() const
{
    const int i = stack_->currentIndex();
    return document_->isOpen() && i >= 0 && i < int(views_.size()) ? views_[size_t(i)]->findBox() : nullptr;
}

QString MainWindow::currentViewId() const
{
    const int i = stack_->currentIndex();
    return i >= 0 && i < int(descriptors_.size()) ? descriptors_[size_t(i)].id : QString();
}

WorkspaceView *MainWindow::view(const QString &id) const
{
    for (size_t i = 0; i < descriptors_.size(); ++i)
        if (descriptors_[i].id == id) return views_[i];
    return nullptr;
}

QAction *MainWindow::viewAction(const QString &id) const
{
    for (size_t i = 0; i < descriptors_.size(); ++i)
        if (descriptors_[i].id == id) return viewActions_[i];
    return nullptr;
}

QStringList MainWindow::viewIds() const
{
    QStringList ids;
    for (const ViewDescriptor &d : descriptors_) ids << d.id;
    return ids;
}

void MainWindow::onWorkspaceChanged()
{
    // What the bars said was about the workspace before (what opening this one has to say follows).
    infoBar_->hide();
    errorBar_->hide();
    const bool open = document_->isOpen();
    if (open) {
        setWindowTitle(tr("%1 — Merchbench").arg(document_->displayName()));
        setWindowFilePath(document_->path());
        QSettings().setValue(QStringLiteral("lastWorkspace"), document_->path());
    } else {
        setWindowTitle(tr("Merchbench"));
        setWindowFilePath(QString());
    }
    pages_->setCurrentWidget(open ? workArea_ : static_cast<QWidget *>(welcome_));
    if (!open) welcome_->refresh();
    const bool writable = open && !document_->workspace()->isReadOnly();
    closeAction_->setEnabled(open);
    findAction_->setEnabled(currentFindBox() != nullptr);
    importCatalogAction_->setEnabled(writable);
    importOrdersAction_->setEnabled(writable);
    updateMiningActions();
    refreshRecentMenu();
    updateStatus();
}

void MainWindow::updateStatus()
{
    busy_->setVisible(document_->isLoading());
    if (!document_->isOpen()) {
        workspaceLabel_->setText(tr("No workspace open"));
        countsLabel_->clear();
        return;
    }
    workspaceLabel_->setText(document_->displayName());
    workspaceLabel_->setToolTip(QDir::toNativeSeparators(document_->path()));
    if (!document_->snapshot()) {
        countsLabel_->setText(document_->isLoading() ? tr("Loading…") : QString());
        return;
    }
    const WorkspaceCounts &c = document_->counts();
    const QLocale l = QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale();
    countsLabel_->setText(tr("%1 products  ·  %2 orders  ·  %3 baskets")
                              .arg(l.toString(qlonglong(c.products)), l.toString(qlonglong(c.orders)), l.toString(qlonglong(c.baskets))));
}

QString MainWindow::statusText() const { return workspaceLabel_->text() + QStringLiteral(" | ") + countsLabel_->text(); }

ImportDialog *MainWindow::createImportDialog(const QString &path, std::optional<ImportKind> kind)
{
    auto *dialog = new ImportDialog(document_, messages_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->setFile(path, kind)) {
        delete dialog;
        return nullptr;
    }
    return dialog;
}

void MainWindow::runImportDialog(const QString &path, std::optional<ImportKind> kind)
{
    if (!document_->isOpen()) {
        messages_->error(this, tr("Cannot Import"), tr("Open or create a workspace first (File menu)."));
        return;
    }
    if (ImportDialog *dialog = createImportDialog(path, kind)) dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        const QString suffix = QFileInfo(urls.front().toLocalFile()).suffix().toLower();
        if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt"))
            event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().front().toLocalFile();
    event->acceptProposedAction();
    // Leave the drop handler before a dialog opens.
    QTimer::singleShot(0, this, [this, path] { runImportDialog(path, std::nullopt); });
}

void MainWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    for (size_t i = 0; i < views_.size(); ++i) {
        s.beginGroup(QStringLiteral("views/") + descriptors_[i].id);
        views_[i]->restoreState(s);
        s.endGroup();
    }
    const QString last = s.value(QStringLiteral("window/view")).toString();
    if (!last.isEmpty()) showView(last);
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/view"), currentViewId());
    for (size_t i = 0; i < views_.size(); ++i) {
        s.beginGroup(QStringLiteral("views/") + descriptors_[i].id);
        views_[i]->saveState(s);
        s.endGroup();
    }
}

bool MainWindow::saveScreenshot(const QString &path)
{
    resize(1280, 800);
    return grab().save(path, "PNG");
}

}  // namespace mb
