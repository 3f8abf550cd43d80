// Edit-latency benchmark (issue #12): on a mined Online Retail workspace in the real Maps view (offscreen),
// how long each edit takes to settle — the command pushed, the document's write, the models updated row by
// row and the window repainted — for accept, reject, undo, pitch edit and reorder, as p50 / p95 / max over
// many edits; and the longest stall of the GUI thread while the workspace loads and while it mines, measured
// by a watchdog timer that should tick every 5 ms. Prints figures only.
//   bench_gui_edits WORKSPACE [--edits N] [--mine]
// WORKSPACE is copied first (edits change it). Make one with:
//   merchbench-cli --workspace or.merchbench init
//   merchbench-cli --workspace or.merchbench import orders ../shared/datasets/online_retail/online_retail.csv
//   merchbench-cli --workspace or.merchbench mine run
#include "bench/guiwatchdog.h"
#include "ui/uitestsupport.h"

#include "core/mining/minedresults.h"
#include "ui/bundles/exportdialog.h"
#include "ui/maps/anchorlistmodel.h"
#include "ui/maps/mapcommands.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/mapsview.h"
#include "ui/maps/miningrunner.h"
#include "ui/maps/relationsmodel.h"
#include "ui/maps/relationspanel.h"
#include "ui/maps/suggestionsmodel.h"
#include "ui/maps/suggestionspanel.h"
#include "ui/workspacedocument.h"

#include <QApplication>
#include <QSignalSpy>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace mb;

namespace {

struct Series {
    std::vector<double> ms;
    void print(const char *what) const
    {
        if (ms.empty()) return std::printf("%-14s no samples\n", what), void();
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        auto at = [&](double q) { return s[std::min(s.size() - 1, size_t(q * double(s.size() - 1) + 0.5))]; };
        std::printf("%-14s n=%3zu  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, s.size(), at(0.5), at(0.95), s.back());
    }
};

}  // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_gui_edits WORKSPACE [--edits N] [--mine]\n");
        return 2;
    }
    int edits = 40;
    if (const int i = int(args.indexOf(QStringLiteral("--edits"))); i > 0 && i + 1 < args.size()) edits = args[i + 1].toInt();
    const bool mine = args.contains(QStringLiteral("--mine"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.merchbench"));
    if (!QFile::copy(args[1], path)) {
        std::fprintf(stderr, "%s: cannot be copied to %s\n", qPrintable(args[1]), qPrintable(path));
        return 2;
    }

    WorkspaceDocument doc;
    MapsView view(&doc);
    view.resize(1400, 900);
    view.show();
    mbbench::GuiWatchdog dog;
    QElapsedTimer t;
    dog.start();
    t.start();
    QString error;
    WorkspaceError kind;
    if (!doc.open(path, error, kind)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    mbtest::waitUntil([&] { return doc.snapshot() && !doc.isLoading() && !view.isLoading() && view.minedResults(); });
    const double loadMs = double(t.elapsed());
    std::printf("workspace: %s: %zu products, %zu orders, %zu lines, %zu relations\n", qPrintable(args[1]), doc.snapshot()->products.size(),
                doc.snapshot()->orders.size(), doc.snapshot()->lines.size(), doc.snapshot()->relations.size());
    const double loadStall = dog.stop();
    std::printf("open + load + mined results: %.0f ms; longest GUI-thread stall %.1f ms (%s)\n", loadMs, loadStall, qPrintable(dog.culprit()));
    if (!view.minedResults() || view.minedResults()->empty()) {
        std::fprintf(stderr, "the workspace has no mined results: run `merchbench-cli mine run` on it first\n");
        return 1;
    }

    // One settle: the command pushed (document write, models updated) and the window repainted.
    auto settle = [&](auto &&edit) {
        QElapsedTimer e;
        e.start();
        edit();
        view.repaint();
        const double ms = double(e.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents();  // queued work (the preview's rebuild request) runs between edits
        return ms;
    };

    std::map<std::string, Series> series;
    SuggestionsModel *suggestions = nullptr;
    for (QTableView *t2 : view.findChildren<QTableView *>())
        if (auto *m = qobject_cast<SuggestionsModel *>(t2->model())) suggestions = m;
    RelationsModel *relations = nullptr;
    for (QAbstractItemView *v : view.relations()->findChildren<QAbstractItemView *>())
        if (auto *m = qobject_cast<RelationsModel *>(v->model())) relations = m;
    if (!suggestions || !relations) {
        std::fprintf(stderr, "the Maps view's models were not found\n");
        return 1;
    }

    // Walk the best sellers: on each, accept one suggestion, reject another, edit the pitch, reorder, undo.
    const auto snap = doc.snapshot();
    std::vector<uint32_t> products(snap->products.size());
    for (uint32_t i = 0; i < products.size(); ++i) products[i] = i;
    std::sort(products.begin(), products.end(), [&](uint32_t a, uint32_t b) { return snap->unitsSold[a] > snap->unitsSold[b]; });
    int done = 0;
    for (uint32_t p : products) {
        if (done >= edits) break;
        if (!view.selectAnchor(EndpointType::Product, QString::fromStdString(snap->products[p].sku))) continue;
        QCoreApplication::processEvents();
        if (suggestions->rowCount() < 3) continue;
        const auto data = MapData::make(doc.snapshot(), doc.endpoints());
        auto accept = [&](int row) {
            if (!suggestions->suggestion(row)) return;
            const Suggestion s = *suggestions->suggestion(row);
            series["accept"].ms.push_back(settle([&] {
                doc.undoStack()->push(new AcceptSuggestionCommand(&doc, data->snapshot->products[s.anchor].id,
                                                                  data->snapshot->products[s.target].id, s.kind.kind, QStringLiteral("x")));
            }));
        };
        accept(0);
        accept(0);
        if (!suggestions->suggestion(0)) continue;
        const Suggestion r = *suggestions->suggestion(0);
        series["reject"].ms.push_back(settle([&] {
            doc.undoStack()->push(new RejectSuggestionCommand(&doc, data->snapshot->products[r.anchor].id,
                                                              data->snapshot->products[r.target].id, r.kind.kind, QStringLiteral("x")));
        }));
        // The two accepted ones are own relations of this anchor now.
        std::vector<Relation> own;
        for (RelationKind k : allKinds)
            for (int64_t id : relations->ownIds(k))
                if (const auto *it = relations->item(relations->indexOfRelation(id))) own.push_back(it->relation);
        if (!own.empty()) {
            Relation cur = own.front();
            for (const char *text : {"B", "Bu", "Buy"}) {  // typed: the three merge into one undo step
                series["pitch edit"].ms.push_back(settle([&] { doc.undoStack()->push(new EditPitchCommand(&doc, cur, text, QStringLiteral("x"))); }));
                cur.pitch = text;
            }
        }
        for (RelationKind k : allKinds) {
            std::vector<int64_t> ids = relations->ownIds(k);
            if (ids.size() < 2) continue;
            std::vector<int64_t> after = ids;
            std::swap(after[0], after[1]);
            series["reorder"].ms.push_back(settle([&] { doc.undoStack()->push(new ReorderRelationsCommand(&doc, ids, after, k)); }));
            break;
        }
        for (int u = 0; u < 3 && doc.undoStack()->canUndo(); ++u) series["undo"].ms.push_back(settle([&] { doc.undoStack()->undo(); }));
        ++done;
    }
    std::printf("edits on %d anchors (settle = command pushed, models updated, window repainted):\n", done);
    for (const char *k : {"accept", "reject", "pitch edit", "reorder", "undo"}) series[k].print(k);

    {
        // Export (Magento: every map link of the store's products) from the dialog, as File > Export does.
        ExportDialog dialog(&doc);
        dialog.setFormat(QStringLiteral("json"));
        mbtest::RecordingPresenter presenter;
        doc.setMessages(&presenter);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.exportTo(dir.filePath(QStringLiteral("warm.json")), error);  // the path fields as a user leaves them
        dog.start();
        t.start();
        dialog.accept();
        mbtest::waitUntil([&] { return accepted.count() > 0 || !presenter.errors.isEmpty(); });
        std::printf("export (json) from the dialog: %.0f ms; longest GUI-thread stall %.1f ms%s\n", double(t.elapsed()), dog.stop(),
                    presenter.errors.isEmpty() ? "" : qPrintable(QStringLiteral(" — failed: ") + presenter.errors.join(' ')));
        doc.setMessages(nullptr);
    }
    if (mine) {
        dog.start();
        t.start();
        view.miner()->start();
        mbtest::waitUntil([&] { return !view.miner()->isRunning() && !view.isLoading(); });
        std::printf("mining from the view: %.0f ms; longest GUI-thread stall %.1f ms\n", double(t.elapsed()), dog.stop());
    }
    return 0;
}
