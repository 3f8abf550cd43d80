#include "ui/tablestyle.h"

#include <QHeaderView>
#include <QTableView>

namespace mb {

void setUpTable(QTableView *table)
{
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setShowGrid(false);
    table->setSortingEnabled(true);
    table->setWordWrap(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *v = table->verticalHeader();
    v->setVisible(false);
    // Fixed heights: the view never measures rows, which keeps scrolling cheap on big tables.
    v->setSectionResizeMode(QHeaderView::Fixed);
    v->setDefaultSectionSize(table->fontMetrics().height() + 10);
    QHeaderView *h = table->horizontalHeader();
    h->setHighlightSections(false);
    h->setStretchLastSection(false);
    h->setSectionsMovable(true);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    h->setMinimumSectionSize(50);
}

}  // namespace mb
