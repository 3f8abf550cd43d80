#pragma once
// Background work where only the newest request matters: a table's rows for the filter and sort the user
// chose last, a view's data for the history the document holds now. One job runs at a time on the app's
// work pool; a request made meanwhile waits, replacing any request that was waiting before it, and starts
// when the running job ends; the result of a job that a newer request superseded is dropped. So fast
// typing or clicking queues at most one stale job, and `done` sees only the newest result, on the thread
// of `owner` (the GUI thread).
//
// The job must capture what it reads by value (shared snapshots, copies of the query), never the owner:
// a job may still run after the owner is gone (its result is then dropped with the watcher).
#include "ui/workpool.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <optional>
#include <utility>

namespace mb {

template <class T>
class LatestRun {
public:
    LatestRun(QObject *owner, std::function<void(T)> done) : watcher_(new QFutureWatcher<T>(owner)), done_(std::move(done))
    {
        QObject::connect(watcher_, &QFutureWatcherBase::finished, owner, [this] { onFinished(); });
    }
    LatestRun(const LatestRun &) = delete;
    LatestRun &operator=(const LatestRun &) = delete;
    ~LatestRun() { wait(); }

    void run(std::function<T()> job)
    {
        if (watcher_->isRunning()) {
            waiting_ = std::move(job);
            return;
        }
        start(std::move(job));
    }
    // A job is running or waiting: its result is still to come.
    bool isBusy() const { return watcher_->isRunning() || waiting_.has_value(); }
    // Forget what is waiting and ignore what runs (a view that closes, or that will ask anew).
    void drop()
    {
        waiting_.reset();
        dropRunning_ = watcher_->isRunning();
    }
    void wait() { watcher_->waitForFinished(); }

private:
    void start(std::function<T()> job)
    {
        dropRunning_ = false;
        watcher_->setFuture(QtConcurrent::run(workPool(), std::move(job)));
    }
    void onFinished()
    {
        if (waiting_) {
            auto job = std::move(*waiting_);
            waiting_.reset();
            return start(std::move(job));
        }
        if (dropRunning_) return;
        done_(watcher_->result());
    }

    QFutureWatcher<T> *watcher_;
    std::function<void(T)> done_;
    std::optional<std::function<T()>> waiting_;
    bool dropRunning_ = false;
};

}  // namespace mb
