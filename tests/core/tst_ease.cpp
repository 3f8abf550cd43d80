#include "core/mining/ease.h"
#include "core/storage/snapshot.h"
#include "core/miningdata.h"
#include "testsupport.h"

#include <Eigen/Dense>
#include <Eigen/Sparse>

#include <cmath>
#include <random>

using namespace mb;

namespace {

Snapshot snapshotOf(size_t products, const std::vector<std::vector<uint32_t>> &baskets)
{
    Snapshot s;
    for (size_t i = 0; i < products; ++i) {
        SnapshotProduct p;
        p.sku = std::string("P").append(std::to_string(i));
        s.skuIndex[p.sku] = uint32_t(i);
        s.products.push_back(p);
    }
    s.basketStart.push_back(0);
    for (auto b : baskets) {
        std::sort(b.begin(), b.end());
        b.erase(std::unique(b.begin(), b.end()), b.end());
        s.basketItems.insert(s.basketItems.end(), b.begin(), b.end());
        s.basketStart.push_back(uint32_t(s.basketItems.size()));
        s.basketOrder.push_back(uint32_t(s.basketOrder.size()));
    }
    return s;
}

// Random baskets with a skewed item popularity, so that some items fall under minBaskets.
Snapshot randomSnapshot(size_t products, size_t baskets, unsigned seed)
{
    std::mt19937 rng(seed);
    std::geometric_distribution<int> size(0.25);
    std::vector<double> weights(products);
    for (size_t i = 0; i < products; ++i) weights[i] = 1.0 / double(1 + (i * 7) % products);
    std::discrete_distribution<uint32_t> item(weights.begin(), weights.end());
    std::vector<std::vector<uint32_t>> all(baskets);
    for (auto &b : all) {
        const int n = 1 + size(rng);
        for (int k = 0; k < n; ++k) b.push_back(item(rng));
    }
    return snapshotOf(products, all);
}

// The reference: G from a sparse X'X over the model's items, P by a general LU inverse, B by definition.
struct Reference {
    Eigen::MatrixXd g, b;
};

Reference referenceSolve(const Snapshot &s, const std::vector<uint32_t> &items, double lambda)
{
    std::vector<int> column(s.products.size(), -1);
    for (size_t i = 0; i < items.size(); ++i) column[items[i]] = int(i);
    std::vector<Eigen::Triplet<double>> entries;
    for (size_t b = 0; b < s.basketCount(); ++b)
        for (uint32_t k = s.basketStart[b]; k < s.basketStart[b + 1]; ++k)
            if (column[s.basketItems[k]] >= 0) entries.emplace_back(int(b), column[s.basketItems[k]], 1.0);
    Eigen::SparseMatrix<double> x(Eigen::Index(s.basketCount()), Eigen::Index(items.size()));
    x.setFromTriplets(entries.begin(), entries.end());
    Reference r;
    r.g = Eigen::MatrixXd(Eigen::SparseMatrix<double>(x.transpose() * x));
    Eigen::MatrixXd regularised = r.g;
    regularised.diagonal().array() += lambda;
    const Eigen::MatrixXd p = regularised.partialPivLu().inverse();
    r.b = Eigen::MatrixXd::Identity(p.rows(), p.cols()) - p * p.diagonal().cwiseInverse().asDiagonal();
    r.b.diagonal().setZero();
    return r;
}

std::vector<uint32_t> modelItems(const EaseModel &m)
{
    std::vector<uint32_t> items;
    for (const EaseItem &i : m.items) items.push_back(i.product);
    return items;
}

// Neighbours of row i of the reference B, by weight descending, ties by index.
std::vector<EaseNeighbour> referenceTop(const Eigen::MatrixXd &b, const std::vector<uint32_t> &items, Eigen::Index i, int k)
{
    std::vector<EaseNeighbour> all;
    for (Eigen::Index j = 0; j < b.cols(); ++j)
        if (j != i) all.push_back({items[size_t(j)], b(i, j)});
    std::stable_sort(all.begin(), all.end(), [](const EaseNeighbour &x, const EaseNeighbour &y) { return x.weight > y.weight; });
    all.resize(std::min(all.size(), size_t(k)));
    return all;
}

// Same neighbours and weights; a swap is accepted only between weights equal to within the solver's noise.
QString compareNeighbours(const EaseModel &m, const Eigen::MatrixXd &b, int k, double tolerance)
{
    const std::vector<uint32_t> items = modelItems(m);
    for (size_t i = 0; i < m.items.size(); ++i) {
        const std::vector<EaseNeighbour> want = referenceTop(b, items, Eigen::Index(i), k);
        const std::vector<EaseNeighbour> &got = m.items[i].neighbours;
        if (got.size() != want.size()) return QStringLiteral("item %1: %2 neighbours, expected %3").arg(i).arg(got.size()).arg(want.size());
        for (size_t r = 0; r < want.size(); ++r) {
            const double scale = std::max(1.0, std::abs(want[r].weight));
            if (std::abs(got[r].weight - want[r].weight) > tolerance * scale)
                return QStringLiteral("item %1 rank %2: weight %3, reference %4").arg(i).arg(r + 1).arg(got[r].weight, 0, 'g', 17).arg(want[r].weight, 0, 'g', 17);
            if (got[r].product != want[r].product &&
                std::abs(b(Eigen::Index(i), Eigen::Index(std::find(items.begin(), items.end(), got[r].product) - items.begin())) - want[r].weight) > tolerance * scale)
                return QStringLiteral("item %1 rank %2: neighbour %3, reference %4").arg(i).arg(r + 1).arg(got[r].product).arg(want[r].product);
        }
    }
    return {};
}

}  // namespace

class TestEase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesDirectInverse_data();
    void matchesDirectInverse();
    void satisfiesStationarity();
    void deterministicAcrossThreads();
    void minBasketsAndMaxItems();
    void tiesBrokenByIndex();
    void noQualifyingItem();
    void cancelled();
    void onlineRetailMatchesReferenceSolver();
};

void TestEase::matchesDirectInverse_data()
{
    QTest::addColumn<int>("products");
    QTest::addColumn<int>("baskets");
    QTest::addColumn<uint>("minBaskets");
    QTest::addColumn<double>("lambda");
    QTest::newRow("12 items, lambda 1") << 12 << 60 << 1u << 1.0;
    QTest::newRow("about one panel") << 140 << 3000 << 5u << 10.0;
    QTest::newRow("three panels, lambda 500") << 400 << 8000 << 3u << 500.0;
}

void TestEase::matchesDirectInverse()
{
    QFETCH(int, products);
    QFETCH(int, baskets);
    QFETCH(uint, minBaskets);
    QFETCH(double, lambda);
    const Snapshot s = randomSnapshot(size_t(products), size_t(baskets), 7);
    EaseOptions options;
    options.minBaskets = minBaskets;
    options.lambda = lambda;
    options.keepWeights = true;
    const EaseModel m = trainEase(s, options);
    QVERIFY2(m.ok(), m.error.c_str());
    QVERIFY(m.items.size() > 5);
    const Reference ref = referenceSolve(s, modelItems(m), lambda);
    QCOMPARE(m.weights.rows(), ref.b.rows());
    const double error = (m.weights - ref.b).cwiseAbs().maxCoeff();
    QVERIFY2(error < 1e-12, qPrintable(QStringLiteral("max |B - B_ref| = %1").arg(error)));
    const QString mismatch = compareNeighbours(m, ref.b, options.topK, 1e-12);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    for (size_t i = 0; i < m.items.size(); ++i) {
        QCOMPARE(int(m.items[i].neighbours.size()), std::min(10, int(m.items.size()) - 1));
        QCOMPARE(double(m.items[i].baskets), ref.g(Eigen::Index(i), Eigen::Index(i)));
        QVERIFY(m.items[i].baskets >= minBaskets);
    }
}

void TestEase::satisfiesStationarity()
{
    // B minimises ||X - XB||^2 + lambda ||B||^2 with diag(B) = 0: the gradient (G + lambda I)B - G vanishes
    // off the diagonal (only the diagonal's Lagrange multipliers remain).
    const Snapshot s = randomSnapshot(200, 4000, 11);
    EaseOptions options;
    options.minBaskets = 2;
    options.lambda = 50;
    options.keepWeights = true;
    const EaseModel m = trainEase(s, options);
    QVERIFY2(m.ok(), m.error.c_str());
    const Reference ref = referenceSolve(s, modelItems(m), options.lambda);
    QCOMPARE(m.weights.diagonal().cwiseAbs().maxCoeff(), 0.0);
    Eigen::MatrixXd regularised = ref.g;
    regularised.diagonal().array() += options.lambda;
    Eigen::MatrixXd gradient = regularised * m.weights - ref.g;
    const double diagonalSize = gradient.diagonal().cwiseAbs().minCoeff();
    gradient.diagonal().setZero();
    const double offDiagonal = gradient.cwiseAbs().maxCoeff();
    QVERIFY2(offDiagonal < 1e-9 * ref.g.cwiseAbs().maxCoeff(), qPrintable(QString::number(offDiagonal)));
    QVERIFY(diagonalSize > 1e-6);  // the constraint is active: without it B would be I - lambda P, not zero-diagonal
}

void TestEase::deterministicAcrossThreads()
{
    const Snapshot s = randomSnapshot(300, 5000, 3);
    EaseOptions options;
    options.minBaskets = 2;
    options.keepWeights = true;
    options.threads = 1;
    const EaseModel one = trainEase(s, options);
    options.threads = 2;
    const EaseModel two = trainEase(s, options);
    QVERIFY(one.ok() && two.ok());
    QVERIFY(one.weights == two.weights);
}

void TestEase::minBasketsAndMaxItems()
{
    // P0 in 5 baskets, P1 in 4, P2 in 3, P3 in 2, P4 in 1.
    const Snapshot s = snapshotOf(5, {{0, 1, 2, 3, 4}, {0, 1, 2, 3}, {0, 1, 2}, {0, 1}, {0}});
    EaseOptions options;
    options.minBaskets = 3;
    EaseModel m = trainEase(s, options);
    QVERIFY(m.ok());
    QCOMPARE(modelItems(m), (std::vector<uint32_t>{0, 1, 2}));
    QCOMPARE(m.qualifyingItems, size_t(3));
    QVERIFY(!m.truncated);
    QCOMPARE(m.items[2].baskets, 3u);
    QCOMPARE(m.items[0].neighbours.size(), size_t(2));
    options.minBaskets = 1;
    options.maxItems = 2;
    m = trainEase(s, options);
    QVERIFY(m.ok());
    QCOMPARE(modelItems(m), (std::vector<uint32_t>{0, 1}));
    QCOMPARE(m.qualifyingItems, size_t(5));
    QVERIFY(m.truncated);
}

void TestEase::tiesBrokenByIndex()
{
    // P0 and P1 go together; P2..P5 never meet anyone, so their weights in P0's row are exactly zero.
    const Snapshot s = snapshotOf(6, {{0, 1}, {0, 1}, {0}, {2}, {3}, {4}, {5}, {5}});
    EaseOptions options;
    options.minBaskets = 1;
    options.topK = 3;
    options.lambda = 1;
    const EaseModel m = trainEase(s, options);
    QVERIFY(m.ok());
    const std::vector<EaseNeighbour> &n = m.items[0].neighbours;
    QCOMPARE(n.size(), size_t(3));
    QCOMPARE(n[0].product, 1u);
    QVERIFY(n[0].weight > 0);
    QCOMPARE(n[1].product, 2u);
    QCOMPARE(n[2].product, 3u);
    QCOMPARE(n[1].weight, 0.0);
    // Row P5: every other weight is zero, so the neighbours are simply the lowest indices.
    QCOMPARE(m.items[5].neighbours[0].product, 0u);
    QCOMPARE(m.items[5].neighbours[2].product, 2u);
}

void TestEase::noQualifyingItem()
{
    const Snapshot s = snapshotOf(3, {{0, 1}, {2}});
    const EaseModel m = trainEase(s, EaseOptions{});
    QVERIFY(!m.ok());
    QCOMPARE(m.error, std::string("no product is in at least 20 of the 2 baskets; lower the minimum to build the item model"));
}

void TestEase::cancelled()
{
    const Snapshot s = randomSnapshot(300, 5000, 5);
    EaseOptions options;
    options.minBaskets = 2;
    for (double stopAt : {0.0, 0.1, 0.3, 0.6, 0.8, 0.95}) {
        const EaseModel m = trainEase(s, options, [&](double f) { return f < stopAt; });
        QVERIFY2(m.cancelled, qPrintable(QString::number(stopAt)));
        QVERIFY(m.items.empty());
    }
    QVERIFY(trainEase(s, options, [](double) { return true; }).ok());
}

void TestEase::onlineRetailMatchesReferenceSolver()
{
    MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
    std::string error;
    const auto s = mbtest::onlineRetailFromCsv(csv.toStdString(), error);
    QVERIFY2(s, error.c_str());
    const EaseModel m = trainEase(*s, EaseOptions{});
    QVERIFY2(m.ok(), m.error.c_str());
    QCOMPARE(m.items.size(), size_t(2845));
    QCOMPARE(m.qualifyingItems, size_t(2845));
    qInfo("EASE on %zu items: load %.1f ms, gram %.1f ms, solve %.0f ms, top-k %.1f ms", m.items.size(),
          m.timings.loadMs, m.timings.gramMs, m.timings.solveMs, m.timings.topKMs);
    const Reference ref = referenceSolve(*s, modelItems(m), 500);
    const QString mismatch = compareNeighbours(m, ref.b, 10, 1e-9);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

QTEST_GUILESS_MAIN(TestEase)
#include "tst_ease.moc"
