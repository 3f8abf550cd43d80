// The main window opens a workspace, shows its counts, switches views from the View menu and Ctrl+N,
// and on a first start opens a copy of the demo workspace and says so; Open Recent names each file once;
// nothing typed or said for one workspace carries over to the next.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "core/storage/workspace.h"
#include "ui/catalog/catalogview.h"
#include "ui/catalog/productfilterproxy.h"
#include "ui/helpdialogs.h"
#include "ui/infobar.h"
#include "ui/mainwindow.h"
#include "ui/maps/mapsview.h"
#include "ui/maps/relationspanel.h"
#include "ui/recentworkspaces.h"
#include "ui/welcomepage.h"
#include "ui/workspaceview.h"

#include <QAbstractButton>
#include <QAction>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeWidget>

#include <functional>
#include <QLineEdit>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

using namespace mb;

class TstMainWindow : public QObject {
    Q_OBJECT
    // The demo open in a shown, active window, where shortcuts reach their actions.
    bool openInFront(MainWindow &w)
    {
        w.show();
        return w.openWorkspace(demo_) && mbtest::waitLoaded(w.document()) && QTest::qWaitForWindowActive(&w);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MerchbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QVERIFY(dir_.isValid());
        demo_ = mbtest::makeDemo(dir_);
        QVERIFY(QFileInfo::exists(demo_));
    }

    void opensTheDemoWorkspace()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        QCOMPARE(w.windowTitle(), QStringLiteral("demo.merchbench — Merchbench"));

        std::string error;
        auto ws = Workspace::open(demo_.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        const WorkspaceCounts c = ws->counts();
        QVERIFY(c.products > 0);
        QCOMPARE(c.orders, 1500);
        const QLocale en(QLocale::English);
        QVERIFY2(w.statusText().contains(en.toString(qlonglong(c.products)) + QStringLiteral(" products")), qPrintable(w.statusText()));
        QVERIFY2(w.statusText().contains(QStringLiteral("1,500 orders")), qPrintable(w.statusText()));
        QVERIFY2(w.statusText().contains(en.toString(qlonglong(c.baskets)) + QStringLiteral(" baskets")), qPrintable(w.statusText()));
        QCOMPARE(qsizetype(w.document()->snapshot()->products.size()), qsizetype(c.products));
    }

    void switchesViewsFromTheViewMenu()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(w.openWorkspace(demo_));
        // Later issues add views after these two; every view gets a View-menu entry with Ctrl+<position>.
        const QStringList ids = w.viewIds();
        QVERIFY(ids.size() >= 2);
        QCOMPARE(ids.mid(0, 2), (QStringList{QStringLiteral("catalog"), QStringLiteral("orders")}));
        for (int i = 0; i < ids.size() && i < 9; ++i) {
            QCOMPARE(w.viewAction(ids[i])->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            w.viewAction(ids[i])->trigger();
            QCOMPARE(w.currentViewId(), ids[i]);
        }
        w.viewAction(QStringLiteral("orders"))->trigger();
        QCOMPARE(w.currentViewId(), QStringLiteral("orders"));
        QVERIFY(w.view(QStringLiteral("orders"))->isVisibleTo(&w));
        w.viewAction(QStringLiteral("catalog"))->trigger();
        QCOMPARE(w.currentViewId(), QStringLiteral("catalog"));
        QCOMPARE(w.viewAction(QStringLiteral("orders"))->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
    }

    void switchesViewsWithShortcuts()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(w.currentViewId(), QStringLiteral("orders"));
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(w.currentViewId(), QStringLiteral("catalog"));
    }

    void firstStartOpensACopyOfTheDemo()
    {
        const QString demoCopy = MainWindow::demoWorkspacePath();
        QFile::remove(demoCopy);
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QSignalSpy ready(&w, &MainWindow::demoReady);
        w.openDemoWorkspace();
        // While it is being made its file is half-written: a second request (the File menu, the start page)
        // neither opens it nor starts another.
        QVERIFY(!w.welcomePage()->demoButton()->isEnabled());
        w.openDemoWorkspace();
        QVERIFY(!w.document()->isOpen());
        QVERIFY(ready.wait(120000));
        QCOMPARE(ready.front().front().toBool(), true);
        QTest::qWait(50);
        QCOMPARE(ready.count(), 1);
        QVERIFY(w.welcomePage()->demoButton()->isEnabled());
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        QCOMPARE(w.document()->path(), QFileInfo(demoCopy).absoluteFilePath());
        QVERIFY2(w.infoBar()->text().contains(QStringLiteral("demo workspace")), qPrintable(w.infoBar()->text()));
        QVERIFY(mbtest::waitLoaded(w.document(), 120000));
        QVERIFY(w.document()->counts().orders > 0);
        QVERIFY(MainWindow::lastWorkspace() == QFileInfo(demoCopy).absoluteFilePath());
    }

    void openRecentListsEachWorkspaceOnce()
    {
        // The same file by three spellings: as made, through "sub/..", and through a symbolic link.
        RecentWorkspaces::clear();
        QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("sub")));
        const QString viaParent = dir_.filePath(QStringLiteral("sub/../demo.merchbench"));
        const QString viaLink = dir_.filePath(QStringLiteral("link.merchbench"));
        QVERIFY(QFile::link(demo_, viaLink));
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        for (const QString &p : {demo_, viaParent, viaLink}) {
            QVERIFY(w.openWorkspace(p));
            QVERIFY(mbtest::waitLoaded(w.document()));
        }
        QCOMPARE(RecentWorkspaces::list(), QStringList{QFileInfo(demo_).canonicalFilePath()});
        // A list an older version stored with repeats reads as one entry too.
        QSettings().setValue(QStringLiteral("recentWorkspaces"), QStringList{demo_, viaParent, viaLink});
        QCOMPARE(RecentWorkspaces::list().size(), 1);
        w.closeWorkspace();
        QFile::remove(viaLink);
        RecentWorkspaces::clear();
    }

    void nothingCarriesOverToTheNextWorkspace()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(w.newWorkspace(dir_.filePath(QStringLiteral("empty.merchbench"))));
        QVERIFY(mbtest::waitLoaded(w.document()));
        QVERIFY(!w.infoBar()->isHidden());  // "New empty workspace …"
        auto *catalog = qobject_cast<CatalogView *>(w.view(QStringLiteral("catalog")));
        auto *maps = qobject_cast<MapsView *>(w.view(QStringLiteral("maps")));
        QVERIFY(catalog && maps);
        catalog->searchBox()->setText(QStringLiteral("lens"));
        maps->anchorSearch()->setText(QStringLiteral("bikes"));
        maps->relations()->addBox()->setText(QStringLiteral("CAM-"));
        w.document()->reportError(QStringLiteral("an error about the empty workspace"));
        QVERIFY(!w.errorBar()->isHidden());

        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        QVERIFY(w.infoBar()->isHidden());
        QVERIFY(w.errorBar()->isHidden());
        QCOMPARE(catalog->searchBox()->text(), QString());
        QTRY_VERIFY(!catalog->isBusy());
        QCOMPARE(catalog->proxy()->rowCount(), int(w.document()->snapshot()->products.size()));
        QCOMPARE(maps->anchorSearch()->text(), QString());
        QCOMPARE(maps->relations()->addBox()->text(), QString());
        w.closeWorkspace();
    }

    void closingLeavesAnEmptyWindow()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        w.closeWorkspace();
        QVERIFY(!w.document()->isOpen());
        QCOMPARE(w.windowTitle(), QStringLiteral("Merchbench"));
        QVERIFY(w.statusText().startsWith(QStringLiteral("No workspace open")));
    }

    // After File ▸ Close the window is not a dead end: a start page offers the demo store, Open, New and the
    // recent workspaces, in place of six empty views.
    void theEmptyWindowOffersTheDemoAndTheRecentFiles()
    {
        RecentWorkspaces::clear();
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        w.resize(1024, 700);
        w.show();
        QVERIFY(w.welcomePage()->isVisible());  // nothing open yet
        QVERIFY(w.welcomePage()->recentList()->isHidden());
        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        QVERIFY(!w.welcomePage()->isVisible());
        QVERIFY(w.view(w.currentViewId())->isVisible());
        w.closeWorkspace();
        QVERIFY(w.welcomePage()->isVisible());
        QListWidget *recent = w.welcomePage()->recentList();
        QVERIFY(recent->isVisible());
        QCOMPARE(recent->count(), 1);
        QVERIFY(recent->item(0)->text().startsWith(QStringLiteral("demo.merchbench")));
        QTest::qWait(20);  // the status bar takes the new text's width
        QVERIFY(w.grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir_.path()) + QStringLiteral("/welcome.png")));
        // Enter on the first recent workspace opens it again.
        recent->setFocus();
        QTest::keyClick(recent, Qt::Key_Return);
        QVERIFY(mbtest::waitLoaded(w.document()));
        QCOMPARE(w.document()->path(), QFileInfo(demo_).canonicalFilePath());
        QVERIFY(!w.welcomePage()->isVisible());
        // The demo store, one click away (its copy in the data folder was made by firstStartOpensACopyOfTheDemo).
        w.closeWorkspace();
        QSignalSpy ready(&w, &MainWindow::demoReady);
        QTest::mouseClick(w.welcomePage()->demoButton(), Qt::LeftButton);
        QVERIFY(ready.count() == 1 || ready.wait(120000));
        QVERIFY(ready.front().front().toBool());
        QVERIFY(mbtest::waitLoaded(w.document(), 120000));
        QCOMPARE(w.document()->path(), QFileInfo(MainWindow::demoWorkspacePath()).absoluteFilePath());
        QVERIFY(w.welcomePage()->demoButton()->isEnabled());
        QVERIFY(!w.welcomePage()->isVisible());
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        w.closeWorkspace();
        RecentWorkspaces::clear();
    }

    // Every menu entry says what it does in the status bar (KDE HIG: a status tip for every action).
    void everyMenuEntryHasAStatusTip()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        QStringList missing;
        std::function<void(QMenu *)> walk = [&](QMenu *menu) {
            Q_EMIT menu->aboutToShow();  // Open Recent fills itself here
            for (QAction *a : menu->actions()) {
                if (a->isSeparator() || !a->isEnabled()) continue;
                if (a->menu()) walk(a->menu());
                if (a->statusTip().isEmpty()) missing << menu->title() + QStringLiteral(" ▸ ") + a->text();
            }
        };
        for (QAction *top : w.menuBar()->actions()) walk(top->menu());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        // The tip shows in the status bar while the menu entry is the current one.
        QMenu *help = w.menuBar()->actions().last()->menu();
        w.show();
        w.menuBar()->setActiveAction(w.menuBar()->actions().last());  // as a click on "Help" would
        QVERIFY(QTest::qWaitForWindowExposed(help));
        QAction *guide = help->actions().first();
        QTest::keyClick(help, Qt::Key_Down);
        QCOMPARE(help->activeAction(), guide);
        QTRY_COMPARE(w.statusBar()->currentMessage(), guide->statusTip());
        help->hide();
        w.closeWorkspace();
    }

    // Ctrl+F (Edit ▸ Find) goes to the search box of the view in front; off where a view has none.
    void findGoesToTheViewsSearchBox()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(openInFront(w));
        int withBox = 0;
        for (const QString &id : w.viewIds()) {
            QVERIFY(w.showView(id));
            QLineEdit *box = w.view(id)->findBox();
            w.view(id)->setFocus();
            QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
            if (!box) continue;
            ++withBox;
            QTRY_VERIFY2(box->hasFocus(), qPrintable(id));
        }
        QVERIFY(withBox >= 5);  // Catalog, Orders, Maps, Preview, Bundles
        w.closeWorkspace();
    }

    // A control that shows no words (an icon, a "?", a bare check box) says what it does in a tool tip; so does
    // each view's sidebar entry. Buttons whose text says it all need none (KDE HIG: no tool tip that repeats
    // the label).
    void everyWordlessControlHasAToolTip()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        w.resize(1280, 800);
        w.show();
        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        QStringList missing;
        for (const QString &id : w.viewIds()) {
            QVERIFY(w.showView(id));
            QTRY_VERIFY(!w.view(id)->isBusy());
            for (QAbstractButton *b : w.view(id)->findChildren<QAbstractButton *>()) {
                // A line edit's own clear button is Qt's, the same in every application.
                if (!b->isVisible() || qobject_cast<QLineEdit *>(b->parentWidget())) continue;
                const QString words = QString(b->text()).remove(QLatin1Char('&')).trimmed();
                if (words.size() <= 2 && b->toolTip().isEmpty()) missing << id + QStringLiteral(": ") + b->metaObject()->className() + QLatin1Char(' ') + b->objectName() + QLatin1Char('"') + words + QLatin1Char('"');
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        w.closeWorkspace();
    }

    // Help ▸ User Guide (F1) opens the guide shipped with the app; Help ▸ Keyboard Shortcuts lists every
    // shortcut the window has, the views' own too (Del, Alt+Up/Down and F2 in Maps were only in the code).
    void helpOpensTheGuideAndListsEveryShortcut()
    {
        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(openInFront(w));
        QTest::keyClick(&w, Qt::Key_F1);
        UserGuideDialog *guide = w.findChild<UserGuideDialog *>();
        QVERIFY(guide && guide->isVisible());
        const QString text = guide->browser()->toPlainText();
        for (const char *part : {"Start a workspace", "Map complementary products", "Preview every placement", "Build bundles",
                                 "Send it back to the store", "Keyboard Shortcuts"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        QVERIFY(!text.contains(QLatin1String("##")));  // rendered, not shown as Markdown source
        QVERIFY(guide->grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir_.path()) + QStringLiteral("/user-guide.png")));

        QMenu *help = w.menuBar()->actions().last()->menu();
        QAction *keys = nullptr;
        for (QAction *a : help->actions())
            if (a->text() == QStringLiteral("&Keyboard Shortcuts")) keys = a;
        QVERIFY(keys);
        keys->trigger();
        ShortcutsDialog *dialog = w.findChild<ShortcutsDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir_.path()) + QStringLiteral("/shortcuts.png")));
        QHash<QString, QString> listed;  // "Where/Action" → keys
        QTreeWidget *tree = dialog->tree();
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
                listed.insert(tree->topLevelItem(g)->text(0) + QLatin1Char('/') + tree->topLevelItem(g)->child(i)->text(0),
                              tree->topLevelItem(g)->child(i)->text(1));
        const auto native = [](const QKeySequence &k) { return k.toString(QKeySequence::NativeText); };
        QCOMPARE(listed.value(QStringLiteral("Maps/Edit Pitch")), native(QKeySequence(Qt::Key_F2)));
        QCOMPARE(listed.value(QStringLiteral("Maps/Move Up")), native(QKeySequence(Qt::ALT | Qt::Key_Up)));
        QCOMPARE(listed.value(QStringLiteral("Maps/Remove")), native(QKeySequence::Delete));
        QCOMPARE(listed.value(QStringLiteral("Edit/Undo")), native(QKeySequence::Undo));
        QCOMPARE(listed.value(QStringLiteral("Help/User Guide")), native(QKeySequence::HelpContents));
        // Every action of the window that has a shortcut is listed, once.
        int withShortcut = 0;
        for (QAction *a : w.findChildren<QAction *>())
            if (!a->shortcut().isEmpty()) ++withShortcut;
        QCOMPARE(listed.size(), withShortcut);
        w.closeWorkspace();
    }

private:
    QTemporaryDir dir_;
    QString demo_;
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
