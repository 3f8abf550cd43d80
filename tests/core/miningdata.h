#pragma once
// Snapshots for the mining tests and benchmark, built straight from the real files with CsvReader and not
// through the importer: an independent reading of the data that the import path can be compared with.
#include "core/io/csvreader.h"
#include "core/io/fieldparse.h"
#include "core/io/textfile.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mbtest {

// Rebuilds basketStart/basketItems/basketOrder the way Snapshot::load does: distinct products with
// quantity > 0 of each order that is not cancelled, ascending; empty baskets left out.
inline void buildBaskets(mb::Snapshot &s)
{
    s.basketStart.assign(1, 0);
    s.basketItems.clear();
    s.basketOrder.clear();
    std::vector<uint32_t> items;
    for (size_t i = 0; i < s.orders.size(); ++i) {
        const mb::SnapshotOrder &o = s.orders[i];
        if (o.status == mb::OrderStatus::Cancelled) continue;
        items.clear();
        for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k)
            if (s.lines[k].quantity > 0) items.push_back(s.lines[k].product);
        if (items.empty()) continue;
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        s.basketItems.insert(s.basketItems.end(), items.begin(), items.end());
        s.basketStart.push_back(uint32_t(s.basketItems.size()));
        s.basketOrder.push_back(uint32_t(i));
    }
}

inline uint32_t productFor(mb::Snapshot &s, const std::string &sku)
{
    auto [it, added] = s.skuIndex.emplace(sku, uint32_t(s.products.size()));
    if (added) {
        mb::SnapshotProduct p;
        p.id = int64_t(s.products.size()) + 1;
        p.sku = sku;
        s.products.push_back(p);
    }
    return it->second;
}

// UCI Online Retail: InvoiceNo starting with C = cancelled; every line kept (negative quantities too), so
// the basket rule, not this reader, drops them. Orders sorted by time then invoice, like the snapshot.
inline std::shared_ptr<mb::Snapshot> onlineRetailFromCsv(const std::string &path, std::string &error)
{
    const mb::TextFile file = mb::TextFile::load(path);
    if (!file.ok()) {
        error = file.error;
        return nullptr;
    }
    mb::CsvReader reader(file.data);
    mb::CsvRecord rec;
    if (!reader.next(rec)) {
        error = path + ": no header";
        return nullptr;
    }
    const mb::CsvHeader header(rec.fields);
    const int cInvoice = header.find({"InvoiceNo"}), cSku = header.find({"StockCode"}),
              cQty = header.find({"Quantity"}), cDate = header.find({"InvoiceDate"}),
              cPrice = header.find({"UnitPrice"}), cCustomer = header.find({"CustomerID"});
    if (cInvoice < 0 || cSku < 0 || cQty < 0 || cDate < 0 || cCustomer < 0 || cPrice < 0) {
        error = path + ": expected the columns InvoiceNo, StockCode, Quantity, InvoiceDate, UnitPrice, CustomerID";
        return nullptr;
    }
    auto s = std::make_shared<mb::Snapshot>();
    struct Raw { uint32_t order; mb::SnapshotLine line; };
    std::vector<Raw> raw;
    std::map<std::string, uint32_t, std::less<>> orderIndex, customerIndex;
    while (reader.next(rec)) {
        auto field = [&](int c) { return size_t(c) < rec.fields.size() ? rec.fields[size_t(c)] : std::string_view(); };
        const std::string invoice(field(cInvoice));
        auto [oit, newOrder] = orderIndex.emplace(invoice, uint32_t(s->orders.size()));
        if (newOrder) {
            mb::SnapshotOrder o;
            o.id = int64_t(s->orders.size()) + 1;
            o.externalId = invoice;
            o.status = !invoice.empty() && invoice[0] == 'C' ? mb::OrderStatus::Cancelled : mb::OrderStatus::Completed;
            int32_t offset = 0;
            if (!mb::parseTimestamp(field(cDate), o.orderedAt, offset)) {
                error = path + ": line " + std::to_string(rec.line) + ": bad InvoiceDate";
                return nullptr;
            }
            const std::string customer(field(cCustomer));
            if (!customer.empty()) {
                auto [cit, newCustomer] = customerIndex.emplace(customer, uint32_t(s->customers.size()));
                if (newCustomer) s->customers.push_back({int64_t(s->customers.size()) + 1, customer});
                o.customer = int32_t(cit->second);
            }
            s->orders.push_back(o);
        }
        double qty = 0, price = 0;
        if (!mb::parseDecimal(field(cQty), qty) || !mb::parseDecimal(field(cPrice), price)) {
            error = path + ": line " + std::to_string(rec.line) + ": bad Quantity or UnitPrice";
            return nullptr;
        }
        raw.push_back({oit->second, {productFor(*s, std::string(field(cSku))), float(qty), price}});
    }
    // Time order, ties by invoice: then group the lines by order.
    std::vector<uint32_t> perm(s->orders.size());
    for (uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::stable_sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) {
        return s->orders[a].orderedAt < s->orders[b].orderedAt;
    });
    std::vector<uint32_t> rank(perm.size());
    std::vector<mb::SnapshotOrder> sorted(perm.size());
    for (uint32_t r = 0; r < perm.size(); ++r) {
        rank[perm[r]] = r;
        sorted[r] = s->orders[perm[r]];
    }
    s->orders = std::move(sorted);
    std::stable_sort(raw.begin(), raw.end(), [&](const Raw &a, const Raw &b) { return rank[a.order] < rank[b.order]; });
    s->lines.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        mb::SnapshotOrder &o = s->orders[rank[raw[i].order]];
        if (o.lineEnd == 0) o.lineBegin = uint32_t(i);
        o.lineEnd = uint32_t(i + 1);
        s->lines.push_back(raw[i].line);
    }
    buildBaskets(*s);
    return s;
}

// Groceries (arules): one basket per line, items split on ',' without trimming, no header.
inline std::shared_ptr<mb::Snapshot> groceriesFromFile(const std::string &path, std::string &error)
{
    const mb::TextFile file = mb::TextFile::load(path);
    if (!file.ok()) {
        error = file.error;
        return nullptr;
    }
    auto s = std::make_shared<mb::Snapshot>();
    mb::CsvReader reader(file.data);
    mb::CsvRecord rec;
    while (reader.next(rec)) {
        mb::SnapshotOrder o;
        o.id = int64_t(s->orders.size()) + 1;
        o.lineBegin = uint32_t(s->lines.size());
        for (std::string_view item : rec.fields)
            if (!item.empty()) s->lines.push_back({productFor(*s, std::string(item)), 1.0, 0.0});
        o.lineEnd = uint32_t(s->lines.size());
        s->orders.push_back(o);
    }
    buildBaskets(*s);
    return s;
}

}  // namespace mbtest
