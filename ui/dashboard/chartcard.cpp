#include "ui/dashboard/chartcard.h"

#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/dashboard/kpivaluedelegate.h"
#include "ui/tablestyle.h"

#include <QChartView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mb {

ChartCard::ChartCard(const QString &title, KpiTableModel *model, QChartView *chart, QWidget *parent)
    : QFrame(parent), model_(model), chart_(chart), table_(new QTableView(this)), title_(new QLabel(title, this)),
      note_(new QLabel(this)), stack_(new QStackedWidget(this)), toggle_(new QToolButton(this))
{
    setObjectName(QStringLiteral("chartCard"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#chartCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    note_->hide();

    table_->setModel(model_);
    setUpTable(table_);
    table_->setSortingEnabled(false);
    table_->setItemDelegate(new KpiValueDelegate(table_));
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setStretchLastSection(false);
    // Columns fit the first rows, not every one of a large store's 100K top pairs: Qt measures 1,000
    // rows by default, a cell at a time, on the GUI thread.
    table_->horizontalHeader()->setResizeContentsPrecision(100);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        // Fit the figures, but never let one long product title push the numbers out of sight.
        table_->resizeColumnsToContents();
        for (int c = 0; c < model_->columnCount(); ++c)
            table_->setColumnWidth(c, std::min(table_->columnWidth(c), model_->format(c) == KpiFormat::Text ? 360 : 130));
    });
    if (chart_) stack_->addWidget(chart_);
    stack_->addWidget(table_);

    toggle_->setText(tr("Table"));
    toggle_->setCheckable(true);
    toggle_->setToolTip(tr("Show the figures behind the chart"));
    toggle_->setVisible(chart_ != nullptr);
    connect(toggle_, &QToolButton::toggled, this, &ChartCard::showTable);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    if (chart_) {
        menu->addAction(tr("Chart as PNG…"), this, [this] { exportAs(QStringLiteral("png")); });
        menu->addAction(tr("Chart as SVG…"), this, [this] { exportAs(QStringLiteral("svg")); });
    }
    menu->addAction(tr("Table as CSV…"), this, [this] { exportAs(QStringLiteral("csv")); });
    menu->addAction(tr("Table as XLSX…"), this, [this] { exportAs(QStringLiteral("xlsx")); });
    exportButton->setMenu(menu);

    auto *head = new QHBoxLayout;
    head->addWidget(title_, 1);
    head->addWidget(toggle_);
    head->addWidget(exportButton);
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(8, 6, 8, 8);
    l->addLayout(head);
    l->addWidget(note_);
    l->addWidget(stack_, 1);
    setMinimumHeight(260);
}

QString ChartCard::title() const { return title_->text(); }

void ChartCard::setNote(const QString &note)
{
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
}

void ChartCard::showTable(bool table)
{
    stack_->setCurrentWidget(table || !chart_ ? static_cast<QWidget *>(table_) : chart_);
    toggle_->setText(table ? tr("Chart") : tr("Table"));
    if (toggle_->isChecked() != table) toggle_->setChecked(table);
}

void ChartCard::exportAs(const QString &kind)
{
    const QString filter = kind == QLatin1String("png")   ? tr("PNG image (*.png)")
                           : kind == QLatin1String("svg") ? tr("SVG image (*.svg)")
                           : kind == QLatin1String("csv") ? tr("CSV file (*.csv)")
                                                          : tr("Excel workbook (*.xlsx)");
    QString suggested = title();
    suggested.replace(QLatin1Char(' '), QLatin1Char('-'));
    QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(title()), suggested.toLower() + QLatin1Char('.') + kind, filter);
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1Char('.') + kind, Qt::CaseInsensitive)) path += QLatin1Char('.') + kind;
    QString error;
    bool ok = false;
    if (kind == QLatin1String("png")) ok = saveChartPng(chart_, {title(), scope_}, path, error);
    else if (kind == QLatin1String("svg")) ok = saveChartSvg(chart_, {title(), scope_}, path, error);
    else if (kind == QLatin1String("csv")) ok = saveTableCsv(*model_, path, error);
    else ok = saveTablesXlsx({{title(), model_}}, path, error);
    if (!ok) QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace mb
