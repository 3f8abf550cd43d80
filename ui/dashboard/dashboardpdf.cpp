#include "ui/dashboard/dashboardpdf.h"

#include "core/io/atomicfile.h"
#include "core/kpi/kpidefinitions.h"
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/dashboard/kpitile.h"

#include <QBuffer>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTableView>

namespace mb {
namespace {

constexpr int maxTableRows = 40;

// Lays out on A4 landscape pages in device units, starting a new page when something does not fit.
class Pages {
public:
    Pages(QPdfWriter &writer, QPainter &painter) : writer_(writer), p_(painter)
    {
        area_ = QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        unit_ = writer.resolution() / 72.0;   // one point
    }
    double unit() const { return unit_; }
    double width() const { return area_.width(); }
    double y() const { return y_; }
    void advance(double dy) { y_ += dy; }
    void need(double h)
    {
        if (y_ > 0 && y_ + h > area_.height()) newPage();
    }
    void newPage()
    {
        writer_.newPage();
        y_ = 0;
    }
    QFont font(double points, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }
    void text(const QString &t, double points, bool bold = false, const QColor &color = Qt::black)
    {
        p_.setFont(font(points, bold));
        p_.setPen(color);
        const QRectF r = p_.boundingRect(QRectF(0, 0, width(), 1e6), Qt::TextWordWrap, t);
        need(r.height());
        p_.drawText(QRectF(0, y_, width(), r.height()), Qt::TextWordWrap, t);
        y_ += r.height() + 4 * unit_;
    }

private:
    QPdfWriter &writer_;
    QPainter &p_;
    QRectF area_;
    double unit_ = 1;
    double y_ = 0;
};

void drawTiles(Pages &pages, QPainter &p, const QList<KpiTile *> &tiles)
{
    const int perRow = 7;
    const double gap = 6 * pages.unit();
    const double w = (pages.width() - gap * (perRow - 1)) / perRow, h = 62 * pages.unit();
    for (int i = 0; i < tiles.size(); ++i) {
        if (i % perRow == 0) {
            if (i > 0) pages.advance(h + gap);
            pages.need(h);
        }
        const QRectF box((i % perRow) * (w + gap), pages.y(), w, h);
        p.setPen(QColor(0xc8, 0xcc, 0xd2));
        p.setBrush(QColor(0xf7, 0xf8, 0xfa));
        p.drawRoundedRect(box, 4 * pages.unit(), 4 * pages.unit());
        const QRectF in = box.adjusted(5 * pages.unit(), 4 * pages.unit(), -5 * pages.unit(), -3 * pages.unit());
        p.setPen(QColor(0x55, 0x5b, 0x66));
        p.setFont(pages.font(6.5));
        p.drawText(in, Qt::AlignTop | Qt::AlignLeft, tiles[i]->title());
        p.setPen(Qt::black);
        p.setFont(pages.font(12, true));
        p.drawText(in.adjusted(0, 10 * pages.unit(), 0, 0), Qt::AlignTop | Qt::AlignLeft, tiles[i]->value());
        p.setPen(QColor(0x55, 0x5b, 0x66));
        p.setFont(pages.font(5.5));
        p.drawText(in.adjusted(0, 28 * pages.unit(), 0, 0), Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap,
                   tiles[i]->change() + QLatin1Char('\n') + tiles[i]->note());
    }
    pages.advance(h + 3 * gap);
}

void drawTable(Pages &pages, QPainter &p, const QString &title, const KpiTableModel &m, const QTableView *view)
{
    QList<int> columns;
    for (int c = 0; c < m.columnCount(); ++c)
        if (!view || !view->isColumnHidden(c)) columns << c;
    const double rowH = 11 * pages.unit();
    pages.need(rowH * 3);
    pages.text(title, 10, true);
    if (m.rowCount() == 0) {
        pages.text(QObject::tr("No rows for this period."), 8, false, QColor(0x55, 0x5b, 0x66));
        return;
    }
    // Text columns get three shares of the width, numbers one.
    double shares = 0;
    for (int c : columns) shares += m.format(c) == KpiFormat::Text ? 3 : 1;
    const double unitW = pages.width() / shares;
    auto drawRow = [&](const QStringList &cells, bool header, const QVector<QColor> &bg) {
        pages.need(rowH);
        double x = 0;
        for (int i = 0; i < columns.size(); ++i) {
            const int c = columns[i];
            const double w = unitW * (m.format(c) == KpiFormat::Text ? 3 : 1);
            const QRectF cell(x, pages.y(), w, rowH);
            if (i < bg.size() && bg[i].isValid()) p.fillRect(cell, bg[i]);
            p.setPen(header ? Qt::black : QColor(0x22, 0x22, 0x22));
            p.setFont(pages.font(7, header));
            const Qt::Alignment align = (m.format(c) == KpiFormat::Text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter;
            p.drawText(cell.adjusted(2 * pages.unit(), 0, -2 * pages.unit(), 0), align,
                       p.fontMetrics().elidedText(cells[i], Qt::ElideRight, int(w - 4 * pages.unit())));
            x += w;
        }
        pages.advance(rowH);
        if (header) {
            p.setPen(QColor(0x88, 0x88, 0x88));
            p.drawLine(QPointF(0, pages.y()), QPointF(pages.width(), pages.y()));
        }
    };
    QStringList head;
    for (int c : columns) head << m.headerData(c, Qt::Horizontal).toString();
    drawRow(head, true, {});
    const int rows = std::min(m.rowCount(), maxTableRows);
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        QVector<QColor> bg;
        for (int c : columns) {
            cells << m.text(r, c);
            bg << m.data(m.index(r, c), Qt::BackgroundRole).value<QColor>();
        }
        drawRow(cells, false, bg);
    }
    if (m.rowCount() > rows)
        pages.text(QObject::tr("… and %1 more rows (export the table as CSV or XLSX for all of them)").arg(m.rowCount() - rows), 7, false,
                   QColor(0x55, 0x5b, 0x66));
    pages.advance(8 * pages.unit());
}

}  // namespace

bool writeDashboardPdf(const QString &path, const QString &title, const QString &period, const QList<KpiTile *> &tiles,
                       const QList<ChartCard *> &cards, QString &error)
{
    // Drawn in memory: QPdfWriter does not report a failing disk. The one atomic writer then writes the bytes.
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    QPdfWriter writer(&bytes);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Merchbench"));
    QPainter p;
    if (!p.begin(&writer)) {
        error = QObject::tr("%1: cannot draw the PDF report").arg(path);
        return false;
    }
    Pages pages(writer, p);
    pages.text(title, 16, true);
    pages.text(period + QStringLiteral(" · ") + QObject::tr("generated %1").arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)),
               8, false, QColor(0x55, 0x5b, 0x66));
    drawTiles(pages, p, tiles);

    // Charts two per row, rendered as vectors from their views.
    const double gap = 8 * pages.unit();
    const double w = (pages.width() - gap) / 2, h = w * 0.55;
    int column = 0;
    for (ChartCard *c : cards) {
        if (!c->chart()) continue;
        if (column == 0) pages.need(h + 16 * pages.unit());
        const double x = column * (w + gap);
        p.setFont(pages.font(9, true));
        p.setPen(Qt::black);
        p.drawText(QRectF(x, pages.y(), w, 14 * pages.unit()), Qt::AlignLeft | Qt::AlignVCenter, c->title());
        QChartView *view = c->chart();
        const QSize original = view->size();
        view->resize(900, int(900 * 0.55));   // a stable layout whatever the window size was
        view->render(&p, QRectF(x, pages.y() + 14 * pages.unit(), w, h));
        view->resize(original);
        if (++column == 2) {
            column = 0;
            pages.advance(h + 14 * pages.unit() + gap);
        }
    }
    if (column) pages.advance(h + 14 * pages.unit() + gap);

    pages.newPage();
    for (ChartCard *c : cards) drawTable(pages, p, c->title(), *c->model(), c->table());

    pages.newPage();
    pages.text(QObject::tr("KPI definitions"), 12, true);
    for (const KpiDefinition &d : kpiDefinitions()) {
        pages.text(QString::fromUtf8(d.name), 8, true);
        pages.text(QString::fromUtf8(d.definition), 7.5);
    }
    if (!p.end()) {
        error = QObject::tr("%1: cannot finish the PDF report").arg(path);
        return false;
    }
    return writeFileAtomically(path, bytes.data(), error);
}

}  // namespace mb
