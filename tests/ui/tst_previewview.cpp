// The Preview view on the demo store, offscreen: a product's four placements (the memory card as a
// necessity on the product page and at checkout), a coffee machine's refill e-mail on the mined interval,
// a cart built, edited and emptied, the left-out rules, a customer's purchases, a policy edit that changes
// the cards at once and its undo, a relation added through RelationStore reaching the preview, and cards
// that show their titles and pitches whole.
#include "uitestsupport.h"

#include "core/storage/relationstore.h"
#include "core/mining/minedresults.h"
#include "ui/infobar.h"
#include "ui/maps/mapcommands.h"
#include "ui/preview/cartbuilder.h"
#include "ui/preview/cartmodel.h"
#include "ui/preview/contextbar.h"
#include "ui/preview/leftoutmodel.h"
#include "ui/preview/placementcolumn.h"
#include "ui/preview/policypanel.h"
#include "ui/preview/previewrunner.h"
#include "ui/preview/previewview.h"
#include "ui/preview/productpicker.h"
#include "ui/preview/recommendationcard.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCompleter>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace mb;

class TestPreviewView : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    WorkspaceDocument *doc = nullptr;
    PreviewView *view = nullptr;

    const Snapshot &snap() const { return *doc->snapshot(); }
    PlacementColumn *col(Placement p) const { return view->column(p); }
    QList<RecommendationCard *> cards(Placement p) const { return col(p)->cards(); }
    RecommendationCard *card(Placement p, const QString &sku) const
    {
        for (RecommendationCard *c : cards(p))
            if (c->sku() == sku) return c;
        return nullptr;
    }
    QStringList skus(Placement p) const
    {
        QStringList out;
        for (RecommendationCard *c : cards(p)) out << c->sku();
        return out;
    }
    // Row of the left-out list naming this SKU, -1 when absent.
    int leftOutRow(Placement p, const QString &sku) const
    {
        const LeftOutModel *m = col(p)->leftOutModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r).data(LeftOutModel::SkuRole).toString() == sku) return r;
        return -1;
    }
    // Until the snapshot and the engine built on it are both in.
    bool settle() const
    {
        if (!mbtest::waitUntil([this] {
                return !doc->isLoading() && doc->snapshot() && !view->isBusy() && view->runner()->current() &&
                       view->runner()->current()->snapshot == doc->snapshot();
            }))
            return false;
        // The view takes the build in a slot of the runner's built(): deliver what is still queued.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = dir.filePath(QStringLiteral("demo.merchbench"));
        std::string error;
        QVERIFY2(createDemoWorkspace(path.toStdString(), DemoParameters{}, error), error.c_str());
        doc = new WorkspaceDocument(this);
        QString err;
        WorkspaceError kind;
        QVERIFY2(doc->open(path, err, kind), qPrintable(err));
        view = new PreviewView(doc);
        view->resize(1500, 950);
        view->show();
        QVERIFY(settle());
    }

    void cleanupTestCase() { delete view; }

    void opensOnTheHeroProductWithEvidenceMinedOnTheSpot()
    {
        // Nothing chosen: the best-selling product by revenue, so that a first look (and --screenshot) shows a real case.
        QVERIFY(!view->product().isEmpty());
        const int32_t hero = snap().productIndex(view->product().toStdString());
        QVERIFY(hero >= 0);
        for (size_t i = 0; i < snap().products.size(); ++i)
            if (snap().products[i].recommendable && !std::isnan(snap().products[i].price))
                QVERIFY(snap().unitsSold[i] * snap().products[i].price <= snap().unitsSold[size_t(hero)] * snap().products[size_t(hero)].price);
        QVERIFY(!cards(Placement::ProductPage).isEmpty());
        // Nothing saved yet: the runner mined for the preview and says so.
        QCOMPARE(view->runner()->current()->origin, EvidenceOrigin::MinedNow);
        QVERIFY2(view->evidenceText().contains(QStringLiteral("nothing saved yet")), qPrintable(view->evidenceText()));
    }

    void memoryCardIsANecessityOnProductPageAndCheckout_data()
    {
        QTest::addColumn<int>("placement");
        QTest::newRow("product page") << int(Placement::ProductPage);
        QTest::newRow("checkout") << int(Placement::Checkout);
    }
    void memoryCardIsANecessityOnProductPageAndCheckout()
    {
        QFETCH(int, placement);
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        QCOMPARE(view->mode(), PreviewView::Mode::Product);
        RecommendationCard *c = card(Placement(placement), QStringLiteral("CAM-CRD-110"));
        QVERIFY2(c, qPrintable(skus(Placement(placement)).join(QLatin1Char(' '))));
        QCOMPARE(c->kind(), RelationKind::Necessity);
        QCOMPARE(c->badgeText(), QStringLiteral("NECESSITY"));
        QVERIFY(c->title().contains(QStringLiteral("SDXC Card")));
        QCOMPARE(c->source(), PickSource::Curated);
        QCOMPARE(c->sendDay(), -1);
        QVERIFY(c->reasons().contains(QStringLiteral("map: necessity of CAM-MIR-110")));
        // The reasons are in the tool tip, and a click expands them in place.
        QVERIFY(c->toolTip().contains(QStringLiteral("map: necessity of CAM-MIR-110")));
        QVERIFY(!c->isExpanded());
        QTest::mouseClick(c, Qt::LeftButton);
        QVERIFY(c->isExpanded());
        QTest::mouseClick(c, Qt::LeftButton);
        QVERIFY(!c->isExpanded());
    }

    void productPageFillsItsSlotsWithUpgradeRuledOut()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        QCOMPARE(cards(Placement::ProductPage).size(), 6);
        QCOMPARE(cards(Placement::Checkout).size(), 2);
        QVERIFY(col(Placement::ProductPage)->statusText().startsWith(QStringLiteral("6 of 6 slots")));
        // The dearer model is outside the upsell band: listed with the rule and the engine's figures.
        const int r = leftOutRow(Placement::ProductPage, QStringLiteral("CAM-MIR-120"));
        QVERIFY(r >= 0);
        const QModelIndex i = col(Placement::ProductPage)->leftOutModel()->index(r);
        QCOMPARE(i.data(LeftOutModel::RuleRole).toString(), QStringLiteral("price-band"));
        QCOMPARE(i.data(LeftOutModel::RuleTitleRole).toString(), QStringLiteral("Outside the upsell band"));
        QVERIFY(i.data(LeftOutModel::DetailRole).toString().contains(QStringLiteral("outside the upsell band")));
        QVERIFY(i.data().toString().contains(QStringLiteral("Outside the upsell band")));
    }

    void everyLeftOutRowNamesItsRule_data()
    {
        QTest::addColumn<int>("placement");
        for (Placement p : allPlacements) QTest::newRow(placementName(p)) << int(p);
    }
    void everyLeftOutRowNamesItsRule()
    {
        QFETCH(int, placement);
        QVERIFY(view->setProduct(QStringLiteral("COF-MAC-110")));
        const LeftOutModel *m = col(Placement(placement))->leftOutModel();
        QAbstractItemModelTester tester(const_cast<LeftOutModel *>(m), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m->rowCount() > 0);
        const QStringList picked = skus(Placement(placement));
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r);
            QVERIFY(!i.data(LeftOutModel::RuleRole).toString().isEmpty());
            QVERIFY(!i.data(LeftOutModel::RuleTitleRole).toString().isEmpty());
            QVERIFY(!i.data(LeftOutModel::DetailRole).toString().isEmpty());
            // Nothing is both shown and left out for another reason than being a duplicate.
            if (i.data(LeftOutModel::RuleRole).toString() != QLatin1String("duplicate"))
                QVERIFY(!picked.contains(i.data(LeftOutModel::SkuRole).toString()));
        }
        // Post-purchase never shows upgrades: the dearer machine is left out by kind.
        if (Placement(placement) == Placement::PostPurchase) {
            const int r = leftOutRow(Placement::PostPurchase, QStringLiteral("COF-MAC-120"));
            QVERIFY(r >= 0);
            QCOMPARE(m->index(r).data(LeftOutModel::RuleRole).toString(), QStringLiteral("kind-not-allowed"));
        }
    }

    void customerWhoBoughtTheCardDoesNotSeeItAgain()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        const int32_t cardIndex = snap().productIndex("CAM-CRD-110");
        QString buyer;
        for (const SnapshotOrder &o : snap().orders) {
            if (o.customer < 0 || o.status == OrderStatus::Cancelled) continue;
            for (uint32_t l = o.lineBegin; l < o.lineEnd && buyer.isEmpty(); ++l)
                if (snap().lines[l].product == uint32_t(cardIndex) && snap().lines[l].quantity > 0)
                    buyer = QString::fromStdString(snap().customers[size_t(o.customer)].externalId);
            if (!buyer.isEmpty()) break;
        }
        QVERIFY(!buyer.isEmpty());
        QVERIFY(view->contextBar()->setCustomer(buyer));
        QVERIFY(!card(Placement::ProductPage, QStringLiteral("CAM-CRD-110")));
        const int r = leftOutRow(Placement::ProductPage, QStringLiteral("CAM-CRD-110"));
        QVERIFY(r >= 0);
        QCOMPARE(col(Placement::ProductPage)->leftOutModel()->index(r).data(LeftOutModel::RuleRole).toString(), QStringLiteral("already-bought"));
        QVERIFY(view->evidenceText().contains(buyer));
        // Back to the day before the history began: nothing was bought yet, the card is back.
        view->contextBar()->setDay(int32_t(snap().orders.front().orderedAt / 86400) - 1);
        QVERIFY(card(Placement::ProductPage, QStringLiteral("CAM-CRD-110")));
        view->contextBar()->setDay(INT32_MIN);
        QVERIFY(view->contextBar()->setCustomer(QString()));
        QVERIFY(card(Placement::ProductPage, QStringLiteral("CAM-CRD-110")));
    }

    void cartIsBuiltEditedAndEmptied()
    {
        view->setMode(PreviewView::Mode::Cart);
        CartBuilder *cart = view->cartBuilder();
        QVERIFY(cart->isVisible());
        cart->model()->clearLines();
        QVERIFY(cards(Placement::Cart).isEmpty());
        QVERIFY(col(Placement::Cart)->messageText().contains(QStringLiteral("Add products to the cart")));
        // Add through the search box, as a user would: type the SKU and press Enter.
        QTest::keyClicks(cart->addBox(), QStringLiteral("CAM-MIR-110"));
        QTest::keyClick(cart->addBox(), Qt::Key_Return);
        QTRY_COMPARE(cart->model()->rowCount(), 1);
        QCOMPARE(cart->addBox()->text(), QString());
        QTest::qWait(50);
        QCOMPARE(cart->model()->lines().front().quantity, 1);
        QVERIFY(!cards(Placement::Cart).isEmpty());
        QVERIFY(col(Placement::Cart)->statusText().contains(QStringLiteral("cart 649.00")));
        for (RecommendationCard *c : cards(Placement::Cart)) QVERIFY(c->sku() != QLatin1String("CAM-MIR-110"));
        // Picked from the completer's list with Enter: one more line, quantity 1 (the Enter reaches both the
        // list and the box; it once added the product twice).
        QTest::keyClicks(cart->addBox(), QStringLiteral("COF-MAC-11"));
        QAbstractItemView *popup = cart->addBox()->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Down);
        QCOMPARE(popup->currentIndex().data().toString().left(10), QStringLiteral("COF-MAC-11"));
        const QString picked = popup->currentIndex().data().toString().section(QStringLiteral(" — "), 0, 0);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_COMPARE(cart->model()->rowCount(), 2);
        QTest::qWait(50);
        QCOMPARE(cart->model()->rowCount(), 2);
        QCOMPARE(cart->model()->lines().back().sku, picked);
        QCOMPARE(cart->model()->lines().back().quantity, 1);
        if (picked != QLatin1String("COF-MAC-110")) {
            cart->model()->clearLines();
            cart->model()->add(QStringLiteral("CAM-MIR-110"));
            cart->model()->add(QStringLiteral("COF-MAC-110"));
        }
        QCOMPARE(cart->model()->rowCount(), 2);
        QVERIFY(col(Placement::Cart)->statusText().contains(QStringLiteral("cart 697.99")));
        // Cart and checkout serve the whole cart: the camera's card and the machine's filters can both come up.
        for (Placement p : {Placement::Cart, Placement::Checkout})
            for (RecommendationCard *c : cards(p)) QVERIFY(c->sku() != QLatin1String("CAM-MIR-110") && c->sku() != QLatin1String("COF-MAC-110"));
        // Quantity 2 of the machine: the subtotal follows at once.
        QVERIFY(cart->model()->setData(cart->model()->index(1, CartModel::Quantity), 2));
        QVERIFY(col(Placement::Cart)->statusText().contains(QStringLiteral("cart 746.98")));
        QVERIFY(!cart->model()->setData(cart->model()->index(1, CartModel::Quantity), 0));
        cart->table()->setCurrentIndex(cart->model()->index(0, 0));
        QVERIFY(cart->removeButton()->isEnabled());
        cart->removeButton()->click();
        QCOMPARE(cart->model()->rowCount(), 1);
        QCOMPARE(cart->model()->lines().front().sku, QStringLiteral("COF-MAC-110"));
        // The product page follows the cart's first product.
        QVERIFY(!cards(Placement::ProductPage).isEmpty());
        QVERIFY(col(Placement::Cart)->statusText().contains(QStringLiteral("cart 97.98")));
        view->setMode(PreviewView::Mode::Product);
        QVERIFY(!cart->isVisible());
    }

    void policyEditChangesTheCardsAndUndoRestoresThem()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        QCOMPARE(cards(Placement::ProductPage).size(), 6);
        auto *slots = qobject_cast<QSpinBox *>(view->policyPanel()->editor(Placement::ProductPage, "slots"));
        QVERIFY(slots);
        QCOMPARE(slots->value(), 6);
        QUndoStack *stack = doc->undoStack();
        const int before = stack->count();
        slots->setValue(3);
        slots->setValue(2);  // consecutive edits of one key: one undo step
        QCOMPARE(stack->count(), before + 1);
        QCOMPARE(cards(Placement::ProductPage).size(), 2);
        QVERIFY(col(Placement::ProductPage)->statusText().startsWith(QStringLiteral("2 of 2 slots")));
        PolicySet stored;
        std::string error;
        QVERIFY2(loadPolicies(*doc->workspace(), stored, error), error.c_str());
        QCOMPARE(stored[size_t(Placement::ProductPage)].slots, 2);
        stack->undo();
        QCOMPARE(cards(Placement::ProductPage).size(), 6);
        QCOMPARE(slots->value(), 6);
        QVERIFY(loadPolicies(*doc->workspace(), stored, error));
        QCOMPARE(stored[size_t(Placement::ProductPage)].slots, 6);
        stack->redo();
        QCOMPARE(cards(Placement::ProductPage).size(), 2);
        stack->undo();
        QCOMPARE(cards(Placement::ProductPage).size(), 6);
    }

    void kindCheckboxesEditTheKinds()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        QWidget *kinds = view->policyPanel()->editor(Placement::Checkout, "kinds");
        QVERIFY(kinds);
        auto *necessity = kinds->findChild<QCheckBox *>(QStringLiteral("necessity"));
        auto *consumable = kinds->findChild<QCheckBox *>(QStringLiteral("consumable"));
        auto *upgrade = kinds->findChild<QCheckBox *>(QStringLiteral("upgrade"));
        QVERIFY(necessity && consumable && upgrade);
        QVERIFY(necessity->isChecked());
        QVERIFY(!upgrade->isEnabled());  // checkout never shows upgrades
        QVERIFY(card(Placement::Checkout, QStringLiteral("CAM-CRD-110")));
        necessity->setChecked(false);
        QVERIFY2(view->policies()[size_t(Placement::Checkout)].kinds.size() == 1, qPrintable(view->errorBar()->text()));
        // No necessity from the map any more; with nothing else left the category's best sellers fill in, labelled so.
        for (RecommendationCard *c : cards(Placement::Checkout)) QVERIFY(c->kind() != RelationKind::Necessity || c->source() == PickSource::Fallback);
        if (!cards(Placement::Checkout).isEmpty() && cards(Placement::Checkout).front()->source() == PickSource::Fallback)
            QVERIFY(col(Placement::Checkout)->messageText().contains(QStringLiteral("best sellers")));
        const int r = leftOutRow(Placement::Checkout, QStringLiteral("CAM-CRD-110"));
        QVERIFY(r >= 0);
        QCOMPARE(col(Placement::Checkout)->leftOutModel()->index(r).data(LeftOutModel::RuleRole).toString(), QStringLiteral("kind-not-allowed"));
        // Taking away the last kind is refused with the engine's message; nothing goes on the stack.
        const int count = doc->undoStack()->count();
        consumable->setChecked(false);
        QCOMPARE(doc->undoStack()->count(), count);
        QVERIFY2(view->errorBar()->text().contains(QStringLiteral("at least one kind is needed")), qPrintable(view->errorBar()->text()));
        QVERIFY(consumable->isChecked());
        doc->undoStack()->undo();
        QVERIFY(necessity->isChecked());
        QCOMPARE(card(Placement::Checkout, QStringLiteral("CAM-CRD-110"))->source(), PickSource::Curated);
    }

    void relationAddedThroughTheStoreReachesThePreview()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        QVERIFY(!card(Placement::ProductPage, QStringLiteral("CAM-BAG-704")));
        Relation r;
        r.anchorId = snap().products[size_t(snap().productIndex("CAM-MIR-110"))].id;
        r.targetId = snap().products[size_t(snap().productIndex("CAM-BAG-704"))].id;
        r.kind = RelationKind::Necessity;
        r.pitch = "Every new camera needs a bag";
        std::string error;
        QVERIFY2(RelationStore(*doc->workspace()).add(r, error), error.c_str());
        doc->reload();
        QVERIFY(settle());
        RecommendationCard *c = card(Placement::ProductPage, QStringLiteral("CAM-BAG-704"));
        QVERIFY2(c, qPrintable(skus(Placement::ProductPage).join(QLatin1Char(' '))));
        QCOMPARE(c->kind(), RelationKind::Necessity);
        QCOMPARE(c->source(), PickSource::Curated);
        QVERIFY(c->findChild<QLabel *>(QStringLiteral("pitch"))->text().contains(QStringLiteral("Every new camera needs a bag")));
        QVERIFY(RelationStore(*doc->workspace()).remove(r.id, error));
        doc->reload();
        QVERIFY(settle());
        QVERIFY(!card(Placement::ProductPage, QStringLiteral("CAM-BAG-704")));
    }

    void mapEditReachesThePreviewWithoutReindexingTheOrders()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        QVERIFY(!card(Placement::ProductPage, QStringLiteral("CAM-BAG-704")));
        const auto purchases = view->runner()->current()->engine->sharedPurchases();
        Relation r;
        r.anchorId = snap().products[size_t(snap().productIndex("CAM-MIR-110"))].id;
        r.targetId = snap().products[size_t(snap().productIndex("CAM-BAG-704"))].id;
        r.kind = RelationKind::Necessity;
        auto *add = new AddRelationCommand(doc, r, QStringLiteral("CAM-BAG-704"));
        doc->undoStack()->push(add);
        QVERIFY(settle());
        QVERIFY2(card(Placement::ProductPage, QStringLiteral("CAM-BAG-704")), qPrintable(skus(Placement::ProductPage).join(QLatin1Char(' '))));
        // The edit's snapshot shares the orders: the purchases per customer were not indexed again.
        QCOMPARE(view->runner()->current()->engine->sharedPurchases().get(), purchases.get());
        doc->undoStack()->undo();
        QVERIFY(settle());
        QVERIFY(!card(Placement::ProductPage, QStringLiteral("CAM-BAG-704")));
    }

    void coffeeMachineEmailsFiltersOnTheMinedInterval()
    {
        std::string error;
        QVERIFY2(mineAndSave(*doc->workspace(), snap(), MiningSettings(), error), error.c_str());
        doc->reload();
        QVERIFY(settle());
        QCOMPARE(view->runner()->current()->origin, EvidenceOrigin::Saved);
        QVERIFY2(view->evidenceText().contains(QStringLiteral("mined evidence saved on")), qPrintable(view->evidenceText()));
        QVERIFY(view->setProduct(QStringLiteral("COF-MAC-110")));
        const MinedResults mined = loadMinedResults(*doc->workspace(), snap());
        RecommendationCard *filters = nullptr;
        for (RecommendationCard *c : cards(Placement::PostPurchase))
            if (c->kind() == RelationKind::Consumable && c->title().contains(QStringLiteral("Filters"))) filters = c;
        QVERIFY2(filters, qPrintable(skus(Placement::PostPurchase).join(QLatin1Char(' '))));
        const ReplenishmentStat *st = mined.replenishmentOf(uint32_t(snap().productIndex(filters->sku().toStdString())));
        QVERIFY(st);
        QCOMPARE(filters->sendDay(), int(std::lround(st->medianDays)));
        // The engine's evidence is the saved runs, read back, not a fresh mining.
        const MinedEvidence fromSaved = buildMinedEvidence(snap(), mined);
        const MinedEvidence &used = view->runner()->current()->engine->evidence();
        QCOMPARE(used.items.size(), fromSaved.items.size());
        QCOMPARE(used.start, fromSaved.start);
        QVERIFY(!used.of(uint32_t(snap().productIndex("COF-MAC-110"))).empty());
        QVERIFY(filters->sendDayText().contains(QStringLiteral("day %1").arg(filters->sendDay())));
        // Accessories in the same e-mail go out on the policy's add-on day.
        for (RecommendationCard *c : cards(Placement::PostPurchase))
            if (c->kind() == RelationKind::Accessory) QCOMPARE(c->sendDay(), view->policies()[size_t(Placement::PostPurchase)].addOnDelayDays);
    }

    void recommendStaysUnderItsBudget()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        std::vector<double> ms;
        for (int i = 0; i < 41; ++i) {
            view->refresh();
            ms.push_back(view->lastRecommendMilliseconds());
        }
        std::sort(ms.begin(), ms.end());
        // Four placements per refresh, each budgeted at 1 ms.
        QVERIFY2(ms[ms.size() / 2] < 4.0, qPrintable(QString::number(ms[ms.size() / 2])));
    }

    void cardsShowTheirTextWhole()
    {
        QVERIFY(view->setProduct(QStringLiteral("CAM-MIR-110")));
        view->resize(1280, 800);
        // Every wrapped label of every card is as tall as its text needs, once the layout has settled.
        const auto firstCut = [this]() -> QString {
            for (Placement p : allPlacements)
                for (RecommendationCard *c : cards(p)) {
                    if (c->width() < 200) return c->sku() + QStringLiteral(" is narrower than 200 px");
                    for (QLabel *l : c->findChildren<QLabel *>())
                        if (l->isVisible() && l->wordWrap() && l->height() < l->heightForWidth(l->width()))
                            return QStringLiteral("%1: \"%2\" is cut").arg(c->sku(), l->text());
                }
            return {};
        };
        QTRY_VERIFY2_WITH_TIMEOUT(firstCut().isEmpty(), qPrintable(firstCut()), mbtest::uiTimeoutMs);
        const QImage shot = view->grab().toImage();
        QVERIFY(!shot.isNull());
        if (const QByteArray out = qgetenv("MB_PREVIEW_SCREENSHOT"); !out.isEmpty()) QVERIFY(shot.save(QString::fromLocal8Bit(out)));
    }
};

QTEST_MAIN(TestPreviewView)
#include "tst_previewview.moc"
