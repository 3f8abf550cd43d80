#pragma once
// Letting go of a large shared object off the GUI thread. When the GUI thread drops the last reference to
// a 20M-line store's snapshot or preview engine, freeing its millions of blocks freezes the window for
// half a second or more (measured with bench_gui_snapshotviews: 567 ms CPU in the preview's slot). Handing
// the reference to the work pool makes the pool's thread the one that frees it, if it is the last one.
#include "ui/workpool.h"

#include <QThreadPool>

#include <memory>
#include <utility>

namespace mb {

template <class T>
void releaseOnPool(std::shared_ptr<T> &&object)
{
    if (!object) return;
    workPool()->start([held = std::move(object)]() mutable { held.reset(); });
}

}  // namespace mb
