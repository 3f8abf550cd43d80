// recommend --placement P (--sku SKU | --cart SKU[:QTY],...) ...; policy show; policy set PLACEMENT KEY VALUE.
#include "command.h"

#include "core/io/fieldparse.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

#include <climits>
#include <cmath>

namespace mb::cli {
namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

std::string price(double v)
{
    if (std::isnan(v)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// "2026-10-31" -> days since 1970-01-01; false when it is no calendar date.
bool parseDay(const std::string &s, int32_t &day)
{
    unsigned y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return false;
    static const int monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (int(d) > monthDays[m - 1] || (m == 2 && d == 29 && !leap)) return false;
    day = int32_t(daysFromCivil(y, m, d));
    return true;
}

QJsonObject pickJson(const Snapshot &s, const Recommendation &r)
{
    QJsonArray reasons;
    for (const Reason &x : r.reasons) reasons.append(QJsonObject{{"code", reasonCodeName(x.code)}, {"text", q(x.text)}});
    const SnapshotProduct &p = s.products[r.product];
    QJsonObject o{{"sku", q(p.sku)}, {"title", q(p.title)}, {"kind", kindName(r.kind)}, {"score", r.score},
                  {"source", pickSourceName(r.source)}, {"pitch", q(r.pitch)}, {"reasons", reasons},
                  {"anchor", r.anchor >= 0 ? q(s.products[size_t(r.anchor)].sku) : QString()}};
    o.insert("price", std::isnan(p.price) ? QJsonValue() : QJsonValue(p.price));
    if (r.sendDay >= 0) o.insert("sendDay", r.sendDay);
    return o;
}

int runRecommend(Context &ctx)
{
    CliArgs a(ctx.args, {"placement", "sku", "cart", "customer", "date", "limit"}, {"explain"});
    if (!a.ok()) return ctx.usage(a.error());
    const long long limit = a.integer("limit", 0);
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("recommend takes no positional arguments, got \"" + a.positional().front() + "\"");
    const auto placementText = a.value("placement");
    if (!placementText) return ctx.usage("recommend needs --placement product-page|cart|checkout|post-purchase");
    const auto placement = placementFromName(*placementText);
    if (!placement) return ctx.usage("--placement: \"" + *placementText + "\" is not a placement; expected product-page, cart, checkout or post-purchase");
    const auto sku = a.value("sku");
    const auto cart = a.value("cart");
    if (bool(sku) == bool(cart)) return ctx.usage("recommend needs exactly one of --sku SKU or --cart SKU[:QTY],...");
    if (limit < 0 || limit > 1000) return ctx.usage("--limit: expected a whole number from 1 to 1000, got " + std::to_string(limit));
    RecommendContext rc;
    rc.placement = *placement;
    rc.limit = int(limit);
    if (const auto date = a.value("date"); date && !parseDay(*date, rc.day))
        return ctx.usage("--date: \"" + *date + "\" is not a date; expected YYYY-MM-DD");

    int code = Success;
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    std::string error;
    PolicySet policies;
    if (!loadPolicies(*ws, policies, error)) return ctx.workspaceError(error);
    const auto snap = Snapshot::load(*ws, error);
    if (!snap) return ctx.workspaceError(ws->path() + ": cannot load the workspace: " + error);
    const PlacementEngine engine(*snap, evidenceFor(*ws, *snap).evidence, policies);

    if (sku) {
        rc.anchor = engine.productIndex(*sku);
        if (rc.anchor < 0) return ctx.badInput("--sku: no product with SKU \"" + *sku + "\" in " + ws->path());
    } else {
        std::string_view rest = *cart;
        while (!rest.empty()) {
            const size_t comma = rest.find(',');
            const std::string item(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            // A SKU may itself hold a colon; only a numeric tail after the last one is a quantity.
            std::string itemSku = item;
            double quantity = 1;
            if (const size_t colon = item.rfind(':'); colon != std::string::npos) {
                double v = 0;
                if (parseDecimal(item.substr(colon + 1), v)) {
                    if (v <= 0) return ctx.badInput("--cart: \"" + item + "\": the quantity must be above 0");
                    itemSku = item.substr(0, colon);
                    quantity = v;
                }
            }
            const int32_t p = engine.productIndex(itemSku);
            if (p < 0) return ctx.badInput("--cart: no product with SKU \"" + itemSku + "\" in " + ws->path());
            rc.cart.push_back({uint32_t(p), quantity});
        }
        if (rc.cart.empty()) return ctx.usage("--cart: expected SKU[:QTY],... with at least one SKU");
    }
    if (const auto customer = a.value("customer")) {
        rc.customer = engine.customerIndex(*customer);
        if (rc.customer < 0) return ctx.badInput("--customer: no customer \"" + *customer + "\" in " + ws->path());
    }

    const RecommendResult r = engine.recommend(rc);
    if (!r.error.empty()) return ctx.badInput(r.error);
    const Snapshot &s = *snap;
    const bool explain = a.flag("explain");
    if (ctx.json) {
        QJsonArray picks, left;
        for (const Recommendation &x : r.picks) picks.append(pickJson(s, x));
        QJsonObject o{{"placement", placementName(r.placement)}, {"fallback", r.fallback}, {"picks", picks},
                      {"strategy", strategyName(engine.policy(rc.placement).strategy)}};
        if (sku) o.insert("sku", q(*sku));
        else o.insert("cartSubtotal", r.cartSubtotal);
        if (explain) {
            for (const LeftOut &x : r.leftOut)
                left.append(QJsonObject{{"sku", q(s.products[x.product].sku)}, {"kind", kindName(x.kind)},
                                        {"source", pickSourceName(x.source)}, {"rule", leftOutRuleName(x.rule)}, {"text", q(x.text)}});
            o.insert("leftOut", left);
        }
        ctx.printJson(o);
        return Success;
    }
    std::string out = std::string(placementName(r.placement)) + " for " +
                      (sku ? *sku + " (" + s.products[size_t(rc.anchor)].title + ")" : "a cart of " + price(r.cartSubtotal)) +
                      ": " + std::to_string(r.picks.size()) + " of " + std::to_string(engine.policy(rc.placement).slots) + " slots, strategy " +
                      strategyName(engine.policy(rc.placement).strategy) + (r.fallback ? ", fallback" : "") + "\n";
    int n = 0;
    for (const Recommendation &x : r.picks) {
        const SnapshotProduct &p = s.products[x.product];
        char head[512];
        std::snprintf(head, sizeof head, "%2d. %-16s %-11s %10s  %-8s %s", ++n, p.sku.c_str(), kindName(x.kind), price(p.price).c_str(),
                      pickSourceName(x.source), p.title.c_str());
        out += head;
        if (x.sendDay >= 0) out += "  [day " + std::to_string(x.sendDay) + "]";
        out += "\n";
        if (!x.pitch.empty()) out += "      \"" + x.pitch + "\"\n";
        for (const Reason &why : x.reasons) out += "      - " + why.text + "\n";
    }
    if (r.picks.empty()) out += "  nothing qualifies\n";
    if (explain) {
        out += "left out (" + std::to_string(r.leftOut.size()) + "):\n";
        for (const LeftOut &x : r.leftOut)
            out += "  " + s.products[x.product].sku + " (" + kindName(x.kind) + ", " + pickSourceName(x.source) + "): " +
                   leftOutRuleName(x.rule) + ": " + x.text + "\n";
    }
    ctx.print(out);
    return Success;
}

int runPolicyShow(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("policy show takes no arguments");
    int code = Success;
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    PolicySet set;
    std::string error;
    if (!loadPolicies(*ws, set, error)) return ctx.workspaceError(error);
    if (ctx.json) {
        QJsonObject o;
        for (Placement p : allPlacements) {
            QJsonObject keys;
            for (const PolicyKeyInfo &k : policyKeys(p)) keys.insert(k.key, q(policyValue(set[size_t(p)], k.key)));
            o.insert(placementName(p), keys);
        }
        ctx.printJson(o);
        return Success;
    }
    std::string out;
    for (Placement p : allPlacements) {
        out += std::string(placementName(p)) + ":\n";
        for (const PolicyKeyInfo &k : policyKeys(p)) {
            char line[512];
            std::snprintf(line, sizeof line, "  %-24s %-40s %s\n", k.key, policyValue(set[size_t(p)], k.key).c_str(), k.description);
            out += line;
        }
    }
    ctx.print(out);
    return Success;
}

int runPolicySet(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 3) return ctx.usage("policy set needs PLACEMENT KEY VALUE");
    const auto placement = placementFromName(a.positional()[0]);
    if (!placement)
        return ctx.usage("\"" + a.positional()[0] + "\" is not a placement; expected product-page, cart, checkout or post-purchase");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; the policy was not changed");
    std::string error;
    PolicySet set;
    if (!loadPolicies(*ws, set, error)) return ctx.workspaceError(error);
    // Validate first, so that a bad value is bad input (2) and a failing write a workspace error (3).
    PlacementPolicy check = set[size_t(*placement)];
    if (!setPolicyValue(check, a.positional()[1], a.positional()[2], error)) return ctx.badInput(error);
    if (!savePolicyValue(*ws, *placement, a.positional()[1], a.positional()[2], error)) return ctx.workspaceError(error);
    const std::string stored = policyValue(check, a.positional()[1]);
    if (ctx.json)
        ctx.printJson({{"placement", placementName(*placement)}, {"key", q(a.positional()[1])}, {"value", q(stored)}});
    else
        ctx.print(std::string(placementName(*placement)) + " " + a.positional()[1] + " = " + stored + "\n");
    return Success;
}

Registration recommend("recommend",
                       "--placement product-page|cart|checkout|post-purchase (--sku SKU | --cart SKU[:QTY],...) [--customer ID] "
                       "[--date YYYY-MM-DD] [--limit N] [--explain]",
                       "what a placement would recommend, with reasons (--explain: and what was left out, by which rule)", runRecommend);
Registration policyShow("policy show", "", "the placement policies: every key and its value", runPolicyShow);
Registration policySet("policy set", "PLACEMENT KEY VALUE", "change one key of a placement policy", runPolicySet);

}  // namespace
}  // namespace mb::cli
