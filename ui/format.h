#pragma once
// Number and text formatting shared by the views, so money and counts look the same everywhere.
#include <QString>

#include <cstdint>
#include <string>

namespace mb::fmt {

QString money(double value);          // "1,234.50"; "" for NAN (unknown)
QString count(int64_t value);         // "541,909"
QString percent(double value);        // "42.5 %"; "" for NAN
QString quantity(double value);       // "3" or "2.5"
QString dateTime(int64_t utcSeconds, int offsetMinutes);  // the time as the store recorded it
inline QString str(const std::string &s) { return QString::fromStdString(s); }

}  // namespace mb::fmt
