#pragma once
// One task's hit rates as horizontal bars, a method per row (in the table's order, top down): hit rate at
// the placement's slots and at the longer list, so the current policy and each baseline compare at a glance.
#include "core/backtest/backtest.h"

#include <vector>

class QChartView;
class QWidget;

namespace mb {

QChartView *makeBacktestChart(const std::vector<BacktestRow> &rows, int listLength, QWidget *parent = nullptr);

}  // namespace mb
