// products non-merchandise: the one-click rule that keeps postage, fees and vouchers out of every
// recommendation.
#include "command.h"

#include "core/storage/relationstore.h"
#include "core/storage/catalognames.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

namespace mb::cli {
namespace {

int runNonMerchandise(Context &ctx)
{
    CliArgs a(ctx.args, {}, {"apply"});
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    auto ws = ctx.openWorkspace(code, !a.flag("apply"));
    if (!ws) return code;
    RelationStore store(*ws);
    const std::vector<int64_t> ids = store.nonMerchandiseCandidates();
    QJsonArray rows;
    std::string text;
    for (const ProductName &p : productNames(*ws, ids)) {
        rows.append(QJsonObject{{"sku", QString::fromStdString(p.sku)}, {"title", QString::fromStdString(p.title)}});
        text += "  " + p.sku + "\t" + p.title + "\n";
    }
    if (a.flag("apply")) {
        if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was changed");
        std::string error;
        if (!store.setNonMerchandise(ids, true, error)) return ctx.workspaceError(error);
    }
    if (ctx.json) {
        ctx.printJson({{"products", rows}, {"applied", a.flag("apply")}});
    } else {
        ctx.print(text + grouped(long(ids.size())) + (a.flag("apply") ? " products marked not recommendable\n"
                                                                     : " products look like no merchandise (run with --apply to mark them)\n"));
    }
    return Success;
}

Registration nonMerchandise("products non-merchandise", "[--apply] [--json]",
                            "postage, fees, vouchers and adjustments by SKU or title; --apply marks them not recommendable and non-merchandise (left out of mining)",
                            runNonMerchandise);

}  // namespace
}  // namespace mb::cli
