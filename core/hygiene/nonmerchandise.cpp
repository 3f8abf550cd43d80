#include "core/hygiene/nonmerchandise.h"

#include "core/hygiene/skuvariants.h"
#include "core/io/numbertext.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>

namespace mb {

namespace {

struct Code {
    std::string_view sku;
    std::string_view kind;
};
// SKU codes as they are (after upper-casing and trimming): Online Retail's service codes and the usual
// names elsewhere. Single letters are only codes in a shop that uses them so; they are proposed, not applied.
constexpr Code kCodes[] = {
    {"POST", "postage"}, {"DOT", "postage"}, {"C2", "postage"}, {"CARRIAGE", "postage"}, {"SHIPPING", "postage"},
    {"DELIVERY", "postage"}, {"BANK CHARGES", "fee"}, {"AMAZONFEE", "fee"}, {"CRUK", "fee"}, {"FEE", "fee"},
    {"S", "sample"}, {"SAMPLES", "sample"}, {"M", "adjustment"}, {"D", "adjustment"}, {"B", "adjustment"},
    {"ADJUST", "adjustment"}, {"DISCOUNT", "adjustment"}, {"TIP", "tip"}, {"GRATUITY", "tip"},
    {"GIFT", "gift card"}, {"GIFTCARD", "gift card"}, {"GIFT-CARD", "gift card"}, {"VOUCHER", "gift card"}};
constexpr Code kPrefixes[] = {{"GIFT_", "gift card"}, {"GIFT-CARD", "gift card"}, {"GIFTCARD", "gift card"},
                              {"SHIP-", "postage"}, {"SHIPPING-", "postage"}, {"FEE-", "fee"}, {"TIP-", "tip"}};
// Phrases anywhere in the title: several words, so a "French carriage lantern" stays merchandise.
constexpr Code kPhrases[] = {
    {"POSTAGE", "postage"}, {"NEXT DAY CARRIAGE", "postage"}, {"SHIPPING FEE", "postage"},
    {"SHIPPING CHARGE", "postage"}, {"DELIVERY CHARGE", "postage"}, {"DELIVERY FEE", "postage"},
    {"BANK CHARGES", "fee"}, {"AMAZON FEE", "fee"}, {"CRUK COMMISSION", "fee"}, {"SERVICE FEE", "fee"},
    {"HANDLING FEE", "fee"}, {"PAYMENT FEE", "fee"}, {"ADJUST BAD DEBT", "adjustment"}, {"GIFT CARD", "gift card"},
    {"GIFT VOUCHER", "gift card"}, {"GIFT CERTIFICATE", "gift card"}, {"E-GIFT", "gift card"}};
// Whole titles: one word that is a product name only in another sense.
constexpr Code kTitles[] = {{"CARRIAGE", "postage"}, {"SHIPPING", "postage"}, {"MANUAL", "adjustment"},
                            {"DISCOUNT", "adjustment"}, {"ADJUSTMENT", "adjustment"}, {"SAMPLES", "sample"},
                            {"SAMPLE", "sample"}, {"TIP", "tip"}, {"TIPS", "tip"}, {"GRATUITY", "tip"},
                            {"EBAY", "fee"}, {"AMAZON", "fee"}};

std::string article(std::string_view kind)
{
    return std::string(kind.empty() || std::string_view("aeiou").find(kind[0]) == std::string_view::npos ? "a " : "an ") +
           std::string(kind);
}

std::string percent(double share)
{
    const double p = share * 100;
    char buf[32];
    std::snprintf(buf, sizeof buf, p < 10 ? "%.1f %%" : "%.0f %%", p);
    return buf;
}

std::string money(double v) { return fixedDecimals(v, 2); }

}  // namespace

NonMerchRule nonMerchandiseRule(const std::string &sku, const std::string &title)
{
    const std::string s = normalSku(sku), t = normalSku(title);
    for (const Code &c : kCodes)
        if (s == c.sku) return {std::string(c.kind), "SKU " + sku + " is " + article(c.kind) + " code"};
    for (const Code &c : kPrefixes)
        if (s.rfind(c.sku, 0) == 0)
            return {std::string(c.kind), "SKU starts with " + std::string(c.sku) + " (" + std::string(c.kind) + ")"};
    for (const Code &c : kPhrases)
        if (t.find(c.sku) != std::string::npos)
            return {std::string(c.kind), "title says " + std::string(c.sku) + " (" + std::string(c.kind) + ")"};
    for (const Code &c : kTitles)
        if (t == c.sku) return {std::string(c.kind), "title is " + std::string(c.sku) + " (" + std::string(c.kind) + ")"};
    return {};
}

std::vector<NonMerchProposal> proposeNonMerchandise(const Snapshot &snap, const std::set<std::string> &dismissed)
{
    const size_t n = snap.products.size();
    std::vector<std::vector<double>> prices(n);
    std::vector<uint32_t> lines(n, 0), credits(n, 0), singles(n, 0);
    for (const SnapshotLine &l : snap.lines) {
        ++lines[l.product];
        if (l.quantity == 1) ++singles[l.product];
        if (l.quantity < 0) ++credits[l.product];
        else if (l.quantity > 0 && l.unitPrice > 0) prices[l.product].push_back(l.unitPrice);
    }
    const double basketCount = double(std::max<size_t>(1, snap.basketCount()));
    std::vector<NonMerchProposal> out;
    for (size_t i = 0; i < n; ++i) {
        const SnapshotProduct &p = snap.products[i];
        if (!p.recommendable || dismissed.count(p.sku)) continue;
        NonMerchProposal prop;
        prop.product = uint32_t(i);
        prop.sku = p.sku;
        prop.title = p.title;
        prop.baskets = i < snap.basketsWith.size() ? snap.basketsWith[i] : 0;
        prop.basketShare = prop.baskets / basketCount;
        prop.creditShare = lines[i] ? double(credits[i]) / lines[i] : 0;
        std::vector<double> &ps = prices[i];
        if (!ps.empty()) {
            std::sort(ps.begin(), ps.end());
            const size_t m = ps.size();
            prop.medianPrice = m % 2 ? ps[m / 2] : (ps[m / 2 - 1] + ps[m / 2]) / 2;
            prop.priceSpread = ps[(m * 9) / 10] / ps[m / 10];
            size_t best = 0;
            for (size_t a = 0; a < m;) {
                size_t b = a;
                while (b < m && ps[b] == ps[a]) ++b;
                best = std::max(best, b - a);
                a = b;
            }
            prop.modalPriceShare = double(best) / double(m);
        }
        std::vector<std::string> reasons;
        const NonMerchRule rule = nonMerchandiseRule(p.sku, p.title);
        if (!rule.kind.empty()) {
            prop.ruled = true;
            prop.kind = rule.kind;
            reasons.push_back(rule.reason);
        }
        if (prop.baskets >= 20 && prop.basketShare > 0.20 && !ps.empty() && prop.modalPriceShare >= 0.80 &&
            singles[i] >= 0.9 * lines[i]) {
            reasons.push_back("in " + percent(prop.basketShare) + " of baskets, " + percent(prop.modalPriceShare) +
                              " of them at " + money(prop.medianPrice) + ", one per order: a flat charge rides along with orders");
            prop.learned = true;
        }
        if (ps.size() >= 10 && prop.modalPriceShare < 0.10 && prop.priceSpread >= 5) {
            reasons.push_back("priced per order: " + money(ps[ps.size() / 10]) + " to " +
                              money(ps[(ps.size() * 9) / 10]) + " (10th to 90th percentile), only " +
                              percent(prop.modalPriceShare) + " at one price");
            prop.learned = true;
        }
        if (lines[i] >= 5 && prop.creditShare > 0.5) {
            reasons.push_back(percent(prop.creditShare) + " of its " + std::to_string(lines[i]) +
                              " lines are credits (negative quantity)");
            prop.learned = true;
        }
        if (reasons.empty()) continue;
        if (prop.kind.empty()) prop.kind = "service";
        for (const std::string &r : reasons) prop.reason += (prop.reason.empty() ? "" : "; ") + r;
        out.push_back(std::move(prop));
    }
    std::stable_sort(out.begin(), out.end(), [](const NonMerchProposal &a, const NonMerchProposal &b) {
        if (a.ruled != b.ruled) return a.ruled;
        return a.basketShare > b.basketShare;
    });
    return out;
}

}  // namespace mb
