#pragma once
// Runs independent tasks on a few std::threads with dynamic scheduling. The mining loops have very uneven
// tasks (a popular item's baskets vs a rare item's), so a shared counter balances better than fixed slices.
// Eigen's own parallelism needs OpenMP, which the build does not use; this keeps both cores busy without it.
#include "core/io/importrecords.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace mb::mining {

inline int threadCount(int requested)
{
    if (requested > 0) return requested;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1 : int(std::min(hw, 8u));
}

// Calls task(i, worker) for every i in [0, count), worker in [0, threads). The calling thread works too and
// is the only one that calls `progress` (the GUI's callback need not be thread-safe): with fraction
// base + span * done / count after each of its tasks. Returns false when progress asked to stop; tasks
// already started finish, no new one starts.
template <typename Task>
bool runTasks(size_t count, int threads, const Task &task, const ProgressFn &progress = {}, double base = 0,
              double span = 1)
{
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::atomic<bool> stop{false};
    auto work = [&](int worker, bool caller) {
        for (;;) {
            if (stop.load(std::memory_order_relaxed)) return;
            const size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= count) return;
            task(i, worker);
            const size_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (caller && progress && !progress(base + span * double(d) / double(count)))
                stop.store(true, std::memory_order_relaxed);
        }
    };
    const int n = int(std::min<size_t>(size_t(std::max(threads, 1)), std::max<size_t>(count, 1)));
    std::vector<std::thread> pool;
    pool.reserve(size_t(n - 1));
    for (int w = 1; w < n; ++w) pool.emplace_back(work, w, false);
    work(0, true);
    for (std::thread &t : pool) t.join();
    return !stop.load();
}

}  // namespace mb::mining
