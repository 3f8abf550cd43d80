#pragma once
// Runs a program as a user's script would (its stdout to /dev/null) and times the whole process: wall
// seconds, and the CPU seconds it spent (user + system), which a machine shared with other work disturbs
// far less than the wall time.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

extern char **environ;

namespace mbbench {

// Seconds, or a negative value when the program failed; *cpu gets its CPU seconds and *peakMiB the child's
// peak resident set.
inline double spawnTimed(const std::vector<std::string> &argv, double *cpu = nullptr, double *peakMiB = nullptr)
{
    std::vector<char *> args;
    for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const bool started = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&fa);
    if (!started) return -1;
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    if (cpu) *cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    if (peakMiB) *peakMiB = double(ru.ru_maxrss) / 1024.0;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? s : -1;
}

}  // namespace mbbench
