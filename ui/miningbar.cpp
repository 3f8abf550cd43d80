#include "ui/miningbar.h"

#include "core/mining/minedresults.h"
#include "ui/format.h"
#include "ui/maps/miningrunner.h"
#include "ui/minedcache.h"
#include "ui/workspacedocument.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace mb {

MiningBar::MiningBar(WorkspaceDocument *document, Offer offer, QWidget *parent)
    : QFrame(parent), document_(document), cache_(MinedCache::of(document)), runner_(MiningRunner::of(document)), offer_(offer),
      label_(new QLabel(this)), progress_(new QProgressBar(this)), button_(new QPushButton(this)), cancel_(new QPushButton(tr("Cancel"), this))
{
    // The info bar's look (ui/infobar): it informs and offers one action.
    setObjectName(QStringLiteral("miningBar"));
    setStyleSheet(QStringLiteral("#miningBar { background: #e6f0fb; border: 1px solid #b5cde8; border-radius: 4px; }"));
    button_->setObjectName(QStringLiteral("miningButton"));
    label_->setWordWrap(true);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(260);
    progress_->setTextVisible(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->addWidget(label_, 1);
    layout->addWidget(progress_);
    layout->addWidget(button_);
    layout->addWidget(cancel_);
    connect(button_, &QPushButton::clicked, this, [this] {
        // Re-run repeats the saved parameters; a first run takes the defaults (Mining ▸ Run Mining… sets them).
        runner_->rerun();
        refresh();
    });
    connect(cancel_, &QPushButton::clicked, runner_, &MiningRunner::cancel);
    connect(runner_, &MiningRunner::progress, progress_, &QProgressBar::setValue);
    connect(runner_, &MiningRunner::started, this, &MiningBar::refresh);
    connect(runner_, &MiningRunner::finished, this, &MiningBar::refresh);
    connect(cache_, &MinedCache::minedChanged, this, &MiningBar::refresh);
    connect(document, &WorkspaceDocument::snapshotChanged, this, &MiningBar::refresh);
    refresh();
}

QString MiningBar::text() const { return isHidden() ? QString() : label_->text(); }

void MiningBar::refresh()
{
    const bool running = runner_->isRunning();
    progress_->setVisible(running);
    cancel_->setVisible(running);
    button_->setVisible(!running);
    const auto snap = document_->snapshot();
    const auto mined = cache_->resultsFor(snap);
    if (running) {
        label_->setText(tr("Mining the order history: pair statistics, EASE and re-buy intervals…"));
        show();
    } else if (!snap || !mined || snap->basketCount() == 0) {
        hide();  // loading, or nothing to mine
    } else if (!mined->error.empty()) {
        label_->setText(tr("The saved mining results could not be read (%1). Mine again to replace them.").arg(fmt::str(mined->error)));
        button_->setText(tr("Mine Now"));
        show();
    } else if (mined->empty()) {
        if (offer_ == Offer::RerunOnly) {
            hide();
            return;
        }
        label_->setText(tr("Nothing mined yet: mine the order history to get suggestions with their evidence."));
        button_->setText(tr("Mine Now"));
        show();
    } else if (mined->stale) {
        const QString when = QDateTime::fromSecsSinceEpoch(mined->oldestRunAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const int64_t n = mined->ordersImportedSince;
        label_->setText(n > 0 ? tr("Mined suggestions are out of date: %1 %2 imported since the last mining run (%3).")
                                    .arg(fmt::count(n), n == 1 ? tr("order") : tr("orders"), when)
                              : tr("Mined suggestions are out of date: the order history changed since the last mining run (%1).").arg(when));
        button_->setText(tr("Re-run"));
        button_->setToolTip(tr("Mine again with the parameters of the last run"));
        show();
    } else {
        hide();
    }
}

}  // namespace mb
