#pragma once
// The GUI benchmarks' watchdog: a timer due every 5 ms on the GUI thread; the longest gap between two of its
// ticks is the longest the GUI thread could not react (a frame missed, a click unanswered). It also names
// what the thread was delivering when the longest gap began (the first event after the tick before it:
// receiver class, its nearest named or view ancestor, event type), so a figure over budget says where to
// look. Header-only: each benchmark is one program.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>

namespace mbbench {

class GuiWatchdog : public QObject {
public:
    GuiWatchdog()
    {
        timer_.setInterval(5);
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] { tick(); });
    }
    ~GuiWatchdog() override { stop(); }

    void start()
    {
        worst_ = 0;
        culprit_.clear();
        pending_.clear();
        clock_.start();
        last_ = 0;
        timer_.start();
        QCoreApplication::instance()->installEventFilter(this);
    }
    // The longest gap since start(), in ms (the time since the last tick counts as one).
    double stop()
    {
        if (!timer_.isActive()) return double(worst_) / 1e6;
        QCoreApplication::instance()->removeEventFilter(this);
        timer_.stop();
        tick();
        return double(worst_) / 1e6;
    }
    // The longest gap so far, the one still open included.
    double worstMs() const { return double(std::max(worst_, clock_.nsecsElapsed() - last_)) / 1e6; }
    // What the GUI thread began to deliver when the longest gap began ("" when nothing was delivered).
    const QString &culprit() const { return culprit_; }

protected:
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        // Only the first event after a tick: the one the thread was busy with when the next tick was due.
        if (!armed_ || receiver == &timer_) return false;
        armed_ = false;
        pending_ = describe(receiver, event);
        return false;
    }

private:
    void tick()
    {
        const qint64 now = clock_.nsecsElapsed();
        if (now - last_ > worst_) {
            worst_ = now - last_;
            culprit_ = pending_;
        }
        last_ = now;
        armed_ = true;
        pending_.clear();
    }
    static QString describe(QObject *receiver, QEvent *event)
    {
        QString where = QString::fromLatin1(receiver->metaObject()->className());
        for (QObject *o = receiver->parent(); o; o = o->parent())
            if (!o->objectName().isEmpty() || QByteArray(o->metaObject()->className()).endsWith("View")) {
                where += QStringLiteral(" in ") + QString::fromLatin1(o->metaObject()->className());
                if (!o->objectName().isEmpty()) where += QStringLiteral(" \"%1\"").arg(o->objectName());
                break;
            }
        const char *type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        return where + QStringLiteral(" (%1)").arg(type ? QString::fromLatin1(type) : QString::number(int(event->type())));
    }

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0, worst_ = 0;
    bool armed_ = false;
    QString pending_, culprit_;
};

}  // namespace mbbench
