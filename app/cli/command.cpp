#include "command.h"

#include "core/io/atomicfile.h"
#include "core/io/numbertext.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonDocument>

#include <cerrno>
#include <cstring>

namespace mb::cli {

std::vector<Command> &commands()
{
    static std::vector<Command> list;
    return list;
}

int Context::usage(const std::string &message) const
{
    std::fprintf(stderr, "merchbench-cli: %s (see merchbench-cli --help)\n", message.c_str());
    return Usage;
}

int Context::badInput(const std::string &message) const
{
    std::fprintf(stderr, "%s\n", message.c_str());
    return BadInput;
}

int Context::workspaceError(const std::string &message) const
{
    std::fprintf(stderr, "%s\n", message.c_str());
    return WorkspaceFailure;
}

int Context::writeFailed(const Workspace &ws, const std::string &message) const
{
    return ws.lastWriteError() != WorkspaceError::None ? workspaceError(message) : badInput(message);
}

namespace {
int stdoutErrno = 0;   // the first failure's reason: later calls may overwrite errno before the check

void writeStdout(const char *data, size_t size)
{
    if (std::fwrite(data, 1, size, stdout) != size && !stdoutErrno) stdoutErrno = errno ? errno : EIO;
}
}  // namespace

void Context::print(const std::string &text) const { writeStdout(text.data(), text.size()); }

void Context::printJson(const QJsonObject &o) const
{
    const QByteArray b = QJsonDocument(o).toJson(QJsonDocument::Indented);
    writeStdout(b.data(), size_t(b.size()));
}

bool flushStdout(std::string &reason)
{
    if (std::fflush(stdout) != 0 && !stdoutErrno) stdoutErrno = errno ? errno : EIO;
    if (!stdoutErrno && !std::ferror(stdout)) return true;
    reason = std::strerror(stdoutErrno ? stdoutErrno : EIO);
    return false;
}

int Context::writeOutput(const std::optional<std::string> &out, const std::string &text) const
{
    if (!out) {
        print(text);
        return Success;
    }
    std::string error;
    return writeFileAtomically(*out, text, error) ? Success : badInput(error);
}

std::unique_ptr<Workspace> Context::openWorkspace(int &exitCode, bool readOnly) const
{
    if (workspace.empty()) {
        exitCode = usage("this command needs --workspace FILE");
        return nullptr;
    }
    std::string error;
    WorkspaceError kind = WorkspaceError::None;
    auto ws = Workspace::open(workspace, error, &kind, readOnly);
    // A command that only reads still upgrades an older, writable workspace (after its backup copy)
    // rather than refuse it; a file that is really read-only is refused with the reason.
    if (!ws && readOnly && kind == WorkspaceError::ReadOnly) ws = Workspace::open(workspace, error, &kind, false);
    if (!ws) exitCode = workspaceError(error);
    else if (waitMs >= 0) ws->setBusyTimeout(waitMs);
    return ws;
}

std::shared_ptr<const Snapshot> Context::openSnapshot(std::unique_ptr<Workspace> &ws, int &exitCode, bool readOnly) const
{
    ws = openWorkspace(exitCode, readOnly);
    if (!ws) return nullptr;
    std::string error;
    auto snap = Snapshot::load(*ws, error);
    if (!snap) exitCode = workspaceError(ws->path() + ": cannot load the workspace: " + error);
    return snap;
}

std::string grouped(long long n) { return withThousands(n); }

}  // namespace mb::cli
