#pragma once
// The CLI's command registry: each command group lives in its own cmd_*.cpp and registers itself with a
// static Registration, so adding a command never touches main.cpp.
#include "cliargs.h"

#include <QJsonObject>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mb {
class Workspace;
struct Snapshot;
}

namespace mb::cli {

// Exit codes from DESIGN.md.
enum Exit { Success = 0, Usage = 1, BadInput = 2, WorkspaceFailure = 3 };

struct Context {
    std::string workspace;               // --workspace
    int waitMs = -1;                     // --wait: how long a write waits for another writer (-1: default)
    bool json = false;                   // --json
    std::vector<std::string> args;       // everything after the command words

    int usage(const std::string &message) const;   // prints to stderr, returns Usage
    int badInput(const std::string &message) const;
    int workspaceError(const std::string &message) const;
    // A write that failed: a workspace error when the workspace failed it (another program's write lock,
    // read-only, full, damaged), bad input when the request was refused.
    int writeFailed(const Workspace &ws, const std::string &message) const;
    void print(const std::string &text) const;
    void printJson(const QJsonObject &o) const;
    // --out FILE replaced atomically with text, or text on stdout without one. A file that cannot be written
    // (full disk, no permission) is bad input: the message names it and the reason, the old file stays.
    int writeOutput(const std::optional<std::string> &out, const std::string &text) const;

    // Opens --workspace (required); prints the error and returns null when it cannot.
    std::unique_ptr<Workspace> openWorkspace(int &exitCode, bool readOnly = false) const;
    // Opens --workspace into ws and loads its snapshot; prints the error and returns null when it cannot.
    std::shared_ptr<const Snapshot> openSnapshot(std::unique_ptr<Workspace> &ws, int &exitCode, bool readOnly = true) const;
};

struct Command {
    std::string name;      // "import orders", "info"
    std::string synopsis;  // options, for --help
    std::string summary;
    int (*run)(Context &);
};

std::vector<Command> &commands();

struct Registration {
    Registration(std::string name, std::string synopsis, std::string summary, int (*run)(Context &))
    {
        commands().push_back({std::move(name), std::move(synopsis), std::move(summary), run});
    }
};

// Flushes stdout: false, with the system's reason, when anything printed did not reach it (a full disk
// behind "> kpi.csv"; the C library buffers, so the failure may only show here).
bool flushStdout(std::string &reason);

// "1234567" -> "1,234,567": counts are read by people first.
std::string grouped(long long n);

}  // namespace mb::cli
