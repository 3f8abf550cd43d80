#pragma once
// One look for every data table: alternating rows, fixed row height (smooth scrolling over
// hundreds of thousands of rows), sortable headers, no grid.
class QTableView;

namespace mb {

void setUpTable(QTableView *table);

}  // namespace mb
