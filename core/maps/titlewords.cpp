#include "core/maps/titlewords.h"

#include "core/storage/snapshot.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mb {
namespace {

// Words that name no product: joining words and pack sizes. Colours and materials stay: they weigh little
// anyway (common), and "RED" against "GREEN" is what tells two variants apart.
bool filler(std::string_view w)
{
    static const std::unordered_set<std::string_view> words = {"AND", "FOR", "OF", "SET", "THE", "WITH", "IN", "TO", "ON",
                                                               "BY", "PACK", "PCS", "NO", "UP", "AN", "OR", "AT"};
    return words.count(w) > 0;
}

// Runs of letters and digits (bytes >= 0x80 count as letters, so UTF-8 names survive), upper-cased.
std::vector<std::string> tokens(std::string_view title)
{
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        const bool number = std::all_of(cur.begin(), cur.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (cur.size() >= 2 && !number && !filler(cur)) out.push_back(cur);
        else if (!cur.empty() && !number && cur.size() == 1) out.push_back(cur);  // kept for joining ("T LIGHT"), dropped after
        cur.clear();
    };
    for (char ch : title) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z')) cur += char(c - 'a' + 'A');
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80) cur += char(c);
        else flush();
    }
    flush();
    return out;
}

}  // namespace

TitleWords::TitleWords(const Snapshot &s)
{
    const size_t n = s.products.size();
    std::vector<std::vector<std::string>> raw(n);
    std::unordered_set<std::string> vocabulary;
    for (size_t p = 0; p < n; ++p) {
        raw[p] = tokens(s.products[p].title);
        for (const std::string &w : raw[p]) vocabulary.insert(w);
    }
    // Join adjacent words the catalogue also writes as one, then drop the one-letter leftovers.
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<std::vector<uint32_t>> perProduct(n);
    for (size_t p = 0; p < n; ++p) {
        std::vector<std::string> &t = raw[p];
        std::vector<std::string> joined;
        for (size_t i = 0; i < t.size(); ++i) {
            if (i + 1 < t.size() && vocabulary.count(t[i] + t[i + 1])) {
                joined.push_back(t[i] + t[i + 1]);
                ++i;
            } else if (t[i].size() >= 2) {
                joined.push_back(t[i]);
            }
        }
        for (const std::string &w : joined) {
            const auto it = ids.emplace(w, uint32_t(names_.size()));
            if (it.second) names_.push_back(w);
            perProduct[p].push_back(it.first->second);
        }
        std::sort(perProduct[p].begin(), perProduct[p].end());
        perProduct[p].erase(std::unique(perProduct[p].begin(), perProduct[p].end()), perProduct[p].end());
    }
    std::vector<uint32_t> df(names_.size(), 0);
    for (const auto &list : perProduct)
        for (uint32_t w : list) ++df[w];
    start_.reserve(n + 1);
    start_.push_back(0);
    norm_.assign(n, 0);
    for (size_t p = 0; p < n; ++p) {
        double sum = 0;
        for (uint32_t w : perProduct[p]) {
            const float weight = float(std::log(double(n + 1) / double(df[w])));
            words_.push_back({w, weight});
            sum += double(weight) * weight;
        }
        norm_[p] = float(std::sqrt(sum));
        start_.push_back(uint32_t(words_.size()));
    }
}

double TitleWords::similarity(uint32_t a, uint32_t b) const
{
    if (a + 1 >= start_.size() || b + 1 >= start_.size() || norm_[a] <= 0 || norm_[b] <= 0) return 0;
    const Word *x = words_.data() + start_[a], *xe = words_.data() + start_[a + 1];
    const Word *y = words_.data() + start_[b], *ye = words_.data() + start_[b + 1];
    double dot = 0;
    while (x != xe && y != ye) {
        if (x->id < y->id) ++x;
        else if (y->id < x->id) ++y;
        else {
            dot += double(x->weight) * y->weight;
            ++x;
            ++y;
        }
    }
    return dot / (double(norm_[a]) * norm_[b]);
}

std::vector<std::string> TitleWords::words(uint32_t product) const
{
    std::vector<std::string> out;
    if (product + 1 >= start_.size()) return out;
    for (uint32_t i = start_[product]; i < start_[product + 1]; ++i) out.push_back(names_[words_[i].id]);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace mb
