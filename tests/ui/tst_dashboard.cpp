// The dashboard on the demo store: it computes off the GUI thread, its tiles and tables agree with the
// engine's report, a newer filter wins over an older one, and every export writes a file that opens.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/kpireport.h"
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/dashboard/kpitile.h"
#include "ui/format.h"
#include "ui/uiresources.h"

#include <QChartView>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTableView>

using namespace mb;

class TstDashboard : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    WorkspaceDocument doc_;

    static bool waitReport(DashboardView &view, int timeoutMs = mbtest::uiTimeoutMs)
    {
        return mbtest::waitUntil([&view] { return view.report() && !view.isComputing(); }, timeoutMs);
    }
    static KpiTile *tile(DashboardView &view, const QString &title)
    {
        for (KpiTile *t : view.tiles())
            if (t->title() == title) return t;
        return nullptr;
    }
    static ChartCard *card(DashboardView &view, const QString &prefix)
    {
        for (ChartCard *c : view.cards())
            if (c->title().startsWith(prefix)) return c;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        initUiResources();
        QVERIFY(dir_.isValid());
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc_.open(mbtest::makeDemo(dir_), error, kind), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc_));
    }

    void rendersWithTheEnginesFigures()
    {
        DashboardView view(&doc_);
        view.resize(1600, 1280);
        view.show();
        QVERIFY(waitReport(view));
        const KpiReport &r = *view.report();
        // The same filter computed directly by the engine gives the same figures as the tiles.
        std::string error;
        auto ctx = loadKpiContext(*doc_.workspace(), error);
        QVERIFY2(ctx, error.c_str());
        const KpiReport direct = *computeKpiReport(*ctx, view.filter());
        QCOMPARE(r.current.sales.orders, direct.current.sales.orders);
        QVERIFY(r.current.sales.orders > 0);
        QVERIFY(r.hasPrevious);   // the default period is the last six months of a twelve-month history
        QCOMPARE(tile(view, "Revenue")->value(), fmt::money(direct.current.sales.revenue));
        QCOMPARE(tile(view, "Orders")->value(), fmt::count(direct.current.sales.orders));
        QVERIFY(tile(view, "Revenue")->change().contains("vs previous"));
        // The demo store has curated maps and bundles: their rates show; it has no events, and says so.
        QVERIFY(direct.attach.hasMaps);
        QCOMPARE(tile(view, "Attach rate")->value(), fmt::percent(direct.current.attachRate * 100));
        QVERIFY(direct.bundles.hasBundles);
        QCOMPARE(tile(view, "Bundle take rate")->value(), fmt::percent(direct.bundles.rate * 100));
        QCOMPARE(card(view, "Bundle take rate")->model()->rowCount(), int(direct.bundles.tiers.size()));
        QCOMPARE(tile(view, "Recommendation conversion")->value(), QString("n/a"));
        QVERIFY(tile(view, "Recommendation conversion")->note().contains("event import"));
        // Chart and table share the model: the series card's model has one row per month.
        ChartCard *time = card(view, "Revenue and AOV");
        QVERIFY(time && time->chart());
        QCOMPARE(time->model()->rowCount(), int(direct.series.size()));
        QCOMPARE(time->chart()->chart()->series().size(), 2);
        ChartCard *kinds = card(view, "Attach rate by kind");
        QCOMPARE(kinds->model()->rowCount(), 5);
        QCOMPARE(kinds->model()->text(int(RelationKind::Accessory), 3),
                 fmt::percent(direct.attach.byKind[size_t(RelationKind::Accessory)].rate * 100));
        QVERIFY(card(view, "Cohort retention")->model()->rowCount() > 0);
        QVERIFY(card(view, "Top pairs")->model()->rowCount() > 0);
        const QImage shot = view.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString out = qEnvironmentVariable("MB_DASHBOARD_SCREENSHOT");
        if (!out.isEmpty()) QVERIFY(shot.save(out));
    }

    void filtersRecomputeAndTheNewestWins()
    {
        DashboardView view(&doc_);
        view.resize(1400, 1000);
        QVERIFY(waitReport(view));
        std::string error;
        auto ctx = loadKpiContext(*doc_.workspace(), error);
        KpiFilter a = view.filter();
        a.customers = CustomerScope::New;
        KpiFilter b = a;
        b.customers = CustomerScope::Returning;
        b.granularity = Granularity::Week;
        // Two filters in a row: the first result, if it arrives, must not be the one shown.
        view.setFilter(a);
        view.setFilter(b);
        QVERIFY(waitReport(view));
        const KpiReport want = *computeKpiReport(*ctx, b);
        QCOMPARE(view.report()->filter.customers, CustomerScope::Returning);
        QCOMPARE(view.report()->current.sales.orders, want.current.sales.orders);
        QCOMPARE(card(view, "Revenue and AOV")->model()->rowCount(), int(want.series.size()));
    }

    // A store whose orders are all guest orders (an export without a customer column, or a redacted one
    // imported as guests): the customer tiles say n/a and why, never a blank value above "0 of 0 customers".
    void customerTilesWithoutCustomersSayWhy()
    {
        WorkspaceDocument doc;
        QString error;
        QVERIFY2(mbtest::openOrderHistory(doc, dir_, "guests",
                                          "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country\n"
                                          "1,A,ALPHA,1,2011-01-03 10:00,5.00,UK\n1,B,BETA,2,2011-01-03 10:00,3.50,UK\n"
                                          "2,A,ALPHA,1,2011-01-04 11:00,5.00,UK\n3,B,BETA,1,2011-02-07 09:00,3.50,UK\n",
                                          error),
                 qPrintable(error));
        DashboardView view(&doc);
        view.resize(1400, 1000);
        QVERIFY(waitReport(view));
        QCOMPARE(view.report()->current.sales.orders, int64_t(3));
        QCOMPARE(view.report()->retention.customers, int64_t(0));
        QCOMPARE(tile(view, "Orders")->note(), QString("0 customers, 3 guest orders"));
        for (const char *title : {"Repeat purchase rate", "Days to 2nd order", "CLV (historic)", "CLV (predictive)"}) {
            QCOMPARE(tile(view, title)->value(), QString("n/a"));
            QCOMPARE(tile(view, title)->note(), QString("needs orders from known customers"));
        }
    }

    void exportsWriteFiles()
    {
        DashboardView view(&doc_);
        view.resize(1400, 1000);
        view.show();
        QVERIFY(waitReport(view));
        QString error;
        ChartCard *time = card(view, "Revenue and AOV");
        const QString png = dir_.filePath("chart.png"), svg = dir_.filePath("chart.svg"), csv = dir_.filePath("series.csv");
        const QString xlsx = dir_.filePath("tables.xlsx"), pdf = dir_.filePath("report.pdf");
        QVERIFY2(saveWidgetPng(time->chart(), png, error), qPrintable(error));
        QCOMPARE(QImage(png).width(), time->chart()->width() * 2);
        QVERIFY2(saveChartSvg(time->chart(), time->title(), svg, error), qPrintable(error));
        QFile s(svg);
        QVERIFY(s.open(QIODevice::ReadOnly));
        QVERIFY(s.readAll().contains("<svg"));
        QVERIFY2(saveTableCsv(*time->model(), csv, error), qPrintable(error));
        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = c.readAll().split('\n');
        QCOMPARE(lines.front(), QByteArray("Period,Bucket,Revenue,Orders,AOV"));
        QCOMPARE(lines.size() - 2, time->model()->rowCount());   // header, rows, final newline
        QVERIFY2(view.exportWorkbook(xlsx, error), qPrintable(error));
        QFile x(xlsx);
        QVERIFY(x.open(QIODevice::ReadOnly));
        QCOMPARE(x.read(2), QByteArray("PK"));   // a zip container, as every .xlsx is
        QVERIFY2(view.exportPdf(pdf, error), qPrintable(error));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QCOMPARE(p.read(5), QByteArray("%PDF-"));
        QVERIFY(p.size() > 20000);
        const QString keep = qEnvironmentVariable("MB_DASHBOARD_PDF");
        if (!keep.isEmpty()) QFile::copy(pdf, keep);
        QVERIFY(!saveTableCsv(*time->model(), dir_.filePath("no/such/folder/x.csv"), error));
        QVERIFY(error.contains("no/such/folder/x.csv"));
    }
};

QTEST_MAIN(TstDashboard)
#include "tst_dashboard.moc"
