#include "ui/format.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace mb::fmt {

namespace {
// The "C" locale (offscreen runs, minimal containers) has no group separator; big counts then become
// unreadable, so fall back to English grouping there.
const QLocale &locale()
{
    static const QLocale l = QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                                 : QLocale();
    return l;
}
}  // namespace

QString money(double value)
{
    if (std::isnan(value)) return {};
    return locale().toString(value, 'f', 2);
}

QString count(int64_t value) { return locale().toString(qlonglong(value)); }

QString percent(double value)
{
    if (std::isnan(value)) return {};
    return locale().toString(value, 'f', 1) + QStringLiteral(" %");
}

QString quantity(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15) return locale().toString(qlonglong(value));
    return locale().toString(value, 'f', 2);
}

QString dateTime(int64_t utcSeconds, int offsetMinutes)
{
    // Shown in the store's own offset, as the file recorded it, not the viewer's time zone.
    const QDateTime t = QDateTime::fromSecsSinceEpoch(utcSeconds + int64_t(offsetMinutes) * 60, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace mb::fmt
