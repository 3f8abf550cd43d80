#include "recommendrequest.h"

#include "core/io/fieldparse.h"
#include "core/storage/snapshot.h"

#include <QJsonArray>

#include <cmath>
#include <cstdio>

namespace mb::cli {
namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

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

RequestError usage(std::string field, std::string message) { return {std::move(field), std::move(message), true}; }
RequestError bad(std::string field, std::string message) { return {std::move(field), std::move(message), false}; }

std::optional<RequestError> cartItem(const std::string &sku, double quantity, std::vector<std::pair<std::string, double>> &cart)
{
    if (sku.empty()) return usage("cart", "an item has no SKU; expected SKU[:QTY],...");
    if (!(quantity > 0) || !std::isfinite(quantity))
        return bad("cart", "\"" + sku + "\": the quantity must be above 0");
    cart.emplace_back(sku, quantity);
    return std::nullopt;
}

// A JSON string field, or an error naming it when it is there but no string.
std::optional<RequestError> stringField(const QJsonObject &o, const char *key, std::optional<std::string> &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return std::nullopt;
    if (!v.isString()) return usage(key, "expected a string");
    out = v.toString().toStdString();
    return std::nullopt;
}

}  // namespace

std::optional<RequestError> parseCartText(const std::string &text, std::vector<std::pair<std::string, double>> &cart)
{
    std::string_view rest = text;
    while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string item(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        std::string sku = item;
        double quantity = 1;
        if (const size_t colon = item.rfind(':'); colon != std::string::npos) {
            double v = 0;
            if (parseDecimal(item.substr(colon + 1), v)) {
                if (v <= 0) return bad("cart", "\"" + item + "\": the quantity must be above 0");
                sku = item.substr(0, colon);
                quantity = v;
            }
        }
        if (auto e = cartItem(sku, quantity, cart)) return e;
    }
    if (cart.empty()) return usage("cart", "expected SKU[:QTY],... with at least one SKU");
    return std::nullopt;
}

std::optional<RequestError> resolveShape(const RequestText &text, RecommendContext &rc)
{
    rc = RecommendContext();
    if (!text.placement) return usage("placement", "missing; expected product-page, cart, checkout or post-purchase");
    const auto placement = placementFromName(*text.placement);
    if (!placement)
        return usage("placement", "\"" + *text.placement + "\" is not a placement; expected product-page, cart, checkout or post-purchase");
    if (bool(text.sku) == bool(text.cart)) return usage("sku", "expected exactly one of sku (the product page's product) or cart");
    if (text.limit < 0 || text.limit > 1000)
        return usage("limit", "expected a whole number from 1 to 1000 (0: the placement's slots), got " + std::to_string(text.limit));
    rc.placement = *placement;
    rc.limit = int(text.limit);
    if (text.date) {
        const auto day = parseIsoDate(*text.date);
        if (!day) return usage("date", "\"" + *text.date + "\" is not a date; expected YYYY-MM-DD");
        rc.day = *day;
    }
    if (text.cart && text.cart->empty()) return usage("cart", "expected at least one SKU");
    return std::nullopt;
}

std::optional<RequestError> resolveRequest(const PlacementEngine &engine, const RequestText &text, RecommendContext &rc)
{
    if (auto e = resolveShape(text, rc)) return e;
    if (text.sku) {
        rc.anchor = engine.productIndex(*text.sku);
        if (rc.anchor < 0) return bad("sku", "no product with SKU \"" + *text.sku + "\"");
    } else {
        for (const auto &item : *text.cart) {
            const int32_t p = engine.productIndex(item.first);
            if (p < 0) return bad("cart", "no product with SKU \"" + item.first + "\"");
            rc.cart.push_back({uint32_t(p), item.second});
        }
    }
    if (text.customer) {
        rc.customer = engine.customerIndex(*text.customer);
        if (rc.customer < 0) return bad("customer", "no customer \"" + *text.customer + "\"");
    }
    return std::nullopt;
}

QJsonObject resultJson(const Snapshot &s, const PlacementEngine &engine, const RequestText &text, const RecommendContext &rc,
                       const RecommendResult &r)
{
    QJsonArray picks;
    for (const Recommendation &x : r.picks) picks.append(pickJson(s, x));
    QJsonObject o{{"placement", placementName(r.placement)}, {"fallback", r.fallback}, {"picks", picks},
                  {"strategy", strategyName(engine.policy(rc.placement).strategy)}};
    if (text.sku) o.insert("sku", q(*text.sku));
    else o.insert("cartSubtotal", r.cartSubtotal);
    if (text.explain) {
        QJsonArray left;
        for (const LeftOut &x : r.leftOut)
            left.append(QJsonObject{{"sku", q(s.products[x.product].sku)}, {"kind", kindName(x.kind)},
                                    {"source", pickSourceName(x.source)}, {"rule", leftOutRuleName(x.rule)}, {"text", q(x.text)}});
        o.insert("leftOut", left);
    }
    return o;
}

std::optional<RequestError> parseRequestJson(const QJsonObject &o, RequestText &text)
{
    static const QStringList known = {"id", "placement", "sku", "cart", "customer", "date", "limit", "explain"};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return usage(it.key().toStdString(), "not a request field; expected id, placement, sku, cart, customer, date, limit or explain");
    text = RequestText();
    for (auto [key, out] : {std::pair{"placement", &text.placement}, {"sku", &text.sku}, {"customer", &text.customer}, {"date", &text.date}})
        if (auto e = stringField(o, key, *out)) return e;
    const QJsonValue cart = o.value("cart");
    if (cart.isString()) {
        text.cart.emplace();
        if (auto e = parseCartText(cart.toString().toStdString(), *text.cart)) return e;
    } else if (cart.isArray()) {
        text.cart.emplace();
        for (const QJsonValue &item : cart.toArray()) {
            if (item.isString()) {
                if (auto e = cartItem(item.toString().toStdString(), 1, *text.cart)) return e;
            } else if (item.isObject() && item.toObject().value("sku").isString()) {
                const QJsonValue quantity = item.toObject().value("quantity");
                if (!quantity.isUndefined() && !quantity.isDouble())
                    return usage("cart", "a quantity must be a number above 0");
                if (auto e = cartItem(item.toObject().value("sku").toString().toStdString(), quantity.toDouble(1), *text.cart)) return e;
            } else {
                return usage("cart", "expected each item to be a SKU or {\"sku\": SKU, \"quantity\": N}");
            }
        }
    } else if (!cart.isUndefined() && !cart.isNull()) {
        return usage("cart", "expected \"SKU[:QTY],...\" or a list of SKUs or {\"sku\", \"quantity\"} objects");
    }
    const QJsonValue limit = o.value("limit");
    if (!limit.isUndefined() && !limit.isNull()) {
        if (!limit.isDouble() || limit.toDouble() != std::floor(limit.toDouble()) || limit.toDouble() < 0 || limit.toDouble() > 1000)
            return usage("limit", "expected a whole number from 1 to 1000 (0: the placement's slots)");
        text.limit = (long long)limit.toDouble();
    }
    const QJsonValue explain = o.value("explain");
    if (!explain.isUndefined() && !explain.isNull()) {
        if (!explain.isBool()) return usage("explain", "expected true or false");
        text.explain = explain.toBool();
    }
    return std::nullopt;
}

}  // namespace mb::cli
