// Choosing a customer in a store with many: CustomerListModel matches ids by prefix first, then anywhere,
// in any case, capped; the Preview's context bar takes an exact id or a single match and refuses others.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "ui/orders/customercompleter.h"
#include "ui/orders/customerlistmodel.h"
#include "ui/preview/contextbar.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>

using namespace mb;

class TstCustomerChooser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString error;
        QVERIFY2(mbtest::openDemo(doc_, dir_, error), qPrintable(error));
    }

    void matchesPrefixFirstThenAnywhere()
    {
        CustomerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(doc_.snapshot());
        const Snapshot &s = *doc_.snapshot();
        QCOMPARE(model.rowCount(), 0);   // nothing typed, nothing offered
        model.setMaxRows(int(s.customers.size()));
        // A short piece of a real id, in upper and lower case: the same matches.
        const QString id = QString::fromStdString(s.customers.back().externalId);
        const QString piece = id.mid(1, 2);
        model.setFilterText(piece.toUpper());
        QStringList upper;
        for (int r = 0; r < model.rowCount(); ++r) upper << model.index(r).data(CustomerListModel::IdRole).toString();
        model.setFilterText(piece.toLower());
        QStringList lower;
        for (int r = 0; r < model.rowCount(); ++r) lower << model.index(r).data(CustomerListModel::IdRole).toString();
        QCOMPARE(upper, lower);
        int expected = 0;
        for (const SnapshotCustomer &c : s.customers) expected += QString::fromStdString(c.externalId).contains(piece, Qt::CaseInsensitive);
        QCOMPARE(model.rowCount(), expected);
        QVERIFY(lower.contains(id));
        bool pastPrefix = false;
        for (const QString &m : lower) {
            const bool starts = m.startsWith(piece, Qt::CaseInsensitive);
            QVERIFY2(!(starts && pastPrefix), "an id that starts with the text comes before the others");
            pastPrefix = pastPrefix || !starts;
        }
        // Capped: the first rows only, and it says so.
        model.setMaxRows(3);
        model.setFilterText(QString());
        model.setFilterText(piece);
        QCOMPARE(model.rowCount(), std::min(3, expected));
        QCOMPARE(model.isTruncated(), expected > 3);
        // Exact lookup, and the order counts once counted on the work pool.
        QCOMPARE(model.customerOf(id), int(s.customers.size()) - 1);
        QCOMPARE(model.customerOf(id + QStringLiteral("-nobody")), -1);
        QVERIFY(mbtest::waitUntil([&] { return model.orderCount(0) >= 0; }));
        int orders = 0;
        for (const SnapshotOrder &o : s.orders) orders += o.customer == 0;
        QCOMPARE(model.orderCount(0), orders);
    }

    void contextBarTakesAnExactIdOrASingleMatch()
    {
        ContextBar bar;
        bar.setSnapshot(doc_.snapshot(), 0);
        const Snapshot &s = *doc_.snapshot();
        QSignalSpy changed(&bar, &ContextBar::contextChanged);
        QCOMPARE(bar.customer(), QString());   // anonymous until chosen
        const QString id = QString::fromStdString(s.customers[7].externalId);
        QVERIFY(bar.setCustomer(id));
        QCOMPARE(bar.customer(), id);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!bar.setCustomer(QStringLiteral("nobody-has-this-id")));
        QCOMPARE(bar.customer(), id);
        // Typed text that names no customer goes back to the one chosen.
        QLineEdit *edit = bar.customerEdit();
        edit->setText(QStringLiteral("nobody-has-this-id"));
        Q_EMIT edit->editingFinished();
        QCOMPARE(bar.customer(), id);
        QCOMPARE(edit->text(), id);
        QCOMPARE(changed.count(), 1);
        // Another exact id, typed and confirmed.
        const QString other = QString::fromStdString(s.customers[11].externalId);
        edit->setText(other);
        Q_EMIT edit->editingFinished();
        QCOMPARE(bar.customer(), other);
        QCOMPARE(changed.count(), 2);
        // An empty box is the anonymous shopper.
        edit->clear();
        Q_EMIT edit->editingFinished();
        QCOMPARE(bar.customer(), QString());
        QCOMPARE(changed.count(), 3);
        // A new snapshot keeps the chosen customer when it still has them.
        QVERIFY(bar.setCustomer(other));
        bar.setSnapshot(doc_.snapshot(), 0);
        QCOMPARE(bar.customer(), other);
    }

private:
    QTemporaryDir dir_;
    WorkspaceDocument doc_;
};

QTEST_MAIN(TstCustomerChooser)
#include "tst_customerchooser.moc"
