// Online Retail's headline KPIs against an independent SQL computation over the same workspace, so the
// in-memory engine and the database agree on orders, revenue, AOV and repeat purchase rate.
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpireport.h"
#include "core/storage/importer.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

class TestKpiOnlineRetail : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> ws_;
    std::shared_ptr<const KpiContext> ctx_;

    double scalar(const char *sql) const
    {
        Statement s(ws_->db(), sql);
        return s.step() ? s.real(0) : NAN;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        std::string error;
        ws_ = Workspace::create(dir_.filePath("retail.merchbench").toStdString(), error);
        QVERIFY2(ws_, error.c_str());
        ImportRequest req;
        req.path = csv.toStdString();
        const ImportReport r = runImport(*ws_, req);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        ctx_ = loadKpiContext(*ws_, error);
        QVERIFY2(ctx_, error.c_str());
    }

    void headlineMatchesSql()
    {
        const KpiReport r = *computeKpiReport(*ctx_, {});
        // Orders: not cancelled, with at least one line bought (quantity > 0).
        const double orders = scalar("SELECT count(*) FROM orders o WHERE o.status <> 'cancelled' AND EXISTS "
                                     "(SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.quantity > 0)");
        // Revenue: what was paid for every line of every order that is not cancelled, returns negative
        // (Online Retail has no discounts or refunds per line: net = gross there, but the definition is net).
        const double revenue = scalar("SELECT sum(l.quantity * l.unit_price - l.discount - l.refund) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                                      "WHERE o.status <> 'cancelled'");
        const double repeat = scalar(R"sql(
WITH counted AS (SELECT o.customer_id AS c FROM orders o WHERE o.customer_id IS NOT NULL AND o.status <> 'cancelled'
                 AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.quantity > 0)),
     per AS (SELECT c, count(*) AS n FROM counted GROUP BY c)
SELECT CAST(sum(n >= 2) AS REAL) / count(*) FROM per)sql");
        QCOMPARE(r.current.sales.orders, int64_t(orders));
        QCOMPARE(r.current.sales.orders, 20728);   // the README's basket count: C invoices and all-negative ones out
        QVERIFY2(std::fabs(r.current.sales.revenue - revenue) < 1e-6 * std::fabs(revenue),
                 qPrintable(QString("engine %1, SQL %2").arg(r.current.sales.revenue, 0, 'f', 2).arg(revenue, 0, 'f', 2)));
        QVERIFY(std::fabs(r.current.sales.aov - revenue / orders) < 1e-9 * revenue);
        QVERIFY(std::fabs(r.current.repeatRate - repeat) < 1e-12);
        qInfo("Online Retail: %lld orders, revenue %.2f, AOV %.2f, repeat rate %.4f", static_cast<long long>(r.current.sales.orders),
              r.current.sales.revenue, r.current.sales.aov, r.current.repeatRate);
    }

    void monthlySeriesAddsUpToTheTotal()
    {
        const KpiReport r = *computeKpiReport(*ctx_, {});
        QCOMPARE(r.series.size(), size_t(13));   // 2010-12 .. 2011-12
        QCOMPARE(r.series.front().label, std::string("2010-12"));
        double revenue = 0;
        int64_t orders = 0;
        for (const TimePoint &p : r.series) { revenue += p.revenue; orders += p.orders; }
        QCOMPARE(orders, r.current.sales.orders);
        QVERIFY(std::fabs(revenue - r.current.sales.revenue) < 1e-6 * revenue);
        // December 2011 alone, against SQL over the same days.
        const double dec = scalar("SELECT sum(l.quantity * l.unit_price - l.discount - l.refund) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                                  "WHERE o.status <> 'cancelled' AND o.ordered_at >= strftime('%s', '2011-12-01')");
        QVERIFY(std::fabs(r.series.back().revenue - dec) < 1e-6 * dec);
    }

    void unitedKingdomIsMostOfIt()
    {
        KpiFilter f;
        f.country = "United Kingdom";
        const KpiReport r = *computeKpiReport(*ctx_, f);
        QCOMPARE(r.current.sales.orders, 18786);   // the README's UK basket count
    }
};

QTEST_GUILESS_MAIN(TestKpiOnlineRetail)
#include "tst_kpionlineretail.moc"
