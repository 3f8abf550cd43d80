#pragma once
// The headline tiles in their fixed order, and how a report fills them.
#include <QList>

class QWidget;

namespace mb {

class KpiTile;
struct KpiReport;

QList<KpiTile *> createDashboardTiles(QWidget *parent);
void fillDashboardTiles(const QList<KpiTile *> &tiles, const KpiReport &report);

}  // namespace mb
