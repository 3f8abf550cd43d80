#pragma once
// Storefront events (the optional import behind recommendation conversion and cart abandonment):
// CSV with session, time, sku, event and placement. Columns are found by name (with aliases), event and
// placement names are normalised ("add-to-cart", "Add To Cart" -> add_to_cart; "PDP" -> product-page), and
// every rejected row says its line, its field and what was expected.
#include "core/io/importrecords.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

enum class EventType : uint8_t { View, AddToCart, Checkout, Purchase, RecommendationImpression, RecommendationClick };

constexpr EventType allEventTypes[] = {EventType::View, EventType::AddToCart, EventType::Checkout, EventType::Purchase,
                                       EventType::RecommendationImpression, EventType::RecommendationClick};

const char *eventTypeName(EventType e);                       // the workspace's names: "add_to_cart"
std::optional<EventType> eventTypeFromName(std::string_view s);  // canonical names and common aliases
std::string normalisePlacement(std::string_view s);           // "Product page" / "pdp" -> "product-page"

struct EventRecord {
    int64_t line = 0;
    std::string session;
    int64_t occurredAt = 0;   // UTC seconds
    std::string sku;          // "" when the event names no product (a checkout)
    EventType event = EventType::View;
    std::string placement;    // "" when none
};

struct EventBatch {
    std::vector<EventRecord> events;
    std::vector<Reject> rejects;
    std::vector<std::string> notes;
    std::string encoding;
    int64_t rowsRead = 0;
    std::string error;        // the whole file is unusable (missing column, not text); events is then empty
};

EventBatch parseEvents(const std::string &path);
// Same, over text already in memory (tests, fuzzing).
EventBatch parseEventsText(const std::string &utf8, const std::string &path);

}  // namespace mb
