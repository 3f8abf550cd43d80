#include "ui/miningdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mb {

namespace {

// Tags and sources as typed, comma-separated; a platform's own tags never hold a comma (Shopify writes a
// tag list that way), so a comma always separates two.
std::vector<std::string> listOf(const QString &text)
{
    std::vector<std::string> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = part.trimmed(); !t.isEmpty()) out.push_back(t.toStdString());
    return out;
}

QString textOf(const std::vector<std::string> &list)
{
    QStringList parts;
    for (const std::string &s : list) parts << QString::fromStdString(s);
    return parts.join(QStringLiteral(", "));
}

QDoubleSpinBox *fraction(QWidget *parent, int decimals)
{
    auto *b = new QDoubleSpinBox(parent);
    b->setRange(0, 1);
    b->setDecimals(decimals);
    b->setSingleStep(decimals > 3 ? 0.0005 : 0.01);
    return b;
}

}  // namespace

MiningDialog::MiningDialog(const MiningSettings &settings, QWidget *parent)
    : QDialog(parent), minCount_(new QSpinBox(this)), topPerAnchor_(new QSpinBox(this)), topMinCount_(new QSpinBox(this)), minSupport_(fraction(this, 4)), minConfidence_(fraction(this, 3)),
      lambda_(new QDoubleSpinBox(this)), minBaskets_(new QSpinBox(this)), topK_(new QSpinBox(this)), minIntervals_(new QSpinBox(this)),
      excludeTags_(new QLineEdit(this)), excludeSources_(new QLineEdit(this))
{
    setWindowTitle(tr("Run Mining"));
    minCount_->setRange(1, 1000000);
    minCount_->setToolTip(tr("Baskets that must hold both products; with the minimum support the stricter one wins"));
    minSupport_->setToolTip(tr("Share of all baskets that must hold both products"));
    minConfidence_->setToolTip(tr("Share of the first product's baskets that also hold the second (its attach rate)"));
    topPerAnchor_->setRange(0, 100000);
    topPerAnchor_->setSpecialValueText(tr("none"));
    topPerAnchor_->setToolTip(tr("Besides the pairs above the thresholds, each product keeps this many of its strongest partners "
                                 "(0: none), so a product with little history still has its best evidence"));
    topMinCount_->setRange(1, 1000000);
    topMinCount_->setToolTip(tr("A product's strongest partners must still have been bought with it in this many baskets"));
    lambda_->setRange(1, 1e7);
    lambda_->setDecimals(0);
    lambda_->setToolTip(tr("EASE regularisation: larger values trust rare co-purchases less"));
    minBaskets_->setRange(1, 1000000);
    minBaskets_->setToolTip(tr("Products in fewer baskets are left out of the EASE model"));
    topK_->setRange(1, 200);
    minIntervals_->setRange(1, 100000);
    minIntervals_->setToolTip(tr("Products re-bought fewer times say too little about a re-buy interval"));
    excludeTags_->setPlaceholderText(tr("e.g. Subscription Recurring Order"));
    excludeTags_->setToolTip(tr("Orders with any of these tags (comma-separated, whole tags, any case) are left out of all three"));
    excludeSources_->setPlaceholderText(tr("e.g. subscription_contract"));
    excludeSources_->setToolTip(tr("Orders from any of these sources (comma-separated, any case) are left out of all three"));

    auto group = [this](const QString &title) {
        auto *g = new QGroupBox(title, this);
        return std::make_pair(g, new QFormLayout(g));
    };
    auto [pairs, pf] = group(tr("Pair statistics (frequently bought together)"));
    pf->addRow(tr("Minimum baskets together:"), minCount_);
    pf->addRow(tr("Minimum support:"), minSupport_);
    pf->addRow(tr("Minimum confidence:"), minConfidence_);
    pf->addRow(tr("Strongest partners kept per product:"), topPerAnchor_);
    pf->addRow(tr("... each in at least this many baskets:"), topMinCount_);
    auto [ease, ef] = group(tr("EASE (products bought by the same shoppers)"));
    ef->addRow(tr("Lambda:"), lambda_);
    ef->addRow(tr("Minimum baskets per product:"), minBaskets_);
    ef->addRow(tr("Neighbours kept per product:"), topK_);
    auto [repl, rf] = group(tr("Re-buy intervals"));
    rf->addRow(tr("Minimum repeat intervals:"), minIntervals_);
    auto [excl, xf] = group(tr("Orders left out"));
    xf->addRow(tr("Order tags:"), excludeTags_);
    xf->addRow(tr("Order sources:"), excludeSources_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Mine"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] { setSettings(MiningSettings()); });

    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("Mines the whole order history on a worker and replaces the saved results; the suggestions in Maps "
                               "and the preview use them."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    for (QGroupBox *g : {pairs, ease, repl, excl}) layout->addWidget(g);
    layout->addWidget(buttons);
    setSettings(settings);
}

void MiningDialog::setSettings(const MiningSettings &s)
{
    minCount_->setValue(int(s.pairs.minCount));
    minSupport_->setValue(s.pairs.minSupport);
    minConfidence_->setValue(s.pairs.minConfidence);
    topPerAnchor_->setValue(int(s.pairs.topPerAnchor));
    topMinCount_->setValue(int(s.pairs.topMinCount));
    lambda_->setValue(s.ease.lambda);
    minBaskets_->setValue(int(s.ease.minBaskets));
    topK_->setValue(s.ease.topK);
    minIntervals_->setValue(int(s.replenishment.minIntervals));
    excludeTags_->setText(textOf(s.pairs.exclude.tags));
    excludeSources_->setText(textOf(s.pairs.exclude.sources));
}

MiningSettings MiningDialog::settings() const
{
    MiningSettings s;
    s.pairs.minCount = uint32_t(minCount_->value());
    s.pairs.minSupport = minSupport_->value();
    s.pairs.minConfidence = minConfidence_->value();
    s.pairs.topPerAnchor = uint32_t(topPerAnchor_->value());
    s.pairs.topMinCount = uint32_t(topMinCount_->value());
    s.ease.lambda = lambda_->value();
    s.ease.minBaskets = uint32_t(minBaskets_->value());
    s.ease.topK = topK_->value();
    s.replenishment.minIntervals = uint32_t(minIntervals_->value());
    OrderExclusion e;
    e.tags = listOf(excludeTags_->text());
    e.sources = listOf(excludeSources_->text());
    s.setExclusion(e);
    return s;
}

}  // namespace mb
