#include "ui/preview/policypanel.h"

#include "ui/maps/kindtext.h"
#include "ui/preview/previewtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace mb {

namespace {

// The keys as a merchandiser reads them; unknown (newer) keys fall back to their own spelling.
QString keyLabel(const std::string &key)
{
    static const std::map<std::string, const char *> labels = {
        {"kinds", "Kinds shown"}, {"slots", "Slots"}, {"strategy", "Strategy"}, {"pair-weight", "Pair weight (vs EASE)"},
        {"upsell-min-percent", "Upsell band from %"}, {"upsell-max-percent", "Upsell band to %"}, {"upgrades-first", "Upgrades first"},
        {"max-cart-share-percent", "Max share of cart %"}, {"free-shipping-threshold", "Free-shipping threshold"},
        {"price-cap", "Checkout price cap"}, {"addon-delay-days", "Add-on e-mail day"}, {"consumable-default-days", "Refill day (default)"},
        {"due-lead-days", "Due-again lead days"}, {"in-stock", "In stock only"}, {"low-stock-threshold", "Low-stock threshold"},
        {"exclude-cart", "Skip items in the cart"}, {"exclude-bought", "Skip items already bought"},
        {"consumables-due-again", "Offer refills when due"}, {"recommendable-only", "Recommendable only"},
        {"one-per-family", "One per family"}, {"min-margin-percent", "Minimum margin %"}, {"cannibalisation-guard", "Cannibalisation guard"},
        {"no-duplicates", "No duplicates"}, {"fallback", "Best sellers as fallback"}};
    const auto it = labels.find(key);
    if (it != labels.end()) return QCoreApplication::translate("mb::PolicyPanel", it->second);
    QString s = QString::fromStdString(key).replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

std::string kindsText(const std::vector<RelationKind> &kinds)
{
    std::string s;
    for (RelationKind k : kinds) s += (s.empty() ? "" : ",") + std::string(kindName(k));
    return s;
}

}  // namespace

PolicyPanel::PolicyPanel(QWidget *parent) : QWidget(parent), placement_(new QComboBox(this)), pages_(new QStackedWidget(this))
{
    shown_ = defaultPolicies();
    for (Placement p : allPlacements) {
        placement_->addItem(placementTitle(p));
        pages_->addWidget(buildForm(p));
    }
    connect(placement_, qOverload<int>(&QComboBox::currentIndexChanged), pages_, &QStackedWidget::setCurrentIndex);
    auto *title = new QLabel(tr("Placement policies"), this);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    title->setFont(f);
    auto *hint = new QLabel(tr("Every change is saved at once and can be undone (Ctrl+Z)."), this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #5f6670;"));
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(8, 8, 8, 8);
    l->addWidget(title);
    l->addWidget(hint);
    l->addWidget(placement_);
    l->addWidget(pages_, 1);
    setPolicies(shown_);
}

QWidget *PolicyPanel::buildForm(Placement p)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (const PolicyKeyInfo &k : policyKeys(p)) {
        QWidget *e = buildEditor(p, k, page);
        const QString tip = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(k.description), QString::fromUtf8(k.expected));
        e->setToolTip(tip);
        auto *label = new QLabel(keyLabel(k.key), page);
        label->setToolTip(tip);
        form->addRow(label, e);
        editors_[{p, k.key}] = e;
    }
    scroll->setWidget(page);
    return scroll;
}

QWidget *PolicyPanel::buildEditor(Placement p, const PolicyKeyInfo &k, QWidget *parent)
{
    const QString qkey = QString::fromStdString(k.key);
    // Built from the key's typed metadata (placementpolicy.h): the panel offers exactly what the engine accepts.
    switch (k.kind) {
    case PolicyKeyKind::KindList: {
        auto *box = new QWidget(parent);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        for (RelationKind kind : allKinds) {
            auto *c = new QCheckBox(kindTitle(kind), box);
            c->setObjectName(QString::fromLatin1(kindName(kind)));
            c->setStyleSheet(QStringLiteral("QCheckBox { color: %1; font-weight: 600; }").arg(kindColor(kind).name()));
            // A kind the placement never shows (upgrades at checkout) is not offered: it cannot be saved.
            c->setEnabled(std::find(k.choices.begin(), k.choices.end(), kindName(kind)) != k.choices.end());
            v->addWidget(c);
            connect(c, &QCheckBox::toggled, this, [this, p, kind, qkey](bool on) {
                if (updating_) return;
                // Kinds keep their order of preference; a newly allowed kind goes last.
                std::vector<RelationKind> kinds = shown_[size_t(p)].kinds;
                if (on && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
                if (!on) std::erase(kinds, kind);
                Q_EMIT valueEdited(p, qkey, QString::fromStdString(kindsText(kinds)));
            });
        }
        return box;
    }
    case PolicyKeyKind::Choice: {
        auto *c = new QComboBox(parent);
        for (const std::string &choice : k.choices) c->addItem(QString::fromStdString(choice));
        connect(c, &QComboBox::currentTextChanged, this, [this, p, qkey](const QString &v) {
            if (!updating_) Q_EMIT valueEdited(p, qkey, v);
        });
        return c;
    }
    case PolicyKeyKind::Bool: {
        auto *c = new QCheckBox(parent);
        connect(c, &QCheckBox::toggled, this, [this, p, qkey](bool on) {
            if (!updating_) Q_EMIT valueEdited(p, qkey, on ? QStringLiteral("true") : QStringLiteral("false"));
        });
        return c;
    }
    case PolicyKeyKind::Integer: {
        auto *s = new QSpinBox(parent);
        // QSpinBox holds an int: a larger maximum ("0 or more") is capped where no merchandiser reaches.
        s->setRange(int(k.min), int(std::min(k.max, double(std::numeric_limits<int>::max()))));
        s->setKeyboardTracking(false);
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, [this, p, qkey](int v) {
            if (!updating_) Q_EMIT valueEdited(p, qkey, QString::number(v));
        });
        return s;
    }
    case PolicyKeyKind::Number: break;
    }
    auto *d = new QDoubleSpinBox(parent);
    d->setRange(k.min, k.max);
    d->setDecimals(2);
    d->setSingleStep(k.max <= 1 ? 0.05 : 1);
    d->setKeyboardTracking(false);
    connect(d, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this, p, qkey](double v) {
        if (!updating_) Q_EMIT valueEdited(p, qkey, QString::number(v, 'g', 12));
    });
    return d;
}

void PolicyPanel::setPolicies(const PolicySet &policies)
{
    shown_ = policies;
    for (Placement p : allPlacements)
        for (const PolicyKeyInfo &k : policyKeys(p)) showValue(p, k.key, policyValue(policies[size_t(p)], k.key));
}

void PolicyPanel::showValue(Placement p, const std::string &key, const std::string &value)
{
    QWidget *e = editor(p, key);
    if (!e) return;
    const bool was = updating_;
    updating_ = true;
    const QString v = QString::fromStdString(value);
    if (key == "kinds") {
        for (auto *c : e->findChildren<QCheckBox *>()) {
            const auto k = kindFromName(c->objectName().toStdString());
            c->setChecked(k && shown_[size_t(p)].allows(*k));
        }
    } else if (auto *c = qobject_cast<QComboBox *>(e)) {
        c->setCurrentText(v);
    } else if (auto *b = qobject_cast<QCheckBox *>(e)) {
        b->setChecked(v == QLatin1String("true"));
    } else if (auto *s = qobject_cast<QSpinBox *>(e)) {
        s->setValue(v.toInt());
    } else if (auto *d = qobject_cast<QDoubleSpinBox *>(e)) {
        d->setValue(v.toDouble());
    }
    updating_ = was;
}

void PolicyPanel::showPlacement(Placement p) { placement_->setCurrentIndex(int(p)); }
Placement PolicyPanel::currentPlacement() const { return Placement(placement_->currentIndex()); }

QWidget *PolicyPanel::editor(Placement p, const std::string &key) const
{
    const auto it = editors_.find({p, key});
    return it == editors_.end() ? nullptr : it->second;
}

}  // namespace mb
