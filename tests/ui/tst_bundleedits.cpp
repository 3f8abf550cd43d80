// Bundles are the document's (issue #12): adding, editing a field and removing a bundle each go through
// WorkspaceDocument::changeBundle, are saved at once (read back through BundleStore), patch the
// document's list and undo and redo through the same path, with no reload; repeated edits of one field of
// one tier merge, and one merged back to its first value leaves nothing; a failing add (a read-only
// workspace) leaves no undo entry, says why on editFailed, and the view, which once read the deleted
// command after push(), neither crashes nor selects anything new. The view follows edits row by row.
#include "uitestsupport.h"

#include "core/storage/bundlestore.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpireport.h"
#include "ui/bundles/bundlecommands.h"
#include "ui/bundles/bundlesview.h"
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/uiresources.h"
#include "ui/workspacedocument.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace mb;

namespace {

int64_t productId(const WorkspaceDocument &doc, const char *sku)
{
    const auto snap = doc.snapshot();
    const int32_t i = snap->productIndex(sku);
    return i < 0 ? 0 : snap->products[size_t(i)].id;
}

const Bundle *named(const WorkspaceDocument &doc, const std::string &name)
{
    for (const Bundle &b : doc.bundles())
        if (b.name == name) return &b;
    return nullptr;
}

// The bundle as the workspace file has it now (the truth an edit must have reached).
std::optional<Bundle> stored(const WorkspaceDocument &doc, int64_t id) { return BundleStore(*doc.workspace()).byId(id); }

Bundle smallBundle(const WorkspaceDocument &doc, const std::string &name)
{
    Bundle b;
    b.name = name;
    b.anchorProductId = productId(doc, "CAM-MIR-110");
    BundleTier t;
    t.name = "Basic";
    t.items.push_back({productId(doc, "CAM-MIR-110"), 1, false});
    t.items.push_back({productId(doc, "GIFT-CARD-25"), 2, true});
    b.tiers.push_back(t);
    return b;
}

// The view's list as names, in order.
QStringList rows(const QListWidget *list)
{
    QStringList out;
    for (int r = 0; r < list->count(); ++r) out << list->item(r)->text();
    return out;
}

}  // namespace

class TestBundleEdits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(fx_.open(error), qPrintable(error));
    }
    // No edit may reload the order history: only imports and changes made elsewhere do.
    void cleanup() { QCOMPARE(fx_.close(), 0); }

    void loadedWithTheSnapshot()
    {
        const WorkspaceDocument &doc = *fx_.doc;
        const std::vector<Bundle> all = BundleStore(*doc.workspace()).all();
        QCOMPARE(doc.bundles().size(), size_t(3));
        QCOMPARE(doc.bundles().size(), all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(doc.bundles()[i].id, all[i].id);
            QVERIFY(doc.bundles()[i].sameContent(all[i]));
        }
    }

    void addUndoRedo()
    {
        WorkspaceDocument &doc = *fx_.doc;
        QSignalSpy added(&doc, &WorkspaceDocument::bundleAdded), removed(&doc, &WorkspaceDocument::bundleRemoved);
        auto *add = new AddBundleCommand(&doc, smallBundle(doc, "A small kit"));
        doc.undoStack()->push(add);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(added.count(), 1);
        const Bundle mine = added.at(0).at(0).value<Bundle>();
        QVERIFY(mine.id > 0);
        QVERIFY(named(doc, "A small kit"));
        QCOMPARE(named(doc, "A small kit")->id, mine.id);
        QVERIFY(stored(doc, mine.id) && stored(doc, mine.id)->sameContent(mine));
        QCOMPARE(doc.bundles().size(), size_t(4));
        // Kept by name, as BundleStore::all() gives them.
        QVERIFY(std::is_sorted(doc.bundles().begin(), doc.bundles().end(), [](const Bundle &a, const Bundle &b) { return a.name < b.name; }));

        doc.undoStack()->undo();
        QCOMPARE(removed.count(), 1);
        QVERIFY(!named(doc, "A small kit"));
        QVERIFY(!stored(doc, mine.id));
        doc.undoStack()->redo();
        QCOMPARE(added.count(), 2);
        QCOMPARE(named(doc, "A small kit")->id, mine.id);  // the same row comes back
        QVERIFY(stored(doc, mine.id) && stored(doc, mine.id)->sameContent(mine));
        QCOMPARE(fx_.failures->count(), 0);
    }

    void editOfOneFieldMergesAndUndoes()
    {
        WorkspaceDocument &doc = *fx_.doc;
        QSignalSpy changed(&doc, &WorkspaceDocument::bundleChanged);
        const Bundle original = *named(doc, "Mirrorless starter kit");
        QCOMPARE(original.tiers[1].discountPercent, 35.0);
        // The view's merge key: field 2 (price) of tier 1, as TierColumn makes it.
        auto discount = [&](size_t tier, double percent, int key) {
            const Bundle before = *named(doc, "Mirrorless starter kit");
            Bundle after = before;
            after.tiers[tier].pricing = TierPricing::Discount;
            after.tiers[tier].discountPercent = percent;
            doc.undoStack()->push(new EditBundleCommand(&doc, before, after, QStringLiteral("Change price"), key));
        };
        const int start = doc.undoStack()->count();
        discount(1, 30, 21);
        discount(1, 25, 21);
        discount(1, 20, 21);  // spin box steps: one undo step
        QCOMPARE(doc.undoStack()->count(), start + 1);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(named(doc, "Mirrorless starter kit")->tiers[1].discountPercent, 20.0);
        QCOMPARE(stored(doc, original.id)->tiers[1].discountPercent, 20.0);
        discount(0, 10, 20);  // the same field of another tier: its own step
        QCOMPARE(doc.undoStack()->count(), start + 2);

        doc.undoStack()->undo();
        QCOMPARE(stored(doc, original.id)->tiers[0], original.tiers[0]);
        QCOMPARE(named(doc, "Mirrorless starter kit")->tiers[0], original.tiers[0]);
        doc.undoStack()->undo();
        QCOMPARE(named(doc, "Mirrorless starter kit")->tiers[1].discountPercent, 35.0);
        QVERIFY(stored(doc, original.id)->sameContent(original));
        doc.undoStack()->redo();
        QCOMPARE(stored(doc, original.id)->tiers[1].discountPercent, 20.0);
        QCOMPARE(named(doc, "Mirrorless starter kit")->tiers[1].discountPercent, 20.0);
        doc.undoStack()->undo();
        QVERIFY(named(doc, "Mirrorless starter kit")->sameContent(original));
        QCOMPARE(fx_.failures->count(), 0);
    }

    void netZeroEditLeavesNothing()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const Bundle original = *named(doc, "Mirrorless starter kit");
        const int start = doc.undoStack()->count();
        Bundle typed = original;
        typed.tiers[1].discountPercent = 12;
        doc.undoStack()->push(new EditBundleCommand(&doc, original, typed, QStringLiteral("Change price"), 21));
        QCOMPARE(doc.undoStack()->count(), start + 1);
        doc.undoStack()->push(new EditBundleCommand(&doc, typed, original, QStringLiteral("Change price"), 21));
        QCOMPARE(doc.undoStack()->count(), start);
        QVERIFY(stored(doc, original.id)->sameContent(original));
        QVERIFY(named(doc, "Mirrorless starter kit")->sameContent(original));
    }

    void removeUndoRedo()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const Bundle original = *named(doc, "City commuter set");
        doc.undoStack()->push(new RemoveBundleCommand(&doc, original));
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(!named(doc, "City commuter set"));
        QVERIFY(!stored(doc, original.id));
        doc.undoStack()->undo();
        QCOMPARE(named(doc, "City commuter set")->id, original.id);
        QVERIFY(stored(doc, original.id) && stored(doc, original.id)->sameContent(original));
        doc.undoStack()->redo();
        QVERIFY(!stored(doc, original.id));
        QCOMPARE(doc.bundles().size(), size_t(2));
    }

    void viewFollowsEditsRowByRowAndKeepsTheSelection()
    {
        WorkspaceDocument &doc = *fx_.doc;
        BundlesView view(&doc);
        auto *list = view.findChild<QListWidget *>(QStringLiteral("bundleList"));
        QVERIFY(list);
        QSignalSpy resets(list->model(), &QAbstractItemModel::modelReset);
        QVERIFY(view.selectBundle(QStringLiteral("Espresso at home")));
        const int64_t espresso = view.currentBundleId();
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Espresso at home"));

        // Rename it: the row moves to its place by name and stays selected; undo and redo too.
        Bundle renamed = *doc.bundle(espresso);
        renamed.name = "Aaa espresso";
        doc.undoStack()->push(new EditBundleCommand(&doc, *doc.bundle(espresso), renamed, QStringLiteral("Rename bundle"), 0));
        QCOMPARE(rows(list).first(), QStringLiteral("Aaa espresso"));
        QCOMPARE(view.currentBundleId(), espresso);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Aaa espresso"));
        doc.undoStack()->undo();
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Espresso at home"));
        QCOMPARE(view.currentBundleId(), espresso);

        // Generating selects the new bundle (its id from bundleAdded, never from the pushed command).
        QVERIFY(view.generateFor(QStringLiteral("BIK-MTB-110")));
        const int64_t generated = view.currentBundleId();
        QVERIFY(generated != espresso && doc.bundle(generated));
        QCOMPARE(list->count(), 4);
        QCOMPARE(list->currentItem()->data(Qt::DisplayRole).toString(), QString::fromStdString(doc.bundle(generated)->name));
        doc.undoStack()->undo();
        QCOMPARE(list->count(), 3);
        QVERIFY(view.currentBundleId() != generated);

        // Deleting the selected one and undoing it brings it back selected.
        QVERIFY(view.selectBundle(QStringLiteral("Espresso at home")));
        doc.undoStack()->push(new RemoveBundleCommand(&doc, *doc.bundle(espresso)));
        QCOMPARE(list->count(), 2);
        QVERIFY(view.currentBundleId() != espresso);
        doc.undoStack()->undo();
        QCOMPARE(list->count(), 3);
        QCOMPARE(view.currentBundleId(), espresso);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Espresso at home"));
        QCOMPARE(rows(list), (QStringList{QStringLiteral("City commuter set"), QStringLiteral("Espresso at home"), QStringLiteral("Mirrorless starter kit")}));
        QCOMPARE(resets.count(), 0);
    }

    void dashboardTakeRatesFollowWithoutReload()
    {
        initUiResources();
        WorkspaceDocument &doc = *fx_.doc;
        DashboardView view(&doc);
        auto ready = [&view] { return view.report() && !view.isComputing(); };
        QVERIFY(mbtest::waitUntil(ready));
        ChartCard *card = nullptr;
        for (ChartCard *c : view.cards())
            if (c->title().startsWith(QStringLiteral("Bundle take rate"))) card = c;
        QVERIFY(card);
        // What a full read of the workspace gives now: the figures the dashboard must reach without one.
        auto expectedTiers = [&] {
            std::string error;
            auto ctx = loadKpiContext(*doc.workspace(), error);
            return ctx ? int(computeKpiReport(*ctx, view.filter())->bundles.tiers.size()) : -1;
        };
        const int before = card->model()->rowCount();
        QCOMPARE(before, expectedTiers());
        QVERIFY(before > 0);
        doc.undoStack()->push(new RemoveBundleCommand(&doc, *named(doc, "Mirrorless starter kit")));
        const int after = expectedTiers();
        QVERIFY(after < before);
        QVERIFY2(mbtest::waitUntil([&] { return ready() && card->model()->rowCount() == after; }),
                 qPrintable(QString::number(card->model()->rowCount())));
        doc.undoStack()->undo();
        QVERIFY(mbtest::waitUntil([&] { return ready() && card->model()->rowCount() == before; }));
        QCOMPARE(view.report()->bundles.tiers.size(), size_t(before));
    }

    void failingAddLeavesNoEntryAndSaysWhy()
    {
        // The same workspace opened read-only: every write fails in SQLite.
        const QString path = fx_.doc->path();
        fx_.doc->close();
        WorkspaceDocument &doc = *fx_.doc;
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc.open(path, error, kind, /*readOnly*/ true), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc));
        fx_.expectReload = true;
        QVERIFY(doc.workspace()->isReadOnly());
        QCOMPARE(doc.bundles().size(), size_t(3));

        // Through the view: push() deletes the failed command; the view must not read it afterwards.
        BundlesView view(&doc);
        auto *list = view.findChild<QListWidget *>(QStringLiteral("bundleList"));
        const int64_t selected = view.currentBundleId();
        QVERIFY(selected > 0);
        QVERIFY(!view.generateFor(QStringLiteral("BIK-MTB-110")));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(fx_.failures->count(), 1);
        const QString said = fx_.failures->at(0).at(0).toString();
        QVERIFY2(said.contains(QLatin1String("not created")) && said.contains(QLatin1String("read")), qPrintable(said));
        QCOMPARE(view.currentBundleId(), selected);
        QCOMPARE(list->count(), 3);
        QCOMPARE(doc.bundles().size(), size_t(3));

        // An edit and a removal fail the same way, and leave the document's list as the file has it.
        const Bundle original = *named(doc, "Mirrorless starter kit");
        Bundle after = original;
        after.tiers[1].discountPercent = 5;
        doc.undoStack()->push(new EditBundleCommand(&doc, original, after, QStringLiteral("Change price"), 21));
        doc.undoStack()->push(new RemoveBundleCommand(&doc, original));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(fx_.failures->count(), 3);
        QVERIFY(named(doc, "Mirrorless starter kit")->sameContent(original));
        QVERIFY(stored(doc, original.id)->sameContent(original));
    }

private:
    mbtest::EditFixture fx_;
};

QTEST_MAIN(TestBundleEdits)
#include "tst_bundleedits.moc"
