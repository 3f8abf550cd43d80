#pragma once
// The whole dashboard as a PDF report for a meeting: title and period, the headline tiles, every chart,
// the tables behind them (the longest cut to their first rows, said so) and the KPI definitions.
#include <QList>
#include <QString>

namespace mb {

class ChartCard;
class KpiTile;

bool writeDashboardPdf(const QString &path, const QString &title, const QString &period, const QList<KpiTile *> &tiles,
                       const QList<ChartCard *> &cards, QString &error);

}  // namespace mb
