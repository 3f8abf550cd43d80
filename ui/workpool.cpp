#include "ui/workpool.h"

#include <QThread>
#include <QThreadPool>

namespace mb {

QThreadPool *workPool()
{
    // Function-local: created on first use, waits for its jobs at exit. At least two threads so a long
    // job (mining) never starves a short one (a preview) on a single-core machine.
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
        pool.setObjectName(QStringLiteral("merchbench-work"));
        return true;
    }();
    (void)configured;
    return &pool;
}

}  // namespace mb
