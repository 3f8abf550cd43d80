// Data hygiene in the GUI, as the user meets it: an order import through the import dialog; the result page
// lists what may not be merchandise (DOT, POST) and the case-variant SKUs; Confirm marks them not
// recommendable in one undo step, so the Preview no longer opens on DOTCOM POSTAGE nor offers it; Undo
// gives it back; Merge joins 85123a into 85123A and Undo splits them again; Dismiss is remembered.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "ui/hygiene/hygienedialog.h"
#include "ui/hygiene/hygienepanel.h"
#include "ui/import/importdialog.h"
#include "ui/preview/placementcolumn.h"
#include "ui/preview/previewrunner.h"
#include "ui/preview/previewview.h"
#include "ui/preview/recommendationcard.h"

#include <QGroupBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace mb;

namespace {

QStringList column(const QTreeWidget *list, int c = 0)
{
    QStringList out;
    for (int i = 0; i < list->topLevelItemCount(); ++i) out << list->topLevelItem(i)->text(c);
    return out;
}

QTreeWidgetItem *row(const QTreeWidget *list, const QString &first)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == first) return list->topLevelItem(i);
    return nullptr;
}

// A click on the checkbox of a row, where the user clicks it.
void clickCheck(QTreeWidget *list, QTreeWidgetItem *item)
{
    const QRect r = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(r.left() + 12, r.center().y()));
}

}  // namespace

class TstHygienePanel : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    // 40 orders: 85123A in each; DOT, a per-order postage line of 40 to 80, in 30 of them (the revenue
    // leader, so the Preview would open on it); POST in 10; 85123a twice.
    QString ordersFile()
    {
        QByteArray csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
        for (int i = 0; i < 40; ++i) {
            const QByteArray o = QByteArray::number(5000 + i), when = "2011-0" + QByteArray::number(1 + i % 9) + "-10 10:00",
                             c = QByteArray::number(100 + i % 12);
            csv += o + ",85123A,WHITE HANGING HEART T-LIGHT HOLDER,6," + when + ",2.55," + c + ",United Kingdom\n";
            csv += o + ",2272" + QByteArray::number(i % 3) + ",CAKE TIN " + QByteArray::number(i % 3) + ",2," + when + ",4.95," + c +
                   ",United Kingdom\n";
            if (i % 4) csv += o + ",DOT,DOTCOM POSTAGE,1," + when + "," + QByteArray::number(40 + i) + "," + c + ",United Kingdom\n";
            if (i % 4 == 0) csv += o + ",POST,POSTAGE,1," + when + ",18.00," + c + ",United Kingdom\n";
            if (i == 7 || i == 21) csv += o + ",85123a,CREAM HANGING HEART T-LIGHT HOLDER,6," + when + ",2.95," + c + ",United Kingdom\n";
        }
        const QString path = dir_.filePath(QStringLiteral("orders.csv"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        f.write(csv);
        return path;
    }

    static bool recommendable(const WorkspaceDocument &doc, const char *sku)
    {
        const auto snap = doc.snapshot();
        const int32_t i = snap->productIndex(sku);
        return i >= 0 && snap->products[size_t(i)].recommendable;
    }

    // Confirmed as non-merchandise, in the document's snapshot and in the workspace: mining leaves it out.
    static bool nonMerchandise(const WorkspaceDocument &doc, const char *sku)
    {
        const auto snap = doc.snapshot();
        const int32_t i = snap->productIndex(sku);
        std::string error;
        auto fresh = Snapshot::load(*doc.workspace(), error);
        const int32_t j = fresh ? fresh->productIndex(sku) : -1;
        const bool inDocument = i >= 0 && snap->products[size_t(i)].nonMerchandise;
        const bool inWorkspace = j >= 0 && fresh->products[size_t(j)].nonMerchandise;
        if (inDocument != inWorkspace) qFatal("%s: the document and the workspace disagree on non-merchandise", sku);
        return inDocument;
    }

    // A Preview as the user opens it: its hero product and every SKU its columns offer for it.
    static bool openPreview(WorkspaceDocument &doc, QString &hero, QStringList &offered)
    {
        PreviewView view(&doc);
        view.resize(1400, 900);
        view.show();
        const bool built = mbtest::waitUntil([&] {
            return !doc.isLoading() && !view.isBusy() && view.runner()->current() &&
                   view.runner()->current()->snapshot == doc.snapshot() && !view.product().isEmpty();
        });
        QCoreApplication::processEvents();
        hero = view.product();
        for (Placement p : {Placement::ProductPage, Placement::Cart, Placement::Checkout, Placement::PostPurchase})
            for (RecommendationCard *c : view.column(p)->cards()) offered << c->sku();
        return built;
    }

private Q_SLOTS:
    void importThenConfirmThenUndo()
    {
        WorkspaceDocument doc;
        QString error;
        QVERIFY2(doc.create(dir_.filePath(QStringLiteral("fresh.merchbench")), error), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc));
        mbtest::RecordingPresenter messages;
        doc.setMessages(&messages);
        ImportDialog dialog(&doc, &messages);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.setFile(ordersFile(), ImportKind::Orders));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QVERIFY(dialog.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        QCOMPARE(dialog.report().status, ImportStatus::Ok);

        // The result page lists what to review, once the history is loaded.
        HygienePanel *panel = dialog.hygienePanel();
        QVERIFY(panel);
        QVERIFY(mbtest::waitUntil([&] { return !doc.isLoading() && !panel->isComputing() && !panel->isEmpty(); }));
        QCoreApplication::processEvents();
        auto *box = dialog.findChild<QGroupBox *>(QStringLiteral("hygieneBox"));
        QVERIFY(box && box->isVisible());
        QTreeWidget *proposals = panel->proposalList();
        QCOMPARE(column(proposals), QStringList({"DOT", "POST"}));
        QVERIFY2(row(proposals, "DOT")->text(5).contains(QStringLiteral("SKU DOT is a postage code")),
                 qPrintable(row(proposals, "DOT")->text(5)));
        QCOMPARE(row(proposals, "DOT")->text(3), QStringLiteral("75.0 %"));   // share of baskets
        QCOMPARE(row(proposals, "POST")->checkState(0), Qt::Checked);          // a documented rule: pre-checked
        QCOMPARE(column(panel->variantList()), QStringList({"85123A"}));
        QCOMPARE(panel->variantList()->topLevelItem(0)->text(1), QStringLiteral("85123a"));
        QVERIFY(recommendable(doc, "DOT"));
        // To look at it: MB_GRAB=DIR saves the result page as the user sees it.
        if (qEnvironmentVariableIsSet("MB_GRAB"))
            QVERIFY(dialog.grab().save(qEnvironmentVariable("MB_GRAB") + QStringLiteral("/import-hygiene.png")));

        // Before: the Preview opens on DOTCOM POSTAGE, the revenue leader.
        QString hero;
        QStringList offered;
        QVERIFY(openPreview(doc, hero, offered));
        QCOMPARE(hero, QStringLiteral("DOT"));

        // The user leaves POST for later (unchecks it) and confirms DOT.
        clickCheck(proposals, row(proposals, "POST"));
        QCOMPARE(row(proposals, "POST")->checkState(0), Qt::Unchecked);
        auto *confirm = panel->findChild<QPushButton *>(QStringLiteral("hygieneConfirm"));
        QVERIFY(confirm->isEnabled());
        QSignalSpy refreshed(panel, &HygienePanel::refreshed);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY(!recommendable(doc, "DOT"));
        QVERIFY(nonMerchandise(doc, "DOT"));  // confirmed: no basket of mining holds it
        QVERIFY(recommendable(doc, "POST"));
        QVERIFY(!nonMerchandise(doc, "POST"));
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(mbtest::waitForSignal(refreshed));
        QVERIFY(mbtest::waitUntil([&] { return !panel->isComputing(); }));
        QCOMPARE(column(proposals), QStringList({"POST"}));                   // confirmed: off the list
        QCOMPARE(row(proposals, "POST")->checkState(0), Qt::Unchecked);        // the user's choice kept

        // After: the Preview opens on the heart and offers DOT nowhere.
        offered.clear();
        QVERIFY(openPreview(doc, hero, offered));
        QCOMPARE(hero, QStringLiteral("85123A"));
        QVERIFY2(!offered.contains(QStringLiteral("DOT")), qPrintable(offered.join(',')));

        // Undo gives DOT back, and the list proposes it again.
        doc.undoStack()->undo();
        QVERIFY(recommendable(doc, "DOT"));
        QVERIFY(!nonMerchandise(doc, "DOT"));
        QVERIFY(mbtest::waitUntil([&] { return !panel->isComputing() && column(proposals).contains(QStringLiteral("DOT")); }));
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
    }

    void mergeUndoAndDismissFromTheMenuDialog()
    {
        WorkspaceDocument doc;
        QString error;
        QVERIFY2(doc.create(dir_.filePath(QStringLiteral("merge.merchbench")), error), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc));
        mbtest::RecordingPresenter messages;
        doc.setMessages(&messages);
        ImportDialog importer(&doc, &messages);
        QVERIFY(importer.setFile(ordersFile(), ImportKind::Orders));
        QSignalSpy finished(&importer, &ImportDialog::importFinished);
        QVERIFY(importer.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        QVERIFY(mbtest::waitLoaded(&doc));

        HygieneDialog dialog(&doc);
        dialog.setAttribute(Qt::WA_DeleteOnClose, false);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        HygienePanel *panel = dialog.panel();
        QVERIFY(mbtest::waitUntil([&] { return !panel->isComputing() && !panel->isEmpty(); }));
        QTreeWidget *variants = panel->variantList();
        clickCheck(variants, variants->topLevelItem(0));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("hygieneMerge")), Qt::LeftButton);
        QVERIFY(mbtest::waitLoaded(&doc));
        QCOMPARE(doc.snapshot()->productIndex("85123a"), -1);
        const int32_t heart = doc.snapshot()->productIndex("85123A");
        QCOMPARE(doc.snapshot()->basketsWith[size_t(heart)], 40u);   // its own 40 baskets, the variant's 2 among them
        QVERIFY(mbtest::waitUntil([&] { return !panel->isComputing() && variants->topLevelItemCount() == 0; }));
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Merge SKU 85123a into 85123A"));

        doc.undoStack()->undo();
        QVERIFY(mbtest::waitLoaded(&doc));
        QVERIFY(doc.snapshot()->productIndex("85123a") >= 0);
        QVERIFY(mbtest::waitUntil([&] { return !panel->isComputing() && variants->topLevelItemCount() == 1; }));

        // Dismiss POST (checked by its rule; DOT unchecked first): remembered, so a new list leaves it out.
        QTreeWidget *proposals = panel->proposalList();
        clickCheck(proposals, row(proposals, "DOT"));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("hygieneDismiss")), Qt::LeftButton);
        QVERIFY(mbtest::waitUntil([&] { return !panel->isComputing() && column(proposals) == QStringList({"DOT"}); }));
        HygienePanel again(&doc);
        QVERIFY(mbtest::waitUntil([&] { return !again.isComputing() && !again.isEmpty(); }));
        QCOMPARE(column(again.proposalList()), QStringList({"DOT"}));
        QVERIFY(recommendable(doc, "POST"));   // dismissing changes nothing else
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
    }
};

QTEST_MAIN(TstHygienePanel)
#include "tst_hygienepanel.moc"
