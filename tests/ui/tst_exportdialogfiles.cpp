// File ▸ Export… for the store platforms, offscreen: the links update goes to the file field, new products
// (bundles) to the new-products field beside it (derived from the first name until edited), the store
// options reach the writer, and the confirmation lists each file written with its rows and every note.
// What the files must hold comes from the same core calls in this process, so the test holds whatever the
// platform writers write. MB_SCREENSHOT_DIR keeps a picture of the dialog.
#include "storefields.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include "core/bundles/bundleexchange.h"
#include "core/bundles/exportfiles.h"
#include "ui/bundles/exportdialog.h"

#include <QCheckBox>
#include <QDir>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QLineEdit>

using namespace mb;

class TestExportDialogFiles : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    WorkspaceDocument *doc = nullptr;
    mbtest::RecordingPresenter messages;

    struct Expected {
        std::string links, created;
        std::vector<std::string> notes;
    };
    Expected expected(ExportFormat f, bool foreign, bool replace)
    {
        ExportOptions o;
        o.includeForeign = foreign;
        o.replaceLinks = replace;
        o.bundles = f != ExportFormat::Shopify;  // the dialog's Bundles box is off (and unticked) for Shopify
        Expected e;
        e.links = writeExport(f, collectExportData(*doc->workspace(), *doc->snapshot(), o), o, &e.notes, &e.created);
        return e;
    }
    QCheckBox *box(ExportDialog &d, const QString &text)
    {
        for (QCheckBox *b : d.findChildren<QCheckBox *>())
            if (b->text().startsWith(text)) return b;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The export folder is remembered in the settings: the test's own, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MerchbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_exportdialogfiles"));
        QSettings().remove(QStringLiteral("export/folder"));
        const QString path = mbtest::makeDemo(dir);
        // The store sells everything but the printers, which came from elsewhere.
        std::string error;
        QVERIFY2(mbtest::markFromStore(path, "magento", [](const std::string &sku) { return sku.rfind("PRN-", 0) != 0; }, error),
                 error.c_str());
        doc = new WorkspaceDocument(this);
        doc->setMessages(&messages);
        QString err;
        WorkspaceError kind;
        QVERIFY2(doc->open(path, err, kind), qPrintable(err));
        QVERIFY(mbtest::waitLoaded(doc));
    }

    void theNewProductsNameFollowsTheFileUntilEdited()
    {
        ExportDialog d(doc);
        d.setFormat(QStringLiteral("magento"));
        auto *file = d.findChildren<QLineEdit *>().value(0);
        QVERIFY(file);
        file->setText(dir.filePath(QStringLiteral("shop.csv")));
        QCOMPARE(d.createdPath(), dir.filePath(QStringLiteral("shop-new-products.csv")));
        // The store options exist, and "replace links" only for Magento.
        QCheckBox *foreign = box(d, QStringLiteral("Also write products not imported from this store"));
        QCheckBox *replace = box(d, QStringLiteral("Replace links (clear each link type before setting it)"));
        QVERIFY(foreign && replace);
        QVERIFY(foreign->isEnabled() && replace->isEnabled());
        d.setFormat(QStringLiteral("woocommerce"));
        QVERIFY(foreign->isEnabled() && !replace->isEnabled());
        d.setFormat(QStringLiteral("json"));
        QVERIFY(!foreign->isEnabled());
        d.setFormat(QStringLiteral("magento"));
        // A name typed by the user stays when the first file changes.
        auto *created = d.findChildren<QLineEdit *>().value(1);
        QVERIFY(created);
        created->clear();
        QTest::keyClicks(created, dir.filePath(QStringLiteral("mine.csv")));
        file->setText(dir.filePath(QStringLiteral("other.csv")));
        QCOMPARE(d.createdPath(), dir.filePath(QStringLiteral("mine.csv")));

        d.resize(d.sizeHint());
        d.show();
        QTest::qWait(50);
        QVERIFY(d.grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir.path()) + QStringLiteral("/export-dialog.png")));
    }

    void eachFormatProposesItsOwnFileAndTheFolderIsRemembered()
    {
        QSettings().remove(QStringLiteral("export/folder"));
        ExportDialog d(doc);
        auto *file = d.findChildren<QLineEdit *>().value(0);
        QVERIFY(file);
        const QString workspaceFolder = QFileInfo(doc->path()).absolutePath();
        QSet<QString> names;
        for (const char *format : {"json", "csv", "woocommerce", "magento", "shopify"}) {
            d.setFormat(QString::fromLatin1(format));
            QCOMPARE(QFileInfo(file->text()).absolutePath(), workspaceFolder);
            names << QFileInfo(file->text()).fileName();
        }
        QCOMPARE(names.size(), 5);  // a WooCommerce export does not overwrite a Magento one
        // Shopify's CSV holds no bundles: the box is off and says so by being unticked; it comes back ticked.
        QCheckBox *bundles = box(d, QStringLiteral("Bundles"));
        QVERIFY(bundles);
        d.setFormat(QStringLiteral("shopify"));
        QVERIFY(!bundles->isEnabled() && !bundles->isChecked());
        d.setFormat(QStringLiteral("json"));
        QVERIFY(bundles->isEnabled() && bundles->isChecked());
        // A name the user typed keeps its name across formats, with the format's suffix.
        file->clear();
        QTest::keyClicks(file, dir.filePath(QStringLiteral("mine.json")));
        d.setFormat(QStringLiteral("csv"));
        QCOMPARE(file->text(), dir.filePath(QStringLiteral("mine.csv")));
        // Exported with the Export button into another folder: the next export proposes that folder.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("out")));
        file->setText(dir.filePath(QStringLiteral("out/mine.csv")));
        d.accept();
        QTRY_COMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("out/mine.csv"))));
        QVERIFY2(messages.infos.last().contains(QStringLiteral("mine.csv")), qPrintable(messages.infos.join('\n')));
        ExportDialog again(doc);
        QCOMPARE(QFileInfo(again.findChildren<QLineEdit *>().value(0)->text()).absolutePath(), QDir(dir.filePath(QStringLiteral("out"))).absolutePath());
        QSettings().remove(QStringLiteral("export/folder"));
    }

    void aFreeTierIsExportedOnlyWhenConfirmed()
    {
        const Bundle *b = nullptr;
        for (const Bundle &x : doc->bundles())
            if (x.name == "Mirrorless starter kit") b = &x;
        QVERIFY(b);
        const std::optional<Bundle> saved = *b;
        std::optional<Bundle> free = *b;
        free->tiers[1].pricing = TierPricing::Fixed;
        free->tiers[1].fixedPrice = 0;
        QVERIFY(doc->changeBundle(saved, free));
        ExportDialog d(doc);
        d.setFormat(QStringLiteral("json"));
        const QString path = dir.filePath(QStringLiteral("free.json"));
        d.findChildren<QLineEdit *>().value(0)->setText(path);
        messages.questions.clear();
        messages.answer = false;
        d.accept();
        QCOMPARE(messages.questions.size(), 1);
        QVERIFY2(messages.questions.front().contains(QStringLiteral("Mirrorless starter kit › ")), qPrintable(messages.questions.front()));
        QVERIFY(d.isEnabled());          // nothing started
        QVERIFY(!QFile::exists(path));
        messages.answer = true;
        d.accept();
        QTRY_COMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(QFile::exists(path));
        std::optional<Bundle> back = saved;
        QVERIFY(doc->changeBundle(free, back));
    }

    void writesBothFilesAndListsThemWithTheirRows_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("foreign");
        QTest::addColumn<bool>("replace");
        QTest::newRow("magento") << "magento" << false << false;
        QTest::newRow("magento, replace links, foreign too") << "magento" << true << true;
        QTest::newRow("woocommerce, foreign too") << "woocommerce" << true << false;
        QTest::newRow("shopify") << "shopify" << false << false;
    }
    void writesBothFilesAndListsThemWithTheirRows()
    {
        QFETCH(QString, format);
        QFETCH(bool, foreign);
        QFETCH(bool, replace);
        const ExportFormat f = *exportFormatFromName(format.toStdString());
        const Expected e = expected(f, foreign, replace);
        ExportDialog d(doc);
        d.setFormat(format);
        d.setIncludeForeign(foreign);
        d.setReplaceLinks(replace);
        const QString links = dir.filePath(QStringLiteral("%1-%2-%3.csv").arg(format).arg(foreign).arg(replace));
        const QString created = QString::fromStdString(createdFileName(links.toStdString()));
        messages.infos.clear();
        d.findChildren<QLineEdit *>().value(0)->setText(links);
        d.accept();   // the Export button: writes on the app's pool, then confirms
        QVERIFY(!d.isEnabled());  // waiting for the files, the window still painting
        QVERIFY(mbtest::waitUntil([&] { return !messages.infos.isEmpty() || !messages.errors.isEmpty(); }));
        QVERIFY(d.isEnabled());
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        QCOMPARE(mbtest::readAll(links), QByteArray::fromStdString(e.links));
        QCOMPARE(QFile::exists(created), !e.created.empty());
        if (!e.created.empty()) QCOMPARE(mbtest::readAll(created), QByteArray::fromStdString(e.created));
        // One confirmation: each file with its rows, then what was left out or cannot be held.
        QCOMPARE(messages.infos.size(), 1);
        const QString text = messages.infos.front();
        const QLocale locale;
        QVERIFY2(text.contains(QStringLiteral("Wrote %1: %2 row").arg(links, locale.toString(exportRowCount(f, e.links)))), qPrintable(text));
        if (!e.created.empty())
            QVERIFY2(text.contains(QStringLiteral("Wrote %1: %2 row").arg(created, locale.toString(exportRowCount(f, e.created)))), qPrintable(text));
        else
            QVERIFY2(text.contains(QStringLiteral("No new products: %1 was not written").arg(created)), qPrintable(text));
        for (const std::string &n : e.notes) QVERIFY2(text.contains(QString::fromStdString(n)), qPrintable(text));
    }

    void theSameFileTwiceIsRefused()
    {
        ExportDialog d(doc);
        d.setFormat(QStringLiteral("magento"));
        const QString path = dir.filePath(QStringLiteral("same.csv"));
        d.findChildren<QLineEdit *>().value(0)->setText(path);
        auto *created = d.findChildren<QLineEdit *>().value(1);
        created->clear();
        QTest::keyClicks(created, path);
        QString error;
        QVERIFY(!d.exportNow(error));
        QVERIFY2(error.contains(QStringLiteral("must differ")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestExportDialogFiles)
#include "tst_exportdialogfiles.moc"
