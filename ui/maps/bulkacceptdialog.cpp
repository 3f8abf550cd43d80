#include "ui/maps/bulkacceptdialog.h"

#include "ui/format.h"
#include "ui/maps/kindtext.h"
#include "ui/maps/mapdata.h"
#include "ui/tablestyle.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mb {

BulkAcceptDialog::BulkAcceptDialog(std::shared_ptr<const MapData> data, std::shared_ptr<const MinedResults> mined, QWidget *parent)
    : QDialog(parent), data_(std::move(data)), mined_(std::move(mined)), minCount_(new QSpinBox(this)),
      minConfidence_(new QDoubleSpinBox(this)), minLift_(new QDoubleSpinBox(this)), model_(new QStandardItemModel(this)),
      table_(new QTableView(this)), summary_(new QLabel(this))
{
    setWindowTitle(tr("Accept Suggestions in Bulk"));
    // Defaults stricter than the list's: a bulk accept should only take what is clearly there.
    minCount_->setRange(1, 1'000'000);
    minCount_->setValue(10);
    minConfidence_->setRange(0, 100);
    minConfidence_->setSuffix(QStringLiteral(" %"));
    minConfidence_->setDecimals(0);
    minConfidence_->setValue(20);
    minLift_->setRange(0, 1000);
    minLift_->setDecimals(1);
    minLift_->setSingleStep(0.5);
    minLift_->setValue(3);
    minCount_->setObjectName(QStringLiteral("bulkMinCount"));
    minConfidence_->setObjectName(QStringLiteral("bulkMinConfidence"));
    minLift_->setObjectName(QStringLiteral("bulkMinLift"));

    auto *thresholds = new QHBoxLayout;
    auto add = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        thresholds->addWidget(l);
        thresholds->addWidget(w);
        thresholds->addSpacing(12);
    };
    add(tr("Bought together in at least"), minCount_);
    add(tr("orders, attach rate at least"), minConfidence_);
    add(tr("lift at least"), minLift_);
    thresholds->addStretch(1);

    model_->setHorizontalHeaderLabels({tr("Anchor"), tr("Adds"), tr("As"), tr("Evidence")});
    table_->setModel(model_);
    setUpTable(table_);
    table_->setSortingEnabled(false);
    const int widths[] = {230, 250, 100};
    for (int c = 0; c < 3; ++c) table_->horizontalHeader()->resizeSection(c, widths[c]);
    table_->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    accept_ = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(summary_, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every product's suggestions above these thresholds become relations of the suggested kind "
                                "(source “mined”). One undo step takes them all back."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(thresholds);
    layout->addWidget(table_, 1);
    layout->addLayout(bottom);
    resize(1040, 560);

    connect(minCount_, &QSpinBox::valueChanged, this, &BulkAcceptDialog::refresh);
    connect(minConfidence_, &QDoubleSpinBox::valueChanged, this, &BulkAcceptDialog::refresh);
    connect(minLift_, &QDoubleSpinBox::valueChanged, this, &BulkAcceptDialog::refresh);
    refresh();
}

void BulkAcceptDialog::setThresholds(uint32_t minCount, double minConfidence, double minLift)
{
    const QSignalBlocker a(minCount_), b(minConfidence_), c(minLift_);
    minCount_->setValue(int(minCount));
    minConfidence_->setValue(minConfidence * 100);
    minLift_->setValue(minLift);
    refresh();
}

void BulkAcceptDialog::refresh()
{
    preview_.clear();
    if (data_ && mined_ && !mined_->empty()) {
        SuggestionFilter f;
        f.minCount = uint32_t(minCount_->value());
        f.minConfidence = minConfidence_->value() / 100.0;
        f.minLift = minLift_->value();
        f.includeEaseOnly = false;  // a bulk accept stands on the pair statistics the thresholds are about
        preview_ = SuggestionEngine(*data_->snapshot, *data_->resolver, *mined_).all(f);
    }
    model_->removeRows(0, model_->rowCount());
    for (const Suggestion &s : preview_) {
        QList<QStandardItem *> row{new QStandardItem(data_->productLabel(s.anchor)), new QStandardItem(data_->productLabel(s.target)),
                                   new QStandardItem(kindTitle(s.kind.kind)), new QStandardItem(QString::fromStdString(s.evidence))};
        row[2]->setToolTip(tr("Suggested because %1").arg(QString::fromStdString(s.kind.reasoning)));
        for (QStandardItem *i : row) i->setEditable(false);
        model_->appendRow(row);
    }
    const int n = int(preview_.size());
    summary_->setText(n ? (n == 1 ? tr("1 relation will be added") : tr("%1 relations will be added").arg(fmt::count(n))) : tr("Nothing above these thresholds"));
    accept_->setText(n ? (n == 1 ? tr("Add 1 Relation") : tr("Add %1 Relations").arg(n)) : tr("Add"));
    accept_->setEnabled(n > 0);
}

}  // namespace mb
