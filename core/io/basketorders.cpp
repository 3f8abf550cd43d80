// Market-basket files (the Groceries data set): no header, one basket per line, the items separated by the
// delimiter. A basket has no id, time, quantity or price, so it becomes order "B<line>" with quantity 1.
#include "core/io/orderbatchbuilder.h"
#include "core/io/orderformatparsers.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace mb {

ParseResult parseBasketOrders(const OrderParseContext &ctx)
{
    using namespace orderparse;
    OrderBatch &out = ctx.out;
    const std::string_view data = ctx.file.text();
    const size_t expectedItems = size_t(std::count(data.begin(), data.end(), ctx.delimiter))
                                 + size_t(std::count(data.begin(), data.end(), '\n')) + 1;
    OrderBatchBuilder builder(out, data, expectedItems);
    CsvReader reader(data, ctx.delimiter);  // from the start: the first line is a basket, not a header
    CsvRecord rec;
    std::set<std::string> trimmedLabels;  // labels written with surrounding blanks ("cream cheese ")
    struct Item {
        std::string_view label;
        double quantity;
    };
    std::vector<Item> items;
    std::unordered_map<std::string_view, size_t> seen;
    int64_t repeatedItems = 0;
    const CsvHeader noHeader;
    RecordScreen screen(ctx.file);
    RowRejects rejects(out, noHeader, RejectSku{});  // a basket row holds many items, no one SKU
    std::string id = "B";

    while (reader.next(rec)) {
        ++out.rowsRead;
        if (!keepGoing(ctx.options, out.rowsRead, reader)) return cancelled();
        // Baskets are ragged: a record has as many fields as it has items, so only the rest of the shape counts.
        if (!rejects.checkShape(rec, rec.fields.size(), screen)) continue;
        // The same item twice in one basket is one line with quantity 2, not two lines. Baskets are short,
        // but one huge line must not go quadratic, hence the set beyond a few dozen items.
        items.clear();
        seen.clear();
        for (std::string_view field : rec.fields) {
            const std::string_view label = trimmed(field);
            if (label.empty()) continue;
            if (label.size() != field.size() && trimmedLabels.size() < 100) trimmedLabels.emplace(field);
            auto known = items.end();
            if (items.size() < 32) {
                known = std::find_if(items.begin(), items.end(), [&](const Item &i) { return i.label == label; });
            } else {
                if (seen.empty())
                    for (size_t k = 0; k < items.size(); ++k) seen.emplace(items[k].label, k);
                const auto it = seen.find(label);
                if (it != seen.end()) known = items.begin() + ptrdiff_t(it->second);
                else seen.emplace(label, items.size());
            }
            if (known != items.end()) {
                known->quantity += 1;
                ++repeatedItems;
            } else {
                items.push_back({label, 1});
            }
        }
        if (items.empty()) {
            rejects.reject(rec, -1, "", "expected at least one item in the basket");
            continue;
        }
        bool created = false;
        id.resize(1);
        id += std::to_string(rec.line);
        const uint32_t order = builder.order(id, rec.line, created);
        for (const Item &i : items) builder.addLine(order, rec.line, i.label, i.quantity, std::nullopt, i.label);
    }
    builder.finish();
    // Identical lines are different shoppers buying the same things, not a repeated export row, so a basket
    // file never reports duplicate rows.
    if (!trimmedLabels.empty()) {
        std::string list;
        for (const auto &l : trimmedLabels) {
            list += list.empty() ? "\"" : ", \"";
            list += l;
            list += '"';
        }
        out.notes.push_back("item labels with surrounding blanks were trimmed: " + list);
    }
    if (repeatedItems)
        out.notes.push_back(withThousands(repeatedItems) + " items appear twice in the same basket; each counts as "
                            "one line with a higher quantity");
    return {};
}

}  // namespace mb
