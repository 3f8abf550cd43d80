// `merchbench-cli demo --scale N` as a script uses it: the store goes into a new workspace and/or a CSV that
// `import orders` reads back into the same orders and lines; sizes like 20K parse, bad options are refused
// with a message that names them, and nothing is written then.
#include "clirunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mbtest::cli;
using Result = mbtest::CliResult;

namespace {

QJsonObject info(const QString &ws)
{
    const Result r = cli({"--workspace", ws, "--json", "info"});
    if (r.code != 0) return {};
    return QJsonDocument::fromJson(r.out).object();
}

}  // namespace

class tst_ScaleDemoCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workspaceAndCsvHoldTheSameStore()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath("scale.merchbench"), csv = dir.filePath("scale.csv");
        const Result r = cli({"--workspace", ws, "--json", "demo", "--scale", "20K", "--products", "1000", "--customers", "300", "--csv", csv});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject made = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(made.value("orderLines").toInt(), 20000);
        QCOMPARE(made.value("products").toInt(), 1000);
        QVERIFY(!QFile::exists(csv + ".tmp"));
        const QJsonObject direct = info(ws);
        QVERIFY(direct.value("orderLines").toInt() >= 20000 && direct.value("orderLines").toInt() < 20005);
        QCOMPARE(direct.value("products").toInt(), 1000);
        QCOMPARE(direct.value("orders").toInt(), made.value("orders").toInt());

        const QString imported = dir.filePath("imported.merchbench");
        QCOMPARE(cli({"--workspace", imported, "init"}).code, 0);
        const Result imp = cli({"--workspace", imported, "import", "orders", csv});
        QVERIFY2(imp.code == 0, imp.err.constData());
        const QJsonObject back = info(imported);
        for (const char *key : {"orders", "orderLines", "customers", "baskets", "itemsInBaskets"})
            QVERIFY2(back.value(key).toInt() == direct.value(key).toInt(), key);
    }

    void refusesBadOptions()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath("x.merchbench");
        for (const QStringList &args : {QStringList{"demo", "--scale", "5X"}, QStringList{"demo", "--scale", "0"},
                                        QStringList{"demo", "--scale", "1M", "--products", "10"}, QStringList{"demo", "--csv", "x.csv"}}) {
            const Result r = cli(QStringList{"--workspace", ws} + args);
            QVERIFY2(r.code == 1, qPrintable(args.join(' ')));
            QVERIFY2(r.err.contains("--scale") || r.err.contains("--products"), r.err.constData());
            QVERIFY(!QFile::exists(ws));
        }
        const Result none = cli({"demo", "--scale", "20K"});  // nowhere to write
        QCOMPARE(none.code, 1);
        QVERIFY(none.err.contains("--workspace FILE, --csv FILE or both"));
    }
};

QTEST_GUILESS_MAIN(tst_ScaleDemoCli)
#include "tst_scaledemocli.moc"
