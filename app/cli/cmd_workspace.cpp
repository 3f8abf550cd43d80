// init, demo, info: making and describing a workspace.
#include "command.h"

#include "core/demo/demogenerator.h"
#include "core/storage/importlog.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

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

int runDemo(Context &ctx)
{
    CliArgs a(ctx.args, {"seed"}, {});
    const long long seed = a.integer("seed", 42);
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("demo takes no arguments besides --seed");
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
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    const WorkspaceCounts c = ws->counts();
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
Registration demo("demo", "[--seed N]", "create the demo store workspace at --workspace (same seed, same store)", runDemo);
Registration info("info", "[--json]", "counts of products, categories, customers, orders, lines, baskets, relations",
                  runInfo);

}  // namespace
}  // namespace mb::cli
