#include "ui/preview/contextbar.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"

#include <QComboBox>
#include <QCompleter>
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
    : QWidget(parent), customer_(new QComboBox(this)), date_(new QDateEdit(this)), today_(new QToolButton(this))
{
    customer_->setEditable(true);
    customer_->setInsertPolicy(QComboBox::NoInsert);
    customer_->setMinimumContentsLength(16);
    customer_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    customer_->completer()->setFilterMode(Qt::MatchContains);
    customer_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    customer_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    customer_->setToolTip(tr("Preview for a customer: what they already bought is left out, and consumables they are due to re-buy come back"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date_->setToolTip(tr("The day of the visit: purchases on or after it do not count as already bought"));
    today_->setText(tr("Latest"));
    today_->setToolTip(tr("Back to the day after the last order in the history"));

    connect(customer_, qOverload<int>(&QComboBox::activated), this, [this] {
        if (!updating_) Q_EMIT contextChanged();
    });
    connect(customer_->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        // Typed text that names no customer falls back to the selected entry.
        const int i = customer_->findText(customer_->currentText(), Qt::MatchFixedString);
        if (i < 0) customer_->setCurrentIndex(customer_->currentIndex());
    });
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
    const QString keep = customer();
    customer_->clear();
    customer_->addItem(tr("Anonymous shopper"), QString());
    if (snapshot) {
        std::vector<int> orders(snapshot->customers.size(), 0);
        for (const SnapshotOrder &o : snapshot->orders)
            if (o.customer >= 0) ++orders[size_t(o.customer)];
        for (size_t i = 0; i < snapshot->customers.size(); ++i) {
            const QString id = fmt::str(snapshot->customers[i].externalId);
            customer_->addItem(orders[i] == 1 ? tr("%1 · 1 order").arg(id) : tr("%1 · %2 orders").arg(id).arg(orders[i]), id);
        }
    }
    const int i = customer_->findData(keep);
    customer_->setCurrentIndex(i < 0 ? 0 : i);
    defaultDay_ = lastOrderDay + 1;
    if (!daySet_) showDefaultDay();
    updating_ = false;
}

QString ContextBar::customer() const { return customer_->currentData().toString(); }

bool ContextBar::setCustomer(const QString &externalId)
{
    const int i = customer_->findData(externalId);
    if (i < 0) return false;
    customer_->setCurrentIndex(i);
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
