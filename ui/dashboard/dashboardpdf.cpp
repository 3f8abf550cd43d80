#include "ui/dashboard/dashboardpdf.h"

#include "core/io/atomicfile.h"
#include "core/kpi/kpidefinitions.h"
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/dashboard/kpitile.h"

#include <QBuffer>
#include <QChartView>
#include <QDateTime>
#include <QPainter>
#include <QPdfWriter>
#include <QTableView>

#include <functional>
#include <vector>

namespace mb {
namespace {

using Kind = DashboardPdfLayout::Kind;

constexpr int maxTableRows = 40;
constexpr int tilesPerRow = 7;
constexpr int wholeTableRows = 8;   // a table this short is never split
constexpr int rowsAtABreak = 3;     // a longer one keeps this many rows on each side of a page break
constexpr int definitionsAtABreak = 4;
const QColor grey(0x55, 0x5b, 0x66);

// One thing on a page, measured before it is placed: the pages are cut between pieces, never inside one.
struct Piece {
    Kind kind;
    QString text;
    double height = 0;           // device units
    double after = 0;            // the space below it, dropped at the foot of a page
    bool keepWithNext = false;   // never the last piece on a page when the next one exists
    std::function<void(QPainter &, const QRectF &)> draw;
};

// Measures and draws in the PDF's device units (300 dpi): one point is `unit` of them.
class Sheet {
public:
    Sheet(QPdfWriter &writer, QPainter &painter) : p(painter)
    {
        unit = writer.resolution() / 72.0;
        width = writer.width();
        footer = 12 * unit;
        height = writer.height() - footer;
    }
    QFont font(double points, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }
    double textHeight(const QFont &f, double w, const QString &t) const
    {
        p.setFont(f);
        return p.boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, t).height();
    }
    // A paragraph across the whole width.
    Piece paragraph(Kind kind, const QString &t, double points, bool bold, const QColor &color) const
    {
        const QFont f = font(points, bold);
        Piece piece{kind, t, textHeight(f, width, t), 4 * unit, false, {}};
        piece.draw = [f, t, color](QPainter &painter, const QRectF &r) {
            painter.setFont(f);
            painter.setPen(color);
            painter.drawText(r, Qt::TextWordWrap, t);
        };
        return piece;
    }

    QPainter &p;
    double unit = 1, width = 0, height = 0, footer = 0;
};

void addTiles(const Sheet &s, const QList<KpiTile *> &tiles, std::vector<Piece> &out)
{
    const double gap = 6 * s.unit, w = (s.width - gap * (tilesPerRow - 1)) / tilesPerRow, h = 62 * s.unit;
    for (qsizetype first = 0; first < tiles.size(); first += tilesPerRow) {
        const QList<KpiTile *> row = tiles.mid(first, tilesPerRow);
        QStringList text;
        for (KpiTile *t : row) text << t->title() + QStringLiteral(": ") + t->value();
        Piece piece{Kind::Tiles, text.join(QStringLiteral(" | ")), h, gap, false, {}};
        const double unit = s.unit;
        const QFont title = s.font(6.5), value = s.font(12, true), note = s.font(5.5);
        piece.draw = [row, gap, w, unit, title, value, note](QPainter &p, const QRectF &r) {
            for (int i = 0; i < row.size(); ++i) {
                const QRectF box(r.x() + i * (w + gap), r.y(), w, r.height());
                p.setPen(QColor(0xc8, 0xcc, 0xd2));
                p.setBrush(QColor(0xf7, 0xf8, 0xfa));
                p.drawRoundedRect(box, 4 * unit, 4 * unit);
                const QRectF in = box.adjusted(5 * unit, 4 * unit, -5 * unit, -3 * unit);
                p.setPen(grey);
                p.setFont(title);
                p.drawText(in, Qt::AlignTop | Qt::AlignLeft, row[i]->title());
                p.setPen(Qt::black);
                p.setFont(value);
                p.drawText(in.adjusted(0, 10 * unit, 0, 0), Qt::AlignTop | Qt::AlignLeft, row[i]->value());
                p.setPen(grey);
                p.setFont(note);
                p.drawText(in.adjusted(0, 28 * unit, 0, 0), Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap,
                           row[i]->change() + QLatin1Char('\n') + row[i]->note());
            }
        };
        out.push_back(std::move(piece));
    }
    if (!out.empty()) out.back().after = 3 * gap;
}

// Two charts a row, drawn as vectors from their views at one stable size whatever the window's was.
void addCharts(const Sheet &s, const QList<ChartCard *> &cards, std::vector<Piece> &out)
{
    QList<ChartCard *> charted;
    for (ChartCard *c : cards)
        if (c->chart()) charted << c;
    const double gap = 8 * s.unit, w = (s.width - gap) / 2, h = w * 0.55, caption = 14 * s.unit;
    const QFont titleFont = s.font(9, true);
    for (qsizetype first = 0; first < charted.size(); first += 2) {
        const QList<ChartCard *> row = charted.mid(first, 2);
        QStringList titles;
        for (ChartCard *c : row) titles << c->title();
        Piece piece{Kind::Charts, titles.join(QLatin1Char('\n')), caption + h, gap, false, {}};
        piece.draw = [row, gap, w, h, caption, titleFont](QPainter &p, const QRectF &r) {
            for (int i = 0; i < row.size(); ++i) {
                const double x = r.x() + i * (w + gap);
                p.setFont(titleFont);
                p.setPen(Qt::black);
                p.drawText(QRectF(x, r.y(), w, caption), Qt::AlignLeft | Qt::AlignVCenter, row[i]->title());
                QChartView *view = row[i]->chart();
                const QSize original = view->size();
                view->resize(chartExportSize(view));
                settleChart(view);   // its labels fitted to this size, not the window's
                view->render(&p, QRectF(x, r.y() + caption, w, h));   // a taller chart keeps its proportions
                view->resize(original);
                settleChart(view);
            }
        };
        out.push_back(std::move(piece));
    }
}

void keepTogether(std::vector<Piece> &pieces, size_t first, size_t last)
{
    for (size_t i = first; i < last && i < pieces.size(); ++i) pieces[i].keepWithNext = true;
}

void addTable(const Sheet &s, const QString &title, const KpiTableModel &m, const QTableView *view, std::vector<Piece> &out)
{
    const size_t heading = out.size();
    out.push_back(s.paragraph(Kind::Heading, title, 10, true, Qt::black));
    if (m.rowCount() == 0) {
        out.push_back(s.paragraph(Kind::Note, QObject::tr("No rows for this period."), 8, false, grey));
        out.back().after = 10 * s.unit;
        keepTogether(out, heading, out.size() - 1);
        return;
    }
    QList<int> columns;
    for (int c = 0; c < m.columnCount(); ++c)
        if (!view || !view->isColumnHidden(c)) columns << c;
    // Text columns get three shares of the width, numbers one, but a number column is never narrower
    // than its name ("Orders with anchor" read "Orders with a…"): the text columns give up the difference.
    const double rowH = 11 * s.unit, unit = s.unit;
    s.p.setFont(s.font(7, true));
    double shares = 0;
    for (int c : columns) shares += m.format(c) == KpiFormat::Text ? 3 : 1;
    QVector<double> widths;
    double numbers = 0, textShares = 0;
    for (int c : columns) {
        const bool text = m.format(c) == KpiFormat::Text;
        const double name = s.p.fontMetrics().horizontalAdvance(m.headerData(c, Qt::Horizontal).toString()) + 6 * unit;
        widths << (text ? 0 : std::max(s.width / shares, name));
        if (text) textShares += 3;
        else numbers += widths.back();
    }
    for (qsizetype i = 0; i < columns.size(); ++i)
        if (m.format(columns[i]) == KpiFormat::Text) widths[i] = (s.width - numbers) * 3 / textShares;
    const KpiTableModel *model = &m;
    auto row = [&](Kind kind, const QStringList &cells, const QVector<QColor> &bg) {
        const bool header = kind == Kind::TableHeader;
        const QFont f = s.font(7, header);
        Piece piece{kind, cells.join(QStringLiteral(" | ")), rowH, 0, false, {}};
        piece.draw = [columns, cells, bg, header, f, widths, unit, model](QPainter &p, const QRectF &r) {
            double x = r.x();
            p.setFont(f);
            for (int i = 0; i < columns.size(); ++i) {
                const bool text = model->format(columns[i]) == KpiFormat::Text;
                const double w = widths[i];
                const QRectF cell(x, r.y(), w, r.height());
                if (i < bg.size() && bg[i].isValid()) p.fillRect(cell, bg[i]);
                p.setPen(header ? Qt::black : QColor(0x22, 0x22, 0x22));
                p.drawText(cell.adjusted(2 * unit, 0, -2 * unit, 0), (text ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                           p.fontMetrics().elidedText(cells[i], Qt::ElideRight, int(w - 4 * unit)));
                x += w;
            }
            if (header) {
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()));
            }
        };
        out.push_back(std::move(piece));
    };
    QStringList head;
    for (int c : columns) head << m.headerData(c, Qt::Horizontal).toString();
    row(Kind::TableHeader, head, {});
    const size_t firstRow = out.size();
    const int rows = std::min(m.rowCount(), maxTableRows);
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        QVector<QColor> bg;
        for (int c : columns) {
            cells << m.text(r, c);
            bg << m.data(m.index(r, c), Qt::BackgroundRole).value<QColor>();
        }
        row(Kind::TableRow, cells, bg);
    }
    if (m.rowCount() > rows)
        out.push_back(s.paragraph(Kind::Note, QObject::tr("… and %1 more rows (export the table as CSV or XLSX for all of them)").arg(m.rowCount() - rows),
                                  7, false, grey));
    out.back().after = 10 * s.unit;
    const size_t last = out.size() - 1, lastRow = firstRow + size_t(rows) - 1;
    if (rows <= wholeTableRows) {
        keepTogether(out, heading, last);
        return;
    }
    keepTogether(out, heading, firstRow + rowsAtABreak - 1);   // the heading, the column names, the first rows
    keepTogether(out, lastRow - (rowsAtABreak - 1), last);     // the last rows and the note under them
}

// A definition list: the name in a narrow column, its definition wrapped beside it.
void addDefinitions(const Sheet &s, std::vector<Piece> &out)
{
    const size_t heading = out.size();
    out.push_back(s.paragraph(Kind::Heading, QObject::tr("KPI definitions"), 12, true, Qt::black));
    const double nameW = 130 * s.unit, gap = 8 * s.unit, textW = s.width - nameW - gap;
    const QFont nameFont = s.font(8, true), textFont = s.font(7.5);
    for (const KpiDefinition &d : kpiDefinitions()) {
        const QString name = QString::fromUtf8(d.name), text = QString::fromUtf8(d.definition);
        const double h = std::max(s.textHeight(nameFont, nameW, name), s.textHeight(textFont, textW, text));
        Piece piece{Kind::Definition, name + QStringLiteral(": ") + text, h, 5 * s.unit, false, {}};
        piece.draw = [name, text, nameW, gap, nameFont, textFont](QPainter &p, const QRectF &r) {
            p.setPen(Qt::black);
            p.setFont(nameFont);
            p.drawText(QRectF(r.x(), r.y(), nameW, r.height()), Qt::TextWordWrap, name);
            p.setFont(textFont);
            p.drawText(QRectF(r.x() + nameW + gap, r.y(), r.width() - nameW - gap, r.height()), Qt::TextWordWrap, text);
        };
        out.push_back(std::move(piece));
    }
    const size_t last = out.size() - 1;
    keepTogether(out, heading, heading + definitionsAtABreak);
    keepTogether(out, last - (definitionsAtABreak - 1), last);
}

// Cuts the pieces into pages: a run of pieces kept together starts a new page when it does not fit
// what is left of the current one.
std::vector<std::vector<std::pair<const Piece *, QRectF>>> paginate(const Sheet &s, const std::vector<Piece> &pieces)
{
    std::vector<std::vector<std::pair<const Piece *, QRectF>>> pages(1);
    double y = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
        double run = pieces[i].height;
        for (size_t j = i; pieces[j].keepWithNext && j + 1 < pieces.size(); ++j) run += pieces[j].after + pieces[j + 1].height;
        if (y > 0 && y + run > s.height) {
            pages.emplace_back();
            y = 0;
        }
        pages.back().emplace_back(&pieces[i], QRectF(0, y, s.width, pieces[i].height));
        y += pieces[i].height + pieces[i].after;
    }
    return pages;
}

void drawFilterBox(Piece &piece, const Sheet &s, bool filtered)
{
    const double pad = 5 * s.unit, unit = s.unit;
    const QFont f = s.font(10, filtered);
    const QString t = piece.text;
    piece.height = s.textHeight(f, s.width - 2 * pad, t) + 2 * pad;
    piece.after = 8 * s.unit;
    // A filtered report is tinted, so it is not taken for the whole store's at a glance.
    piece.draw = [t, f, pad, unit, filtered](QPainter &p, const QRectF &r) {
        p.setPen(filtered ? QColor(0xd9, 0xa4, 0x2b) : QColor(0xc8, 0xcc, 0xd2));
        p.setBrush(filtered ? QColor(0xff, 0xf4, 0xd6) : QColor(0xf7, 0xf8, 0xfa));
        p.drawRoundedRect(r, 3 * unit, 3 * unit);
        p.setFont(f);
        p.setPen(Qt::black);
        p.drawText(r.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap, t);
    };
}

}  // namespace

bool writeDashboardPdf(const QString &path, const DashboardPdfContent &content, QString &error, DashboardPdfLayout *layout)
{
    // Drawn in memory: QPdfWriter does not report a failing disk. The one atomic writer then writes the bytes.
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    QPdfWriter writer(&bytes);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(content.title);
    writer.setCreator(QStringLiteral("Merchbench"));
    QPainter p;
    if (!p.begin(&writer)) {
        error = QObject::tr("%1: cannot draw the PDF report").arg(path);
        return false;
    }
    const Sheet s(writer, p);
    std::vector<Piece> pieces;
    pieces.push_back(s.paragraph(Kind::Title, content.title, 16, true, Qt::black));
    const QString generated = QObject::tr("generated %1").arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    pieces.push_back(s.paragraph(Kind::Period, content.period + QStringLiteral(" · ") + generated, 8, false, grey));
    pieces.push_back(Piece{Kind::Filters, content.scope.filterText(), 0, 0, false, {}});
    drawFilterBox(pieces.back(), s, !content.scope.wholeStore());
    keepTogether(pieces, 0, pieces.size());   // the header stays with the first tiles
    addTiles(s, content.tiles, pieces);
    addCharts(s, content.cards, pieces);
    for (ChartCard *c : content.cards) addTable(s, c->title(), *c->model(), c->table(), pieces);
    addDefinitions(s, pieces);

    const auto pages = paginate(s, pieces);
    if (layout) {
        layout->page = QSizeF(s.width / s.unit, (s.height + s.footer) / s.unit);
        layout->pages.clear();
    }
    const QFont footerFont = s.font(6.5);
    for (size_t n = 0; n < pages.size(); ++n) {
        if (n > 0) writer.newPage();
        QList<DashboardPdfLayout::Block> blocks;
        for (const auto &[piece, rect] : pages[n]) {
            piece->draw(p, rect);
            blocks.push_back({piece->kind, piece->text, QRectF(rect.topLeft() / s.unit, rect.size() / s.unit)});
        }
        // Every page says what it was computed over: a page read on its own is no whole-store page either.
        const QString page = QObject::tr("Page %1 of %2").arg(n + 1).arg(pages.size());
        const QRectF foot(0, s.height + s.footer - 9 * s.unit, s.width, 9 * s.unit);
        p.setFont(footerFont);
        p.setPen(grey);
        const QString left = p.fontMetrics().elidedText(content.title + QStringLiteral(" · ") + content.scope.filterText(), Qt::ElideRight,
                                                        int(s.width * 0.85));
        p.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, left);
        p.drawText(foot, Qt::AlignRight | Qt::AlignBottom, page);
        blocks.push_back({Kind::Footer, left + QStringLiteral(" | ") + page, QRectF(foot.topLeft() / s.unit, foot.size() / s.unit)});
        if (layout) layout->pages.push_back(blocks);
    }
    if (!p.end()) {
        error = QObject::tr("%1: cannot finish the PDF report").arg(path);
        return false;
    }
    return writeFileAtomically(path, bytes.data(), error);
}

}  // namespace mb
