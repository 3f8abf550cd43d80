// The Maps view on the demo store, offscreen: an anchor's own and inherited relations, every kind of edit
// applied, undone and redone with the workspace checked through RelationStore after each step, pitch
// edits merging into one undo step, suggestions accepted, rejected and bulk-accepted, the pair browser's
// filters, the stale banner after an import, and every model under QAbstractItemModelTester.
#include "uitestsupport.h"

#include "core/storage/relationstore.h"
#include "core/mining/minedresults.h"
#include "core/storage/importer.h"
#include "ui/maps/anchorlistmodel.h"
#include "ui/maps/bulkacceptdialog.h"
#include "ui/maps/mapsview.h"
#include "ui/maps/miningrunner.h"
#include "ui/maps/pairbrowser.h"
#include "ui/maps/pairtablemodel.h"
#include "ui/maps/relationsmodel.h"
#include "ui/maps/relationspanel.h"
#include "ui/maps/suggestionsmodel.h"
#include "ui/maps/suggestionspanel.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QDoubleSpinBox>
#include <QMimeData>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace mb;

class TestMapsView : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    WorkspaceDocument *doc = nullptr;
    MapsView *view = nullptr;

    QUndoStack *stack() const { return doc->undoStack(); }
    RelationsModel *relations() const { return view->relations()->model(); }
    SuggestionsModel *suggestions() const { return view->suggestions()->model(); }
    const Snapshot &snap() const { return *doc->snapshot(); }
    int64_t productId(const char *sku) const { return snap().products[size_t(snap().productIndex(sku))].id; }
    int32_t productIndex(const char *sku) const { return snap().productIndex(sku); }

    // What is stored for a product anchor, as "SKU-or-category kind status pitch" in stored order.
    std::vector<Relation> stored(const char *sku) const { return RelationStore(*doc->workspace()).forAnchor(EndpointType::Product, productId(sku)); }
    std::optional<Relation> storedTo(const char *anchor, const char *target) const
    {
        for (const Relation &r : stored(anchor))
            if (r.targetType == EndpointType::Product && r.targetId == productId(target)) return r;
        return std::nullopt;
    }
    std::vector<int64_t> storedOrder(const char *sku, RelationKind kind) const
    {
        std::vector<int64_t> ids;
        for (const Relation &r : stored(sku))
            if (r.kind == kind && r.status == RelationStatus::Active) ids.push_back(r.id);
        return ids;
    }
    // Until the reload each edit asks for, and the mined results after it, are in.
    bool settle() const
    {
        return mbtest::waitUntil([this] { return !doc->isLoading() && !view->isLoading() && doc->snapshot(); });
    }
    QStringList rowsOf(RelationKind kind) const
    {
        QStringList out;
        const QModelIndex g = relations()->groupIndex(kind);
        for (int r = 0; r < relations()->rowCount(g); ++r) out << relations()->index(r, RelationsModel::Target, g).data().toString();
        return out;
    }
    int suggestionRow(const char *sku) const
    {
        for (int r = 0; r < suggestions()->rowCount(); ++r)
            if (suggestions()->index(r, SuggestionsModel::Product).data().toString().startsWith(QLatin1String(sku) + QStringLiteral(" "))) return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = dir.filePath(QStringLiteral("demo.merchbench"));
        std::string error;
        QVERIFY2(createDemoWorkspace(path.toStdString(), DemoParameters{}, error), error.c_str());
        doc = new WorkspaceDocument(this);
        QString err;
        WorkspaceError kind;
        QVERIFY2(doc->open(path, err, kind), qPrintable(err));
        QVERIFY(mbtest::waitLoaded(doc));
        view = new MapsView(doc);
        view->resize(1400, 860);
        view->show();
        QVERIFY(settle());
        // Nothing mined yet: the banner offers it; mining runs on the worker and the suggestions follow.
        QCOMPARE(view->bannerButton()->text(), QStringLiteral("Mine Now"));
        QSignalSpy done(view->miner(), &MiningRunner::finished);
        view->bannerButton()->click();
        // The run may finish before the click returns: wait on the signal, never on isRunning() at one instant.
        QVERIFY(mbtest::waitForSignal(done));
        QCOMPARE(done.first().at(0).toBool(), true);
        QVERIFY(settle());
        QVERIFY(view->minedResults() && view->minedResults()->pairsRun);
        QCOMPARE(view->bannerText(), QString());
    }

    void cleanupTestCase() { delete view; }

    // The window as a user sees it: Maps chosen in the sidebar, CAM-MIR-110 with its map and suggestions.
    // MB_MAPS_SCREENSHOT=path keeps a copy (resources/screenshots/maps.png is made this way).
    void screenshotInTheMainWindow()
    {
        QSettings().clear();  // the default layout, not one a previous run left behind
        mbtest::RecordingPresenter presenter;
        MainWindow window(&presenter);
        QVERIFY(window.openWorkspace(doc->path()));
        QVERIFY(mbtest::waitLoaded(window.document()));
        QVERIFY(window.showView(QStringLiteral("maps")));
        auto *maps = qobject_cast<MapsView *>(window.view(QStringLiteral("maps")));
        QVERIFY(maps);
        window.resize(1280, 800);
        window.show();
        // The mined results initTestCase saved are loaded on a worker: until they are in, no suggestions.
        QTRY_VERIFY_WITH_TIMEOUT(maps->minedResults() && !maps->isLoading(), mbtest::uiTimeoutMs);
        QVERIFY(maps->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        QTRY_VERIFY_WITH_TIMEOUT(maps->suggestions()->model()->rowCount() > 0, mbtest::uiTimeoutMs);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString out = qEnvironmentVariableIsSet("MB_MAPS_SCREENSHOT") ? qEnvironmentVariable("MB_MAPS_SCREENSHOT")
                                                                            : dir.filePath(QStringLiteral("maps.png"));
        QVERIFY(window.saveScreenshot(out));
        QVERIFY(presenter.errors.isEmpty());
    }

    void modelsPassTheTester()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        QAbstractItemModelTester a(view->anchorModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester p(view->anchorProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester r(relations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester s(suggestions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        PairBrowser *browser = view->suggestions()->pairBrowser();
        QAbstractItemModelTester pm(browser->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester pp(browser->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Exercise them under the testers: switch anchors, filter, reload.
        view->anchorSearch()->setText(QStringLiteral("bikes"));
        view->anchorSearch()->clear();
        QVERIFY(view->selectAnchor(EndpointType::Category, QStringLiteral("Bikes > City")));
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("COF-MAC-120")));
        browser->minCountBox()->setValue(10);
        browser->minCountBox()->setValue(0);
        doc->reload();
        QVERIFY(settle());
    }

    void anchorsSortByNameOrCountAndKeepTheSelection()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        QTableView *table = view->anchorTable();
        QAbstractItemModel *m = table->model();
        auto typeAt = [&](int r) { return m->index(r, AnchorListModel::Anchor).data(AnchorListModel::TypeRole).toInt(); };
        auto labelAt = [&](int r) { return m->index(r, AnchorListModel::Anchor).data().toString(); };
        auto countAt = [&](int r) { return m->index(r, AnchorListModel::Relations).data().toString().toInt(); };
        // By name: categories above products, each alphabetical (case aside).
        for (int r = 1; r < m->rowCount(); ++r) {
            QVERIFY(typeAt(r - 1) >= typeAt(r) || typeAt(r - 1) == int(EndpointType::Category));
            if (typeAt(r - 1) == typeAt(r)) QVERIFY2(labelAt(r - 1).toLower() <= labelAt(r).toLower(), qPrintable(labelAt(r)));
        }
        // By relations, most first: the chosen anchor stays chosen.
        table->horizontalHeader()->setSortIndicator(AnchorListModel::Relations, Qt::DescendingOrder);
        for (int r = 1; r < m->rowCount(); ++r) QVERIFY(countAt(r - 1) >= countAt(r));
        QVERIFY(countAt(0) > 0);
        QCOMPARE(table->currentIndex().data().toString().left(10), QStringLiteral("CAM-MIR-11"));
        // "With relations" hides the rest; the search narrows within.
        const int all = m->rowCount();
        view->findChild<QComboBox *>(QStringLiteral("anchorShow"))->setCurrentIndex(AnchorFilterProxy::Mapped);
        QVERIFY(m->rowCount() < all);
        for (int r = 0; r < m->rowCount(); ++r) QVERIFY(countAt(r) > 0);
        view->findChild<QComboBox *>(QStringLiteral("anchorShow"))->setCurrentIndex(AnchorFilterProxy::All);
        table->horizontalHeader()->setSortIndicator(AnchorListModel::Anchor, Qt::AscendingOrder);
        QCOMPARE(m->rowCount(), all);
    }

    void showsOwnAndInheritedRelations()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        // Its own curated card first, then the Mirrorless category's card rule.
        const QStringList necessities = rowsOf(RelationKind::Necessity);
        QVERIFY2(necessities.size() >= 2, qPrintable(necessities.join(QLatin1Char('|'))));
        QVERIFY(necessities.first().startsWith(QStringLiteral("CAM-CRD-110 — ")));
        QVERIFY(necessities.at(1).startsWith(QStringLiteral("Any Memory Cards  →  CAM-CRD-")));
        const QModelIndex inherited = relations()->index(1, RelationsModel::Source, relations()->groupIndex(RelationKind::Necessity));
        QCOMPARE(inherited.data().toString(), QStringLiteral("From Cameras > Mirrorless"));
        QCOMPARE(relations()->index(0, RelationsModel::Pitch, relations()->groupIndex(RelationKind::Necessity)).data().toString(),
                 QStringLiteral("The card we test this camera with: fast enough for 4K"));
        QCOMPARE(relations()->index(int(RelationKind::Enhancement), RelationsModel::Target).data().toString(), QStringLiteral("Enhancements (2)"));

        // The e-bike's veto of its category's lights rule shows struck through, to include again.
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("BIK-EBK-230")));
        const QModelIndex g = relations()->groupIndex(RelationKind::Enhancement);
        QCOMPARE(relations()->rowCount(g), 1);
        const QModelIndex lights = relations()->index(0, RelationsModel::Source, g);
        QCOMPARE(lights.data().toString(), QStringLiteral("From Bikes > E-Bikes — excluded here"));
        QVERIFY(lights.data(Qt::FontRole).value<QFont>().strikeOut());
    }

    void addRemoveUndoRedo()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        QVERIFY(!storedTo("CAM-MIR-110", "CAM-BAG-704"));
        const int before = stack()->index();
        QVERIFY(view->relations()->addRelation(EndpointType::Product, productIndex("CAM-BAG-704"), RelationKind::Accessory));
        QCOMPARE(stack()->index(), before + 1);
        auto added = storedTo("CAM-MIR-110", "CAM-BAG-704");
        QVERIFY(added);
        QCOMPARE(added->kind, RelationKind::Accessory);
        QCOMPARE(added->source, RelationSource::Curated);
        // Shown at once, before the reload.
        QVERIFY(relations()->indexOfRelation(added->id).isValid());
        QVERIFY(settle());
        stack()->undo();
        QVERIFY(!storedTo("CAM-MIR-110", "CAM-BAG-704"));
        QVERIFY(!relations()->indexOfRelation(added->id).isValid());
        stack()->redo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->id, added->id);
        QVERIFY(settle());

        // Remove: undo brings the same row back (id, kind, pitch).
        const Relation card = *storedTo("CAM-MIR-110", "CAM-CRD-110");
        QVERIFY(view->relations()->removeRelation(card.id));
        QVERIFY(!storedTo("CAM-MIR-110", "CAM-CRD-110"));
        stack()->undo();
        const auto back = storedTo("CAM-MIR-110", "CAM-CRD-110");
        QVERIFY(back);
        QCOMPARE(back->id, card.id);
        QCOMPARE(back->pitch, card.pitch);
        QCOMPARE(back->position, card.position);
        stack()->redo();
        QVERIFY(!storedTo("CAM-MIR-110", "CAM-CRD-110"));
        stack()->undo();
        QVERIFY(settle());
        QCOMPARE(stack()->redoText(), QStringLiteral("Remove necessity CAM-CRD-110"));
    }

    void pitchEditsMergeIntoOneStep()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        const Relation card = *storedTo("CAM-MIR-110", "CAM-CRD-110");
        const int before = stack()->index();
        // Typed in place, twice, as the editor commits.
        const QModelIndex pitch = relations()->indexOfRelation(card.id).siblingAtColumn(RelationsModel::Pitch);
        QVERIFY(relations()->setData(pitch, QStringLiteral("Fast card")));
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-CRD-110")->pitch, std::string("Fast card"));
        QVERIFY(view->relations()->editPitch(card.id, QStringLiteral("Fast enough for 4K video")));
        QCOMPARE(stack()->index(), before + 1);
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-CRD-110")->pitch, std::string("Fast enough for 4K video"));
        QCOMPARE(relations()->indexOfRelation(card.id).siblingAtColumn(RelationsModel::Pitch).data().toString(),
                 QStringLiteral("Fast enough for 4K video"));
        stack()->undo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-CRD-110")->pitch, card.pitch);
        stack()->redo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-CRD-110")->pitch, std::string("Fast enough for 4K video"));
        // An edit of another relation's pitch is a step of its own.
        const Relation strap = *storedTo("CAM-MIR-110", "CAM-BAG-704");
        QVERIFY(view->relations()->editPitch(strap.id, QStringLiteral("Carry it all day")));
        QCOMPARE(stack()->index(), before + 2);
        stack()->undo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->pitch, std::string());
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-CRD-110")->pitch, std::string("Fast enough for 4K video"));
        QVERIFY(settle());
    }

    // The pitch is edited from a button as well as with F2 or a double-click, which were never said anywhere:
    // the button opens the editor on the selected relation, Enter stores the text as one undo step, and each
    // button's tool tip names its key.
    void editPitchButtonOpensTheEditor()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        // The bag, not the card whose pitch the test before edited: two pitch edits of one relation in a row
        // merge into one undo step by design.
        const Relation card = *storedTo("CAM-MIR-110", "CAM-BAG-704");
        auto *button = view->findChild<QToolButton *>(QStringLiteral("editPitchButton"));
        QVERIFY(button && button->isVisible());
        QVERIFY(button->toolTip().endsWith(QStringLiteral("(F2)")));
        QTreeView *tree = view->relations()->tree();
        tree->setCurrentIndex(QModelIndex());
        QVERIFY(!button->isEnabled());  // nothing selected, nothing to edit
        tree->setCurrentIndex(relations()->indexOfRelation(card.id));
        QVERIFY(button->isEnabled());
        const int before = stack()->index();
        QTest::mouseClick(button, Qt::LeftButton);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = tree->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Shoots 4K without a hiccup"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->pitch, std::string("Shoots 4K without a hiccup"));
        QCOMPARE(stack()->index(), before + 1);
        stack()->undo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->pitch, card.pitch);
        for (const char *name : {"Remove", "Move Up", "Move Down"}) {
            QAction *a = nullptr;
            for (QAction *x : view->relations()->actions())
                if (x->text() == QLatin1String(name)) a = x;
            QVERIFY2(a && a->toolTip().endsWith(QLatin1Char('(') + a->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')')), name);
        }
        QVERIFY(settle());
    }

    void changeKindUndoRedo()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        const Relation strap = *storedTo("CAM-MIR-110", "CAM-BAG-704");
        QVERIFY(view->relations()->changeKind(strap.id, RelationKind::Enhancement));
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->kind, RelationKind::Enhancement);
        QVERIFY(rowsOf(RelationKind::Enhancement).first().startsWith(QStringLiteral("CAM-BAG-704")));
        stack()->undo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->kind, RelationKind::Accessory);
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->position, strap.position);
        stack()->redo();
        QCOMPARE(storedTo("CAM-MIR-110", "CAM-BAG-704")->kind, RelationKind::Enhancement);
        stack()->undo();
        QVERIFY(settle());
    }

    void reorderByButtonAndByDrop()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("CAM-MIR-110")));
        QVERIFY(view->relations()->addRelation(EndpointType::Product, productIndex("CAM-BAG-702"), RelationKind::Accessory));
        const int64_t strap = storedTo("CAM-MIR-110", "CAM-BAG-704")->id, second = storedTo("CAM-MIR-110", "CAM-BAG-702")->id;
        const std::vector<int64_t> original{strap, second};
        QCOMPARE(storedOrder("CAM-MIR-110", RelationKind::Accessory), original);
        QVERIFY(view->relations()->moveRelation(second, -1));
        const std::vector<int64_t> swapped{second, strap};
        QCOMPARE(storedOrder("CAM-MIR-110", RelationKind::Accessory), swapped);
        QCOMPARE(relations()->ownIds(RelationKind::Accessory), swapped);
        stack()->undo();
        QCOMPARE(storedOrder("CAM-MIR-110", RelationKind::Accessory), original);
        stack()->redo();
        QCOMPARE(storedOrder("CAM-MIR-110", RelationKind::Accessory), swapped);

        // Dragging the first below the last puts it back; a drop into another kind is refused.
        const QModelIndex first = relations()->indexOfRelation(second);
        std::unique_ptr<QMimeData> mime(relations()->mimeData({first}));
        const QModelIndex group = relations()->groupIndex(RelationKind::Accessory);
        QVERIFY(!relations()->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, relations()->groupIndex(RelationKind::Upgrade)));
        QVERIFY(relations()->dropMimeData(mime.get(), Qt::MoveAction, 2, 0, group));
        QTRY_COMPARE_WITH_TIMEOUT(storedOrder("CAM-MIR-110", RelationKind::Accessory), original, mbtest::uiTimeoutMs);
        QCOMPARE(stack()->undoText(), QStringLiteral("Reorder accessories"));
        stack()->undo();
        QCOMPARE(storedOrder("CAM-MIR-110", RelationKind::Accessory), swapped);
        stack()->redo();
        QCOMPARE(storedOrder("CAM-MIR-110", RelationKind::Accessory), original);
        QVERIFY(settle());
    }

    void excludeAndIncludeInherited()
    {
        // A city bike inherits its category's lights rule; excluding it stores a veto.
        // Kept: an edit makes the next snapshot, and this test reads the one it started from.
        const auto kept = doc->snapshot();
        const Snapshot &s = *kept;
        int32_t city = -1;
        for (uint32_t p = 0; p < s.products.size() && city < 0; ++p)
            if (s.products[p].category >= 0 && s.categories[size_t(s.products[p].category)].path == "Bikes > City") city = int32_t(p);
        QVERIFY(city >= 0);
        const std::string sku = s.products[size_t(city)].sku;
        QVERIFY(view->selectAnchor(EndpointType::Product, QString::fromStdString(sku)));
        const QModelIndex g = relations()->groupIndex(RelationKind::Enhancement);
        const auto *lights = relations()->item(relations()->index(0, 0, g));
        QVERIFY(lights && lights->inherited && !lights->excluded());
        const int64_t rule = lights->relation.id;
        const int64_t targetId = lights->relation.targetId;
        auto exclusions = [&] {
            int n = 0;
            for (const Relation &r : RelationStore(*doc->workspace()).forAnchor(EndpointType::Product, s.products[size_t(city)].id))
                n += r.status == RelationStatus::Excluded && r.targetId == targetId;
            return n;
        };
        QVERIFY(view->relations()->excludeInherited(rule));
        QCOMPARE(exclusions(), 1);
        QVERIFY(relations()->item(relations()->indexOfRelation(rule))->excluded());
        stack()->undo();
        QCOMPARE(exclusions(), 0);
        QVERIFY(!relations()->item(relations()->indexOfRelation(rule))->excluded());
        stack()->redo();
        QCOMPARE(exclusions(), 1);
        QVERIFY(settle());
        Q_UNUSED(targetId);

        // The demo e-bike's veto: include again, undo restores the same row.
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("BIK-EBK-230")));
        const auto *veto = relations()->item(relations()->index(0, 0, relations()->groupIndex(RelationKind::Enhancement)));
        QVERIFY(veto && veto->exclusion);
        const Relation exclusion = *veto->exclusion;
        QVERIFY(view->relations()->includeInherited(veto->relation.id));
        QVERIFY(!RelationStore(*doc->workspace()).byId(exclusion.id));
        stack()->undo();
        const auto restored = RelationStore(*doc->workspace()).byId(exclusion.id);
        QVERIFY(restored);
        QCOMPARE(restored->status, RelationStatus::Excluded);
        QCOMPARE(restored->pitch, exclusion.pitch);
        stack()->redo();
        QVERIFY(!RelationStore(*doc->workspace()).byId(exclusion.id));
        stack()->undo();
        QVERIFY(settle());
    }

    void acceptAndRejectSuggestions()
    {
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("COF-MAC-120")));
        int row = suggestionRow("COF-FLT-703");
        QVERIFY2(row >= 0, "COF-FLT-703 is suggested for COF-MAC-120");
        QCOMPARE(suggestions()->index(row, SuggestionsModel::Kind).data().toString(), QStringLiteral("Consumable"));
        const QString evidence = suggestions()->index(row, SuggestionsModel::Evidence).data().toString();
        QVERIFY2(evidence.startsWith(QStringLiteral("bought together in ")) && evidence.contains(QStringLiteral("lift")), qPrintable(evidence));
        // Accepted as the picked kind (accessory, not the suggested consumable).
        QVERIFY(view->suggestions()->accept(row, RelationKind::Accessory));
        auto accepted = storedTo("COF-MAC-120", "COF-FLT-703");
        QVERIFY(accepted);
        QCOMPARE(accepted->kind, RelationKind::Accessory);
        QCOMPARE(accepted->source, RelationSource::Mined);
        QCOMPARE(accepted->status, RelationStatus::Active);
        QCOMPARE(suggestionRow("COF-FLT-703"), -1);  // gone at once
        QVERIFY(relations()->indexOfRelation(accepted->id).isValid());
        QVERIFY(settle());
        stack()->undo();
        QVERIFY(!storedTo("COF-MAC-120", "COF-FLT-703"));
        QVERIFY(settle());
        QVERIFY(suggestionRow("COF-FLT-703") >= 0);  // suggested again
        stack()->redo();
        QCOMPARE(storedTo("COF-MAC-120", "COF-FLT-703")->id, accepted->id);
        stack()->undo();
        QVERIFY(settle());

        // Rejected: stored as such, not suggested again; undo makes it a suggestion once more.
        row = suggestionRow("COF-FLT-703");
        QVERIFY(view->suggestions()->reject(row));
        QCOMPARE(storedTo("COF-MAC-120", "COF-FLT-703")->status, RelationStatus::Rejected);
        QVERIFY(settle());
        QCOMPARE(suggestionRow("COF-FLT-703"), -1);
        QVERIFY(relations()->ownIds(RelationKind::Consumable).size() == 1);  // a rejection is no relation
        stack()->undo();
        QVERIFY(!storedTo("COF-MAC-120", "COF-FLT-703"));
        stack()->redo();
        QCOMPARE(storedTo("COF-MAC-120", "COF-FLT-703")->status, RelationStatus::Rejected);
        stack()->undo();
        QVERIFY(settle());
        QVERIFY(suggestionRow("COF-FLT-703") >= 0);
    }

    // On a big store an anchor's evidence is counted on the pool (a pass over every basket): the old anchor's
    // rows go at once, the new ones arrive, and accept and undo change them when their count is in.
    void suggestionsCountedOnThePoolOnABigStore()
    {
        SuggestionsModel::setInlineLimit(0);  // every store is big: the pool path
        const auto restore = qScopeGuard([] { SuggestionsModel::setInlineLimit(2'000'000); });
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("COF-MAC-120")));
        QTRY_VERIFY(suggestionRow("COF-FLT-703") >= 0);
        QVERIFY(!suggestions()->isBusy());
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("COF-FLT-703")));
        QCOMPARE(suggestions()->rowCount(), 0);  // not COF-MAC-120's rows under another product
        QVERIFY(suggestions()->isBusy());
        QVERIFY(view->selectAnchor(EndpointType::Product, QStringLiteral("COF-MAC-120")));
        QTRY_VERIFY(!suggestions()->isBusy());
        const int row = suggestionRow("COF-FLT-703");
        QVERIFY(row >= 0);
        QCOMPARE(suggestions()->index(row, SuggestionsModel::Kind).data().toString(), QStringLiteral("Consumable"));
        QVERIFY(view->suggestions()->accept(row, RelationKind::Consumable));
        QVERIFY(storedTo("COF-MAC-120", "COF-FLT-703"));
        QTRY_COMPARE(suggestionRow("COF-FLT-703"), -1);
        QVERIFY(settle());
        stack()->undo();
        QVERIFY(!storedTo("COF-MAC-120", "COF-FLT-703"));
        QVERIFY(settle());
        QTRY_VERIFY(suggestionRow("COF-FLT-703") >= 0);
    }

    void bulkAcceptWithPreview()
    {
        const size_t before = RelationStore(*doc->workspace()).all().size();
        std::unique_ptr<BulkAcceptDialog> dialog(view->suggestions()->makeBulkDialog());
        dialog->setThresholds(10, 0.2, 3.0);
        const auto preview = dialog->preview();
        QVERIFY(!preview.empty());
        QCOMPARE(dialog->previewTable()->model()->rowCount(), int(preview.size()));
        QCOMPARE(dialog->acceptButton()->text(), QStringLiteral("Add %1 Relations").arg(preview.size()));
        for (const Suggestion &s : preview) {
            QVERIFY(s.pair.count >= 10 && s.pair.confidence >= 0.2 && s.pair.lift >= 3.0);
        }
        // Stricter thresholds preview fewer.
        dialog->setThresholds(30, 0.3, 5.0);
        QVERIFY(dialog->preview().size() < preview.size());

        QVERIFY(view->suggestions()->bulkAccept(preview));
        std::vector<Relation> all = RelationStore(*doc->workspace()).all();
        QCOMPARE(all.size(), before + preview.size());
        const Suggestion &first = preview.front();
        auto has = [&](const Suggestion &s) {
            const int64_t a = snap().products[s.anchor].id, t = snap().products[s.target].id;
            for (const Relation &r : RelationStore(*doc->workspace()).forAnchor(EndpointType::Product, a))
                if (r.targetId == t && r.source == RelationSource::Mined && r.kind == s.kind.kind) return r.id;
            return int64_t(0);
        };
        const int64_t firstId = has(first);
        QVERIFY(firstId > 0);
        QCOMPARE(stack()->undoText(), QStringLiteral("Accept %1 suggestions").arg(preview.size()));
        QVERIFY(settle());
        stack()->undo();
        QCOMPARE(RelationStore(*doc->workspace()).all().size(), before);
        stack()->redo();
        QCOMPARE(RelationStore(*doc->workspace()).all().size(), before + preview.size());
        QCOMPARE(has(first), firstId);
        QVERIFY(settle());
        stack()->undo();
        QVERIFY(settle());
    }

    void pairBrowserFilters()
    {
        PairBrowser *browser = view->suggestions()->pairBrowser();
        PairFilterProxy *proxy = browser->proxy();
        const int all = proxy->rowCount();
        QCOMPARE(all, int(view->minedResults()->pairs.size()));
        QVERIFY(all > 50);
        browser->minCountBox()->setValue(20);
        const int byCount = proxy->rowCount();
        QVERIFY(byCount > 0 && byCount < all);
        for (int r = 0; r < byCount; ++r)
            QVERIFY(proxy->index(r, PairTableModel::Count).data(PairTableModel::SortRole).toUInt() >= 20);
        // A lift threshold between the lowest and highest lift left narrows further.
        double lo = 1e300, hi = 0;
        for (int r = 0; r < byCount; ++r) {
            const double lift = proxy->index(r, PairTableModel::Lift).data(PairTableModel::SortRole).toDouble();
            lo = std::min(lo, lift);
            hi = std::max(hi, lift);
        }
        QVERIFY(hi > lo + 0.2);
        const double minLift = std::floor((lo + hi) / 2 * 10) / 10;
        browser->minLiftBox()->setValue(minLift);
        const int byLift = proxy->rowCount();
        QVERIFY(byLift > 0 && byLift < byCount);
        for (int r = 0; r < byLift; ++r) {
            QVERIFY(proxy->index(r, PairTableModel::Lift).data(PairTableModel::SortRole).toDouble() >= minLift);
            QVERIFY(proxy->index(r, PairTableModel::Count).data(PairTableModel::SortRole).toUInt() >= 20);
        }
        browser->minCountBox()->setValue(0);
        browser->minLiftBox()->setValue(0);
        const int coffee = browser->categoryBox()->findText(QStringLiteral("Coffee"));
        QVERIFY(coffee > 0);
        browser->categoryBox()->setCurrentIndex(coffee);
        const int inCoffee = proxy->rowCount();
        QVERIFY(inCoffee > 0 && inCoffee < all);
        for (int r = 0; r < inCoffee; ++r) {
            const QString a = proxy->index(r, PairTableModel::AntecedentSku).data().toString();
            const QString b = proxy->index(r, PairTableModel::ConsequentSku).data().toString();
            QVERIFY2(a.startsWith(QStringLiteral("COF-")) || b.startsWith(QStringLiteral("COF-")), qPrintable(a + QStringLiteral(" ") + b));
        }
        // Sorted by lift, highest first.
        browser->table()->sortByColumn(PairTableModel::Lift, Qt::DescendingOrder);
        QVERIFY(proxy->index(0, PairTableModel::Lift).data(PairTableModel::SortRole).toDouble() >=
                proxy->index(inCoffee - 1, PairTableModel::Lift).data(PairTableModel::SortRole).toDouble());
        browser->categoryBox()->setCurrentIndex(0);
        QCOMPARE(proxy->rowCount(), all);
    }

    void staleBannerAfterImport()
    {
        // One more order, imported the way any import writes it: the mined results are now stale.
        OrderBatch batch;
        batch.format = "lines";
        OrderRecord o;
        o.externalId = "LATE-1";
        o.orderedAt = 20'757 * int64_t(86400);
        o.hasTime = true;
        batch.orders.push_back(o);
        batch.lines.push_back({2, 0, "COF-MAC-120", 1, 199});
        batch.lines.push_back({3, 0, "COF-FLT-703", 2, 5});
        ImportReport report;
        QVERIFY2(writeOrders(*doc->workspace(), batch, "late.csv", report), report.error.c_str());
        doc->reload();
        QVERIFY(settle());
        QVERIFY2(view->bannerText().startsWith(QStringLiteral("Mined suggestions are out of date: 1 order imported since the last mining run (")),
                 qPrintable(view->bannerText()));
        QCOMPARE(view->bannerButton()->text(), QStringLiteral("Re-run"));
        QSignalSpy done(view->miner(), &MiningRunner::finished);
        view->bannerButton()->click();
        QVERIFY(mbtest::waitForSignal(done));
        QVERIFY(settle());
        QCOMPARE(view->bannerText(), QString());
    }
};

QTEST_MAIN(TestMapsView)
#include "tst_mapsview.moc"
