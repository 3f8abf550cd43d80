// GUI-thread cost of a snapshot arriving in the views: opens a workspace in a WorkspaceDocument, builds the
// six views as the main window does (offscreen, the Orders view shown), and prints for every view
//   - the GUI-thread time of its WorkspaceDocument::snapshotChanged handler (wall and thread CPU),
//   - the GUI-thread time of the follow-up work the view does when its workers report back (every event
//     delivered to an object inside the view until all views have settled: total and longest),
// then the longest gap between the ticks of a 5 ms watchdog QTimer from open() until the views settled
// (the longest GUI stall while loading), and the cost of typing a customer id into the Orders filter one
// key at a time: the GUI time of each keystroke and the time until the filtered rows are shown.
// Prints figures only; no pass/fail.
//   bench_gui_snapshotviews WORKSPACE [--runs N] [--keys N]
//   bench_gui_snapshotviews --create-scale FILE [--lines N] [--products N]   (writes the 5M-line store once)
#include "bench/guiwatchdog.h"
#include "core/placement/scalestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/maps/mapsview.h"
#include "ui/orders/ordersview.h"
#include "ui/orders/ordertablemodel.h"
#include "ui/preview/previewrunner.h"
#include "ui/preview/previewview.h"
#include "ui/uiresources.h"
#include "ui/viewregistry.h"
#include "ui/workspacedocument.h"
#include "ui/workspaceview.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStackedWidget>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace mb;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Cost {
    double wallMs = 0, cpuMs = 0, longestMs = 0;
    int events = 0;
};

// Times every event the GUI thread delivers (outermost delivery only, so nested ones are not counted
// twice) and books it to the view that holds the receiver.
class TimingApp : public QApplication {
public:
    using QApplication::QApplication;
    bool recording = false;
    std::map<QString, Cost> perView;
    // Start of the event being delivered now: a slot connected after a view's own can time the event so far.
    double eventWallSoFarMs() const { return double(eventTimer_.nsecsElapsed()) / 1e6; }
    double eventCpuSoFarMs() const { return threadCpuMs() - eventCpu_; }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!recording || depth_ > 0 || QThread::currentThread() != thread()) return QApplication::notify(receiver, event);
        // The owner before the delivery: the receiver may be gone after it (a deferred delete).
        QString owner = QStringLiteral("(outside the views)");
        for (QObject *o = receiver; o; o = o->parent())
            if (const QVariant v = o->property("benchView"); v.isValid()) {
                owner = v.toString();
                break;
            }
        ++depth_;
        const double c0 = eventCpu_ = threadCpuMs();
        eventTimer_.start();
        const bool r = QApplication::notify(receiver, event);
        const double ms = double(eventTimer_.nsecsElapsed()) / 1e6;
        const double cpu = threadCpuMs() - c0;
        --depth_;
        Cost &c = perView[owner];
        c.wallMs += ms;
        c.cpuMs += cpu;
        c.longestMs = std::max(c.longestMs, ms);
        ++c.events;
        return r;
    }

private:
    int depth_ = 0;
    QElapsedTimer eventTimer_;
    double eventCpu_ = 0;
};

bool waitUntil(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired()) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) QApplication::processEvents(QEventLoop::AllEvents, 5);
}

double median(std::vector<double> v)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct RunFigures {
    std::map<QString, double> handlerWall, handlerCpu;
    std::map<QString, Cost> followUp;
    double loadStallMs = 0, settleMs = 0;
    QString loadStallWhat;  // what the GUI thread was delivering when the longest gap began
    double previewBuiltWall = 0, previewBuiltCpu = 0;   // PreviewView's slot for PreviewRunner::built (longest)
    std::vector<double> keyWall;   // GUI time inside each keystroke's textChanged handling
    double keyLongestEventMs = 0;  // longest single GUI event between the first key and the result shown
    double keyStallMs = 0;         // watchdog while typing and until the result is shown
    double keyResultMs = 0;        // from the last key to the filtered rows shown
    int keyRows = 0;
};

RunFigures runOnce(TimingApp &app, const QString &path, int keys)
{
    RunFigures f;
    WorkspaceDocument doc;
    QStackedWidget stack;
    stack.resize(1280, 800);
    // One stamp before each view's handler: views connect to snapshotChanged in their constructors, in
    // this order, so the gap between two stamps is the handler of the view built between them.
    std::vector<std::pair<QString, double>> wallStamps, cpuStamps;
    QElapsedTimer clock;
    clock.start();
    auto stamp = [&](const QString &name) {
        QObject::connect(&doc, &WorkspaceDocument::snapshotChanged, &doc, [&, name] {
            if (!doc.snapshot()) return;
            wallStamps.emplace_back(name, double(clock.nsecsElapsed()) / 1e6);
            cpuStamps.emplace_back(name, threadCpuMs());
        });
    };
    OrdersView *orders = nullptr;
    DashboardView *dashboard = nullptr;
    PreviewView *preview = nullptr;
    MapsView *maps = nullptr;
    for (const ViewDescriptor &d : builtinViews()) {
        stamp(d.id);
        WorkspaceView *v = d.create(&doc, &stack);
        v->setProperty("benchView", d.id);
        stack.addWidget(v);
        if (auto *o = qobject_cast<OrdersView *>(v)) orders = o;
        if (auto *o = qobject_cast<DashboardView *>(v)) dashboard = o;
        if (auto *o = qobject_cast<PreviewView *>(v)) preview = o;
        if (auto *o = qobject_cast<MapsView *>(v)) maps = o;
    }
    stamp(QStringLiteral("(end)"));
    // The preview's worker reports through a watcher that belongs to no view: time the event that delivers
    // PreviewRunner::built up to the end of PreviewView's own slot (it was connected first).
    double builtWall = 0, builtCpu = 0;
    QObject::connect(preview->runner(), &PreviewRunner::built, &doc, [&] {
        if (!app.recording) return;
        builtWall = std::max(builtWall, app.eventWallSoFarMs());
        builtCpu = std::max(builtCpu, app.eventCpuSoFarMs());
    });
    stack.setCurrentWidget(orders);
    stack.show();
    settle(200);

    mbbench::GuiWatchdog dog;
    app.perView.clear();
    app.recording = true;
    dog.start();
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    QString error;
    WorkspaceError kind;
    if (!doc.open(path, error, kind)) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(error));
        std::exit(1);
    }
    auto settled = [&] {
        const Snapshot *s = doc.snapshot().get();
        return s && !doc.isLoading() && dashboard->report() && !dashboard->isComputing() && !preview->isBusy() &&
               preview->runner()->current() && !maps->isLoading() &&
               !orders->orderModel()->isBusy() && orders->orderModel()->matchingRows() == int(s->orders.size());
    };
    if (!waitUntil(settled, 600000)) std::fprintf(stderr, "the views did not settle within 10 minutes\n");
    f.settleMs = double(sinceOpen.nsecsElapsed()) / 1e6;
    settle(300);  // late repaints
    f.loadStallMs = dog.stop();
    f.loadStallWhat = dog.culprit();
    app.recording = false;
    for (size_t i = 0; i + 1 < wallStamps.size(); ++i) {
        f.handlerWall[wallStamps[i].first] = wallStamps[i + 1].second - wallStamps[i].second;
        f.handlerCpu[cpuStamps[i].first] = cpuStamps[i + 1].second - cpuStamps[i].second;
    }
    f.followUp = app.perView;
    f.previewBuiltWall = builtWall;
    f.previewBuiltCpu = builtCpu;

    // Typing a customer id into the Orders filter, one key every 60 ms (a quick typist), the id of a
    // customer with orders so that the result is not empty.
    const Snapshot &s = *doc.snapshot();
    std::string id;
    for (const SnapshotOrder &o : s.orders)
        if (o.customer >= 0 && s.customers[size_t(o.customer)].externalId.size() >= size_t(keys)) {
            id = s.customers[size_t(o.customer)].externalId;
            break;
        }
    const QString typed = QString::fromStdString(id).left(keys);
    // The result: every order of a customer whose id contains the typed text, and nothing else (counted
    // before the watchdog starts: the count is the bench's work, not the window's).
    const std::string needle = typed.toLower().toStdString();
    int expected = 0;
    for (const SnapshotOrder &o : s.orders)
        if (o.customer >= 0 && QString::fromStdString(s.customers[size_t(o.customer)].externalId).toLower().toStdString().find(needle) != std::string::npos)
            ++expected;
    QLineEdit *edit = orders->customerEdit();
    app.perView.clear();
    app.recording = true;
    dog.start();
    for (int k = 1; k <= typed.size(); ++k) {
        QElapsedTimer t;
        t.start();
        edit->setText(typed.left(k));
        f.keyWall.push_back(double(t.nsecsElapsed()) / 1e6);
        settle(60);
    }
    QElapsedTimer sinceLast;
    sinceLast.start();
    waitUntil([&] { return !orders->orderModel()->isBusy() && orders->orderModel()->matchingRows() == expected; }, 60000);
    f.keyResultMs = double(sinceLast.nsecsElapsed()) / 1e6;
    f.keyRows = orders->orderModel()->matchingRows();
    settle(100);
    f.keyStallMs = dog.stop();
    app.recording = false;
    for (const auto &[view, c] : app.perView) f.keyLongestEventMs = std::max(f.keyLongestEventMs, c.longestMs);
    edit->clear();
    settle(300);
    return f;
}

int createScale(const std::string &path, const ScaleParameters &p)
{
    std::string error;
    auto ws = Workspace::create(path, error);
    if (!ws) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    ScaleReport r;
    if (!writeScaleStore(*ws, p, r, error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    std::printf("wrote %s: %lld products, %lld orders, %lld lines, %lld relations in %.1f s\n", path.c_str(),
                static_cast<long long>(r.products), static_cast<long long>(r.orders), static_cast<long long>(r.lines),
                static_cast<long long>(r.relations), r.catalogSeconds + r.ordersSeconds);
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    std::string path, create;
    int runs = 5, keys = 4;
    ScaleParameters scale;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::stoi(argv[++i]));
        else if (a == "--keys" && i + 1 < argc) keys = std::max(1, std::stoi(argv[++i]));
        else if (a == "--create-scale" && i + 1 < argc) create = argv[++i];
        else if (a == "--lines" && i + 1 < argc) scale.orderLines = std::stoll(argv[++i]);
        else if (a == "--products" && i + 1 < argc) scale.products = std::stoll(argv[++i]);
        else if (a.rfind("--", 0) != 0 && path.empty()) path = a;
        else {
            std::fprintf(stderr, "usage: bench_gui_snapshotviews WORKSPACE [--runs N] [--keys N]\n"
                                 "       bench_gui_snapshotviews --create-scale FILE [--lines N] [--products N]\n");
            return 1;
        }
    }
    if (!create.empty()) return createScale(create, scale);
    if (path.empty()) return std::fprintf(stderr, "bench_gui_snapshotviews: no workspace given\n"), 1;

    TimingApp app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MerchbenchBench"));
    QApplication::setApplicationName(QStringLiteral("bench_gui_snapshotviews"));
    initUiResources();

    std::vector<RunFigures> all;
    for (int r = 0; r < runs; ++r) {
        all.push_back(runOnce(app, QString::fromStdString(path), keys));
        const RunFigures &f = all.back();
        std::printf("run %d: settled %.0f ms, longest GUI stall while loading %.0f ms (%s), keystrokes max %.1f ms, result %.0f ms after the last key\n",
                    r + 1, f.settleMs, f.loadStallMs, qPrintable(f.loadStallWhat), *std::max_element(f.keyWall.begin(), f.keyWall.end()),
                    f.keyResultMs);
        std::fflush(stdout);
    }
    auto med = [&](auto get) {
        std::vector<double> v;
        for (const RunFigures &f : all) v.push_back(get(f));
        return median(v);
    };
    std::printf("\n%s: medians of %d runs\n", path.c_str(), runs);
    std::printf("snapshotChanged handler (GUI thread)      wall ms    CPU ms\n");
    for (const auto &entry : all.front().handlerWall) {
        const QString &view = entry.first;  // a plain name: clang cannot capture a structured binding
        std::printf("  %-38s %8.1f  %8.1f\n", qPrintable(view), med([&](const RunFigures &f) { return f.handlerWall.at(view); }),
                    med([&](const RunFigures &f) { return f.handlerCpu.at(view); }));
    }
    std::printf("GUI work until settled, per view          wall ms    CPU ms  longest event ms  events\n");
    std::set<QString> owners;
    for (const RunFigures &f : all)
        for (const auto &[o, c] : f.followUp) owners.insert(o);
    for (const QString &o : owners) {
        auto get = [&](auto field) {
            return med([&](const RunFigures &f) {
                auto it = f.followUp.find(o);
                return it == f.followUp.end() ? 0.0 : double(field(it->second));
            });
        };
        std::printf("  %-38s %8.1f  %8.1f  %16.1f  %6.0f\n", qPrintable(o), get([](const Cost &c) { return c.wallMs; }),
                    get([](const Cost &c) { return c.cpuMs; }), get([](const Cost &c) { return c.longestMs; }),
                    get([](const Cost &c) { return c.events; }));
    }
    std::printf("  %-38s %8.1f  %8.1f   (in the outside row)\n", "preview: PreviewRunner::built slot",
                med([](const RunFigures &f) { return f.previewBuiltWall; }), med([](const RunFigures &f) { return f.previewBuiltCpu; }));
    std::printf("  (outside the views: the document's load event, which runs every snapshotChanged handler above, and\n"
                "   watchers that belong to no view)\n");
    std::printf("longest GUI stall while loading (5 ms watchdog): %.1f ms (max of runs %.1f)\n", med([](const RunFigures &f) { return f.loadStallMs; }),
                [&] {
                    double m = 0;
                    for (const RunFigures &f : all) m = std::max(m, f.loadStallMs);
                    return m;
                }());
    std::printf("time from open() until every view settled: %.0f ms\n", med([](const RunFigures &f) { return f.settleMs; }));
    std::printf("Orders customer filter, %d keys 60 ms apart:\n", int(all.front().keyWall.size()));
    std::printf("  GUI time per keystroke: median %.2f ms, max %.2f ms\n", med([](const RunFigures &f) { return median(f.keyWall); }),
                med([](const RunFigures &f) { return *std::max_element(f.keyWall.begin(), f.keyWall.end()); }));
    std::printf("  filtered rows shown %.0f ms after the last key (%d rows); longest GUI event %.1f ms; longest stall %.1f ms\n",
                med([](const RunFigures &f) { return f.keyResultMs; }), all.front().keyRows,
                med([](const RunFigures &f) { return f.keyLongestEventMs; }), med([](const RunFigures &f) { return f.keyStallMs; }));
    return 0;
}
