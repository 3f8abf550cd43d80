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

bool settleOrderOnlyProducts(sqlite3 *db, const std::vector<int64_t> &productIds, int64_t now, std::string &err)
{
    std::unordered_map<int64_t, size_t> slot;  // product id -> index below, for the order-only ones
    {
        Statement s(db, "SELECT id FROM products WHERE origin = 'orders'");
        std::unordered_map<int64_t, char> orderOnly;
        while (s.step()) orderOnly.emplace(s.int64(0), 0);
        for (int64_t id : productIds)
            if (orderOnly.count(id)) slot.emplace(id, slot.size());
    }
    if (slot.empty()) return true;
    struct Facts {
        std::unordered_map<int64_t, DescriptionTally> tallies;  // by description id
        std::vector<double> soldPrices, anyPrices;
        size_t undescribed = 0;  // lines written before descriptions were kept (an upgraded file)
    };
    std::vector<Facts> facts(slot.size());
    std::unordered_map<int64_t, std::string> texts;
    {
        Statement s(db, "SELECT id, text FROM descriptions");
        while (s.step()) texts.emplace(s.int64(0), s.text(1));
    }
    // One pass over the lines (a query per product would be 4,000 index look-ups on Online Retail and
    // needs an index by product that every import would have to maintain).
    Statement s(db, "SELECT l.product_id, l.description_id, l.quantity, l.unit_price, coalesce(o.ordered_at, 0), l.id "
                    "FROM order_lines l JOIN orders o ON o.id = l.order_id");
    while (s.step()) {
        auto it = slot.find(s.int64(0));
        if (it == slot.end()) continue;
        Facts &f = facts[it->second];
        const double price = s.real(3);
        if (price > 0) {
            f.anyPrices.push_back(price);
            if (s.real(2) > 0) f.soldPrices.push_back(price);
        }
        if (s.isNull(1)) {
            ++f.undescribed;
            continue;
        }
        DescriptionTally &t = f.tallies[s.int64(1)];
        ++t.count;
        const int64_t when = s.int64(4), line = s.int64(5);
        if (t.count == 1 || when > t.newest || (when == t.newest && line > t.newestLine)) {
            t.newest = when;
            t.newestLine = line;
        }
    }
    if (s.failed()) {
        err = s.error();
        return false;
    }
    // A product without any described line (written before descriptions were kept) keeps its title.
    Statement upd(db, "UPDATE products SET title = coalesce(?2, title), price = ?3, updated_at = ?4 "
                      "WHERE id = ?1 AND (title IS NOT coalesce(?2, title) OR price IS NOT ?3)");
    std::vector<DescriptionTally> list;
    for (const auto &entry : slot) {
        Facts &f = facts[entry.second];
        list.clear();
        for (auto &t : f.tallies) {
            t.second.text = texts[t.first];
            list.push_back(t.second);
        }
        int best = pickTitle(list);
        // Lines from before descriptions were kept are not in the tally: a junk pick from the few described
        // ones ("damaged" on one new line beside a thousand old ones) must not replace the title they had.
        if (best >= 0 && f.undescribed > 0 && isJunkDescription(list[size_t(best)].text)) best = -1;
        upd.bind(1, entry.first);
        if (best >= 0) upd.bind(2, list[size_t(best)].text); else upd.bindNull(2);
        const double price = median(f.soldPrices.empty() ? f.anyPrices : f.soldPrices);
        if (std::isnan(price)) upd.bindNull(3); else upd.bind(3, price);
        upd.bind(4, now);
        if (!upd.exec()) {
            err = "product " + std::to_string(entry.first) + ": " + upd.error();
            return false;
        }
    }
    return true;
}

}  // namespace mb
