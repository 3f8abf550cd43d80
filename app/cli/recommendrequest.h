#pragma once
// One recommend request as the user wrote it (command-line options or one line of a --requests file), its
// lookup against the engine, and the JSON of its answer. Both ways in share this so that a request means
// the same and answers the same whichever way it came.
#include "core/placement/placementengine.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mb::cli {

struct RequestText {
    std::optional<std::string> placement, sku, customer, date;
    // The cart's SKUs with their quantities; a quantity the user left out is 1.
    std::optional<std::vector<std::pair<std::string, double>>> cart;
    long long limit = 0;
    bool explain = false;
};

// What is wrong with a request: the field (option or JSON key, without "--"), the message, and whether it
// is a usage error (the request is malformed) rather than bad input (it names what the workspace lacks).
struct RequestError {
    std::string field, message;
    bool usage = false;
};

// "SKU[:QTY],...": a SKU may itself hold a colon, so only a numeric tail after the last one is a quantity.
std::optional<RequestError> parseCartText(const std::string &text, std::vector<std::pair<std::string, double>> &cart);

// The request's shape: placement, one of sku or cart, limit and date; needs no workspace.
std::optional<RequestError> resolveShape(const RequestText &text, RecommendContext &rc);

// The request's placement, anchor or cart, customer, day and limit; checks the shape first (usage), then
// looks SKUs and the customer up in the engine (bad input).
std::optional<RequestError> resolveRequest(const PlacementEngine &engine, const RequestText &text, RecommendContext &rc);

// The answer as the CLI's --json prints it.
QJsonObject resultJson(const Snapshot &s, const PlacementEngine &engine, const RequestText &text, const RecommendContext &rc,
                       const RecommendResult &r);

// One line of a --requests file: {"placement": "cart", "cart": ["A", {"sku": "B", "quantity": 2}] or "A,B:2",
// "sku": "...", "customer": "...", "date": "YYYY-MM-DD", "limit": N, "explain": true, "id": anything}.
std::optional<RequestError> parseRequestJson(const QJsonObject &o, RequestText &text);

}  // namespace mb::cli
