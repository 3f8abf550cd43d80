// Placement policies are the document's (issue #12): a policy edit goes through
// WorkspaceDocument::setPolicyValue, is saved at once (read back through loadPolicies), patches the
// document's PolicySet, says which key changed, and undoes and redoes through the same path with no
// reload; typing in one key merges into one undo step, and typing back to the first value leaves nothing;
// a value the key does not take, or a read-only workspace, leaves no undo entry and says why.
#include "uitestsupport.h"

#include "ui/preview/previewcommands.h"
#include "ui/workspacedocument.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace mb;

namespace {

PolicySet stored(const WorkspaceDocument &doc)
{
    PolicySet set = defaultPolicies();
    std::string error;
    if (!loadPolicies(*doc.workspace(), set, error)) qWarning("loadPolicies: %s", error.c_str());
    return set;
}

}  // namespace

class TestPolicyEdits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(fx_.open(error), qPrintable(error));
    }
    // No edit may reload the order history: only imports and changes made elsewhere do.
    void cleanup() { QCOMPARE(fx_.close(), 0); }

    void editUndoRedo()
    {
        WorkspaceDocument &doc = *fx_.doc;
        QSignalSpy changed(&doc, &WorkspaceDocument::policyChanged);
        QCOMPARE(doc.policies()[size_t(Placement::Cart)].slots, stored(doc)[size_t(Placement::Cart)].slots);
        const std::string was = policyValue(doc.policies()[size_t(Placement::Cart)], "slots");
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::Cart, "slots", was, "3"));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.policies()[size_t(Placement::Cart)].slots, 3);
        QCOMPARE(stored(doc)[size_t(Placement::Cart)].slots, 3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<Placement>(), Placement::Cart);
        QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("slots"));
        QCOMPARE(changed.at(0).at(2).toString(), QStringLiteral("3"));

        doc.undoStack()->undo();
        QCOMPARE(policyValue(doc.policies()[size_t(Placement::Cart)], "slots"), was);
        QCOMPARE(policyValue(stored(doc)[size_t(Placement::Cart)], "slots"), was);
        QCOMPARE(changed.count(), 2);
        doc.undoStack()->redo();
        QCOMPARE(doc.policies()[size_t(Placement::Cart)].slots, 3);
        QCOMPARE(stored(doc)[size_t(Placement::Cart)].slots, 3);
        // The other placements are untouched.
        QCOMPARE(doc.policies()[size_t(Placement::Checkout)].slots, defaultPolicy(Placement::Checkout).slots);
        QCOMPARE(fx_.failures->count(), 0);
    }

    void typingMergesAndTypingBackLeavesNothing()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const std::string was = policyValue(doc.policies()[size_t(Placement::Cart)], "free-shipping-threshold");
        // Typing "49.5" in a field: one command per keystroke, one undo step.
        std::string before = was;
        for (const char *typed : {"4", "49", "49.5"}) {
            doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::Cart, "free-shipping-threshold", before, typed));
            before = policyValue(doc.policies()[size_t(Placement::Cart)], "free-shipping-threshold");
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.policies()[size_t(Placement::Cart)].freeShippingThreshold, 49.5);
        QCOMPARE(stored(doc)[size_t(Placement::Cart)].freeShippingThreshold, 49.5);
        QVERIFY(doc.undoStack()->text(0).contains(QLatin1String("49.5")));
        // Another key is another step.
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::Cart, "slots",
                                                        policyValue(doc.policies()[size_t(Placement::Cart)], "slots"), "2"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(policyValue(stored(doc)[size_t(Placement::Cart)], "free-shipping-threshold"), was);
        QCOMPARE(doc.undoStack()->index(), 0);

        // Spin box steps up and back down to where they started: nothing left to undo.
        doc.undoStack()->clear();
        const std::string slots = policyValue(doc.policies()[size_t(Placement::ProductPage)], "slots");
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::ProductPage, "slots", slots, "7"));
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::ProductPage, "slots", "7", "8"));
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::ProductPage, "slots", "8", slots));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(policyValue(doc.policies()[size_t(Placement::ProductPage)], "slots"), slots);
        QCOMPARE(policyValue(stored(doc)[size_t(Placement::ProductPage)], "slots"), slots);
        QCOMPARE(fx_.failures->count(), 0);
    }

    void invalidValueLeavesNoEntryAndSaysWhy()
    {
        WorkspaceDocument &doc = *fx_.doc;
        const PolicySet before = doc.policies();
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::Cart, "slots", policyValue(before[size_t(Placement::Cart)], "slots"), "99"));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(fx_.failures->count(), 1);
        QVERIFY2(fx_.failures->at(0).at(0).toString().contains(QLatin1String("slots")), qPrintable(fx_.failures->at(0).at(0).toString()));
        QCOMPARE(doc.policies()[size_t(Placement::Cart)].slots, before[size_t(Placement::Cart)].slots);
        QCOMPARE(stored(doc)[size_t(Placement::Cart)].slots, before[size_t(Placement::Cart)].slots);
    }

    void readOnlyWorkspaceLeavesNoEntryAndSaysWhy()
    {
        const QString path = fx_.doc->path();
        fx_.doc->close();
        WorkspaceDocument &doc = *fx_.doc;
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc.open(path, error, kind, /*readOnly*/ true), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc));
        fx_.expectReload = true;
        const int slots = doc.policies()[size_t(Placement::Cart)].slots;
        doc.undoStack()->push(new SetPolicyValueCommand(&doc, Placement::Cart, "slots", std::to_string(slots), "2"));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(fx_.failures->count(), 1);
        const QString said = fx_.failures->at(0).at(0).toString();
        QVERIFY2(said.contains(QLatin1String("slots")) && said.contains(QLatin1String("read")), qPrintable(said));
        QCOMPARE(doc.policies()[size_t(Placement::Cart)].slots, slots);
    }

private:
    mbtest::EditFixture fx_;
};

QTEST_MAIN(TestPolicyEdits)
#include "tst_policyedits.moc"
