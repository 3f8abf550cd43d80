#include "ui/maps/pairbrowser.h"

#include "ui/format.h"
#include "ui/maps/mapdata.h"
#include "ui/maps/pairtablemodel.h"
#include "ui/tablestyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace mb {

PairBrowser::PairBrowser(QWidget *parent)
    : QDialog(parent), model_(new PairTableModel(this)), proxy_(new PairFilterProxy(model_, this)), minCount_(new QSpinBox(this)),
      minLift_(new QDoubleSpinBox(this)), category_(new QComboBox(this)), search_(new QLineEdit(this)), table_(new QTableView(this)),
      summary_(new QLabel(this))
{
    setWindowTitle(tr("Pair Statistics"));
    minCount_->setRange(0, 1'000'000);
    minCount_->setObjectName(QStringLiteral("pairMinCount"));
    minCount_->setToolTip(tr("Show pairs bought together in at least this many orders"));
    minLift_->setRange(0, 1000);
    minLift_->setDecimals(1);
    minLift_->setSingleStep(0.5);
    minLift_->setObjectName(QStringLiteral("pairMinLift"));
    minLift_->setToolTip(tr("Show pairs bought together at least this many times more often than chance"));
    category_->setObjectName(QStringLiteral("pairCategory"));
    category_->setMinimumContentsLength(22);
    category_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    search_->setPlaceholderText(tr("Search SKU or title"));
    search_->setClearButtonEnabled(true);

    connect(minCount_, &QSpinBox::valueChanged, this, [this](int v) { proxy_->setMinCount(uint32_t(v)); updateSummary(); });
    connect(minLift_, &QDoubleSpinBox::valueChanged, this, [this](double v) { proxy_->setMinLift(v); updateSummary(); });
    connect(category_, &QComboBox::currentIndexChanged, this, [this] {
        proxy_->setCategory(category_->currentData().isValid() ? category_->currentData().toInt() : -1);
        updateSummary();
    });
    connect(search_, &QLineEdit::textChanged, this, [this](const QString &t) { proxy_->setText(t); updateSummary(); });

    table_->setModel(proxy_);
    setUpTable(table_);
    table_->sortByColumn(PairTableModel::Lift, Qt::DescendingOrder);
    const int widths[] = {105, 200, 105, 200, 72, 72, 84, 56, 64};
    for (int c = 0; c < PairTableModel::ColumnCount; ++c) table_->horizontalHeader()->resizeSection(c, widths[c]);

    auto *filters = new QHBoxLayout;
    auto add = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        filters->addWidget(l);
        filters->addWidget(w);
        filters->addSpacing(10);
    };
    add(tr("Min. &together:"), minCount_);
    add(tr("Min. &lift:"), minLift_);
    add(tr("&Category:"), category_);
    filters->addWidget(search_, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(summary_, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);
    layout->addLayout(bottom);
    resize(1020, 620);
}

void PairBrowser::setSources(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined)
{
    const QVariant chosen = category_->currentData();
    model_->setSources(data, mined);
    {
        const QSignalBlocker block(category_);
        category_->clear();
        category_->addItem(tr("Any category"));
        if (data)
            for (int32_t c = 0; c < int32_t(data->snapshot->categories.size()); ++c) category_->addItem(data->categoryLabel(c), c);
        const int keep = category_->findData(chosen);
        category_->setCurrentIndex(keep > 0 ? keep : 0);
    }
    proxy_->setCategory(category_->currentData().isValid() ? category_->currentData().toInt() : -1);
    updateSummary();
}

void PairBrowser::updateSummary()
{
    const int total = model_->rowCount(), shown = proxy_->rowCount();
    if (total == 0) summary_->setText(tr("No pair statistics yet: mine the order history first (Maps ▸ Mine)."));
    else if (shown == total) summary_->setText(tr("%1 pairs").arg(fmt::count(total)));
    else summary_->setText(tr("%1 of %2 pairs").arg(fmt::count(shown), fmt::count(total)));
}

}  // namespace mb
