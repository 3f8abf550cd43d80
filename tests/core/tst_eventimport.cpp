// The storefront event import: columns found by alias, names normalised, bad rows rejected with their
// line and field, one transaction, logged, and an overlapping re-import not double-counted.
#include "core/io/eventparser.h"
#include "kpifixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

class TestEventImport : public QObject {
    Q_OBJECT

    static int64_t scalar(Workspace &ws, const char *sql)
    {
        Statement s(ws.db(), sql);
        return s.step() ? s.int64(0) : -1;
    }

private Q_SLOTS:
    void eventNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("canonical") << "recommendation_click" << "recommendation_click";
        QTest::newRow("title case with spaces") << "Add To Cart" << "add_to_cart";
        QTest::newRow("dashes") << "add-to-cart" << "add_to_cart";
        QTest::newRow("GA4 begin_checkout") << "begin_checkout" << "checkout";
        QTest::newRow("transaction") << "transaction" << "purchase";
        QTest::newRow("short impression") << "rec_impression" << "recommendation_impression";
        QTest::newRow("unknown") << "wishlist" << "";
    }

    void eventNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const auto e = eventTypeFromName(text.toStdString());
        QCOMPARE(e ? QString(eventTypeName(*e)) : QString(), canonical);
    }

    void placements()
    {
        QCOMPARE(normalisePlacement("PDP"), std::string("product-page"));
        QCOMPARE(normalisePlacement("Product page"), std::string("product-page"));
        QCOMPARE(normalisePlacement("Thank you"), std::string("post-purchase"));
        QCOMPARE(normalisePlacement("Home Page"), std::string("home-page"));
        QCOMPARE(normalisePlacement(""), std::string());
    }

    void aliasesAndSemicolons()
    {
        const EventBatch b = parseEvents(mbtest::fixture("kpi/events_aliases.csv").toStdString());
        QVERIFY2(b.error.empty(), b.error.c_str());
        QCOMPARE(b.rejects.size(), size_t(0));
        QCOMPARE(b.events.size(), size_t(6));
        QCOMPARE(b.events[0].event, EventType::View);
        QCOMPARE(b.events[1].placement, std::string("product-page"));
        QCOMPARE(b.events[2].event, EventType::RecommendationClick);
        QCOMPARE(b.events[3].event, EventType::AddToCart);
        QCOMPARE(b.events[4].sku, std::string());
        QCOMPARE(b.events[5].placement, std::string("post-purchase"));
        QCOMPARE(b.events[0].occurredAt, int64_t(1704445200));   // 2024-01-05T09:00:00Z
    }

    void badRowsNameLineAndField()
    {
        const EventBatch b = parseEvents(mbtest::fixture("kpi/events_bad.csv").toStdString());
        QVERIFY(b.error.empty());
        QCOMPARE(b.rowsRead, 6);
        QCOMPARE(b.events.size(), size_t(2));
        QCOMPARE(b.rejects.size(), size_t(4));
        QCOMPARE(b.rejects[0].line, 3);
        QCOMPARE(b.rejects[0].column, std::string("time"));
        QCOMPARE(b.rejects[0].value, std::string("yesterday"));
        QCOMPARE(b.rejects[1].line, 4);
        QCOMPARE(b.rejects[1].column, std::string("session"));
        QCOMPARE(b.rejects[2].line, 5);
        QCOMPARE(b.rejects[2].column, std::string("event"));
        QVERIFY(b.rejects[2].reason.find("add_to_cart") != std::string::npos);
        QCOMPARE(b.rejects[3].line, 6);
        QCOMPARE(b.rejects[3].column, std::string("sku"));
    }

    void missingColumnRefusesTheFile()
    {
        const EventBatch b = parseEvents(mbtest::fixture("kpi/events_noevent.csv").toStdString());
        QVERIFY(b.events.empty());
        QVERIFY(b.error.find("events_noevent.csv: line 1: the header has no column for event") != std::string::npos);
    }

    // Events are not screened row by row, so a stray byte in an otherwise UTF-8 file refuses the file, naming
    // where it is, instead of turning every "é" of it into "Ã©".
    void aBadUtf8ByteRefusesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("events.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("session,time,sku,event\n");
        for (int i = 0; i < 3; ++i) f.write("s1,2024-05-01 10:00:00,CAF\xC3\x89,view\n");
        f.write("s2,2024-05-01 10:05:00,CAF\xC9,view\n");
        f.close();
        const EventBatch b = parseEvents(path.toStdString());
        QVERIFY(b.events.empty());
        QVERIFY2(b.error == path.toStdString() + ": line 5, field \"sku\": byte 0xC9 is not valid UTF-8: expected UTF-8 "
                                                 "text throughout (save the file as UTF-8)",
                 b.error.c_str());
    }

    void storeWritesLogsAndSkipsWhatIsAlreadyThere()
    {
        QTemporaryDir dir;
        auto ws = kpifixture::build(dir, {false, false, false});
        QVERIFY(ws);
        const std::string path = mbtest::fixture("kpi/events.csv").toStdString();
        const ImportReport first = importEvents(*ws, path);
        QCOMPARE(int(first.status), int(ImportStatus::Ok));
        QCOMPARE(first.imported, 12);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM events"), 12);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM events WHERE product_id IS NULL"), 1);   // the checkout
        QCOMPARE(scalar(*ws, "SELECT imported FROM imports WHERE kind = 'events'"), 12);
        const ImportReport again = importEvents(*ws, path);
        QCOMPARE(again.imported, 0);
        QCOMPARE(again.duplicateRows, 12);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM events"), 12);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM imports WHERE kind = 'events'"), 2);
    }

    void unknownSkusAreKeptWithANote()
    {
        QTemporaryDir dir;
        auto ws = kpifixture::build(dir, {false, false, false});
        QVERIFY(ws);
        const ImportReport r = importEvents(*ws, mbtest::fixture("kpi/events_aliases.csv").toStdString());
        QCOMPARE(r.imported, 6);
        QCOMPARE(r.notes.size(), size_t(1));
        QVERIFY(r.notes[0].find("1 events name 1 SKUs that are not in the workspace") != std::string::npos);
    }

    void strictRefusesAndChangesNothing()
    {
        QTemporaryDir dir;
        auto ws = kpifixture::build(dir, {false, false, false});
        QVERIFY(ws);
        const ImportReport r = importEvents(*ws, mbtest::fixture("kpi/events_bad.csv").toStdString(), true);
        QCOMPARE(int(r.status), int(ImportStatus::RejectedStrict));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM events"), 0);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM imports WHERE kind = 'events'"), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventImport)
#include "tst_eventimport.moc"
