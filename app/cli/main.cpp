// merchbench-cli: the engine without a display, for scripts, tests and benchmarks.
#include "command.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <string>

using namespace mb::cli;

// Words of a long summary on lines of at most `width` characters, each after `indent`.
static std::string wrapped(const std::string &text, size_t indent, size_t width)
{
    std::string out, line;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n" + std::string(indent, ' ');
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out + line;
}

static void printHelp()
{
    std::printf("usage: merchbench-cli --workspace FILE [--json] [--wait SECONDS] COMMAND [options]\n\n"
                "  --wait SECONDS     how long a write waits for another program's write lock (default 15)\n\ncommands:\n");
    auto list = commands();
    std::sort(list.begin(), list.end(), [](const Command &a, const Command &b) { return a.name < b.name; });
    for (const Command &c : list)
        std::printf("  %-18s %s\n  %-18s   %s\n", c.name.c_str(), wrapped(c.synopsis, 21, 96).c_str(), "",
                    wrapped(c.summary, 23, 94).c_str());
    std::printf("\nexit codes: 0 success, 1 usage error, 2 bad input, 3 workspace error\n");
}

// Output redirected to a file (kpi --csv > kpi.csv) on a full disk: without this check the command would
// report success over a truncated file.
static int checkStdout()
{
    std::string reason;
    if (flushStdout(reason)) return Success;
    const QString target = QFileInfo(QStringLiteral("/proc/self/fd/1")).symLinkTarget();   // Linux: the file's name
    std::fprintf(stderr, "%s: cannot write: %s\n", target.isEmpty() ? "standard output" : qPrintable(target), reason.c_str());
    return BadInput;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);  // for Qt's file and JSON classes; no event loop is run
    QCoreApplication::setApplicationName("merchbench-cli");
    QCoreApplication::setApplicationVersion(MB_VERSION);
    Context ctx;
    std::vector<std::string> rest;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") { printHelp(); return checkStdout(); }
        if (a == "--version") { std::printf("merchbench-cli %s\n", MB_VERSION); return checkStdout(); }
        if (a == "--json") { ctx.json = true; continue; }
        if (a == "--wait") {
            bool ok = false;
            const double seconds = i + 1 < argc ? QString::fromLocal8Bit(argv[++i]).toDouble(&ok) : 0;
            if (!ok || seconds < 0) return ctx.usage("option --wait needs a number of seconds");
            ctx.waitMs = int(seconds * 1000);
            continue;
        }
        if (a == "--workspace" || a.rfind("--workspace=", 0) == 0) {
            if (a == "--workspace") {
                if (i + 1 >= argc) return ctx.usage("option --workspace needs a file name");
                ctx.workspace = argv[++i];
            } else {
                ctx.workspace = a.substr(std::strlen("--workspace="));
            }
            continue;
        }
        rest.push_back(a);
    }
    if (rest.empty()) { printHelp(); return Usage; }
    // The longest registered command name that the words start with ("import orders" before "import").
    const Command *best = nullptr;
    size_t bestWords = 0;
    for (const Command &c : commands()) {
        std::vector<std::string> words;
        size_t start = 0;
        for (size_t p = 0; p <= c.name.size(); ++p)
            if (p == c.name.size() || c.name[p] == ' ') { words.push_back(c.name.substr(start, p - start)); start = p + 1; }
        if (words.size() > rest.size() || words.size() <= bestWords) continue;
        if (std::equal(words.begin(), words.end(), rest.begin())) { best = &c; bestWords = words.size(); }
    }
    if (!best) return ctx.usage("unknown command \"" + rest.front() + "\"");
    ctx.args.assign(rest.begin() + long(bestWords), rest.end());
    const int code = best->run(ctx);
    return code == Success ? checkStdout() : code;
}
