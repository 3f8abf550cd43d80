#pragma once
// The application's own thread pool for background work (snapshot loads, imports, mining, previews, KPI
// reports). Never Qt's global pool: Qt 6.4's raster painter waits on the global pool for its own
// drawing jobs (QSemaphore::acquire under QHeaderView::paintEvent), so a long job queued there freezes
// repaints. Every QtConcurrent::run in ui/ passes this pool.
class QThreadPool;

namespace mb {

QThreadPool *workPool();

}  // namespace mb
