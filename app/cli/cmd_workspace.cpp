// init, demo, info: making and describing a workspace.
#include "command.h"

#include "core/demo/demogenerator.h"
#include "core/placement/scalestore.h"
#include "core/storage/importlog.h"
#include "core/storage/snapshot.h"
#include "core/storage/snapshotcounts.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace mb::cli {
namespace {

int runInit(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("init takes no arguments");
    if (ctx.workspace.empty()) return ctx.usage("init needs --workspace FILE");
    std::string error;
    if (!Workspace::create(ctx.workspace, error)) return ctx.workspaceError(error);
    if (ctx.json) ctx.printJson({{"workspace", QString::fromStdString(ctx.workspace)}, {"created", true}});
    else ctx.print("Created empty workspace " + ctx.workspace + "\n");
    return Success;
}

// "5000000", "5M", "500K", "1.5M" -> lines; -1 when it is none of those.
long long scaleCount(const std::string &text)
{
    if (text.empty()) return -1;
    double factor = 1;
    std::string digits = text;
    const char last = char(std::toupper(static_cast<unsigned char>(text.back())));
    if (last == 'K' || last == 'M') {
        factor = last == 'K' ? 1e3 : 1e6;
        digits.pop_back();
    }
    if (digits.empty() || digits.find_first_not_of("0123456789.") != std::string::npos) return -1;
    char *end = nullptr;
    const double v = std::strtod(digits.c_str(), &end) * factor;
    if (end != digits.c_str() + digits.size() || !(v >= 1) || v > 4e9) return -1;  // line indices are 32-bit
    return (long long)(v);
}

// The scale store's order lines as a `lines` CSV (what `import orders` reads), written to FILE.tmp and renamed,
// so an interrupted run never leaves a file that looks complete. The catalog is not in it: importing the
// orders creates the products (origin "orders"), which is what a store's order export gives.
bool writeScaleCsv(const std::string &path, const ScaleParameters &p, int64_t &lines, std::string &error)
{
    const std::string tmp = path + ".tmp";
    std::FILE *f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        error = path + ": cannot write: " + std::strerror(errno);
        return false;
    }
    std::vector<char> buffer(1 << 20);
    std::setvbuf(f, buffer.data(), _IOFBF, buffer.size());
    std::fputs("order_id,customer_id,ordered_at,sku,quantity,unit_price\n", f);
    ScaleStoreGenerator gen(p);
    gen.catalog();  // the catalog's draws come first: the orders are the same as in a workspace of the same seed
    OrderBatch batch;
    while (gen.nextOrders(batch)) {
        std::vector<std::string> times;
        times.reserve(batch.orders.size());
        for (const OrderRecord &o : batch.orders) {
            const std::time_t t = std::time_t(o.orderedAt);
            std::tm tm{};
            gmtime_r(&t, &tm);
            char buf[32];
            std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
            times.emplace_back(buf);
        }
        for (const OrderLineRecord &l : batch.lines) {
            const OrderRecord &o = batch.orders[l.order];
            std::fprintf(f, "%s,%s,%s,%s,%g,%.2f\n", o.externalId.c_str(), o.customer.c_str(), times[l.order].c_str(),
                         l.sku.c_str(), l.quantity, l.unitPrice);
        }
        lines += int64_t(batch.lines.size());
        std::fprintf(stderr, "\r%s lines written", grouped(lines).c_str());
    }
    std::fputc('\n', stderr);
    const bool ok = std::fflush(f) == 0 && !std::ferror(f);
    const int savedErrno = errno;
    if (std::fclose(f) != 0 || !ok) {
        error = path + ": cannot write: " + std::strerror(ok ? errno : savedErrno);
        std::remove(tmp.c_str());
        return false;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = path + ": cannot replace: " + std::strerror(errno);
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

// demo --scale N: the synthetic store of core/placement/scalestore.h at N order lines, into a new workspace
// (--workspace) and/or a CSV for the import benchmark (--csv).
int runScaleDemo(Context &ctx, CliArgs &a, long long seed)
{
    const long long lines = scaleCount(*a.value("scale"));
    if (lines < 0) return ctx.usage("--scale: expected a number of order lines such as 1000000, 5M or 500K, not \"" + *a.value("scale") + "\"");
    ScaleParameters p;
    p.seed = uint64_t(seed);
    p.orderLines = lines;
    p.products = a.integer("products", p.products);
    p.customers = a.integer("customers", std::max<long long>(1000, lines * 3 / 50));  // 300,000 at 5M lines
    if (!a.ok()) return ctx.usage(a.error());
    if (p.products < p.departments * p.categoriesPerDepartment)
        return ctx.usage("--products: expected at least " + std::to_string(p.departments * p.categoriesPerDepartment) +
                         " (one per category), not " + std::to_string(p.products));
    if (p.customers < 1) return ctx.usage("--customers: expected at least 1");
    const std::optional<std::string> csv = a.value("csv");
    if (ctx.workspace.empty() && !csv) return ctx.usage("demo --scale needs --workspace FILE, --csv FILE or both");
    const auto started = std::chrono::steady_clock::now();
    QJsonObject out{{"seed", seed}, {"orderLines", qint64(lines)}, {"products", qint64(p.products)}, {"customers", qint64(p.customers)}};
    std::string text;
    std::string error;
    if (csv) {
        int64_t written = 0;
        if (!writeScaleCsv(*csv, p, written, error)) return ctx.badInput(error);
        out.insert("csv", QString::fromStdString(*csv));
        text += "Wrote " + grouped(written) + " order lines to " + *csv + "\n";
    }
    if (!ctx.workspace.empty()) {
        auto ws = Workspace::create(ctx.workspace, error);
        if (!ws) return ctx.workspaceError(error);
        if (ctx.waitMs >= 0) ws->setBusyTimeout(ctx.waitMs);
        ScaleReport r;
        const bool ok = writeScaleStore(*ws, p, r, error, [](int64_t done) {
            std::fprintf(stderr, "\r%s lines written", grouped(done).c_str());
            return true;
        });
        std::fputc('\n', stderr);
        if (!ok) {
            // The file is ours (create refuses an existing one) and half written: it goes, so no one opens
            // a store that looks complete.
            const int code = ctx.writeFailed(*ws, error);
            ws.reset();
            for (const char *suffix : {"", "-wal", "-shm"}) std::remove((ctx.workspace + suffix).c_str());
            return code;
        }
        out.insert("workspace", QString::fromStdString(ctx.workspace));
        out.insert("orders", qint64(r.orders));
        out.insert("relations", qint64(r.relations));
        text += "Created scale workspace " + ctx.workspace + ": " + grouped(r.products) + " products, " + grouped(r.orders) +
                " orders, " + grouped(r.lines) + " order lines (seed " + std::to_string(seed) + ")\n";
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    out.insert("seconds", seconds);
    if (ctx.json) ctx.printJson(out);
    else ctx.print(text);
    return Success;
}

int runDemo(Context &ctx)
{
    CliArgs a(ctx.args, {"seed", "scale", "products", "customers", "csv"}, {});
    const bool scale = a.value("scale").has_value();
    const long long seed = a.integer("seed", scale ? 7 : 42);
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("demo takes no arguments besides its options");
    if (scale) return runScaleDemo(ctx, a, seed);
    if (a.value("products") || a.value("customers") || a.value("csv")) return ctx.usage("--products, --customers and --csv need --scale");
    if (ctx.workspace.empty()) return ctx.usage("demo needs --workspace FILE");
    DemoParameters p;
    p.seed = uint64_t(seed);
    p.mine = true;  // the demo store comes with its mining done, as the app shows it at first start
    std::string error;
    if (!createDemoWorkspace(ctx.workspace, p, error)) return ctx.workspaceError(error);
    if (ctx.json) ctx.printJson({{"workspace", QString::fromStdString(ctx.workspace)}, {"seed", seed}});
    else ctx.print("Created demo workspace " + ctx.workspace + " (seed " + std::to_string(seed) + ")\n");
    return Success;
}

int runInfo(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    std::unique_ptr<Workspace> ws;
    // Counted from the snapshot, as the GUI's status bar counts: from its cache when current (2.4 s at 50M
    // lines), where Workspace::counts() scans order_lines with two count(DISTINCT) joins (~40 s at 50M).
    const auto snap = ctx.openSnapshot(ws, code, true);
    if (!snap) return code;
    const WorkspaceCounts c = countsOf(*snap, *ws);
    const std::vector<ImportLogEntry> imports = importLog(*ws);
    if (ctx.json) {
        QJsonArray log;
        for (const ImportLogEntry &i : imports)
            log.append(QJsonObject{{"file", QString::fromStdString(i.file)}, {"format", QString::fromStdString(i.format)},
                                   {"kind", QString::fromStdString(i.kind)}, {"rowsRead", qint64(i.rowsRead)}, {"imported", qint64(i.imported)},
                                   {"rejected", qint64(i.rejected)}, {"duplicates", qint64(i.duplicates)}});
        ctx.printJson({{"workspace", QString::fromStdString(ws->path())},
                       {"schemaVersion", Workspace::SchemaVersion},
                       {"products", qint64(c.products)}, {"categories", qint64(c.categories)}, {"customers", qint64(c.customers)},
                       {"orders", qint64(c.orders)}, {"orderLines", qint64(c.orderLines)}, {"baskets", qint64(c.baskets)},
                       {"itemsInBaskets", qint64(c.basketItems)}, {"importedRelations", qint64(c.importedRelations)},
                       {"historyVersion", qint64(ws->historyVersion())}, {"imports", log}});
        return Success;
    }
    std::string out = "Workspace " + ws->path() + "\n";
    auto row = [&](const char *label, long long n) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "  %-20s %12s\n", label, grouped(n).c_str());
        out += buf;
    };
    row("products", c.products);
    row("categories", c.categories);
    row("customers", c.customers);
    row("orders", c.orders);
    row("order lines", c.orderLines);
    row("baskets", c.baskets);
    row("items in baskets", c.basketItems);
    row("imported relations", c.importedRelations);
    if (!imports.empty()) out += "Imports:\n";
    for (const ImportLogEntry &i : imports)
        out += "  " + i.kind + " " + i.format + " " + i.file + ": " + grouped(i.rowsRead) + " rows read, " + grouped(i.imported) +
               " imported, " + grouped(i.rejected) + " rejected, " + grouped(i.duplicates) + " exact duplicates\n";
    ctx.print(out);
    return Success;
}

Registration init("init", "", "create an empty workspace at --workspace", runInit);
Registration demo("demo", "[--seed N] [--scale LINES [--products N] [--customers N] [--csv FILE]]",
                  "create the demo store workspace at --workspace (same seed, same store); with --scale, a synthetic "
                  "store of LINES order lines (5M, 20M, ...; 100K products) in a new --workspace and/or a --csv of its orders",
                  runDemo);
Registration info("info", "[--json]", "counts of products, categories, customers, orders, lines, baskets, relations",
                  runInfo);

}  // namespace
}  // namespace mb::cli
