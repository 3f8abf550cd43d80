#pragma once
// The application window: menus, the view sidebar, the status bar, and the workspace life cycle (open,
// new, close, first-start demo, recent files, refusal of files it cannot open). Views come from a list of
// ViewDescriptors so later issues add theirs without touching this class.
#include "core/io/importrecords.h"
#include "ui/viewregistry.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class QActionGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace mb {

class ImportDialog;
class InfoBar;
class ShortcutsDialog;
class UserGuideDialog;
class WelcomePage;
class MessagePresenter;
class WorkspaceDocument;
class WorkspaceView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // messages: null = modal message boxes; tests pass a recorder. The window does not own it.
    explicit MainWindow(MessagePresenter *messages = nullptr, std::vector<ViewDescriptor> views = builtinViews(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkspaceDocument *document() const { return document_; }
    InfoBar *infoBar() const { return infoBar_; }
    InfoBar *errorBar() const { return errorBar_; }
    // Shown instead of the views while no workspace is open.
    WelcomePage *welcomePage() const { return welcome_; }

    // Opens a workspace; on failure tells the user why and keeps the current one.
    bool openWorkspace(const QString &path);
    bool newWorkspace(const QString &path);
    void closeWorkspace();
    // First start: opens (creating it in the background if needed) the demo workspace in the user's data
    // folder and says so in the info bar. demoReady() follows.
    void openDemoWorkspace();
    static QString demoWorkspacePath();
    // The last workspace of the previous session, if it still exists.
    static QString lastWorkspace();

    bool showView(const QString &id);
    QString currentViewId() const;
    WorkspaceView *view(const QString &id) const;
    QAction *viewAction(const QString &id) const;
    QStringList viewIds() const;

    // Mining ▸ Run Mining… (the parameters dialog) and ▸ Re-run With Last Parameters.
    QAction *runMiningAction() const { return runMiningAction_; }
    QAction *rerunMiningAction() const { return rerunMiningAction_; }

    // The import dialog for a file (modeless; the caller may exec() it).
    ImportDialog *createImportDialog(const QString &path, std::optional<ImportKind> kind);
    QString statusText() const;

    // Renders the window at 1280×800 into a PNG.
    bool saveScreenshot(const QString &path);

Q_SIGNALS:
    void demoReady(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void buildCentre();
    void onWorkspaceChanged();
    void updateStatus();
    void refreshRecentMenu();
    void chooseAndOpen();
    void chooseAndCreate();
    void chooseAndImport(ImportKind kind);
    void runImportDialog(const QString &path, std::optional<ImportKind> kind);
    void showAbout();
    void showUserGuide();
    void showShortcuts();
    void chooseAndMine();
    void updateMiningActions();
    void setDemoBusy(bool busy);
    // The search box of the view in front (Edit ▸ Find); null with no workspace or a view without one.
    QLineEdit *currentFindBox() const;
    void restoreSettings();
    void saveSettings() const;

    std::unique_ptr<MessagePresenter> ownMessages_;
    MessagePresenter *messages_;
    std::vector<ViewDescriptor> descriptors_;
    WorkspaceDocument *document_;
    std::vector<WorkspaceView *> views_;
    std::vector<QAction *> viewActions_;
    QActionGroup *viewGroup_ = nullptr;
    QListWidget *sidebar_ = nullptr;
    QStackedWidget *stack_ = nullptr;
    QStackedWidget *pages_ = nullptr;  // the welcome page, or the sidebar and the views
    QWidget *workArea_ = nullptr;
    WelcomePage *welcome_ = nullptr;
    InfoBar *infoBar_ = nullptr;
    InfoBar *errorBar_ = nullptr;
    QMenu *recentMenu_ = nullptr;
    QAction *closeAction_ = nullptr;
    QAction *findAction_ = nullptr;
    QAction *demoAction_ = nullptr;
    // The demo is being made on a worker: its file exists from the start, half-written, so nothing may open
    // it (or start a second one) until demoReady.
    bool demoBusy_ = false;  // enabled where the current view has a search box
    QAction *importCatalogAction_ = nullptr;
    QAction *importOrdersAction_ = nullptr;
    QAction *runMiningAction_ = nullptr;
    QAction *rerunMiningAction_ = nullptr;
    QAction *cancelMiningAction_ = nullptr;
    QLabel *workspaceLabel_ = nullptr;
    QLabel *countsLabel_ = nullptr;
    QProgressBar *busy_ = nullptr;
    QPointer<UserGuideDialog> guide_;
    QPointer<ShortcutsDialog> shortcuts_;
};

}  // namespace mb
