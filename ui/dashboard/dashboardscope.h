#pragma once
// What the dashboard's figures were computed over, in words, for every file it exports: the period and each
// filter the merchandiser set, or "whole store" when none is set. Without it a Coffee-only report or chart
// reads like the whole store's once it has left the application.
#include <QString>
#include <QStringList>

namespace mb {

class KpiContext;
struct KpiReport;

struct DashboardScope {
    QString period;        // "2025-12-01 to 2026-05-31, by month"
    QStringList filters;   // "Category: Coffee", "New customers only", "Country: France"; empty = whole store

    bool wholeStore() const { return filters.isEmpty(); }
    // The filters alone: "Filters: Category: Coffee · New customers only" or the whole-store sentence.
    QString filterText() const;
    // One line for a picture's caption: the period, then filterText().
    QString line() const;
};

// From the filter the report was computed for (not the widgets, which may have moved on since), read
// against the context it was computed on (the category index refers to its snapshot).
DashboardScope dashboardScope(const KpiReport &report, const KpiContext &context);

}  // namespace mb
