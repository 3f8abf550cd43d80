#include "core/hygiene/skuvariants.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace mb {

namespace {

std::string collapsedSpaces(const std::string &sku)
{
    std::string out;
    for (char c : sku) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string upper(std::string s)
{
    for (char &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string normalSku(const std::string &sku) { return upper(collapsedSpaces(sku)); }

std::vector<SkuVariant> findSkuVariants(const Snapshot &snap, const std::set<std::pair<std::string, std::string>> &keptApart)
{
    std::vector<uint32_t> lines(snap.products.size(), 0);
    for (const SnapshotLine &l : snap.lines) ++lines[l.product];
    std::map<std::string, std::vector<uint32_t>> groups;
    for (size_t i = 0; i < snap.products.size(); ++i) groups[normalSku(snap.products[i].sku)].push_back(uint32_t(i));
    std::vector<SkuVariant> out;
    for (auto &group : groups) {
        std::vector<uint32_t> &members = group.second;
        if (members.size() < 2) continue;
        const std::string &normal = group.first;
        std::sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
            const SnapshotProduct &pa = snap.products[a], &pb = snap.products[b];
            const bool ca = pa.origin != "orders", cb = pb.origin != "orders";
            if (ca != cb) return ca;
            if (lines[a] != lines[b]) return lines[a] > lines[b];
            const bool na = pa.sku == normal, nb = pb.sku == normal;
            if (na != nb) return na;
            return pa.id < pb.id;
        });
        const SnapshotProduct &c = snap.products[members[0]];
        for (size_t k = 1; k < members.size(); ++k) {
            const SnapshotProduct &v = snap.products[members[k]];
            if (keptApart.count({std::min(c.sku, v.sku), std::max(c.sku, v.sku)})) continue;
            SkuVariant s;
            s.canonical = members[0];
            s.variant = members[k];
            s.canonicalSku = c.sku;
            s.variantSku = v.sku;
            s.canonicalTitle = c.title;
            s.variantTitle = v.title;
            const bool spaces = collapsedSpaces(c.sku) != c.sku || collapsedSpaces(v.sku) != v.sku;
            const bool caseDiffers = collapsedSpaces(c.sku) != collapsedSpaces(v.sku);
            s.difference = spaces && caseDiffers ? "case and spaces" : spaces ? "spaces" : "case";
            s.canonicalLines = lines[members[0]];
            s.variantLines = lines[members[k]];
            out.push_back(std::move(s));
        }
    }
    std::sort(out.begin(), out.end(), [](const SkuVariant &a, const SkuVariant &b) {
        return a.canonicalSku != b.canonicalSku ? a.canonicalSku < b.canonicalSku : a.variantSku < b.variantSku;
    });
    return out;
}

}  // namespace mb
