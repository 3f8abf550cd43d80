#pragma once
// The whole dashboard as a PDF report for a meeting: title, period and the filters it was computed with,
// the headline tiles, every chart, the tables behind them (the longest cut to their first rows, said so)
// and the KPI definitions; every page's footer repeats the filters. The report is laid out before it is
// drawn, so a heading never ends a page, a short table is never split, a long one leaves at least three
// rows on either side of a page break, and no page carries only the last line or two of a section. The
// layout is handed back to whoever wants to check it.
#include "ui/dashboard/dashboardscope.h"

#include <QList>
#include <QRectF>
#include <QString>

namespace mb {

class ChartCard;
class KpiTile;

struct DashboardPdfContent {
    QString title;
    QString period;        // the period, and the one it is compared with
    DashboardScope scope;  // its filters (or that there are none) go under the period and into every footer
    QList<KpiTile *> tiles;
    QList<ChartCard *> cards;
};

struct DashboardPdfLayout {
    enum class Kind { Title, Period, Filters, Tiles, Charts, Heading, TableHeader, TableRow, Note, Definition, Footer };
    struct Block {
        Kind kind;
        QString text;   // what it says (a table row: its cells joined by " | "; a chart row: the charts' titles)
        QRectF rect;    // in points, from the top left of the page's printable area
    };
    QSizeF page;   // the printable area in points
    QList<QList<Block>> pages;
};

// layout, when given, receives the pages as drawn.
bool writeDashboardPdf(const QString &path, const DashboardPdfContent &content, QString &error,
                       DashboardPdfLayout *layout = nullptr);

}  // namespace mb
