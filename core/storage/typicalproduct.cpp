#include "core/storage/typicalproduct.h"

#include "core/storage/statement.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cmath>
#include <unordered_map>

namespace mb {

namespace {

bool isLetter(unsigned char c) { return std::isalpha(c) || c >= 0x80; }  // UTF-8 letters count as letters

// Lower-case words the Online Retail warehouse wrote in place of a title (every one of its lower-case
// descriptions is made of these, digits and punctuation), and what other shops write for the same thing.
constexpr std::string_view kJunkWords[] = {
    "damaged", "damages", "damage", "missing", "returned", "return", "returns", "check", "checked", "lost",
    "wet", "found", "adjust", "adjustment", "adjustments", "readjustment", "re", "thrown", "throw", "away",
    "sold", "set", "sets", "sell", "can", "cant", "put", "aside", "dotcom",
    "dotcomstock", "amazon", "ebay", "sales", "smashed", "crushed", "broken", "cracked", "faulty", "mouldy",
    "rusty", "pallet", "boxes", "box", "ctn", "counted", "test", "mailout", "wrong", "wrongly", "coded", "code",
    "marked", "barcode", "mix", "mixed", "up", "stock", "entry", "incorrect", "incorrectly", "samples",
    "sample", "display", "showroom", "possible", "unsaleable", "water", "reverse", "previous", "temp", "taig",
    "unknown", "na", "tbc", "tba", "delete", "deleted", "void", "error", "dummy"};
// Words that join the notes ("sold as set on dotcom") and are in titles too: they neither make a
// description junk nor keep it from being junk.
constexpr std::string_view kFillerWords[] = {"as", "on", "in", "by", "and", "or", "of", "with", "for", "the", "a",
                                             "to", "up", "no", "re", "s", "t", "had", "been", "did", "not", "n"};

bool isJunkWord(std::string_view w)
{
    return std::find(std::begin(kJunkWords), std::end(kJunkWords), w) != std::end(kJunkWords);
}

}  // namespace

bool hasCapital(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

bool isJunkDescription(std::string_view text, bool skuHasCapitals)
{
    size_t letters = 0, punctuation = 0;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (isLetter(u)) ++letters;
        else if (std::ispunct(u)) ++punctuation;
    }
    if (letters == 0) return true;                                               // rule 1
    const size_t first = text.find_first_not_of(" \t");
    if (text[first] == '?' || punctuation > letters) return true;                // rule 2
    bool allJunk = true, anyJunk = false;                                         // rule 3
    std::string word;
    auto endWord = [&] {
        if (word.empty()) return;
        if (isJunkWord(word)) anyJunk = true;
        else if (std::find(std::begin(kFillerWords), std::end(kFillerWords), word) == std::end(kFillerWords)) allJunk = false;
        word.clear();
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (isLetter(u)) word += char(std::tolower(u));
        else endWord();
    }
    endWord();
    if (allJunk && anyJunk) return true;
    if (anyJunk && text.find('?') != std::string_view::npos) return true;
    return skuHasCapitals && !hasCapital(text);                                  // rule 4
}

int pickTitle(const std::vector<DescriptionTally> &tallies)
{
    const bool capitals = std::any_of(tallies.begin(), tallies.end(), [](const DescriptionTally &t) {
        return hasCapital(t.text) && !isJunkDescription(t.text);
    });
    int best = -1;
    bool bestReal = false;
    for (size_t i = 0; i < tallies.size(); ++i) {
        const DescriptionTally &t = tallies[i];
        const bool real = !isJunkDescription(t.text, capitals);
        if (best >= 0) {
            const DescriptionTally &b = tallies[size_t(best)];
            if (bestReal && !real) continue;
            if (bestReal == real && (t.count < b.count || (t.count == b.count && (t.newest < b.newest || (t.newest == b.newest && t.newestLine <= b.newestLine))))) continue;
        }
        best = int(i);
        bestReal = real;
    }
    return best;
}

double median(std::vector<double> &values)
{
    if (values.empty()) return NAN;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2) return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
    return (lower + upper) / 2;
}

bool OrderOnlyFacts::begin(sqlite3 *db, const std::vector<int64_t> &productIds, std::string &err)
{
    ids_.clear();
    slotById_.clear();
    facts_.clear();
    checked_.clear();
    Statement s(db, "SELECT id FROM products WHERE origin = 'orders'");
    std::unordered_map<int64_t, char> orderOnly;
    while (s.step()) orderOnly.emplace(s.int64(0), 0);
    if (s.failed()) {
        err = s.error();
        return false;
    }
    // Product ids are rowids, dense from 1: a table by id costs 4 bytes per product ever created.
    int64_t maxId = 0;
    for (int64_t id : productIds)
        if (orderOnly.count(id)) maxId = std::max(maxId, id);
    slotById_.assign(size_t(maxId) + 1, 0);
    for (int64_t id : productIds) {
        if (!orderOnly.count(id) || slotById_[size_t(id)]) continue;
        ids_.push_back(id);
        slotById_[size_t(id)] = uint32_t(ids_.size());
    }
    facts_.resize(ids_.size());
    return true;
}

void OrderOnlyFacts::add(int64_t productId, std::optional<int64_t> descriptionId, double quantity, double unitPrice,
                         int64_t when, int64_t lineId)
{
    if (productId <= 0 || size_t(productId) >= slotById_.size() || !slotById_[size_t(productId)]) return;
    Facts &f = facts_[slotById_[size_t(productId)] - 1];
    if (unitPrice > 0) {
        f.anyPrices.add(unitPrice);
        if (quantity > 0) f.soldPrices.add(unitPrice);
    }
    if (!descriptionId) {
        ++f.undescribed;
        return;
    }
    const int64_t d = *descriptionId;
    uint32_t i = f.lastHit;
    if (i >= f.tallies.size() || f.tallies[i].descriptionId != d) {
        if (!f.byDescription.empty()) {
            auto it = f.byDescription.find(d);
            i = it == f.byDescription.end() ? uint32_t(f.tallies.size()) : it->second;
        } else {
            i = 0;
            while (i < f.tallies.size() && f.tallies[i].descriptionId != d) ++i;
        }
        if (i == f.tallies.size()) {
            f.tallies.push_back({d, 0, 0, 0});
            // A SKU with many descriptions (custom text, a title per batch) gets a hashed look-up.
            if (!f.byDescription.empty()) f.byDescription.emplace(d, i);
            else if (f.tallies.size() > 16)
                for (uint32_t k = 0; k < f.tallies.size(); ++k) f.byDescription.emplace(f.tallies[k].descriptionId, k);
        }
        f.lastHit = i;
    }
    Tally &t = f.tallies[i];
    ++t.count;
    if (t.count == 1 || when > t.newest || (when == t.newest && lineId > t.newestLine)) {
        t.newest = when;
        t.newestLine = lineId;
    }
}

void OrderOnlyFacts::PriceTally::fold()
{
    if (pending_.empty()) return;
    std::sort(pending_.begin(), pending_.end());
    // Reused between folds (one thread folds at a time: an import's writer, a merge's settling).
    static thread_local std::vector<std::pair<double, int64_t>> merged;
    merged.clear();
    merged.reserve(counted_.size() + pending_.size());
    size_t c = 0;
    for (size_t i = 0; i < pending_.size();) {
        size_t j = i;
        while (j < pending_.size() && pending_[j] == pending_[i]) ++j;
        while (c < counted_.size() && counted_[c].first < pending_[i]) merged.push_back(counted_[c++]);
        int64_t n = int64_t(j - i);
        if (c < counted_.size() && counted_[c].first == pending_[i]) n += counted_[c++].second;
        merged.emplace_back(pending_[i], n);
        i = j;
    }
    while (c < counted_.size()) merged.push_back(counted_[c++]);
    counted_.swap(merged);
    pending_.clear();
}

double OrderOnlyFacts::PriceTally::median()
{
    fold();
    int64_t n = 0;
    for (const auto &run : counted_) n += run.second;
    if (n == 0) return NAN;
    // The values at sorted positions mid - 1 and mid, as median() picks them.
    const int64_t mid = n / 2;
    double lower = 0, upper = 0;
    int64_t before = 0;
    for (const auto &run : counted_) {
        if (before <= mid - 1 && mid - 1 < before + run.second) lower = run.first;
        if (before <= mid && mid < before + run.second) {
            upper = run.first;
            break;
        }
        before += run.second;
    }
    return n % 2 ? upper : (lower + upper) / 2;
}

bool OrderOnlyFacts::include(sqlite3 *db, const std::vector<int64_t> &productIds, std::string &err)
{
    Statement s(db, "SELECT origin = 'orders' FROM products WHERE id = ?1");
    for (int64_t id : productIds) {
        if (id <= 0 || (size_t(id) < checked_.size() && checked_[size_t(id)])) continue;
        if (size_t(id) >= checked_.size()) checked_.resize(std::max(size_t(id) + 1, checked_.size() * 2), 0);
        checked_[size_t(id)] = 1;
        if (size_t(id) < slotById_.size() && slotById_[size_t(id)]) continue;
        s.bind(1, id);
        const bool orderOnly = s.step() && s.int64(0) != 0;
        if (s.failed()) {
            err = s.error();
            return false;
        }
        s.reset();
        if (!orderOnly) continue;
        if (size_t(id) >= slotById_.size()) slotById_.resize(size_t(id) + 1, 0);
        ids_.push_back(id);
        slotById_[size_t(id)] = uint32_t(ids_.size());
        facts_.emplace_back();
    }
    return true;
}

bool OrderOnlyFacts::addStored(sqlite3 *db, int64_t maxLineId, std::string &err)
{
    if (facts_.empty() || maxLineId == 0) return true;
    // One pass over the lines (a query per product would be 4,000 index look-ups on Online Retail and
    // needs an index by product that every import would have to maintain). The bound is on the rowid, so
    // an import reads only the lines that were there before it.
    const std::string sql = std::string("SELECT l.product_id, l.description_id, l.quantity, l.unit_price, "
                                        "coalesce(o.ordered_at, 0), l.id FROM order_lines l JOIN orders o ON o.id = l.order_id")
                            + (maxLineId < 0 ? "" : " WHERE l.id <= ?1");
    Statement s(db, sql.c_str());
    if (maxLineId >= 0) s.bind(1, maxLineId);
    while (s.step()) {
        const std::optional<int64_t> description = s.isNull(1) ? std::nullopt : std::optional<int64_t>(s.int64(1));
        add(s.int64(0), description, s.real(2), s.real(3), s.int64(4), s.int64(5));
    }
    if (s.failed()) {
        err = s.error();
        return false;
    }
    return true;
}

bool OrderOnlyFacts::settle(sqlite3 *db, int64_t now, std::string &err)
{
    if (facts_.empty()) return true;
    std::unordered_map<int64_t, std::string> texts;
    {
        Statement s(db, "SELECT id, text FROM descriptions");
        while (s.step()) texts.emplace(s.int64(0), s.text(1));
    }
    // A product without any described line (written before descriptions were kept) keeps its title.
    Statement upd(db, "UPDATE products SET title = coalesce(?2, title), price = ?3, updated_at = ?4 "
                      "WHERE id = ?1 AND (title IS NOT coalesce(?2, title) OR price IS NOT ?3)");
    std::vector<DescriptionTally> list;
    for (size_t k = 0; k < facts_.size(); ++k) {
        Facts &f = facts_[k];
        list.clear();
        for (const Tally &t : f.tallies) list.push_back({texts[t.descriptionId], t.count, t.newest, t.newestLine});
        int best = pickTitle(list);
        // Lines from before descriptions were kept are not in the tally: a junk pick from the few described
        // ones ("damaged" on one new line beside a thousand old ones) must not replace the title they had.
        if (best >= 0 && f.undescribed > 0 && isJunkDescription(list[size_t(best)].text)) best = -1;
        upd.bind(1, ids_[k]);
        if (best >= 0) upd.bind(2, list[size_t(best)].text); else upd.bindNull(2);
        const double price = f.soldPrices.empty() ? f.anyPrices.median() : f.soldPrices.median();
        if (std::isnan(price)) upd.bindNull(3); else upd.bind(3, price);
        upd.bind(4, now);
        if (!upd.exec()) {
            err = "product " + std::to_string(ids_[k]) + ": " + upd.error();
            return false;
        }
    }
    return true;
}

bool settleOrderOnlyProducts(sqlite3 *db, const std::vector<int64_t> &productIds, int64_t now, std::string &err)
{
    OrderOnlyFacts facts;
    return facts.begin(db, productIds, err) && facts.addStored(db, -1, err) && facts.settle(db, now, err);
}

}  // namespace mb
