// The one way data changes (issue #12): every edit kind goes through a document method, is saved at once,
// patches the snapshot without reloading the order history, and undoes and redoes through the same path;
// repeated pitch edits merge and a net-zero edit leaves nothing; a failing edit leaves no undo entry and
// says why; a change made by another connection is noticed.
#include "uitestsupport.h"
#include "workspacequery.h"

#include "core/storage/relationstore.h"
#include "core/storage/statement.h"
#include "ui/catalog/recommendablecommand.h"
#include "ui/maps/mapcommands.h"
#include "ui/workspacedocument.h"

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

// The relation as the workspace file has it now (the truth an edit must have reached).
std::optional<Relation> stored(const WorkspaceDocument &doc, int64_t id) { return RelationStore(*doc.workspace()).byId(id); }

// The relation as the snapshot every view reads has it now.
const SnapshotRelation *inSnapshot(const WorkspaceDocument &doc, int64_t id)
{
    for (const SnapshotRelation &r : doc.snapshot()->relations)
        if (r.id == id) return &r;
    return nullptr;
}

Relation curated(const WorkspaceDocument &doc, const char *anchor, const char *target, RelationKind kind)
{
    Relation r;
    r.anchorId = productId(doc, anchor);
    r.targetId = productId(doc, target);
    r.kind = kind;
    return r;
}

}  // namespace

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(fx_.open(error), qPrintable(error));
    }
    // No edit may reload the order history: only imports and changes made elsewhere do.
    void cleanup() { QCOMPARE(fx_.close(), 0); }

    void addRemoveUndoRedo()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const auto history = doc.snapshot();
        QSignalSpy added(&doc, &WorkspaceDocument::relationAdded), removed(&doc, &WorkspaceDocument::relationRemoved);
        auto *add = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", "GIFT-CARD-25", RelationKind::Accessory), "GIFT-CARD-25");
        doc.undoStack()->push(add);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(added.count(), 1);
        const int64_t id = add->after()->id;
        QVERIFY(id > 0);
        QVERIFY(stored(doc, id));
        QVERIFY(inSnapshot(doc, id));
        // The edit shares the order history with the snapshot before it: nothing large was copied or read.
        QVERIFY(doc.snapshot()->orders.sharesWith(history->orders));
        QVERIFY(doc.snapshot()->lines.sharesWith(history->lines));
        QVERIFY(doc.snapshot()->products.sharesWith(history->products));
        QVERIFY(doc.snapshot()->categories.sharesWith(history->categories));
        QVERIFY(history->relations.size() + 1 == doc.snapshot()->relations.size());

        doc.undoStack()->undo();
        QCOMPARE(removed.count(), 1);
        QVERIFY(!stored(doc, id));
        QVERIFY(!inSnapshot(doc, id));
        doc.undoStack()->redo();
        // Redo restores the same row, so later commands that name it by id still find it.
        QVERIFY(stored(doc, id));
        QVERIFY(inSnapshot(doc, id));

        const Relation r = *stored(doc, id);
        doc.undoStack()->push(new RemoveRelationCommand(&doc, r, "GIFT-CARD-25"));
        QVERIFY(!stored(doc, id));
        doc.undoStack()->undo();
        QCOMPARE(stored(doc, id)->targetId, r.targetId);
        QCOMPARE(fx_.failures->count(), 0);
    }

    void pitchKindAndOrder()
    {
        WorkspaceDocument &doc = *fx_.doc;
        std::vector<int64_t> ids;
        for (const char *target : {"GIFT-CARD-25", "SHIP-EXPRESS"}) {
            auto *add = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", target, RelationKind::Enhancement), target);
            doc.undoStack()->push(add);
            ids.push_back(add->after()->id);
        }
        const Relation first = *stored(doc, ids[0]);
        QCOMPARE(first.position + 1, stored(doc, ids[1])->position);

        QSignalSpy changed(&doc, &WorkspaceDocument::relationChanged);
        doc.undoStack()->push(new EditPitchCommand(&doc, first, "Wrap it", "GIFT-CARD-25"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(stored(doc, ids[0])->pitch, std::string("Wrap it"));
        QCOMPARE(inSnapshot(doc, ids[0])->pitch, std::string("Wrap it"));
        doc.undoStack()->undo();
        QCOMPARE(stored(doc, ids[0])->pitch, first.pitch);
        doc.undoStack()->redo();

        const Relation pitched = *stored(doc, ids[0]);
        doc.undoStack()->push(new ChangeKindCommand(&doc, pitched, RelationKind::Accessory, 99, "GIFT-CARD-25"));
        QCOMPARE(stored(doc, ids[0])->kind, RelationKind::Accessory);
        QCOMPARE(inSnapshot(doc, ids[0])->kind, RelationKind::Accessory);
        doc.undoStack()->undo();
        QCOMPARE(stored(doc, ids[0])->kind, RelationKind::Enhancement);
        QCOMPARE(inSnapshot(doc, ids[0])->position, first.position);

        QSignalSpy reordered(&doc, &WorkspaceDocument::relationsReordered);
        doc.undoStack()->push(new ReorderRelationsCommand(&doc, ids, {ids[1], ids[0]}, RelationKind::Enhancement));
        QCOMPARE(reordered.count(), 1);
        QCOMPARE(stored(doc, ids[1])->position, 1);
        QCOMPARE(stored(doc, ids[0])->position, 2);
        QCOMPARE(inSnapshot(doc, ids[1])->position, 1);
        doc.undoStack()->undo();
        QCOMPARE(stored(doc, ids[0])->position, 1);
        QCOMPARE(inSnapshot(doc, ids[0])->position, 1);
        QCOMPARE(fx_.failures->count(), 0);
    }

    void undoingAReorderRestoresEveryPosition()
    {
        // X, Y, Z; Y removed (a gap at 2); Z moved above X; both undone: X, Y, Z again, at 1, 2, 3.
        WorkspaceDocument &doc = *fx_.doc;
        std::vector<Relation> xyz;
        for (const char *target : {"GIFT-CARD-25", "SHIP-EXPRESS", "COF-MAC-120"}) {
            auto *add = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", target, RelationKind::Enhancement), target);
            doc.undoStack()->push(add);
            xyz.push_back(*add->after());
        }
        auto position = [&](int i) { return stored(doc, xyz[size_t(i)].id)->position; };
        const int x = position(0), y = position(1), z = position(2);
        QVERIFY(x < y && y < z);
        doc.undoStack()->push(new RemoveRelationCommand(&doc, *stored(doc, xyz[1].id), "SHIP-EXPRESS"));
        doc.undoStack()->push(new ReorderRelationsCommand(&doc, {xyz[0].id, xyz[2].id}, {xyz[2].id, xyz[0].id}, RelationKind::Enhancement));
        QVERIFY(position(2) < position(0));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(position(0), x);
        QCOMPARE(position(1), y);
        QCOMPARE(position(2), z);
        QCOMPARE(inSnapshot(doc, xyz[2].id)->position, z);
        QCOMPARE(fx_.failures->count(), 0);
    }

    void pitchEditsMergeAndNetZeroLeavesNothing()
    {
        WorkspaceDocument &doc = *fx_.doc;
        auto *add = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", "GIFT-CARD-25", RelationKind::Accessory), "GIFT-CARD-25");
        doc.undoStack()->push(add);
        const Relation r = *add->after();
        const int before = doc.undoStack()->count();
        // Typing: each keystroke's command starts from what the previous one stored.
        doc.undoStack()->push(new EditPitchCommand(&doc, r, "W", "x"));
        doc.undoStack()->push(new EditPitchCommand(&doc, *stored(doc, r.id), "Wr", "x"));
        doc.undoStack()->push(new EditPitchCommand(&doc, *stored(doc, r.id), "Wrap", "x"));
        QCOMPARE(doc.undoStack()->count(), before + 1);
        QCOMPARE(stored(doc, r.id)->pitch, std::string("Wrap"));
        doc.undoStack()->undo();
        QCOMPARE(stored(doc, r.id)->pitch, std::string());
        doc.undoStack()->redo();
        // Back to where it started: the merged command is dropped, nothing to undo.
        doc.undoStack()->push(new EditPitchCommand(&doc, *stored(doc, r.id), "", "x"));
        QCOMPARE(doc.undoStack()->count(), before);
        QCOMPARE(stored(doc, r.id)->pitch, std::string());
        // Pitches of two different relations never merge.
        auto *other = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", "SHIP-EXPRESS", RelationKind::Accessory), "SHIP-EXPRESS");
        doc.undoStack()->push(other);
        const int n = doc.undoStack()->count();
        doc.undoStack()->push(new EditPitchCommand(&doc, *stored(doc, r.id), "a", "x"));
        doc.undoStack()->push(new EditPitchCommand(&doc, *stored(doc, other->after()->id), "b", "x"));
        QCOMPARE(doc.undoStack()->count(), n + 2);
    }

    void aFailedEditIsNotMergedIntoTheOneBefore()
    {
        WorkspaceDocument &doc = *fx_.doc;
        auto *add = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", "GIFT-CARD-25", RelationKind::Accessory), "GIFT-CARD-25");
        doc.undoStack()->push(add);
        const Relation r = *add->after();
        doc.undoStack()->push(new EditPitchCommand(&doc, r, "W", "x"));
        const int n = doc.undoStack()->count();
        // Another program removes the relation; the next keystroke's write fails.
        std::string err;
        auto other = Workspace::open(doc.path().toStdString(), err);
        QVERIFY2(other, err.c_str());
        QVERIFY(RelationStore(*other).remove(r.id, err));
        other.reset();
        Relation typed = r;
        typed.pitch = "W";
        doc.undoStack()->push(new EditPitchCommand(&doc, typed, "Wr", "x"));
        QVERIFY(fx_.failures->count() >= 1);
        // Nothing new on the stack, and the step before still says what was written: "W", not "Wr".
        QCOMPARE(doc.undoStack()->count(), n);
        const auto *top = dynamic_cast<const RelationCommand *>(doc.undoStack()->command(n - 1));
        QVERIFY(top && top->after());
        QCOMPARE(top->after()->pitch, std::string("W"));
        // The failure caught up with the other program's change.
        fx_.expectReload = true;
        QVERIFY(mbtest::waitLoaded(&doc));
        QVERIFY(!doc.checkExternalChanges());
    }

    void suggestionsAcceptRejectAndBulk()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const Relation accept = minedRelation(productId(doc, "CAM-MIR-110"), productId(doc, "GIFT-CARD-25"), RelationKind::Accessory, RelationStatus::Active);
        auto *a = new AcceptSuggestionCommand(&doc, accept.anchorId, accept.targetId, accept.kind, "GIFT-CARD-25");
        doc.undoStack()->push(a);
        QCOMPARE(stored(doc, a->after()->id)->source, RelationSource::Mined);
        auto *rj = new RejectSuggestionCommand(&doc, accept.anchorId, productId(doc, "SHIP-EXPRESS"), RelationKind::Accessory, "SHIP-EXPRESS");
        doc.undoStack()->push(rj);
        QCOMPARE(stored(doc, rj->after()->id)->status, RelationStatus::Rejected);
        QCOMPARE(inSnapshot(doc, rj->after()->id)->status, RelationStatus::Rejected);

        // Two pairs no map has yet (accepting an existing pair is refused, all or none).
        const auto snap = doc.snapshot();
        auto related = [&](uint32_t x, uint32_t y) {
            for (const SnapshotRelation &r : snap->relations)
                if (r.anchorType == EndpointType::Product && r.targetType == EndpointType::Product && uint32_t(r.anchor) == x &&
                    uint32_t(r.target) == y)
                    return true;
            return false;
        };
        std::vector<Suggestion> many;
        for (uint32_t x = 0; x < snap->products.size() && many.size() < 2; ++x)
            for (uint32_t y = uint32_t(snap->products.size()); y-- > 0 && many.size() < 2;)
                if (x != y && !related(x, y) && (many.empty() || many.back().anchor != x)) {
                    Suggestion s;
                    s.anchor = x;
                    s.target = y;
                    many.push_back(s);
                }
        QCOMPARE(many.size(), size_t(2));
        QSignalSpy bulk(&doc, &WorkspaceDocument::relationsAdded);
        auto *b = new BulkAcceptCommand(&doc, *snap, many);
        doc.undoStack()->push(b);
        QCOMPARE(bulk.count(), 1);
        const std::vector<Relation> added = b->added();
        QCOMPARE(added.size(), size_t(2));
        for (const Relation &r : added) QVERIFY(stored(doc, r.id) && inSnapshot(doc, r.id));
        doc.undoStack()->undo();
        for (const Relation &r : added) QVERIFY(!stored(doc, r.id) && !inSnapshot(doc, r.id));
        doc.undoStack()->redo();
        for (const Relation &r : added) QVERIFY(stored(doc, r.id) && inSnapshot(doc, r.id));
    }

    void recommendableInPlace()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const int64_t id = productId(doc, "CAM-MIR-110");
        const int32_t row = doc.snapshot()->productIndex("CAM-MIR-110");
        QSignalSpy rows(&doc, &WorkspaceDocument::recommendableChanged);
        doc.undoStack()->push(new RecommendableCommand(&doc, {id}, false));
        QCOMPARE(rows.count(), 1);
        QCOMPARE(rows.at(0).at(0).value<std::vector<uint32_t>>(), std::vector<uint32_t>{uint32_t(row)});
        QVERIFY(!doc.snapshot()->products[size_t(row)].recommendable);
        QCOMPARE(mbtest::scalar(*doc.workspace(), "SELECT recommendable FROM products WHERE sku = 'CAM-MIR-110'"), 0);
        doc.undoStack()->undo();
        QVERIFY(doc.snapshot()->products[size_t(row)].recommendable);
        QCOMPARE(mbtest::scalar(*doc.workspace(), "SELECT recommendable FROM products WHERE sku = 'CAM-MIR-110'"), 1);
    }

    void failingEditLeavesNoEntryAndSaysWhy()
    {
        // The same workspace opened read-only: every edit fails in SQLite.
        const QString path = fx_.doc->path();
        fx_.doc->close();
        WorkspaceDocument &doc = *fx_.doc;
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc.open(path, error, kind, true), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc));
        fx_.expectReload = true;
        QVERIFY(doc.workspace()->isReadOnly());
        const size_t relations = doc.snapshot()->relations.size();
        doc.undoStack()->push(new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", "GIFT-CARD-25", RelationKind::Accessory), "GIFT-CARD-25"));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(fx_.failures->count(), 1);
        const QString said = fx_.failures->at(0).at(0).toString();
        QVERIFY2(said.contains(QLatin1String("not changed")) && said.contains(QLatin1String("read")), qPrintable(said));
        QCOMPARE(doc.snapshot()->relations.size(), relations);
        doc.undoStack()->push(new RecommendableCommand(&doc, {productId(doc, "CAM-MIR-110")}, false));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(fx_.failures->count(), 2);
        QVERIFY(doc.snapshot()->products[size_t(doc.snapshot()->productIndex("CAM-MIR-110"))].recommendable);
    }

    void changeByAnotherConnectionIsNoticed()
    {
        WorkspaceDocument &doc = *fx_.doc;
        auto *add = new AddRelationCommand(&doc, curated(doc, "CAM-MIR-110", "GIFT-CARD-25", RelationKind::Accessory), "GIFT-CARD-25");
        doc.undoStack()->push(add);
        const Relation mine = *add->after();
        QVERIFY(!doc.checkExternalChanges());  // our own edits are not news

        // Another program (a second window, the CLI) removes it and adds one of its own.
        std::string err;
        auto other = Workspace::open(doc.path().toStdString(), err);
        QVERIFY2(other, err.c_str());
        QVERIFY(RelationStore(*other).remove(mine.id, err));
        Relation theirs = curated(doc, "CAM-MIR-110", "SHIP-EXPRESS", RelationKind::Necessity);
        QVERIFY(RelationStore(*other).add(theirs, err));
        other.reset();

        QSignalSpy elsewhere(&doc, &WorkspaceDocument::changedElsewhere);
        fx_.expectReload = true;
        QVERIFY(doc.checkExternalChanges());
        QCOMPARE(elsewhere.count(), 1);
        QVERIFY(mbtest::waitLoaded(&doc));
        // (SQLite may give theirs the id mine had: what counts is which target the snapshot holds.)
        auto holds = [&](const Relation &r) {
            const auto snap = doc.snapshot();
            for (const SnapshotRelation &x : snap->relations)
                if (x.anchor == snap->productIndex("CAM-MIR-110") && snap->products[size_t(x.target)].id == r.targetId) return true;
            return false;
        };
        QVERIFY(holds(theirs));
        QVERIFY(!holds(mine));
        QVERIFY(!doc.checkExternalChanges());

        // Editing what was removed elsewhere fails in words, and leaves nothing on the stack.
        const int n = doc.undoStack()->count();
        doc.undoStack()->push(new EditPitchCommand(&doc, mine, "Wrap it", "GIFT-CARD-25"));
        QCOMPARE(doc.undoStack()->count(), n);
        QVERIFY(fx_.failures->count() >= 1);
        const QString said = fx_.failures->last().at(0).toString();
        QVERIFY2(said.contains(QLatin1String("no longer exists")), qPrintable(said));
        // Its own undo (the add) now finds nothing to remove: said, and theirs is left alone even if it got
        // mine's id.
        const int said2 = int(fx_.failures->count());
        doc.undoStack()->undo();
        QCOMPARE(int(fx_.failures->count()), said2 + 1);
        QVERIFY(holds(theirs));
        QCOMPARE(stored(doc, theirs.id)->pitch, std::string());
    }

private:
    mbtest::EditFixture fx_;
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
