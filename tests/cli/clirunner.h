#pragma once
// Runs the merchbench-cli binary the way a script would, for the CLI tests: exit code, stdout, stderr.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mbtest {

struct CliResult {
    int code;   // -1 when the process crashed or did not finish
    QByteArray out, err;
};

// stdoutFile: where standard output goes instead of being captured (a full disk, /dev/full).
inline CliResult cli(const QStringList &args, const QString &stdoutFile = {})
{
    QProcess p;
    if (!stdoutFile.isEmpty()) p.setStandardOutputFile(stdoutFile);
    p.start(QStringLiteral(MB_CLI_PATH), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

}  // namespace mbtest
