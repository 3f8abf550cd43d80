// The demo store: deterministic, shaped like a real shop, and carrying the patterns the mining, placement
// and KPI features are demonstrated with (cameras with memory cards, filters re-bought monthly, ...).
#include "core/demo/demogenerator.h"
#include "core/io/fieldparse.h"
#include "core/storage/workspace.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

using namespace mb;

namespace {

// FNV-1a over every field of every record: equal only when the batches are byte-identical.
class ContentHash {
public:
    void bytes(const void *data, size_t n)
    {
        const auto *p = static_cast<const unsigned char *>(data);
        for (size_t i = 0; i < n; ++i)
            h_ = (h_ ^ p[i]) * 1099511628211ull;
    }
    void str(const std::string &s)
    {
        num(int64_t(s.size()));
        bytes(s.data(), s.size());
    }
    void num(int64_t v) { bytes(&v, sizeof v); }
    void dbl(double v) { bytes(&v, sizeof v); }
    template <class T>
    void opt(const std::optional<T> &v)
    {
        num(v.has_value());
        if (v)
            bytes(&*v, sizeof *v);
    }
    void product(const ProductRecord &p)
    {
        num(p.line);
        for (const std::string *s : {&p.sku, &p.title, &p.category, &p.brand, &p.family})
            str(*s);
        opt(p.price);
        opt(p.cost);
        opt(p.stock);
    }
    uint64_t value() const { return h_; }

private:
    uint64_t h_ = 1469598103934665603ull;
};

uint64_t contentHash(const DemoStore &s)
{
    ContentHash h;
    h.str(s.catalog.format);
    for (const ProductRecord &p : s.catalog.products)
        h.product(p);
    for (const RelationRecord &r : s.catalog.relations) {
        h.num(r.line);
        h.str(r.anchorSku);
        h.str(r.targetSku);
        h.str(r.platformType);
        h.num(r.position);
    }
    h.str(s.orders.format);
    for (const OrderRecord &o : s.orders.orders) {
        h.num(o.line);
        for (const std::string *f : {&o.externalId, &o.customer, &o.country, &o.currency})
            h.str(*f);
        h.num(o.orderedAt);
        h.num(o.utcOffsetMinutes);
        h.num(o.hasTime);
        h.num(int64_t(o.status));
    }
    for (const OrderLineRecord &l : s.orders.lines) {
        h.num(l.line);
        h.num(l.order);
        h.str(l.sku);
        h.dbl(l.quantity);
        h.dbl(l.unitPrice);
    }
    for (const ProductRecord &p : s.orders.products)
        h.product(p);
    return h.value();
}

std::string topLevel(const std::string &path) { return path.substr(0, path.find(" > ")); }

std::map<std::string, const ProductRecord *> bySku(const CatalogBatch &c)
{
    std::map<std::string, const ProductRecord *> out;
    for (const ProductRecord &p : c.products)
        out[p.sku] = &p;
    return out;
}

// Per order: the categories of its lines (all of them, for attach rates over what was ordered).
std::vector<std::set<std::string>> orderCategories(const DemoStore &s)
{
    const auto skus = bySku(s.catalog);
    std::vector<std::set<std::string>> out(s.orders.orders.size());
    for (const OrderLineRecord &l : s.orders.lines)
        if (l.quantity > 0)
            out[l.order].insert(skus.at(l.sku)->category);
    return out;
}

// The baskets pair mining sees: orders not cancelled, lines with a positive quantity.
std::vector<std::set<std::string>> basketCategories(const DemoStore &s)
{
    auto all = orderCategories(s);
    std::vector<std::set<std::string>> out;
    for (size_t i = 0; i < all.size(); ++i)
        if (s.orders.orders[i].status != OrderStatus::Cancelled && !all[i].empty())
            out.push_back(std::move(all[i]));
    return out;
}

DemoParameters withSeed(uint64_t seed)
{
    DemoParameters p;
    p.seed = seed;
    return p;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

class TestDemoGenerator : public QObject {
    Q_OBJECT

private:
    static void seeds()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {42ull, 7ull, 2026ull})
            QTest::addRow("seed %llu", seed) << seed;
    }

private Q_SLOTS:
    void sameSeedGivesIdenticalStore()
    {
        const DemoStore a = generateDemoStore(withSeed(42)), b = generateDemoStore(withSeed(42));
        QCOMPARE(a.orders.lines.size(), b.orders.lines.size());
        QCOMPARE(contentHash(a), contentHash(b));
    }

    void differentSeedGivesDifferentStore()
    {
        QVERIFY(contentHash(generateDemoStore(withSeed(42))) != contentHash(generateDemoStore(withSeed(43))));
    }

    void defaultEndDateIsEndOfOctober2026() { QCOMPARE(DemoParameters().endDate, daysFromCivil(2026, 10, 31) * 86400); }

    void catalogShape_data() { seeds(); }
    void catalogShape()
    {
        QFETCH(quint64, seed);
        const CatalogBatch c = generateDemoStore(withSeed(seed)).catalog;
        QVERIFY2(c.products.size() >= 200 && c.products.size() <= 600, qPrintable(QString::number(c.products.size())));

        std::set<std::string> skus, tops, paths;
        std::map<std::string, std::vector<const ProductRecord *>> families;
        int soldOut = 0, low = 0, merchandise = 0;
        for (const ProductRecord &p : c.products) {
            QVERIFY2(skus.insert(p.sku).second, p.sku.c_str());
            QVERIFY2(!p.title.empty() && (!p.brand.empty()) == (topLevel(p.category) != "Services"), p.sku.c_str());
            QVERIFY2(p.price && *p.price > 0 && p.cost && *p.cost <= *p.price, p.sku.c_str());
            tops.insert(topLevel(p.category));
            paths.insert(p.category);
            if (!p.family.empty())
                families[p.family].push_back(&p);
            if (p.stock) {
                ++merchandise;
                soldOut += *p.stock == 0;
                low += *p.stock > 0 && *p.stock < 5;
            }
        }
        for (const char *top : {"Cameras", "Coffee", "Printers", "Bikes", "Phones"})
            QVERIFY2(tops.count(top), top);
        for (const char *path : {"Cameras > Mirrorless", "Cameras > Accessories > Memory Cards", "Coffee > Filters",
                                 "Coffee > Pods", "Printers > Ink & Toner", "Bikes > Helmets", "Phones > Cases"})
            QVERIFY2(paths.count(path), path);
        QVERIFY(skus.count("SHIP-EXPRESS") && skus.count("GIFT-CARD-25"));
        QVERIFY(skus.count("CAM-MIR-110") && skus.count("CAM-MIR-130"));

        QVERIFY2(families.size() >= 40, qPrintable(QString::number(families.size())));
        for (const auto &[family, members] : families) {
            QCOMPARE(members.size(), size_t(3));
            QVERIFY2(*members[0]->price < *members[1]->price && *members[1]->price < *members[2]->price,
                     family.c_str());
        }
        // About 6.5 % sold out, 9 % low: both present whatever the seed.
        QVERIFY2(soldOut >= merchandise * 5 / 100 && soldOut <= merchandise * 8 / 100,
                 qPrintable(QStringLiteral("%1 of %2 sold out").arg(soldOut).arg(merchandise)));
        QVERIFY(low > 0);
    }

    void accessoriesCarryTheMargin()
    {
        const CatalogBatch c = generateDemoStore(DemoParameters()).catalog;
        auto meanMargin = [&](const std::string &prefix) {
            double sum = 0;
            int n = 0;
            for (const ProductRecord &p : c.products)
                if (p.category.rfind(prefix, 0) == 0) {
                    sum += 1 - *p.cost / *p.price;
                    ++n;
                }
            return sum / n;
        };
        QVERIFY(meanMargin("Cameras > Accessories") > 2 * meanMargin("Cameras > Mirrorless"));
        QVERIFY(meanMargin("Printers > Ink & Toner") > 4 * meanMargin("Printers > Inkjet"));
    }

    void ordersReferenceTheCatalog_data() { seeds(); }
    void ordersReferenceTheCatalog()
    {
        QFETCH(quint64, seed);
        const DemoStore s = generateDemoStore(withSeed(seed));
        const auto catalog = bySku(s.catalog);
        std::set<std::string> seen;
        for (const OrderLineRecord &l : s.orders.lines) {
            const auto it = catalog.find(l.sku);
            QVERIFY2(it != catalog.end(), l.sku.c_str());
            QVERIFY(l.order < s.orders.orders.size());
            // Catalog price, or a voucher of at most 15 % off.
            QVERIFY2(l.unitPrice <= *it->second->price && l.unitPrice >= *it->second->price * 0.85 - 0.005,
                     l.sku.c_str());
            seen.insert(l.sku);
        }
        QCOMPARE(s.orders.products.size(), seen.size());
        for (const ProductRecord &p : s.orders.products) {
            QVERIFY(seen.count(p.sku));
            QCOMPARE(p.title, catalog.at(p.sku)->title);
            QCOMPARE(*p.price, *catalog.at(p.sku)->price);
        }
    }

    void orderHistoryShape_data() { seeds(); }
    void orderHistoryShape()
    {
        QFETCH(quint64, seed);
        const DemoParameters p = withSeed(seed);
        const DemoStore s = generateDemoStore(p);
        const auto &orders = s.orders.orders;
        QCOMPARE(orders.size(), size_t(p.orders));
        QCOMPARE(orders.front().externalId, std::string("D100001"));
        QVERIFY(s.orders.lines.size() >= orders.size() * 3 / 2 && s.orders.lines.size() <= orders.size() * 3);

        std::map<std::string, int> perCustomer;
        std::map<OrderStatus, int> statuses;
        std::set<int64_t> days;
        const int64_t first = daysFromCivil(2025, 11, 1) * 86400, end = p.endDate + 86400;
        for (size_t i = 0; i < orders.size(); ++i) {
            const OrderRecord &o = orders[i];
            QVERIFY2(o.orderedAt + o.utcOffsetMinutes * 60 >= first && o.orderedAt < end, o.externalId.c_str());
            QVERIFY(i == 0 || orders[i - 1].orderedAt <= o.orderedAt);
            QVERIFY(o.country == "Germany" || o.country == "Austria" || o.country == "Netherlands" ||
                    o.country == "Belgium");
            ++perCustomer[o.customer];
            ++statuses[o.status];
            days.insert((o.orderedAt + o.utcOffsetMinutes * 60) / 86400);
        }
        for (const OrderLineRecord &l : s.orders.lines)
            QVERIFY2((orders[l.order].status == OrderStatus::Returned) == (l.quantity < 0),
                     orders[l.order].externalId.c_str());
        QCOMPARE(perCustomer.size(), size_t(p.customers));
        QCOMPARE(perCustomer.begin()->first, std::string("C0001"));
        QVERIFY(days.size() >= 330);

        const double n = double(orders.size());
        QVERIFY2(statuses[OrderStatus::Cancelled] / n >= 0.01 && statuses[OrderStatus::Cancelled] / n <= 0.03,
                 qPrintable(QString::number(statuses[OrderStatus::Cancelled])));
        QVERIFY2(statuses[OrderStatus::Returned] / n >= 0.005 && statuses[OrderStatus::Returned] / n <= 0.02,
                 qPrintable(QString::number(statuses[OrderStatus::Returned])));

        // Repeat buyers, Pareto-ish: many come back, the top tenth places a large share of the orders.
        std::vector<int> counts;
        int repeat = 0;
        for (const auto &[customer, count] : perCustomer) {
            counts.push_back(count);
            repeat += count >= 2;
        }
        std::sort(counts.rbegin(), counts.rend());
        int top = 0;
        for (size_t i = 0; i < counts.size() / 10; ++i)
            top += counts[i];
        QVERIFY2(repeat >= int(counts.size()) / 2, qPrintable(QString::number(repeat)));
        QVERIFY2(top >= n * 0.3, qPrintable(QString::number(top)));
    }

    void cameraBuyersBuyMemoryCards_data() { seeds(); }
    void cameraBuyersBuyMemoryCards()
    {
        QFETCH(quint64, seed);
        const DemoStore s = generateDemoStore(withSeed(seed));
        const std::string camera = "Cameras > Mirrorless", card = "Cameras > Accessories > Memory Cards";
        int withCamera = 0, withBoth = 0;
        for (const auto &cats : orderCategories(s))
            if (cats.count(camera)) {
                ++withCamera;
                withBoth += int(cats.count(card));
            }
        QVERIFY(withCamera >= 100);
        QVERIFY2(withBoth >= 0.4 * withCamera, qPrintable(QStringLiteral("%1 of %2").arg(withBoth).arg(withCamera)));

        // Lift over the baskets pair mining sees: P(camera and card) / (P(camera) P(card)).
        const auto baskets = basketCategories(s);
        double a = 0, b = 0, ab = 0;
        for (const auto &cats : baskets) {
            a += cats.count(camera);
            b += cats.count(card);
            ab += cats.count(camera) && cats.count(card);
        }
        const double lift = ab * double(baskets.size()) / (a * b);
        QVERIFY2(lift > 3, qPrintable(QString::number(lift)));
    }

    // Anchor: a category, or a fragment of the title ("Pod Machine": pods fit pod machines only).
    void complementsAreBoughtTogether_data()
    {
        QTest::addColumn<QString>("anchor");
        QTest::addColumn<QString>("complement");
        QTest::addColumn<double>("minAttach");
        QTest::addRow("printer + ink") << "Printers > Inkjet" << "Printers > Ink & Toner" << 0.6;
        QTest::addRow("printer + paper") << "Printers > Laser" << "Printers > Paper" << 0.35;
        QTest::addRow("pod machine + pods") << "Pod Machine" << "Coffee > Pods" << 0.6;
        QTest::addRow("filter machine + filters") << "Filter Coffee" << "Coffee > Filters" << 0.5;
        QTest::addRow("bike + helmet") << "Bikes > City" << "Bikes > Helmets" << 0.4;
        QTest::addRow("bike + lock") << "Bikes > Mountain" << "Bikes > Locks" << 0.35;
        QTest::addRow("phone + case") << "Phones > Smartphones" << "Phones > Cases" << 0.45;
        QTest::addRow("phone + screen glass") << "Phones > Smartphones" << "Phones > Screen Protectors" << 0.3;
    }
    void complementsAreBoughtTogether()
    {
        QFETCH(QString, anchor);
        QFETCH(QString, complement);
        QFETCH(double, minAttach);
        const DemoStore s = generateDemoStore(DemoParameters());
        const auto catalog = bySku(s.catalog);
        const std::string anchorText = anchor.toStdString(), complementPath = complement.toStdString();
        std::vector<std::pair<bool, bool>> baskets(s.orders.orders.size());
        for (const OrderLineRecord &l : s.orders.lines) {
            const ProductRecord &p = *catalog.at(l.sku);
            if (l.quantity <= 0)
                continue;
            baskets[l.order].first |= p.category == anchorText || p.title.find(anchorText) != std::string::npos;
            baskets[l.order].second |= p.category == complementPath;
        }
        double n = 0, a = 0, b = 0, ab = 0;
        for (size_t i = 0; i < baskets.size(); ++i) {
            if (s.orders.orders[i].status == OrderStatus::Cancelled)
                continue;
            ++n;
            a += baskets[i].first;
            b += baskets[i].second;
            ab += baskets[i].first && baskets[i].second;
        }
        const double attach = ab / a, lift = ab * n / (a * b);
        QVERIFY2(a >= 50 && attach >= minAttach && lift > 3,
                 qPrintable(QStringLiteral("%1 anchor orders, attach %2, lift %3").arg(a).arg(attach).arg(lift)));
    }

    void filtersAreReboughtMonthly_data() { seeds(); }
    void filtersAreReboughtMonthly()
    {
        QFETCH(quint64, seed);
        const DemoStore s = generateDemoStore(withSeed(seed));
        const auto catalog = bySku(s.catalog);
        std::map<std::string, std::vector<int64_t>> times;  // customer -> filter purchase times
        std::set<uint32_t> counted;
        for (const OrderLineRecord &l : s.orders.lines) {
            const OrderRecord &o = s.orders.orders[l.order];
            if (l.quantity > 0 && o.status == OrderStatus::Completed &&
                catalog.at(l.sku)->category == "Coffee > Filters" && counted.insert(l.order).second)
                times[o.customer].push_back(o.orderedAt);
        }
        std::vector<double> gaps;
        for (auto &[customer, t] : times) {
            std::sort(t.begin(), t.end());
            for (size_t i = 1; i < t.size(); ++i)
                gaps.push_back(double(t[i] - t[i - 1]) / 86400);
        }
        QVERIFY(gaps.size() >= 200);
        const double m = median(gaps);
        QVERIFY2(m >= 25 && m <= 35, qPrintable(QString::number(m)));
    }

    void someCustomersUpgradeAlongAFamily()
    {
        const DemoStore s = generateDemoStore(DemoParameters());
        const auto catalog = bySku(s.catalog);
        const std::set<std::string> heroes = {"Cameras > Mirrorless", "Cameras > Compact",  "Coffee > Machines",
                                              "Printers > Inkjet",    "Printers > Laser",   "Bikes > City",
                                              "Bikes > Mountain",     "Bikes > E-Bikes",    "Phones > Smartphones"};
        // customer -> family -> highest step bought so far (by SKU order within the family)
        std::map<std::string, std::map<std::string, std::string>> owned;
        int upgrades = 0;
        for (const OrderLineRecord &l : s.orders.lines) {
            const ProductRecord &p = *catalog.at(l.sku);
            const OrderRecord &o = s.orders.orders[l.order];
            if (p.family.empty() || l.quantity <= 0 || o.status != OrderStatus::Completed || !heroes.count(p.category))
                continue;
            std::string &best = owned[o.customer][p.family];
            if (!best.empty() && l.sku > best)
                ++upgrades;
            best = std::max(best, l.sku);
        }
        QVERIFY2(upgrades >= 20, qPrintable(QString::number(upgrades)));
    }

    void respectsSmallParameters()
    {
        DemoParameters p;
        p.seed = 5;
        p.months = 3;
        p.orders = 400;
        p.customers = 150;
        p.endDate = daysFromCivil(2024, 2, 29) * 86400;
        const DemoStore s = generateDemoStore(p);
        QCOMPARE(s.orders.orders.size(), size_t(400));
        std::set<std::string> customers;
        for (const OrderRecord &o : s.orders.orders) {
            const int64_t localDay = (o.orderedAt + o.utcOffsetMinutes * 60) / 86400;
            QVERIFY(localDay >= daysFromCivil(2023, 11, 30) && localDay <= daysFromCivil(2024, 2, 29));
            customers.insert(o.customer);
        }
        QCOMPARE(customers.size(), size_t(150));
        QCOMPARE(demoParametersError(p), std::string());
        p.months = 0;
        QCOMPARE(demoParametersError(p), std::string("months must be 1..120, got 0"));
    }

    void generationIsFast()
    {
        QElapsedTimer timer;
        timer.start();
        const DemoStore s = generateDemoStore(DemoParameters());
        const qint64 ms = timer.elapsed();
        qInfo("default demo: %zu products, %zu relations, %zu orders, %zu lines in %lld ms", s.catalog.products.size(),
              s.catalog.relations.size(), s.orders.orders.size(), s.orders.lines.size(), ms);
        QVERIFY2(ms < 1000 * mbtest::timeBudgetFactor, qPrintable(QString::number(ms)));
    }

    void createsWorkspaceWithMatchingCounts()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("demo.merchbench")).toStdString();
        std::string error;
        QVERIFY2(createDemoWorkspace(path, DemoParameters(), error), error.c_str());

        const DemoStore s = generateDemoStore(DemoParameters());
        std::set<std::string> customers, categories, basketSkus;
        for (const OrderRecord &o : s.orders.orders)
            customers.insert(o.customer);
        for (const ProductRecord &p : s.catalog.products)
            for (size_t at = p.category.find(" > ");; at = p.category.find(" > ", at + 3)) {
                categories.insert(p.category.substr(0, at));  // each ancestor is a category row too
                if (at == std::string::npos)
                    break;
            }
        std::set<uint32_t> baskets;
        for (const OrderLineRecord &l : s.orders.lines)
            if (l.quantity > 0 && s.orders.orders[l.order].status != OrderStatus::Cancelled) {
                baskets.insert(l.order);
                basketSkus.insert(l.sku);
            }

        auto ws = Workspace::open(path, error);
        QVERIFY2(ws, error.c_str());
        const WorkspaceCounts c = ws->counts();
        QCOMPARE(c.products, int64_t(s.catalog.products.size()));
        QCOMPARE(c.categories, int64_t(categories.size()));
        QCOMPARE(c.customers, int64_t(customers.size()));
        QCOMPARE(c.orders, int64_t(s.orders.orders.size()));
        QCOMPARE(c.orderLines, int64_t(s.orders.lines.size()));
        QCOMPARE(c.baskets, int64_t(baskets.size()));
        QCOMPARE(c.basketItems, int64_t(basketSkus.size()));
        QCOMPARE(c.importedRelations, int64_t(s.catalog.relations.size()));
        QVERIFY(ws->integrityOk());
    }

    void refusesAnExistingFileAndBadParameters()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("demo.merchbench")).toStdString();
        DemoParameters small;
        small.orders = 50;
        small.customers = 20;
        std::string error;
        QVERIFY2(createDemoWorkspace(path, small, error), error.c_str());
        QVERIFY(!createDemoWorkspace(path, small, error));
        QVERIFY2(!error.empty(), "overwriting must be refused with a message");

        const std::string other = dir.filePath(QStringLiteral("bad.merchbench")).toStdString();
        small.months = 0;
        QVERIFY(!createDemoWorkspace(other, small, error));
        QCOMPARE(error, "cannot create the demo workspace " + other + ": months must be 1..120, got 0");
        QVERIFY(!QFileInfo::exists(QString::fromStdString(other)));
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
