// hygiene: the proposals made after an import (core/hygiene) and the merchandiser's answers. `list` shows
// non-merchandise proposals with their reason and evidence, and SKU variants; `apply` confirms proposals
// (the products become not recommendable), `dismiss` remembers a "no"; `merge` and `keep-apart` settle a
// pair of SKU variants.
#include "command.h"

#include "core/hygiene/nonmerchandise.h"
#include "core/hygiene/skuvariants.h"
#include "core/storage/hygienestore.h"
#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

#include <cmath>
#include <cstdio>

namespace mb::cli {
namespace {

QJsonValue number(double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); }

std::string fixed(double v, const char *format)
{
    if (std::isnan(v)) return "-";
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

int runList(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("hygiene list takes no arguments");
    int code = Success;
    std::unique_ptr<Workspace> ws;
    auto snap = ctx.openSnapshot(ws, code);
    if (!snap) return code;
    HygieneStore store(*ws);
    const auto proposals = proposeNonMerchandise(*snap, store.dismissedNonMerchandise());
    const auto variants = findSkuVariants(*snap, store.keptApart());
    if (ctx.json) {
        QJsonArray p, v;
        for (const NonMerchProposal &x : proposals)
            p.append(QJsonObject{{"sku", QString::fromStdString(x.sku)}, {"title", QString::fromStdString(x.title)},
                                 {"kind", QString::fromStdString(x.kind)}, {"reason", QString::fromStdString(x.reason)},
                                 {"rule", x.ruled}, {"learned", x.learned}, {"baskets", qint64(x.baskets)},
                                 {"basket_share", x.basketShare}, {"median_price", number(x.medianPrice)},
                                 {"price_spread", number(x.priceSpread)}, {"credit_share", x.creditShare}});
        for (const SkuVariant &x : variants)
            v.append(QJsonObject{{"canonical", QString::fromStdString(x.canonicalSku)},
                                 {"variant", QString::fromStdString(x.variantSku)},
                                 {"canonical_title", QString::fromStdString(x.canonicalTitle)},
                                 {"variant_title", QString::fromStdString(x.variantTitle)},
                                 {"difference", QString::fromStdString(x.difference)},
                                 {"canonical_lines", qint64(x.canonicalLines)}, {"variant_lines", qint64(x.variantLines)}});
        ctx.printJson({{"non_merchandise", p}, {"sku_variants", v}});
        return Success;
    }
    std::string text = "Non-merchandise proposals (" + std::to_string(proposals.size()) + "; confirm with "
                       "`hygiene apply --non-merch SKU...` or `--all-proposed`, refuse with `hygiene dismiss SKU...`):\n";
    for (const NonMerchProposal &x : proposals)
        text += "  " + x.sku + "\t" + x.title + "\t" + x.kind + "\tbaskets " + fixed(x.basketShare * 100, "%.1f %%") +
                "\tmedian price " + fixed(x.medianPrice, "%.2f") + "\t" + x.reason + "\n";
    text += "SKU variants (" + std::to_string(variants.size()) + "; `hygiene merge CANONICAL VARIANT` or "
            "`hygiene keep-apart SKU SKU`):\n";
    for (const SkuVariant &x : variants)
        text += "  " + x.canonicalSku + " (" + std::to_string(x.canonicalLines) + " lines)\t<- " + x.variantSku + " (" +
                std::to_string(x.variantLines) + " lines)\t" + x.difference + "\t" + x.canonicalTitle + "\n";
    ctx.print(text);
    return Success;
}

int runApply(Context &ctx)
{
    CliArgs a(ctx.args, {}, {"non-merch", "all-proposed"});
    if (!a.ok()) return ctx.usage(a.error());
    const bool all = a.flag("all-proposed");
    if (all == !a.positional().empty() || (!all && !a.flag("non-merch")))
        return ctx.usage("hygiene apply takes --non-merch SKU... or --all-proposed");
    int code = Success;
    std::unique_ptr<Workspace> ws;
    auto snap = ctx.openSnapshot(ws, code, false);
    if (!snap) return code;
    HygieneStore store(*ws);
    std::vector<int64_t> ids;
    std::vector<std::string> skus;
    if (all) {
        for (const NonMerchProposal &x : proposeNonMerchandise(*snap, store.dismissedNonMerchandise())) {
            ids.push_back(snap->products[x.product].id);
            skus.push_back(x.sku);
        }
    } else {
        for (const std::string &sku : a.positional()) {
            const int32_t i = snap->productIndex(sku);
            if (i < 0) return ctx.badInput("hygiene apply: no product has the SKU \"" + sku + "\"");
            ids.push_back(snap->products[size_t(i)].id);
            skus.push_back(sku);
        }
    }
    std::string error;
    if (!ids.empty() && !RelationStore(*ws).setNonMerchandise(ids, true, error)) return ctx.writeFailed(*ws, error);
    if (ctx.json) {
        QJsonArray s;
        for (const std::string &x : skus) s.append(QString::fromStdString(x));
        ctx.printJson({{"not_recommendable", s}});
    } else {
        std::string text;
        for (const std::string &x : skus) text += "  " + x + "\n";
        ctx.print(text + std::to_string(skus.size()) + " product(s) marked not recommendable and non-merchandise (left out of mining)\n");
    }
    return Success;
}

int runDismiss(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().empty()) return ctx.usage("hygiene dismiss takes one or more SKUs");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    std::string error;
    if (!HygieneStore(*ws).dismissNonMerchandise(a.positional(), error)) return ctx.writeFailed(*ws, error);
    ctx.print(std::to_string(a.positional().size()) + " proposal(s) dismissed; they are not proposed again\n");
    return Success;
}

int runMerge(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 2) return ctx.usage("hygiene merge takes two SKUs: CANONICAL VARIANT");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    SkuMerge m;
    m.canonicalSku = a.positional()[0];
    m.variantSku = a.positional()[1];
    if (normalSku(m.canonicalSku) != normalSku(m.variantSku))
        return ctx.badInput("hygiene merge: \"" + m.canonicalSku + "\" and \"" + m.variantSku +
                            "\" differ by more than case and spaces");
    std::string error;
    if (!HygieneStore(*ws).mergeSku(m, error)) return ctx.writeFailed(*ws, error);
    if (ctx.json)
        ctx.printJson({{"canonical", QString::fromStdString(m.canonicalSku)}, {"variant", QString::fromStdString(m.variantSku)},
                       {"lines_moved", qint64(m.movedLines.size())}});
    else
        ctx.print(m.variantSku + " merged into " + m.canonicalSku + ": " + std::to_string(m.movedLines.size()) +
                  " order line(s) moved\n");
    return Success;
}

int runKeepApart(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 2) return ctx.usage("hygiene keep-apart takes two SKUs");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    std::string error;
    if (!HygieneStore(*ws).keepApart(a.positional()[0], a.positional()[1], error)) return ctx.writeFailed(*ws, error);
    ctx.print(a.positional()[0] + " and " + a.positional()[1] + " are kept apart; they are not listed again\n");
    return Success;
}

Registration list("hygiene list", "[--json]",
                  "non-merchandise proposals (reason, share of baskets, price) and SKUs that differ only by case or spaces",
                  runList);
Registration apply("hygiene apply", "--non-merch SKU... | --all-proposed [--json]",
                   "confirm non-merchandise proposals: the products become not recommendable and are left out of mining", runApply);
Registration dismiss("hygiene dismiss", "SKU...", "refuse non-merchandise proposals; they are not proposed again",
                     runDismiss);
Registration merge("hygiene merge", "CANONICAL VARIANT [--json]",
                   "move the variant's order lines onto the canonical SKU and remove the variant", runMerge);
Registration keepApart("hygiene keep-apart", "SKU SKU", "remember that two SKU variants are different products",
                       runKeepApart);

}  // namespace
}  // namespace mb::cli
