#include "ui/lab/labview.h"

#include "ui/lab/abresultspanel.h"
#include "ui/lab/backtestpanel.h"
#include "ui/workspacedocument.h"

#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mb {

LabView::LabView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent), tabs_(new QTabWidget(this)), backtest_(new BacktestPanel(document, tabs_)), abResults_(new AbResultsPanel(tabs_))
{
    tabs_->addTab(backtest_, tr("&Back-test"));
    tabs_->setTabToolTip(0, tr("How each placement's policy and plain baselines would have done on this store's own history"));
    tabs_->addTab(abResults_, tr("&A/B Results"));
    tabs_->setTabToolTip(1, tr("Read an experiment's results: conversion, AOV and revenue per visitor with confidence intervals, "
                               "warnings when a test cannot be trusted yet, and the sample size the next one needs"));
    abResults_->setMessagePresenter(document->messages());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);
}

void LabView::saveState(QSettings &s) const
{
    s.setValue(QStringLiteral("tab"), tabs_->currentIndex());
    s.beginGroup(QStringLiteral("backtest"));
    backtest_->saveState(s);
    s.endGroup();
}

void LabView::restoreState(QSettings &s)
{
    tabs_->setCurrentIndex(s.value(QStringLiteral("tab"), 0).toInt());
    s.beginGroup(QStringLiteral("backtest"));
    backtest_->restoreState(s);
    s.endGroup();
}

}  // namespace mb
