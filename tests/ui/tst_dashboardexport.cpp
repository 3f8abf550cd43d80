// The dashboard's files — a chart as PNG or SVG, a table as CSV or XLSX, the PDF report — on a full disk:
// each export fails with a message naming the file, and the file that was there keeps its bytes. And the
// table CSV neutralises formula-like text while numeric columns (a negative change) stay numbers.
#include "spreadsheet.h"
#include "testsupport.h"
#include "tinydisk.h"

#include "core/io/csvreader.h"
#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/dashboardpdf.h"
#include "ui/dashboard/kpitablemodel.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>

using namespace mb;

class TestDashboardExport : public QObject {
    Q_OBJECT
    KpiTableModel model_;
    QChartView *chart_ = nullptr;

    bool save(const QString &kind, const QString &path, QString &error)
    {
        if (kind == "png") return saveWidgetPng(chart_, path, error);
        if (kind == "svg") return saveChartSvg(chart_, QStringLiteral("Revenue"), path, error);
        if (kind == "csv") return saveTableCsv(model_, path, error);
        if (kind == "xlsx") return saveTablesXlsx({{QStringLiteral("Revenue"), &model_}}, path, error);
        return writeDashboardPdf(path, QStringLiteral("KPI report"), QStringLiteral("2026"), {}, {}, error);
    }

private Q_SLOTS:
    void initTestCase()
    {
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
};

QTEST_MAIN(TestDashboardExport)
#include "tst_dashboardexport.moc"
