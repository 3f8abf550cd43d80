#pragma once
// Who is shopping and when: a customer (a box that completes customer ids from a model over the snapshot's
// customers; empty = an anonymous shopper) and the day of the visit (by default the day after the last
// order, so "already bought" and "due again" read as of today's history).
#include <QWidget>

#include <climits>
#include <cstdint>
#include <memory>

class QDateEdit;
class QLineEdit;
class QToolButton;

namespace mb {

struct Snapshot;
class CustomerCompleter;

class ContextBar : public QWidget {
    Q_OBJECT
public:
    explicit ContextBar(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot, int32_t lastOrderDay);
    QString customer() const { return chosen_; }   // external id, empty = anonymous
    bool setCustomer(const QString &externalId);   // false (and nothing changes) when no customer has the id
    int32_t day() const;                   // days since 1970-01-01; INT32_MIN = the engine's default
    void setDay(int32_t day);
    QLineEdit *customerEdit() const { return customer_; }
    CustomerCompleter *customerCompleter() const { return completer_; }
    QDateEdit *dateEdit() const { return date_; }

Q_SIGNALS:
    void contextChanged();

private:
    void showDefaultDay();
    void choose(const QString &typed);

    QLineEdit *customer_;
    CustomerCompleter *completer_;
    QString chosen_;
    QDateEdit *date_;
    QToolButton *today_;
    int32_t defaultDay_ = 0;
    bool daySet_ = false;
    bool updating_ = false;
};

}  // namespace mb
