#include "ui/application.h"

#include "ui/import/importdialog.h"
#include "ui/mainwindow.h"
#include "ui/messagepresenter.h"
#include "ui/uiresources.h"
#include "ui/workspacedocument.h"
#include "ui/workspaceview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPointer>
#include <QSettings>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>

#include <cstdio>

namespace mb {

namespace {
// In --screenshot mode nobody can click a message box away: errors go to stderr instead.
class StderrMessagePresenter : public MessagePresenter {
public:
    void error(QWidget *, const QString &title, const QString &text) override { print(title, text); }
    void information(QWidget *, const QString &title, const QString &text) override { print(title, text); }

private:
    static void print(const QString &title, const QString &text)
    {
        QTextDocument doc;
        doc.setHtml(text);
        std::fprintf(stderr, "merchbench: %s: %s\n", qPrintable(title), qPrintable(doc.toPlainText().simplified()));
    }
};

bool wantsScreenshot(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (QByteArray(argv[i]).startsWith("--screenshot")) return true;
    return false;
}

// Takes the screenshot once the snapshot is in (or the load failed), then quits with 0 or 2. With an
// import dialog open, the dialog is what gets rendered.
void scheduleScreenshot(MainWindow &window, const QString &out, QPointer<QDialog> dialog)
{
    auto shoot = [&window, out, dialog] {
        // The view shown builds its rows on a worker: wait for them (a minute at most), then let it lay
        // them out before grabbing.
        auto *poll = new QTimer(&window);
        auto *waited = new QElapsedTimer;
        waited->start();
        QObject::connect(poll, &QTimer::timeout, &window, [&window, out, dialog, poll, waited] {
            const WorkspaceView *v = window.view(window.currentViewId());
            if (v && v->isBusy() && waited->elapsed() < 60000) return;
            poll->stop();
            delete waited;
            QTimer::singleShot(300, &window, [&window, out, dialog] {
                const bool ok = dialog ? dialog->grab().save(out, "PNG") : window.saveScreenshot(out);
                if (!ok) std::fprintf(stderr, "merchbench: cannot write %s\n", qPrintable(out));
                QCoreApplication::exit(ok ? 0 : 2);
            });
        });
        poll->start(50);
    };
    WorkspaceDocument *doc = window.document();
    if (!doc->isOpen() || (!doc->isLoading() && doc->snapshot())) {
        shoot();
        return;
    }
    QObject::connect(doc, &WorkspaceDocument::snapshotChanged, &window, [doc, shoot] {
        if (doc->snapshot()) shoot();
    });
    QObject::connect(doc, &WorkspaceDocument::loadFailed, &window, shoot);
}
}  // namespace

int runMerchbench(int argc, char *argv[])
{
    // A screenshot needs no display: render offscreen unless the caller chose a platform.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Merchbench"));
    QApplication::setApplicationName(QStringLiteral("Merchbench"));
    QApplication::setApplicationVersion(QStringLiteral(MB_VERSION));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    initUiResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Merchbench: a cross-sell and upsell workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Open FILE."), QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Start in VIEW (catalog, orders, …)."), QStringLiteral("VIEW"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window (1280×800) to OUT.png and exit."), QStringLiteral("OUT"));
    const QCommandLineOption import(QStringLiteral("import"), QStringLiteral("Open the import dialog for CSV."), QStringLiteral("CSV"));
    parser.addOptions({workspace, view, screenshot, import});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A workspace to open (same as --workspace)."), QStringLiteral("[file]"));
    parser.process(app);

    // Screenshots must not depend on, or change, the user's saved layout and recent files.
    QTemporaryDir scratchSettings;
    if (parser.isSet(screenshot)) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings.path());
    }
    StderrMessagePresenter stderrMessages;
    MainWindow window(parser.isSet(screenshot) ? &stderrMessages : nullptr);
    if (parser.isSet(view) && !window.showView(parser.value(view))) {
        std::fprintf(stderr, "merchbench: unknown view '%s' (expected one of: %s)\n", qPrintable(parser.value(view)),
                     qPrintable(window.viewIds().join(QStringLiteral(", "))));
        return 1;
    }
    QString file = parser.value(workspace);
    if (file.isEmpty() && !parser.positionalArguments().isEmpty()) file = parser.positionalArguments().front();

    if (parser.isSet(screenshot)) {
        if (file.isEmpty() || !window.openWorkspace(file)) {
            std::fprintf(stderr, "merchbench: --screenshot needs a workspace that opens (--workspace FILE)\n");
            return 3;
        }
        window.resize(1280, 800);
        window.show();
        QPointer<QDialog> dialog;
        if (parser.isSet(import)) {
            dialog = window.createImportDialog(parser.value(import), std::nullopt);
            if (!dialog) return 2;
            dialog->show();
        }
        scheduleScreenshot(window, parser.value(screenshot), dialog);
        return app.exec();
    }

    window.show();
    if (!file.isEmpty()) window.openWorkspace(file);
    else if (const QString last = MainWindow::lastWorkspace(); !last.isEmpty()) window.openWorkspace(last);
    else window.openDemoWorkspace();
    if (parser.isSet(import)) {
        const QString csv = parser.value(import);
        QTimer::singleShot(0, &window, [&window, csv] {
            if (ImportDialog *d = window.createImportDialog(csv, std::nullopt)) d->open();
        });
    }
    return app.exec();
}

}  // namespace mb
