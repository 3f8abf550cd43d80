#include "ui/dashboard/dashboardexport.h"

#include "core/io/atomicfile.h"
#include "core/io/csvwriter.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/kpitablemodel.h"

#include <QApplication>
#include <QBuffer>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <xlsxwriter.h>

#include <cmath>

namespace mb {

namespace {

// Encoded in memory, then written by the one writer that checks the disk's answer and keeps the old file.
bool savePng(const QImage &image, const QString &path, QString &error)
{
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    if (!image.save(&png, "PNG")) {
        error = QObject::tr("%1: cannot encode the picture").arg(path);
        return false;
    }
    return writeFileAtomically(path, png.data(), error);
}

constexpr int captionMargin = 8;

QFont titleFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    return f;
}

QFont scopeFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}

// The caption's two parts wrapped to the picture's width: a long category path or several filters
// take a second line rather than being cut.
QRect wrapped(const QFont &font, const QString &text, int width)
{
    if (text.isEmpty()) return {};
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, text);
}

// Draws the caption at the top, then the chart below it, on a white ground.
void paintCaptioned(QPainter &p, QChartView *view, const ChartCaption &caption)
{
    const int width = view->width() - 2 * captionMargin;
    p.fillRect(QRect(QPoint(0, 0), QSize(view->width(), chartCaptionHeight(caption, view->width()))), Qt::white);
    int y = captionMargin;
    const QRect title = wrapped(titleFont(), caption.title, width);
    p.setFont(titleFont());
    p.setPen(QColor(0x1f, 0x23, 0x28));
    p.drawText(QRect(captionMargin, y, width, title.height()), Qt::TextWordWrap, caption.title);
    y += title.height();
    const QRect scope = wrapped(scopeFont(), caption.scope, width);
    p.setFont(scopeFont());
    p.setPen(QColor(0x55, 0x5b, 0x66));
    p.drawText(QRect(captionMargin, y + 2, width, scope.height()), Qt::TextWordWrap, caption.scope);
    // The scene as the viewport shows it, drawn as vectors where the painter's device keeps them (SVG).
    const QRect shown = view->viewport()->rect();
    view->render(&p, QRectF(QPointF(0, chartCaptionHeight(caption, view->width())), QSizeF(shown.size())), shown);
}

}  // namespace

int chartCaptionHeight(const ChartCaption &caption, int width)
{
    if (caption.title.isEmpty() && caption.scope.isEmpty()) return 0;
    const int inner = width - 2 * captionMargin;
    return captionMargin + wrapped(titleFont(), caption.title, inner).height() + 2 + wrapped(scopeFont(), caption.scope, inner).height() +
           captionMargin;
}

bool saveWidgetPng(QWidget *widget, const QString &path, QString &error)
{
    // Twice the screen resolution, so the picture stays sharp on a projector or in a slide.
    QImage image(widget->size() * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    widget->render(&image);
    return savePng(image, path, error);
}

bool saveChartPng(QChartView *view, const ChartCaption &caption, const QString &path, QString &error)
{
    settleChart(view);
    const QSize size(view->width(), view->height() + chartCaptionHeight(caption, view->width()));
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    paintCaptioned(p, view, caption);
    p.end();
    return savePng(image, path, error);
}

bool saveChartSvg(QChartView *view, const ChartCaption &caption, const QString &path, QString &error)
{
    settleChart(view);
    const QSize size(view->width(), view->height() + chartCaptionHeight(caption, view->width()));
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&bytes);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(caption.title);
    svg.setDescription(caption.scope.isEmpty() ? QObject::tr("Chart exported by Merchbench") : caption.scope);
    QPainter painter;
    if (!painter.begin(&svg)) {
        error = QObject::tr("%1: cannot draw the SVG picture").arg(path);
        return false;
    }
    paintCaptioned(painter, view, caption);
    painter.end();
    return writeFileAtomically(path, bytes.data(), error);
}

bool saveTableCsv(const KpiTableModel &model, const QString &path, QString &error)
{
    std::string out;
    std::vector<std::string> fields;
    std::vector<bool> numeric;   // numbers skip the formula defence: a negative change stays a number
    for (int c = 0; c < model.columnCount(); ++c) {
        fields.push_back(model.headerData(c, Qt::Horizontal).toString().toStdString());
        numeric.push_back(model.format(c) != KpiFormat::Text);
    }
    appendCsvRow(out, fields);
    for (int r = 0; r < model.rowCount(); ++r) {
        fields.clear();
        for (int c = 0; c < model.columnCount(); ++c) {
            const QVariant v = model.row(r).value(c);
            if (model.format(c) == KpiFormat::Text) fields.push_back(v.toString().toStdString());
            else fields.push_back(v.isValid() && std::isfinite(v.toDouble()) ? csvNumber(v.toDouble()) : std::string());
        }
        appendCsvRow(out, fields, numeric);
    }
    return writeFileAtomically(path, QByteArrayView(out.data(), qsizetype(out.size())), error);
}

// libxlsxwriter writes its file by name: a temporary file beside the chosen one, which replaces it only when
// the whole workbook was written (produceFileAtomically).
static bool writeWorkbook(const std::vector<std::pair<QString, const KpiTableModel *>> &sheets, const QString &file, QString &reason)
{
    lxw_workbook *wb = workbook_new(QFile::encodeName(file).constData());
    if (!wb) {
        reason = QObject::tr("cannot create the workbook");
        return false;
    }
    lxw_format *header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format *money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    lxw_format *count = workbook_add_format(wb);
    format_set_num_format(count, "#,##0");
    lxw_format *percent = workbook_add_format(wb);
    format_set_num_format(percent, "0.0%");
    lxw_format *decimal = workbook_add_format(wb);
    format_set_num_format(decimal, "0.00");
    for (const auto &[name, model] : sheets) {
        const QByteArray sheetName = name.left(31).toUtf8();
        lxw_worksheet *ws = workbook_add_worksheet(wb, sheetName.constData());
        if (!ws) continue;
        for (int c = 0; c < model->columnCount(); ++c) {
            worksheet_write_string(ws, 0, lxw_col_t(c), model->headerData(c, Qt::Horizontal).toString().toUtf8().constData(), header);
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), model->format(c) == KpiFormat::Text ? 28 : 14, nullptr);
        }
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QVariant v = model->row(r).value(c);
                const lxw_row_t row = lxw_row_t(r + 1);
                if (model->format(c) == KpiFormat::Text) {
                    worksheet_write_string(ws, row, lxw_col_t(c), v.toString().toUtf8().constData(), nullptr);
                    continue;
                }
                if (!v.isValid() || !std::isfinite(v.toDouble())) continue;   // unknown stays an empty cell, never 0
                lxw_format *f = model->format(c) == KpiFormat::Money     ? money
                                : model->format(c) == KpiFormat::Count   ? count
                                : model->format(c) == KpiFormat::Percent ? percent
                                                                         : decimal;
                worksheet_write_number(ws, row, lxw_col_t(c), model->format(c) == KpiFormat::Percent ? v.toDouble() / 100 : v.toDouble(), f);
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
    }
    const lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        reason = QString::fromUtf8(lxw_strerror(rc));
        return false;
    }
    return true;
}

bool saveTablesXlsx(const std::vector<std::pair<QString, const KpiTableModel *>> &sheets, const QString &path, QString &error)
{
    return produceFileAtomically(path, [&](const QString &temp, QString &reason) { return writeWorkbook(sheets, temp, reason); }, error);
}

}  // namespace mb
