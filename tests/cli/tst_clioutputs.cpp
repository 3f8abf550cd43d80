// What merchbench-cli writes for the user — --out files, --rejects reports, its standard output — when the
// disk is full: exit code 2 (as for any file it cannot write), one line naming the file and the system's
// reason, and the previous file's bytes untouched. And the mined CSVs (pairs, EASE) neutralise formula-like
// SKUs while their numeric columns stay numbers.
#include "spreadsheet.h"
#include "clirunner.h"
#include "testsupport.h"
#include "tinydisk.h"

#include "core/io/csvreader.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QProcess>
#include <QTemporaryDir>

#include <cstring>
#include <set>

using namespace mb;

using mbtest::cli;
using Result = mbtest::CliResult;

namespace {

const QByteArray previous = "the file that was here before\n";
const QByteArray noSpace = QByteArray(std::strerror(ENOSPC));

}  // namespace

class TestCliOutputs : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ws_;

    QString write(const char *name, const QByteArray &bytes)
    {
        const QString path = dir_.filePath(QString::fromLatin1(name));
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ws_ = dir_.filePath("demo.merchbench");
        const Result r = cli({"--workspace", ws_, "demo", "--seed", "42"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void aFullDiskFailsAndKeepsThePreviousFile_data()
    {
        QTest::addColumn<QStringList>("args");   // OUT stands for the file on the full disk
        const QString relations = write("relations-bad.csv", "anchor_type,anchor,target_type,target,kind,position,pitch,source,status\n"
                                                             "product,NO-SUCH-SKU,product,CAM-MIR-210,accessory,1,,curated,active\n");
        const QString events = write("events-bad.csv", "session,time,sku,event,placement\ns1,not a time,CAM-MIR-210,view,\n");
        QTest::newRow("relations export --out") << QStringList{"relations", "export", "--out", "OUT"};
        QTest::newRow("relations export --format woocommerce --out") << QStringList{"relations", "export", "--format", "woocommerce", "--out", "OUT"};
        QTest::newRow("bundles export --out") << QStringList{"bundles", "export", "--out", "OUT"};
        QTest::newRow("bundles export --format csv --out") << QStringList{"bundles", "export", "--format", "csv", "--out", "OUT"};
        QTest::newRow("mine pairs --out") << QStringList{"mine", "pairs", "--out", "OUT"};
        QTest::newRow("mine ease --out") << QStringList{"mine", "ease", "--min-baskets", "5", "--out", "OUT"};
        QTest::newRow("import orders --rejects") << QStringList{"import", "orders", mbtest::fixture("cli/orders_badrow.csv"), "--rejects", "OUT"};
        QTest::newRow("relations import --rejects") << QStringList{"relations", "import", relations, "--rejects", "OUT"};
        QTest::newRow("import events --rejects") << QStringList{"import", "events", events, "--rejects", "OUT"};
    }
    void aFullDiskFailsAndKeepsThePreviousFile()
    {
        QFETCH(QStringList, args);
        MB_REQUIRE_TINY_DISK(disk);
        const QString out = disk.filePath("out.csv");
        QVERIFY(disk.holdAndFill("out.csv", previous));
        const QStringList before = disk.files();
        args.replace(args.indexOf("OUT"), out);
        const Result r = cli(QStringList{"--workspace", ws_} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(out.toLocal8Bit() + ": cannot write: " + noSpace), r.err.constData());
        QCOMPARE(mbtest::readAll(out), previous);
        QCOMPARE(disk.files(), before);   // no temporary file left behind
    }

    void aFullStandardOutputFails_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("kpi --csv") << QStringList{"kpi", "--csv"};
        QTest::newRow("kpi --json") << QStringList{"kpi", "--json"};
        QTest::newRow("relations export") << QStringList{"relations", "export"};
        QTest::newRow("bundles export") << QStringList{"bundles", "export"};
    }
    void aFullStandardOutputFails()
    {
        // "kpi --csv > kpi.csv" on a full disk: the C library's buffer hides the failure until exit.
        QFETCH(QStringList, args);
        if (!QFileInfo::exists("/dev/full")) QSKIP("/dev/full is not available");
        const Result r = cli(QStringList{"--workspace", ws_} + args, QStringLiteral("/dev/full"));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("/dev/full: cannot write: " + noSpace), r.err.constData());
    }

    void minedCsvsGuardFormulaSkus_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QList<int>>("numeric");   // columns that must hold numbers
        QTest::newRow("mine pairs") << QStringList{"mine", "pairs", "--min-count", "1"} << QList<int>{2, 3, 4, 5, 6};
        QTest::newRow("mine ease") << QStringList{"mine", "ease", "--min-baskets", "1", "--top", "50"} << QList<int>{1, 3};
    }
    void minedCsvsGuardFormulaSkus()
    {
        QFETCH(QStringList, args);
        QFETCH(QList<int>, numeric);
        // A copy of the demo store whose most-paired SKUs are renamed to formula-like texts.
        const QString ws = dir_.filePath(QStringLiteral("formulas-%1.merchbench").arg(QTest::currentDataTag()).replace(' ', '-'));
        QVERIFY(QFile::copy(ws_, ws));
        const Result plain = cli(QStringList{"--workspace", ws} + args);
        QVERIFY2(plain.code == 0, plain.err.constData());
        std::vector<std::string> skus;
        {
            const std::string text = plain.out.toStdString();
            CsvReader reader(text, ',');
            CsvRecord rec;
            reader.next(rec);   // header
            while (reader.next(rec) && skus.size() < mbtest::formulaTexts().size())
                if (std::find(skus.begin(), skus.end(), rec.fields[0]) == skus.end()) skus.emplace_back(rec.fields[0]);
        }
        QCOMPARE(skus.size(), mbtest::formulaTexts().size());
        {
            std::string error;
            auto w = Workspace::open(ws.toStdString(), error);
            QVERIFY2(w, error.c_str());
            QVERIFY2(writeTransaction(*w, error, [&](sqlite3 *db, std::string &) {
                         for (size_t i = 0; i < skus.size(); ++i)
                             if (!Statement(db, "UPDATE products SET sku = ?1 WHERE sku = ?2")
                                      .bind(1, mbtest::formulaTexts()[i].second).bind(2, skus[i]).exec())
                                 return false;
                         return true;
                     }), error.c_str());
        }
        const Result r = cli(QStringList{"--workspace", ws} + args);
        QVERIFY2(r.code == 0, r.err.constData());
        const std::string text = r.out.toStdString();
        CsvReader reader(text, ',');
        CsvRecord rec;
        reader.next(rec);
        std::set<std::string> guarded;
        while (reader.next(rec)) {
            for (std::string_view f : rec.fields) {
                QVERIFY2(!mbtest::spreadsheetEvaluates(f), qPrintable("live formula in a cell: " + mbtest::visible(f)));
                for (const auto &[name, formula] : mbtest::formulaTexts())
                    if (mbtest::guards(f, formula)) guarded.insert(name);
            }
            for (int c : numeric) {
                bool ok = false;
                QString::fromStdString(std::string(rec.fields[size_t(c)])).toDouble(&ok);
                QVERIFY2(ok, qPrintable("not a number in column " + QString::number(c) + ": " + mbtest::visible(rec.fields[size_t(c)])));
            }
        }
        QCOMPARE(guarded.size(), mbtest::formulaTexts().size());
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_clioutputs.moc"
