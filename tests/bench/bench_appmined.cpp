// Opening a mined workspace in the app (issue 12): the window opens it, the snapshot loads, the shared
// mined results are read once (ui/minedcache) and handed to Maps and the preview, whose engine is built
// from them. A watchdog QTimer (5 ms) measures the longest the GUI thread was blocked meanwhile. Then a
// reload of the same history (what another program's change or an edit's reload asks for): the saved runs
// are the same, so the results in hand are kept rather than read again.
//   QT_QPA_PLATFORM=offscreen bench_appmined WORKSPACE [RUNS]
// Make the workspace with merchbench-cli: init, import orders online_retail.csv, mine run.
#include "core/mining/minedresults.h"
#include "bench/guiwatchdog.h"
#include "bench/quietpresenter.h"
#include "ui/mainwindow.h"
#include "ui/maps/mapsview.h"
#include "ui/messagepresenter.h"
#include "ui/minedcache.h"
#include "ui/preview/previewrunner.h"
#include "ui/preview/previewview.h"
#include "ui/workspacedocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mb;

namespace {

using mbbench::QuietPresenter;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MerchbenchBench"));
    if (argc < 2 || !QFileInfo::exists(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "usage: bench_appmined WORKSPACE [RUNS]\n");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<double> snapshotS, minedS, previewS, stallMs, reloadMs;
    for (int i = 0; i < runs; ++i) {
        QuietPresenter messages;
        MainWindow window(&messages);
        window.resize(1280, 800);
        window.show();
        window.showView(QStringLiteral("maps"));
        WorkspaceDocument *doc = window.document();
        MinedCache *cache = MinedCache::of(doc);
        auto *maps = qobject_cast<MapsView *>(window.view(QStringLiteral("maps")));
        auto *preview = qobject_cast<PreviewView *>(window.view(QStringLiteral("preview")));
        if (!maps || !preview) return 1;
        QEventLoop loop;
        mbbench::GuiWatchdog dog;
        QElapsedTimer t;
        double tSnapshot = -1, tMined = -1, tPreview = -1;
        t.start();
        dog.start();
        if (!window.openWorkspace(path)) return 1;
        while (tSnapshot < 0 || tMined < 0 || tPreview < 0) {
            loop.processEvents(QEventLoop::WaitForMoreEvents);
            const double now = double(t.nsecsElapsed()) / 1e9;
            if (tSnapshot < 0 && doc->snapshot() && !doc->isLoading()) tSnapshot = now;
            if (tMined < 0 && tSnapshot >= 0 && maps->minedResults() && !maps->isLoading()) tMined = now;
            if (tPreview < 0 && tMined >= 0 && preview->runner()->current() && !preview->runner()->isBuilding()) tPreview = now;
        }
        const auto mined = cache->results();
        // Another program's change or an edit reloads the snapshot: the same runs, the same copy.
        QElapsedTimer r;
        r.start();
        bool changed = false;
        auto c = QObject::connect(cache, &MinedCache::minedChanged, [&] { changed = true; });
        doc->reload();
        while (!changed) loop.processEvents(QEventLoop::WaitForMoreEvents);
        QObject::disconnect(c);
        const double reload = double(r.nsecsElapsed()) / 1e6;
        const bool kept = cache->results() == mined;
        QElapsedTimer after;
        after.start();
        while (after.elapsed() < 250) loop.processEvents(QEventLoop::WaitForMoreEvents);
        const double maxGap = dog.stop();
        std::printf("run %d: snapshot %.3f s, mined results in Maps %.3f s (%zu pair rules, one shared copy: %s), preview engine %.3f s; "
                    "reload: mined results %s after %.0f ms; longest GUI stall %.1f ms\n",
                    i + 1, tSnapshot, tMined, mined ? mined->pairs.size() : size_t(0), maps->minedResults() == mined ? "yes" : "NO",
                    tPreview, kept ? "kept" : "read again", reload, maxGap);
        std::printf("  the longest gap began with: %s\n", qPrintable(dog.culprit()));
        std::fflush(stdout);
        snapshotS.push_back(tSnapshot);
        minedS.push_back(tMined);
        previewS.push_back(tPreview);
        stallMs.push_back(maxGap);
        reloadMs.push_back(reload);
    }
    std::printf("\n%s, %d runs, medians: snapshot %.3f s, mined results %.3f s, preview engine %.3f s, reload's mined check %.0f ms; "
                "longest GUI stall median %.1f ms, worst %.1f ms (target <= 50 ms)\n",
                qPrintable(path), runs, median(snapshotS), median(minedS), median(previewS), median(reloadMs), median(stallMs),
                *std::max_element(stallMs.begin(), stallMs.end()));
    return 0;
}
