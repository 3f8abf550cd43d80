// The dashboard's files — a chart as PNG or SVG, a table as CSV or XLSX, the PDF report — on a full disk:
// each export fails with a message naming the file, and the file that was there keeps its bytes. The table
// CSV neutralises formula-like text while numeric columns (a negative change) stay numbers. And what a
// merchandiser takes to a meeting says what it shows: the PDF states the period and every filter set on
// the dashboard's widgets (or "whole store"), a chart picture carries its title and that line, no axis
// label is cut to "2026-0...", and the report's pages never end on a heading or hold a stray paragraph.
#include "pdftext.h"
#include "spreadsheet.h"
#include "testsupport.h"
#include "tinydisk.h"
#include "ui/uitestsupport.h"

#include "core/io/csvreader.h"
#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpireport.h"
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/dashboardpdf.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/dashboard/kpitile.h"
#include "ui/uiresources.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLineSeries>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

using namespace mb;
using Kind = DashboardPdfLayout::Kind;

namespace {

bool waitReport(DashboardView &view)
{
    return mbtest::waitUntil([&view] { return view.report() && !view.isComputing(); });
}

// The filter combo box whose first entry reads `first` ("All categories", "All customers", ...).
QComboBox *filterBox(DashboardView &view, const QString &first)
{
    for (QComboBox *box : view.findChildren<QComboBox *>())
        if (box->count() > 0 && box->itemText(0) == first) return box;
    return nullptr;
}

// As a user does without the mouse: focus the box and type the start of the entry.
bool choose(QComboBox *box, const QString &entry)
{
    box->setFocus();
    QTest::keyClicks(box, entry);
    return box->currentText() == entry;
}

ChartCard *cardOf(DashboardView &view, const QString &prefix)
{
    for (ChartCard *c : view.cards())
        if (c->title().startsWith(prefix)) return c;
    return nullptr;
}

// Answers the save dialog a menu action opens with `path`, as the user would type it; looks for the
// dialog for up to ten seconds (no dialog: the export writes nothing and the test fails on the file).
void answerSaveDialog(const QString &path, int attempts = 500)
{
    QTimer::singleShot(20, qApp, [path, attempts] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (attempts > 0) answerSaveDialog(path, attempts - 1);
            return;
        }
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");   // the Save button
    });
}

QAction *menuAction(QWidget *owner, const QString &button, const QString &action)
{
    for (QToolButton *b : owner->findChildren<QToolButton *>())
        if (b->text() == button && b->menu())
            for (QAction *a : b->menu()->actions())
                if (a->text() == action) return a;
    return nullptr;
}

// What the chart shows as axis labels and titles: the visible text items of its scene.
QStringList visibleTexts(QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible()) texts << text->toPlainText();
    return texts;
}

QStringList categoryLabels(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *c = qobject_cast<QCategoryAxis *>(axis)) return c->categoriesLabels();
        if (auto *b = qobject_cast<QBarCategoryAxis *>(axis)) return b->categories();
    }
    return {};
}

// Every label of the chart's category axis is shown whole, none is cut to "...", and no two of them overlap.
QString labelProblem(QChartView *view)
{
    const QStringList wanted = categoryLabels(view->chart()), shown = visibleTexts(view);
    for (const QString &t : shown)
        if (t.endsWith(QStringLiteral("...")) || t.endsWith(QChar(0x2026))) return QStringLiteral("cut label \"%1\"").arg(t);
    for (const QString &w : wanted)
        if (!shown.contains(w)) return QStringLiteral("label \"%1\" not shown (shown: %2)").arg(w, shown.join(QStringLiteral(", ")));
    QList<QRectF> boxes;
    for (QGraphicsItem *item : view->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible() && wanted.contains(text->toPlainText()))
            boxes << text->sceneBoundingRect().adjusted(1, 1, -1, -1);
    for (qsizetype i = 0; i < boxes.size(); ++i)
        for (qsizetype j = i + 1; j < boxes.size(); ++j)
            if (boxes[i].intersects(boxes[j])) return QStringLiteral("labels overlap");
    return {};
}

// The layout rules of the report, checked on its pages: what a reader would call a badly cut page.
QString pageProblem(const DashboardPdfLayout &layout)
{
    const double footerTop = layout.pages.isEmpty() ? 0 : layout.pages.front().back().rect.top();
    int tableRowsOnPage = 0;
    QString table;
    for (qsizetype n = 0; n < layout.pages.size(); ++n) {
        QList<DashboardPdfLayout::Block> content = layout.pages[n];
        if (content.isEmpty() || content.back().kind != Kind::Footer) return QStringLiteral("page %1 has no footer").arg(n + 1);
        content.removeLast();
        bool large = false;
        for (const auto &b : content) large = large || b.kind == Kind::Tiles || b.kind == Kind::Charts;
        if (!large && content.size() < 3) return QStringLiteral("page %1 holds only %2 block(s)").arg(n + 1).arg(content.size());
        const Kind last = content.back().kind;
        if (n + 1 < layout.pages.size() && (last == Kind::Heading || last == Kind::TableHeader || last == Kind::Filters))
            return QStringLiteral("page %1 ends on a heading: %2").arg(n + 1).arg(content.back().text);
        double bottom = 0;
        for (const auto &b : content) {
            if (b.rect.top() < bottom - 0.01) return QStringLiteral("page %1: \"%2\" overlaps the block above").arg(n + 1).arg(b.text.left(40));
            bottom = b.rect.bottom();
        }
        if (bottom > footerTop) return QStringLiteral("page %1 runs into its footer").arg(n + 1);
        // A table cut by this page's end leaves at least three rows on each side.
        tableRowsOnPage = 0;
        for (const auto &b : content) {
            if (b.kind == Kind::Heading) { table = b.text; tableRowsOnPage = 0; }
            if (b.kind == Kind::TableRow) ++tableRowsOnPage;
        }
        const bool cutsTable = last == Kind::TableRow && n + 1 < layout.pages.size() && layout.pages[n + 1].front().kind == Kind::TableRow;
        if (cutsTable) {
            int next = 0;
            for (const auto &b : layout.pages[n + 1]) {
                if (b.kind != Kind::TableRow) break;
                ++next;
            }
            if (tableRowsOnPage < 3 || next < 3)
                return QStringLiteral("table \"%1\" cut %2 | %3 rows").arg(table).arg(tableRowsOnPage).arg(next);
        }
    }
    return {};
}

}  // namespace

class TestDashboardExport : public QObject {
    Q_OBJECT
    KpiTableModel model_;
    QChartView *chart_ = nullptr;
    QTemporaryDir dir_;
    WorkspaceDocument doc_;

    bool save(const QString &kind, const QString &path, QString &error)
    {
        const ChartCaption caption(QStringLiteral("Revenue"), QStringLiteral("2026-01-01 to 2026-06-30, by month · No filters"));
        if (kind == "png") return saveChartPng(chart_, caption, path, error);
        if (kind == "svg") return saveChartSvg(chart_, caption, path, error);
        if (kind == "csv") return saveTableCsv(model_, path, error);
        if (kind == "xlsx") return saveTablesXlsx({{QStringLiteral("Revenue"), &model_}}, path, error);
        return writeDashboardPdf(path, {QStringLiteral("KPI report"), QStringLiteral("2026"), {}, {}, {}}, error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        initUiResources();
        model_.setColumns({{QStringLiteral("Category"), KpiFormat::Text}, {QStringLiteral("Revenue"), KpiFormat::Money},
                           {QStringLiteral("Change"), KpiFormat::Percent}});
        QVector<QVector<QVariant>> rows;
        for (const auto &[name, text] : mbtest::formulaTexts()) rows.push_back({QString::fromStdString(text), 1250.5, -5.0});
        model_.setRows(rows);
        auto *series = new QLineSeries;
        series->append({{0, 1}, {1, 3}, {2, 2}});
        auto *chart = new QChart;
        chart->addSeries(series);
        chart->createDefaultAxes();
        chart_ = new QChartView(chart);
        chart_->resize(400, 300);
        QVERIFY(dir_.isValid());
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc_.open(mbtest::makeDemo(dir_), error, kind), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc_));
    }
    void cleanupTestCase() { delete chart_; }

    void aFullDiskKeepsThePreviousFile_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"png", "svg", "csv", "xlsx", "pdf"}) QTest::newRow(kind) << QString::fromLatin1(kind);
    }
    void aFullDiskKeepsThePreviousFile()
    {
        QFETCH(QString, kind);
        MB_REQUIRE_TINY_DISK(disk);
        const QString name = QStringLiteral("dashboard.") + kind, path = disk.filePath(name);
        const QByteArray previous = "the export from last week";
        QVERIFY(disk.holdAndFill(name, previous));
        const QStringList before = disk.files();
        QString error;
        QVERIFY(!save(kind, path, error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        QCOMPARE(mbtest::readAll(path), previous);
        QCOMPARE(disk.files(), before);   // no temporary file left behind
    }

    void everyKindWritesItsFile_data() { aFullDiskKeepsThePreviousFile_data(); }
    void everyKindWritesItsFile()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dashboard.") + kind);
        QString error;
        QVERIFY2(save(kind, path, error), qPrintable(error));
        const QByteArray bytes = mbtest::readAll(path);
        const QByteArray magic = kind == "png" ? "\x89PNG" : kind == "svg" ? "<?xml" : kind == "csv" ? "Category," : kind == "xlsx" ? "PK" : "%PDF-";
        QVERIFY2(bytes.startsWith(magic), bytes.left(16).constData());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QFileInfo(path).fileName()});
    }

    void tableCsvGuardsTextAndKeepsNumbers()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("table.csv"));
        QString error;
        QVERIFY2(saveTableCsv(model_, path, error), qPrintable(error));
        const std::string text = mbtest::readAll(path).toStdString();
        CsvReader reader(text, ',');
        CsvRecord rec;
        reader.next(rec);
        size_t row = 0;
        while (reader.next(rec)) {
            const std::string &formula = mbtest::formulaTexts()[row++].second;
            QVERIFY2(mbtest::guards(rec.fields[0], formula), qPrintable(mbtest::visible(rec.fields[0])));
            QVERIFY2(!mbtest::spreadsheetEvaluates(rec.fields[0]), qPrintable(mbtest::visible(rec.fields[0])));
            QCOMPARE(std::string(rec.fields[1]), std::string("1250.5"));
            QCOMPARE(std::string(rec.fields[2]), std::string("-5"));   // a negative change stays a number
        }
        QCOMPARE(row, mbtest::formulaTexts().size());
    }

    // The whole store says so; then the user picks a category, new customers and a country on the
    // dashboard, and the report's first lines and every page's footer name each of them.
    void thePdfStatesThePeriodAndEveryFilter()
    {
        DashboardView view(&doc_);
        view.resize(1400, 1000);
        view.show();
        QVERIFY(waitReport(view));
        QString error;
        DashboardPdfLayout layout;
        const QString whole = dir_.filePath(QStringLiteral("whole.pdf"));
        QVERIFY2(view.exportPdf(whole, error, &layout), qPrintable(error));
        const mbtest::PdfText wholeText(mbtest::readAll(whole));
        QCOMPARE(wholeText.pageCount(), layout.pages.size());
        QVERIFY2(wholeText.lines(0).mid(0, 4).join(' ').contains("No filters: the whole store (all products, all customers, all countries)"),
                 qPrintable(wholeText.pageText(0).left(400)));

        QComboBox *category = filterBox(view, QStringLiteral("All categories"));
        QComboBox *customers = filterBox(view, QStringLiteral("All customers"));
        QComboBox *country = filterBox(view, QStringLiteral("All countries"));
        QVERIFY(category && customers && country);
        QVERIFY(choose(category, QStringLiteral("Coffee")));
        QVERIFY(choose(customers, QStringLiteral("New customers")));
        QVERIFY(choose(country, QStringLiteral("Austria")));
        QVERIFY(mbtest::waitUntil([&view] {
            return view.report() && !view.isComputing() && view.report()->filter.country == "Austria" &&
                   view.report()->filter.category >= 0 && view.report()->filter.customers == CustomerScope::New;
        }));

        const QString path = dir_.filePath(QStringLiteral("coffee.pdf"));
        QVERIFY2(view.exportPdf(path, error, &layout), qPrintable(error));
        const mbtest::PdfText pdf(mbtest::readAll(path));
        QCOMPARE(pdf.pageCount(), layout.pages.size());
        // Near the top of the first page: title, period, filters.
        const QString top = pdf.lines(0).mid(0, 4).join(' ');
        const KpiReport &r = *view.report();
        const QString from = QString::fromStdString(kpicalendar::isoDate(r.fromDay)), to = QString::fromStdString(kpicalendar::isoDate(r.toDay));
        QVERIFY2(top.contains(QStringLiteral("Period %1 to %2").arg(from, to)), qPrintable(top));
        for (const char *filter : {"Filters: Category: Coffee (and below)", "New customers only", "Country: Austria"})
            QVERIFY2(top.contains(QLatin1String(filter)), qPrintable(filter + QStringLiteral(" not in: ") + top));
        QVERIFY(!pdf.pageText(0).contains("whole store"));
        const auto &first = layout.pages.front();
        const auto filters = std::find_if(first.begin(), first.end(), [](const auto &b) { return b.kind == Kind::Filters; });
        QVERIFY(filters != first.end());
        QVERIFY2(filters->rect.top() < layout.page.height() * 0.15, qPrintable(QString::number(filters->rect.top())));
        for (qsizetype n = 0; n < pdf.pageCount(); ++n)
            QVERIFY2(pdf.lines(n).constLast().contains("Category: Coffee") || pdf.pageText(n).right(300).contains("Category: Coffee"),
                     qPrintable(QStringLiteral("page %1: %2").arg(n + 1).arg(pdf.pageText(n).right(300))));
        QVERIFY2(pageProblem(layout).isEmpty(), qPrintable(pageProblem(layout)));
        // A number column is as wide as its name: the top pairs' header is not cut to "Orders with a…".
        QStringList lines;
        for (qsizetype n = 0; n < pdf.pageCount(); ++n) lines << pdf.lines(n);
        QVERIFY(lines.contains(QStringLiteral("Orders with anchor")));
        const QString keep = qEnvironmentVariable("MB_DASHBOARD_PDF");
        if (!keep.isEmpty()) QFile::copy(path, keep);
    }

    // A chart exported from its card's menu is the chart under its title and the period and filters.
    void aChartPictureCarriesItsTitleAndFilters()
    {
        DashboardView view(&doc_);
        view.resize(1400, 1000);
        view.show();
        QVERIFY(waitReport(view));
        QVERIFY(choose(filterBox(view, QStringLiteral("All categories")), QStringLiteral("Coffee")));
        QVERIFY(mbtest::waitUntil([&view] { return view.report() && !view.isComputing() && view.report()->filter.category >= 0; }));
        ChartCard *card = cardOf(view, QStringLiteral("Revenue and AOV"));
        QVERIFY(card && card->chart());
        QVERIFY(card->scope().contains("Category: Coffee"));

        const QString png = dir_.filePath(QStringLiteral("revenue.png"));
        QAction *asPng = menuAction(card, QStringLiteral("Export"), QStringLiteral("Chart as PNG…"));
        QVERIFY(asPng);
        answerSaveDialog(png);
        asPng->trigger();
        const QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(png));
        const QSize chart = card->chart()->size();
        const int caption = chartCaptionHeight({card->title(), card->scope()}, chart.width());
        QVERIFY2(caption >= 2 * QFontMetrics(QApplication::font()).height(), qPrintable(QString::number(caption)));   // two lines at least
        QCOMPARE(image.size(), QSize(chart.width(), chart.height() + caption) * 2);
        // The title's line and the filter line are drawn: dark pixels in each half of the caption band.
        auto ink = [&image](int top, int bottom) {
            int dark = 0;
            for (int y = top; y < bottom; ++y)
                for (int x = 0; x < image.width(); ++x) dark += qGray(image.pixel(x, y)) < 128;
            return dark;
        };
        QVERIFY2(ink(0, caption) > 200, qPrintable(QString::number(ink(0, caption))));
        QVERIFY2(ink(caption, 2 * caption) > 200, qPrintable(QString::number(ink(caption, 2 * caption))));
        const QString keep = qEnvironmentVariable("MB_DASHBOARD_PNG");
        if (!keep.isEmpty()) QFile::copy(png, keep);

        const QString svg = dir_.filePath(QStringLiteral("revenue.svg"));
        QAction *asSvg = menuAction(card, QStringLiteral("Export"), QStringLiteral("Chart as SVG…"));
        QVERIFY(asSvg);
        answerSaveDialog(svg);
        asSvg->trigger();
        const QString text = QString::fromUtf8(mbtest::readAll(svg));
        // Drawn as text above the chart, and said again in the picture's title and description.
        QVERIFY(text.count(card->title().toHtmlEscaped()) >= 2);
        QVERIFY2(text.count(QStringLiteral("Category: Coffee (and below)")) >= 2, qPrintable(text.left(2000)));
    }

    // Date and category labels fit whole on screen, in a small and a large window and at every
    // granularity, and at the size the PDF draws the charts.
    void axisLabelsAreShownWhole_data()
    {
        QTest::addColumn<QSize>("window");
        QTest::addColumn<QString>("by");
        for (QSize size : {QSize(1024, 700), QSize(1600, 1000)})
            for (const char *by : {"Month", "Week", "Day"})
                QTest::addRow("%dx%d by %s", size.width(), size.height(), by) << size << QString::fromLatin1(by);
    }
    void axisLabelsAreShownWhole()
    {
        QFETCH(QSize, window);
        QFETCH(QString, by);
        DashboardView view(&doc_);
        view.resize(window);
        view.show();
        QVERIFY(waitReport(view));
        QComboBox *granularity = nullptr;
        for (QComboBox *box : view.findChildren<QComboBox *>())
            if (box->findText(QStringLiteral("Week")) >= 0) granularity = box;
        QVERIFY(granularity);
        if (granularity->currentText() != by) {
            QVERIFY(choose(granularity, by));
            QVERIFY(mbtest::waitUntil([&] { return view.report() && !view.isComputing() && view.report()->filter.granularity != Granularity::Month; }));
        }
        // The charts take their new rows in a layout pass of the event loop, as they do on screen.
        QVERIFY(mbtest::waitUntil([&view] {
            for (ChartCard *card : view.cards())
                if (card->chart() && !card->chart()->chart()->layout()->isActivated()) return false;
            return true;
        }));
        int charts = 0;
        for (ChartCard *card : view.cards()) {
            QChartView *chart = card->chart();
            if (!chart || card->model()->rowCount() == 0) continue;
            ++charts;
            QVERIFY2(!categoryLabels(chart->chart()).isEmpty(), qPrintable(card->title()));
            QString problem = labelProblem(chart);
            QVERIFY2(problem.isEmpty(), qPrintable(card->title() + QStringLiteral(" on screen: ") + problem));
            // The PDF's size, as the report draws it.
            const QSize shown = chart->size();
            chart->resize(chartExportSize(chart));
            settleChart(chart);
            problem = labelProblem(chart);
            chart->resize(shown);
            settleChart(chart);
            QVERIFY2(problem.isEmpty(), qPrintable(card->title() + QStringLiteral(" in the PDF: ") + problem));
        }
        QCOMPARE(charts, 4);
    }

    // However many categories carry mapped complements, each has its label beside its bar: the chart
    // grows taller for a long list, on screen (as narrow as a 1024 px window's card) and in the PDF.
    void categoryLabelsBesideBarsAreWhole_data()
    {
        QTest::addColumn<int>("categories");
        for (int n : {1, 5, 12, 30}) QTest::addRow("%d categories", n) << n;
    }
    void categoryLabelsBesideBarsAreWhole()
    {
        QFETCH(int, categories);
        KpiTableModel model;
        model.setColumns({{QStringLiteral("Category"), KpiFormat::Text}, {QStringLiteral("Attach rate"), KpiFormat::Percent}});
        QVector<QVector<QVariant>> rows;
        for (int i = 0; i < categories; ++i) rows.push_back({QStringLiteral("Home & Garden > Kitchen %1").arg(i), 10.0 + i});
        model.setRows(rows);
        std::unique_ptr<QChartView> chart(makeBarChart(&model, 0, 1, QStringLiteral("attach rate"), true, true));
        chart->resize(460, chart->minimumHeight());
        chart->show();
        QVERIFY(mbtest::waitUntil([&chart] { return chart->chart()->layout()->isActivated() && chart->chart()->plotArea().height() > 0; }));
        QCOMPARE(categoryLabels(chart->chart()).size(), categories);
        QString problem = labelProblem(chart.get());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("on screen: ") + problem));
        const QString keep = qEnvironmentVariable("MB_DASHBOARD_BARS");   // a folder, to look at them
        if (!keep.isEmpty()) QVERIFY(chart->grab().save(QStringLiteral("%1/bars-%2.png").arg(keep).arg(categories)));
        chart->resize(chartExportSize(chart.get()));
        settleChart(chart.get());
        problem = labelProblem(chart.get());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("in the PDF: ") + problem));
    }

    // The report cut into pages for tables of every length from none to past the 40 rows shown: no page
    // ends on a heading, none holds a stray paragraph or two, a table is cut only with three rows each side,
    // and the file has the pages the layout says, each starting with the text the layout put there.
    void pagesAreCutWhereAReaderExpects_data()
    {
        QTest::addColumn<int>("rows");
        for (int rows = 0; rows <= 60; ++rows) QTest::addRow("%d rows", rows) << rows;
    }
    void pagesAreCutWhereAReaderExpects()
    {
        QFETCH(int, rows);
        QWidget owner;
        QList<KpiTile *> tiles;
        for (int i = 0; i < 9; ++i) {
            tiles << new KpiTile(QStringLiteral("Tile %1").arg(i), &owner);
            tiles.back()->setFigures(QStringLiteral("1,234"), QStringLiteral("+1.0 % vs previous"), true, QStringLiteral("note"));
        }
        auto table = [&owner](int n) {
            auto *m = new KpiTableModel(&owner);
            m->setColumns({{QStringLiteral("Anchor"), KpiFormat::Text}, {QStringLiteral("Orders"), KpiFormat::Count}});
            QVector<QVector<QVariant>> data;
            for (int r = 0; r < n; ++r) data.push_back({QStringLiteral("Product %1").arg(r), qint64(r)});
            m->setRows(data);
            return m;
        };
        const QList<ChartCard *> cards{new ChartCard(QStringLiteral("Top pairs"), table(rows), nullptr, &owner),
                                       new ChartCard(QStringLiteral("Bundles"), table(12), nullptr, &owner),
                                       new ChartCard(QStringLiteral("Placements"), table(rows / 2), nullptr, &owner)};
        DashboardScope scope;
        scope.period = QStringLiteral("2026-01-01 to 2026-06-30, by month");
        scope.filters << QStringLiteral("Category: Coffee (and below)");
        DashboardPdfLayout layout;
        QString error;
        const QString path = dir_.filePath(QStringLiteral("pages-%1.pdf").arg(rows));
        QVERIFY2(writeDashboardPdf(path, {QStringLiteral("KPI report"), QStringLiteral("Period 2026"), scope, tiles, cards}, error, &layout),
                 qPrintable(error));
        QVERIFY(layout.pages.size() >= 2);
        QVERIFY2(pageProblem(layout).isEmpty(), qPrintable(pageProblem(layout)));
        const mbtest::PdfText pdf(mbtest::readAll(path));
        QCOMPARE(pdf.pageCount(), layout.pages.size());
        for (qsizetype n = 0; n < pdf.pageCount(); ++n) {
            const auto &lead = layout.pages[n].front();
            const QString expected = lead.text.section(QStringLiteral(" | "), 0, 0).section(QLatin1Char(':'), 0, 0);
            QVERIFY2(pdf.lines(n).value(0).startsWith(expected), qPrintable(QStringLiteral("page %1 starts \"%2\", the layout says \"%3\"")
                                                                                  .arg(n + 1).arg(pdf.lines(n).value(0), expected)));
            QVERIFY2(pdf.pageText(n).contains(QStringLiteral("Page %1 of %2").arg(n + 1).arg(pdf.pageCount())), qPrintable(pdf.pageText(n).right(200)));
        }
    }
};

QTEST_MAIN(TestDashboardExport)
#include "tst_dashboardexport.moc"
