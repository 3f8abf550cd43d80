// The Bundles view on the demo store, offscreen: the demo bundles and their warning, an edit that fixes
// the warning, undo and redo, a generated bundle, and File ▸ Export… writing a file the importer reads
// (and, on a full disk, failing with the file's name while the previous file keeps its bytes).
#include "testsupport.h"
#include "tinydisk.h"
#include "uitestsupport.h"

#include "core/bundles/bundleexchange.h"
#include "core/bundles/bundlepricing.h"
#include "core/maps/relationresolver.h"
#include "core/storage/bundlestore.h"
#include "ui/bundles/bundlesview.h"
#include "ui/bundles/exportdialog.h"
#include "ui/bundles/generatebundledialog.h"
#include "ui/preview/productpicker.h"
#include "ui/bundles/tiercolumn.h"
#include "ui/workspacedocument.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTimer>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QUndoStack>

#include <cmath>

using namespace mb;

class TestBundlesView : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    WorkspaceDocument *doc = nullptr;

    static QString warnings(TierColumn *c)
    {
        QString all;
        for (QLabel *l : c->findChildren<QLabel *>()) all += l->text();
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        doc = new WorkspaceDocument(this);
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc->open(mbtest::makeDemo(dir), error, kind), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(doc));
    }

    void showsDemoBundlesAndFixesTheWarning()
    {
        BundlesView view(doc);
        view.resize(1400, 800);
        auto *list = view.findChild<QListWidget *>(QStringLiteral("bundleList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 3);
        QVERIFY(view.selectBundle(QStringLiteral("Mirrorless starter kit")));
        auto columns = view.findChildren<TierColumn *>();
        QCOMPARE(columns.size(), 3);
        std::sort(columns.begin(), columns.end(), [](TierColumn *a, TierColumn *b) { return a->index() < b->index(); });
        QVERIFY(warnings(columns[1]).contains(QStringLiteral("under the floor")));
        // MB_SCREENSHOT_DIR keeps the picture (resources/screenshots/bundles.png is made this way).
        QTest::qWait(50);
        QVERIFY(view.grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir.path()) + QStringLiteral("/bundles.png")));

        // Lower Standard's discount from 35% to 5%: the warning goes, one undo step brings it back.
        auto *discount = columns[1]->findChild<QDoubleSpinBox *>();
        QVERIFY(discount && discount->isVisibleTo(&view));
        QCOMPARE(discount->value(), 35.0);
        const int before = doc->undoStack()->count();
        discount->setValue(5);
        QTRY_VERIFY(!warnings(columns[1]).contains(QStringLiteral("under the floor")));
        QCOMPARE(doc->undoStack()->count(), before + 1);
        QCOMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[1].discountPercent, 5.0);
        doc->undoStack()->undo();
        QTRY_VERIFY(warnings(columns[1]).contains(QStringLiteral("under the floor")));
        QCOMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[1].discountPercent, 35.0);
        doc->undoStack()->redo();
        QTRY_COMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[1].discountPercent, 5.0);
        doc->undoStack()->undo();
        QTRY_COMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[1].discountPercent, 35.0);
    }

    void aFixedPriceStartsAtTheTiersPriceAndZeroWarns()
    {
        BundlesView view(doc);
        view.resize(1400, 800);
        QVERIFY(view.selectBundle(QStringLiteral("Mirrorless starter kit")));
        auto columns = view.findChildren<TierColumn *>();
        std::sort(columns.begin(), columns.end(), [](TierColumn *a, TierColumn *b) { return a->index() < b->index(); });
        const Bundle before = *doc->bundle(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->id);
        const double price = priceTier(BundleCatalog(*doc->snapshot()), before.tiers[0]).price;
        QVERIFY(price > 0);
        // Switch the first tier to a fixed price: it starts at what the tier cost, not at 0.00.
        auto *pricing = columns[0]->findChild<QComboBox *>();
        QVERIFY(pricing);
        pricing->setCurrentIndex(int(TierPricing::Fixed));
        QTRY_COMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[0].pricing, TierPricing::Fixed);
        QCOMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[0].fixedPrice, std::round(price * 100) / 100);
        QVERIFY(!warnings(columns[0]).contains(QStringLiteral("give the tier away")));
        // Typed down to 0: the tier says it would be given away.
        auto *value = columns[0]->findChild<QDoubleSpinBox *>();
        QVERIFY(value);
        value->setValue(0);
        QTRY_VERIFY(warnings(columns[0]).contains(QStringLiteral("give the tier away")));
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QTRY_COMPARE(BundleStore(*doc->workspace()).byName("Mirrorless starter kit")->tiers[0].pricing, before.tiers[0].pricing);
    }

    void generatesABundleUndoably()
    {
        BundlesView view(doc);
        QVERIFY(view.generateFor(QStringLiteral("BIK-MTB-110")));
        QTRY_COMPARE(view.findChild<QListWidget *>(QStringLiteral("bundleList"))->count(), 4);
        QVERIFY(view.currentBundleId() > 0);
        QVERIFY(BundleStore(*doc->workspace()).byId(view.currentBundleId()));
        doc->undoStack()->undo();
        QTRY_COMPARE(view.findChild<QListWidget *>(QStringLiteral("bundleList"))->count(), 3);
    }

    // "Generate from product…" asks with the product picker: part of a SKU in any case, picked from the list
    // with Down + Enter, then Generate. It once was a bare box that needed the exact, case-sensitive SKU.
    void generatesFromAProductPickedFromTheList()
    {
        BundlesView view(doc);
        view.resize(1280, 800);
        auto *list = view.findChild<QListWidget *>(QStringLiteral("bundleList"));
        const int before = list->count();
        QString picked;
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<GenerateBundleDialog *>(QApplication::activeModalWidget());
            if (!dialog) return;
            sawDialog = true;
            // The whole title shows: the dialog is wider than its title needs.
            QVERIFY(dialog->width() > dialog->fontMetrics().horizontalAdvance(dialog->windowTitle()) * 2);
            QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled());
            QTest::keyClicks(dialog->picker(), QStringLiteral("bik-mtb"));
            QAbstractItemView *popup = dialog->picker()->completer()->popup();
            QTRY_VERIFY(popup->isVisible());
            QTest::keyClick(popup, Qt::Key_Down);
            picked = popup->currentIndex().data().toString().section(QStringLiteral(" — "), 0, 0);
            QVERIFY(picked.startsWith(QLatin1String("BIK-MTB")));
            QTest::keyClick(popup, Qt::Key_Return);
            // The Enter that picked does not generate yet: the user sees what was chosen first.
            QTRY_VERIFY(ok->isEnabled());
            QVERIFY(dialog->isVisible());
            QCOMPARE(dialog->sku(), picked);
            QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("chosenAnchor"))->text().contains(picked));
            QTest::qWait(20);  // the layout takes the chosen line's height
            QVERIFY(dialog->grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir.path()) + QStringLiteral("/generate-bundle.png")));
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("generateBundle")), Qt::LeftButton);
        QVERIFY(sawDialog);
        QTRY_COMPARE(list->count(), before + 1);
        const auto stored = BundleStore(*doc->workspace()).byId(view.currentBundleId());
        QVERIFY(stored);
        const auto snap = doc->snapshot();
        QCOMPARE(stored->anchorProductId, snap->products[size_t(snap->productIndex(picked.toStdString()))].id);
        doc->undoStack()->undo();
        QTRY_COMPARE(list->count(), before);
    }

    // The dialog says before Generate what the tiers will come from: the anchor's map, or, when it has none
    // (a store imported from its history alone), that the bundle would hold the product alone.
    void generateDialogSaysWhenTheAnchorHasNoMap()
    {
        const auto snap = doc->snapshot();
        const RelationResolver resolver(*snap);
        QString mapped, unmapped;
        size_t relations = 0;
        for (size_t i = 0; i < snap->products.size() && (mapped.isEmpty() || unmapped.isEmpty()); ++i) {
            const size_t n = resolver.resolve(uint32_t(i)).size();
            QString &sku = n > 0 ? mapped : unmapped;
            if (!sku.isEmpty()) continue;
            sku = QString::fromStdString(snap->products[i].sku);
            if (n > 0) relations = n;
        }
        QVERIFY(!mapped.isEmpty() && !unmapped.isEmpty());
        GenerateBundleDialog withMap(snap, mapped);
        const QString a = withMap.findChild<QLabel *>(QStringLiteral("chosenAnchor"))->text();
        QVERIFY2(a.startsWith("The bundle will be built around " + mapped) && a.contains(QString("from its map of %1 relation").arg(relations)),
                 qPrintable(a));
        GenerateBundleDialog without(snap, unmapped);
        const QString b = without.findChild<QLabel *>(QStringLiteral("chosenAnchor"))->text();
        QVERIFY2(b.startsWith(unmapped) && b.contains("has no map yet: the bundle would hold the product alone"), qPrintable(b));
        QVERIFY(without.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());   // still the user's call
        QVERIFY(without.height() >= without.heightForWidth(without.width()));   // the longer text fits
    }

    void exportDialogWritesEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("firstLine");
        QTest::newRow("json") << "json" << "{";
        QTest::newRow("csv") << "csv" << "bundle,anchor,tier,tier_position,pricing,sku,quantity,optional,unit_price,discount_percent,tier_price";
        // The links update: the key and the link columns only (the demo store's products are not from WooCommerce,
        // so it has no rows and the notes say so).
        QTest::newRow("woocommerce") << "woocommerce" << "SKU,Upsells,Cross-sells";
        // Magento's links update: the SKU and the link columns only (docs/formats-magento.md).
        QTest::newRow("magento") << "magento" << "sku,related_skus,related_position,crosssell_skus,crosssell_position,upsell_skus,upsell_position";
        // The demo store came from no Shopify file: its products are left out (a note), the file keeps its header.
        QTest::newRow("shopify") << "shopify" << "URL handle,Title";
    }
    void exportDialogWritesEveryFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, firstLine);
        ExportDialog dialog(doc);
        dialog.setFormat(format);
        const QString path = dir.filePath(QStringLiteral("export-") + format);
        QString error;
        QStringList notes;
        QVERIFY2(dialog.exportTo(path, error, &notes), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readLine()).startsWith(firstLine));
        if (format == QLatin1String("magento")) {
            // The demo's products came from no store: the links and bundle tiers left out are said, as is the
            // import behaviour the file needs.
            QVERIFY(notes.filter(QStringLiteral("never \"Replace\"")).size() == 1);
            QVERIFY(!notes.filter(QStringLiteral("left out")).isEmpty());
        } else if (format == QLatin1String("woocommerce")) {
            QVERIFY(notes.filter(QStringLiteral("not imported from WooCommerce")).size() >= 1);
        } else if (format == QLatin1String("shopify")) {
            // The products left out are said; bundles are not asked for (the box is off for Shopify), so no
            // note says they could not be written.
            QCOMPARE(notes.size(), 1);
            QVERIFY2(notes.filter(QStringLiteral("bundle"), Qt::CaseInsensitive).isEmpty(), qPrintable(notes.join('\n')));
        } else {
            QCOMPARE(notes.size(), 0);
        }
    }

    void exportDialogOnAFullDiskKeepsThePreviousFile_data() { exportDialogWritesEveryFormat_data(); }
    void exportDialogOnAFullDiskKeepsThePreviousFile()
    {
        QFETCH(QString, format);
        MB_REQUIRE_TINY_DISK(disk);
        const QString path = disk.filePath(QStringLiteral("export-") + format);
        const QByteArray previous = "the export the store imported last week";
        QVERIFY(disk.holdAndFill(QStringLiteral("export-") + format, previous));
        const QStringList before = disk.files();
        ExportDialog dialog(doc);
        dialog.setFormat(format);
        QString error;
        QVERIFY(!dialog.exportTo(path, error, nullptr));
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(error));
        QCOMPARE(mbtest::readAll(path), previous);
        QCOMPARE(disk.files(), before);
    }
};

QTEST_MAIN(TestBundlesView)
#include "tst_bundlesview.moc"
