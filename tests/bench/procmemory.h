#pragma once
// This process's resident memory as Linux reports it (/proc/self/status), for the benchmarks' peak figures.
#include <cstring>
#include <fstream>
#include <string>

namespace mbbench {

// Starts a new peak measurement: writing 5 to clear_refs resets VmHWM.
inline void resetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

// A /proc/self/status field in MiB ("VmRSS:" now, "VmHWM:" the peak since the last reset); -1 elsewhere.
inline double rssMiB(const char *field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    const size_t n = std::strlen(field);
    while (std::getline(status, line))
        if (line.compare(0, n, field) == 0) return std::stod(line.substr(n)) / 1024.0;
    return -1;
}

inline double peakRssMiB() { return rssMiB("VmHWM:"); }

}  // namespace mbbench
