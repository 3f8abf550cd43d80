#include "ui/dashboard/dashboardexport.h"

#include "core/io/atomicfile.h"
#include "core/io/csvwriter.h"
#include "ui/dashboard/kpitablemodel.h"

#include <QBuffer>
#include <QChartView>
#include <QFile>
#include <QPainter>
#include <QSvgGenerator>

#include <xlsxwriter.h>

#include <cmath>

namespace mb {

bool saveWidgetPng(QWidget *widget, const QString &path, QString &error)
{
    // Twice the screen resolution, so the picture stays sharp on a projector or in a slide.
    QPixmap pixmap(widget->size() * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::white);
    widget->render(&pixmap);
    // Encoded in memory, then written by the one writer that checks the disk's answer and keeps the old file.
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    if (!pixmap.save(&png, "PNG")) {
        error = QObject::tr("%1: cannot encode the picture").arg(path);
        return false;
    }
    return writeFileAtomically(path, png.data(), error);
}

bool saveChartSvg(QChartView *view, const QString &title, const QString &path, QString &error)
{
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&bytes);
    svg.setSize(view->size());
    svg.setViewBox(QRect(QPoint(0, 0), view->size()));
    svg.setTitle(title);
    svg.setDescription(QObject::tr("Chart exported by Merchbench"));
    QPainter painter;
    if (!painter.begin(&svg)) {
        error = QObject::tr("%1: cannot draw the SVG picture").arg(path);
        return false;
    }
    view->render(&painter);
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
