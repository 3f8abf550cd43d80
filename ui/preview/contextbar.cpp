#include "ui/preview/contextbar.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"
#include "ui/orders/customercompleter.h"
#include "ui/orders/customerlistmodel.h"

#include <QTimer>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>


namespace mb {

namespace {
const QDate epoch(1970, 1, 1);
}

ContextBar::ContextBar(QWidget *parent)
    : QWidget(parent), customer_(new QLineEdit(this)), completer_(new CustomerCompleter(customer_)), date_(new QDateEdit(this)),
      today_(new QToolButton(this))
{
    customer_->setPlaceholderText(tr("Anonymous shopper"));
    customer_->setClearButtonEnabled(true);
    customer_->setMinimumWidth(180);
    customer_->setToolTip(tr("Preview for a customer (type any part of the id): what they already bought is left out, and consumables "
                             "they are due to re-buy come back. Empty: an anonymous shopper"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date_->setToolTip(tr("The day of the visit: purchases on or after it do not count as already bought"));
    today_->setText(tr("Latest"));
    today_->setToolTip(tr("Back to the day after the last order in the history"));

    connect(completer_, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &id) {
        // After QLineEdit has written the completion into the box.
        QTimer::singleShot(0, this, [this, id] { choose(id); });
    });
    // Typed and confirmed (Enter, or leaving the box): an exact id or a single match is chosen, an empty
    // box is the anonymous shopper, anything else goes back to the customer chosen before.
    connect(customer_, &QLineEdit::editingFinished, this, [this] { choose(customer_->text()); });
    connect(date_, &QDateEdit::dateChanged, this, [this] {
        if (updating_) return;
        daySet_ = true;
        today_->setEnabled(true);
        Q_EMIT contextChanged();
    });
    connect(today_, &QToolButton::clicked, this, [this] {
        daySet_ = false;
        showDefaultDay();
        Q_EMIT contextChanged();
    });

    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(new QLabel(tr("Customer:"), this));
    l->addWidget(customer_);
    l->addSpacing(8);
    l->addWidget(new QLabel(tr("Date:"), this));
    l->addWidget(date_);
    l->addWidget(today_);
}

void ContextBar::setSnapshot(std::shared_ptr<const Snapshot> snapshot, int32_t lastOrderDay)
{
    updating_ = true;
    completer_->setSnapshot(std::move(snapshot));
    // Keep the customer across a reload (after an import) when the new history still has them.
    if (!chosen_.isEmpty() && completer_->customers()->customerOf(chosen_) < 0) chosen_.clear();
    customer_->setText(chosen_);
    defaultDay_ = lastOrderDay + 1;
    if (!daySet_) showDefaultDay();
    updating_ = false;
}

void ContextBar::choose(const QString &typed)
{
    const QString text = typed.trimmed();
    QString id;
    if (!text.isEmpty()) {
        if (completer_->customers()->customerOf(text) >= 0) {
            id = text;
        } else {
            CustomerListModel *m = completer_->customers();
            m->setFilterText(text);
            if (m->rowCount() == 1) id = m->index(0).data(CustomerListModel::IdRole).toString();
            else id = chosen_;
        }
    }
    if (customer_->text() != id) customer_->setText(id);
    if (id == chosen_) return;
    chosen_ = id;
    if (!updating_) Q_EMIT contextChanged();
}

bool ContextBar::setCustomer(const QString &externalId)
{
    if (!externalId.isEmpty() && completer_->customers()->customerOf(externalId) < 0) return false;
    chosen_ = externalId;
    customer_->setText(externalId);
    Q_EMIT contextChanged();
    return true;
}

int32_t ContextBar::day() const { return daySet_ ? int32_t(epoch.daysTo(date_->date())) : INT32_MIN; }

void ContextBar::setDay(int32_t day)
{
    if (day == INT32_MIN) {
        daySet_ = false;
        showDefaultDay();
    } else {
        updating_ = true;
        date_->setDate(epoch.addDays(day));
        updating_ = false;
        daySet_ = true;
        today_->setEnabled(true);
    }
    Q_EMIT contextChanged();
}

void ContextBar::showDefaultDay()
{
    const bool was = updating_;
    updating_ = true;
    date_->setDate(epoch.addDays(defaultDay_));
    updating_ = was;
    today_->setEnabled(false);
}

}  // namespace mb
