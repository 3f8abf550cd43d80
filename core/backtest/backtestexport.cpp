#include "core/backtest/backtest.h"

#include "core/io/csvwriter.h"

#include <QJsonArray>
#include <QString>

namespace mb {

std::string backtestCsv(const BacktestResult &r)
{
    std::string out;
    appendCsvRow(out, {"task", "method", "placement", "label", "k", "hit_rate", "recall", "ndcg", "requests", "coverage",
                       "catalog_coverage", "non_merchandise_share", "hits", "hit_value", "projected_aov_lift", "split_date"});
    const std::vector<bool> numeric{false, false, false, false, true, true, true, true, true, true, true, true, true, true, true, false};
    for (const BacktestRow &row : r.rows)
        for (const BacktestMetrics *m : {&row.atSlots, &row.atList}) {
            // The list metrics of one row; the rest (coverage, AOV) are measured on the shown slots and repeat.
            appendCsvRow(out, {backtestTaskName(row.task), backtestMethodName(row.method), placementName(row.placement), row.label,
                               std::to_string(m->k), csvNumber(m->hitRate), csvNumber(m->recall), csvNumber(m->ndcg),
                               std::to_string(row.requests), csvNumber(row.coverage), csvNumber(row.catalogCoverage),
                               csvNumber(row.nonMerchandiseShare), std::to_string(row.hits), csvNumber(row.hitValue),
                               csvNumber(row.projectedAovLift), r.splitDate},
                         numeric);
        }
    return out;
}

namespace {

QJsonObject metricsJson(const BacktestMetrics &m)
{
    return {{"k", m.k}, {"hitRate", m.hitRate}, {"recall", m.recall}, {"ndcg", m.ndcg}};
}

QString q(const std::string &s) { return QString::fromStdString(s); }

}  // namespace

QJsonObject backtestJson(const BacktestResult &r)
{
    QJsonObject o;
    o.insert("splitDate", q(r.splitDate));
    o.insert("defaultSplit", r.defaultSplit);
    o.insert("trainingOrders", qint64(r.trainingOrders));
    o.insert("trainingBaskets", qint64(r.trainingBaskets));
    o.insert("testOrders", qint64(r.testOrders));
    o.insert("testBaskets", qint64(r.testBaskets));
    o.insert("offeredTrainingProducts", qint64(r.offeredTrainingProducts));
    o.insert("testAov", r.testAov);
    QJsonObject opts;
    opts.insert("samplePerTask", qint64(r.options.samplePerTask));
    opts.insert("seed", QString::number(r.options.seed));  // a 64-bit seed does not survive a JSON double
    opts.insert("withinDays", r.options.withinDays);
    opts.insert("attachRate", r.options.attachRate);
    opts.insert("listLength", r.options.listLength);
    opts.insert("confidenceMinCount", qint64(r.options.confidenceMinCount));
    opts.insert("liftMinCount", qint64(r.options.liftMinCount));
    opts.insert("knownCustomer", r.options.knownCustomer);
    o.insert("options", opts);
    QJsonArray tasks;
    for (const BacktestTaskSummary &t : r.tasks)
        tasks.append(QJsonObject{{"task", backtestTaskName(t.task)}, {"eligible", qint64(t.eligible)},
                                 {"sampled", qint64(t.sampled)}, {"meanTargets", t.meanTargets}});
    o.insert("tasks", tasks);
    QJsonArray rows;
    for (const BacktestRow &row : r.rows) {
        QJsonObject j;
        j.insert("task", backtestTaskName(row.task));
        j.insert("method", backtestMethodName(row.method));
        j.insert("placement", placementName(row.placement));
        j.insert("label", q(row.label));
        j.insert("slots", row.slots);
        j.insert("atSlots", metricsJson(row.atSlots));
        j.insert("atList", metricsJson(row.atList));
        j.insert("requests", qint64(row.requests));
        j.insert("requestsWithPicks", qint64(row.requestsWithPicks));
        j.insert("coverage", row.coverage);
        j.insert("distinctPicked", qint64(row.distinctPicked));
        j.insert("catalogCoverage", row.catalogCoverage);
        j.insert("picks", qint64(row.picks));
        j.insert("nonMerchandisePicks", qint64(row.nonMerchandisePicks));
        j.insert("nonMerchandiseShare", row.nonMerchandiseShare);
        j.insert("hits", qint64(row.hits));
        j.insert("hitValue", row.hitValue);
        j.insert("projectedAovLift", row.projectedAovLift);
        j.insert("millis", row.millis);
        rows.append(j);
    }
    o.insert("rows", rows);
    o.insert("assumptions", q(r.assumptions));
    o.insert("millis", r.millis);
    if (!r.error.empty()) o.insert("error", q(r.error));
    if (r.cancelled) o.insert("cancelled", true);
    return o;
}

}  // namespace mb
