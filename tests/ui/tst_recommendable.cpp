// The one-click non-merchandise rule from the Catalog: one undo step that marks postage and vouchers not
// recommendable, and undo gives them back.
#include "uitestsupport.h"

#include "core/storage/relationstore.h"
#include "core/storage/statement.h"
#include "ui/catalog/recommendablecommand.h"
#include "ui/workspacedocument.h"

#include <QUndoStack>
#include <QtTest>

using namespace mb;

class TestRecommendable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markNonMerchandiseUndoRedo()
    {
        QTemporaryDir dir;
        WorkspaceDocument doc;
        QString error;
        QVERIFY2(mbtest::openDemo(doc, dir, error), qPrintable(error));
        auto recommendable = [&](const char *sku) {
            Statement s(doc.workspace()->db(), "SELECT recommendable FROM products WHERE sku = ?1");
            s.bind(1, std::string_view(sku));
            return s.step() && s.int64(0) == 1;
        };
        // The demo already applied the rule to its own fees; give them back to test the command from scratch.
        std::vector<int64_t> fees;
        Statement all(doc.workspace()->db(), "SELECT id FROM products WHERE sku IN ('SHIP-EXPRESS', 'GIFT-CARD-25')");
        while (all.step()) fees.push_back(all.int64(0));
        std::string err;
        QVERIFY(RelationStore(*doc.workspace()).setRecommendable(fees, true, err));
        const std::vector<int64_t> found = RelationStore(*doc.workspace()).nonMerchandiseCandidates();
        QVERIFY(found.size() >= 2);
        doc.undoStack()->push(new RecommendableCommand(&doc, found, false));
        QVERIFY(!recommendable("SHIP-EXPRESS"));
        QVERIFY(!recommendable("GIFT-CARD-25"));
        QVERIFY(recommendable("CAM-MIR-110"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QVERIFY(recommendable("SHIP-EXPRESS"));
        doc.undoStack()->redo();
        QVERIFY(!recommendable("SHIP-EXPRESS"));
        QVERIFY(mbtest::waitLoaded(&doc));
        const auto snap = doc.snapshot();
        QVERIFY(!snap->products[size_t(snap->productIndex("SHIP-EXPRESS"))].recommendable);
    }
};

QTEST_MAIN(TestRecommendable)
#include "tst_recommendable.moc"
