#include "core/io/eventparser.h"

#include "core/io/csvreader.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"
#include "core/io/rejectsku.h"
#include "core/io/textfile.h"

#include <algorithm>
#include <cctype>

namespace mb {
namespace {

// Lower case, and spaces / dashes folded to underscores, so "Add To Cart" and "add-to-cart" compare equal.
std::string folded(std::string_view s)
{
    std::string out;
    for (char c : trimmed(s)) out.push_back(c == ' ' || c == '-' ? '_' : char(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

}  // namespace

const char *eventTypeName(EventType e)
{
    switch (e) {
    case EventType::View: return "view";
    case EventType::AddToCart: return "add_to_cart";
    case EventType::Checkout: return "checkout";
    case EventType::Purchase: return "purchase";
    case EventType::RecommendationImpression: return "recommendation_impression";
    case EventType::RecommendationClick: return "recommendation_click";
    }
    return "view";
}

std::optional<EventType> eventTypeFromName(std::string_view s)
{
    static const std::pair<const char *, EventType> names[] = {
        {"view", EventType::View}, {"product_view", EventType::View}, {"page_view", EventType::View},
        {"view_item", EventType::View}, {"detail", EventType::View},
        {"add_to_cart", EventType::AddToCart}, {"addtocart", EventType::AddToCart}, {"cart_add", EventType::AddToCart},
        {"add", EventType::AddToCart},
        {"checkout", EventType::Checkout}, {"begin_checkout", EventType::Checkout}, {"checkout_started", EventType::Checkout},
        {"purchase", EventType::Purchase}, {"transaction", EventType::Purchase}, {"order", EventType::Purchase},
        {"recommendation_impression", EventType::RecommendationImpression},
        {"rec_impression", EventType::RecommendationImpression}, {"impression", EventType::RecommendationImpression},
        {"recommendation_click", EventType::RecommendationClick}, {"rec_click", EventType::RecommendationClick},
        {"click", EventType::RecommendationClick},
    };
    const std::string f = folded(s);
    for (const auto &[name, type] : names)
        if (f == name) return type;
    return std::nullopt;
}

std::string normalisePlacement(std::string_view s)
{
    const std::string f = folded(s);
    if (f.empty()) return {};
    if (f == "product_page" || f == "pdp" || f == "product" || f == "productpage") return "product-page";
    if (f == "cart" || f == "basket" || f == "mini_cart") return "cart";
    if (f == "checkout") return "checkout";
    if (f == "post_purchase" || f == "postpurchase" || f == "thank_you" || f == "email") return "post-purchase";
    // A placement of the store's own ("home", "search") is kept under its own name.
    std::string out = f;
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

EventBatch parseEvents(const std::string &path)
{
    TextFile file = TextFile::load(path);
    if (!file.ok() || !file.invalidUtf8.empty()) {
        EventBatch b;
        b.error = file.ok() ? file.invalidUtf8Error() : file.error;
        return b;
    }
    EventBatch b = parseEventsText(file.data, path);
    b.encoding = file.encoding;
    return b;
}

EventBatch parseEventsText(const std::string &utf8, const std::string &path)
{
    EventBatch b;
    b.encoding = "UTF-8";
    CsvReader reader(utf8, CsvReader::detectDelimiter(utf8));
    CsvRecord rec;
    if (!reader.next(rec)) {
        b.error = path + ": the file holds no header line (expected session, time, sku, event, placement)";
        return b;
    }
    const CsvHeader header(rec.fields);
    const int cSession = header.find({"session", "session_id", "sessionid", "session id", "visit", "visit_id", "visit id"});
    const int cTime = header.find({"time", "timestamp", "occurred_at", "occurred at", "event_time", "event time", "datetime", "date", "created_at"});
    const int cSku = header.find({"sku", "product_sku", "product sku", "product", "item", "item_id", "item id", "product_id", "product id"});
    const int cEvent = header.find({"event", "event_type", "event type", "type", "action", "event_name", "event name"});
    const int cPlacement = header.find({"placement", "widget", "slot", "location", "position"});
    std::string missing;
    if (cSession < 0) missing += ", session";
    if (cTime < 0) missing += ", time";
    if (cEvent < 0) missing += ", event";
    if (!missing.empty()) {
        b.error = path + ": line 1: the header has no column for " + missing.substr(2) +
                  " (expected session, time, sku, event, placement)";
        return b;
    }
    if (cSku < 0) b.notes.push_back("there is no sku column: events name no product, so recommendation conversion "
                                    "cannot match a click to its purchase");
    auto field = [&](int c) { return c >= 0 && size_t(c) < rec.fields.size() ? trimmed(rec.fields[size_t(c)]) : std::string_view(); };
    const RejectSku rowSku{cSku, [](std::string_view cell) { return stripFormulaGuard(trimmed(cell)); }};
    auto reject = [&](int c, std::string_view value, std::string reason) {
        b.rejects.push_back({rec.line, c >= 0 ? header.name(c) : std::string(), std::string(value), std::move(reason),
                             rowSku.of(rec, header.size(), c)});
    };
    while (reader.next(rec)) {
        if (rec.unterminatedQuote) {
            b.error = path + ": line " + std::to_string(rec.line) + ": a quoted field opened here is never closed";
            b.events.clear();
            return b;
        }
        ++b.rowsRead;
        EventRecord e;
        e.line = rec.line;
        const std::string_view session = stripFormulaGuard(field(cSession));
        if (session.empty()) { reject(cSession, session, "expected a session id"); continue; }
        const std::string_view when = field(cTime);
        int32_t offset = 0;
        if (!parseTimestamp(when, e.occurredAt, offset)) {
            reject(cTime, when, "expected a time such as 2024-05-01 10:00:00 or 2024-05-01T10:00:00Z");
            continue;
        }
        const std::string_view name = field(cEvent);
        const auto type = eventTypeFromName(name);
        if (!type) {
            reject(cEvent, name, "expected view, add_to_cart, checkout, purchase, recommendation_impression or "
                                 "recommendation_click");
            continue;
        }
        e.event = *type;
        e.session.assign(session);
        e.sku.assign(stripFormulaGuard(field(cSku)));
        if (e.sku.empty() && (e.event == EventType::RecommendationImpression || e.event == EventType::RecommendationClick ||
                              e.event == EventType::AddToCart)) {
            reject(cSku, "", std::string("expected the SKU of the product a ") + eventTypeName(e.event) + " event is about");
            continue;
        }
        e.placement = normalisePlacement(field(cPlacement));
        b.events.push_back(std::move(e));
    }
    return b;
}

}  // namespace mb
