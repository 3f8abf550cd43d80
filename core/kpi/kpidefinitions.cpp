#include "core/kpi/kpidefinitions.h"

namespace mb {

const std::vector<KpiDefinition> &kpiDefinitions()
{
    static const std::vector<KpiDefinition> list = {
        {"Period", "Local calendar days of the store (each order's time plus the offset it recorded), both ends "
                   "included. The previous period is the one of equal length just before it."},
        {"Orders", "Orders that are not cancelled and hold at least one line with a positive quantity. "
                   "Cancellations (Online Retail's C invoices) and orders that only take goods back do not count."},
        {"Revenue", "What customers paid for the lines of every order that is not cancelled: quantity × unit price "
                    "less the line's discounts and refunds (a store's order-level discount and refund are spread over "
                    "its lines on import); returned lines count negative. Merchandise only: shipping and tax are not "
                    "in. Fee lines a store sold as products (postage, Shopify tips) are in."},
        {"AOV", "Average order value: revenue ÷ orders."},
        {"Units per order", "Positive quantities of the counted orders ÷ orders."},
        {"Items per basket", "Distinct products bought per counted order, on average."},
        {"Filters", "Category keeps orders holding at least one product in that category or below it (the whole "
                    "order counts). New customers: orders that are the customer's first counted order ever; returning: "
                    "the customer ordered before. Guest orders (no customer) are in neither. Country: as imported."},
        {"Attach rate (pair)", "Orders holding the anchor and the target ÷ orders holding the anchor (= confidence). "
                               "A category target is met by any product of that category."},
        {"Attach rate (kind, category)", "Of the (order, anchor) occurrences where the anchor has mapped complements "
                                         "of that kind (or lies in that category), the share in which at least one of "
                                         "them was in the same order. Mapped complements are the anchor's own active "
                                         "relations plus those inherited from its categories, exclusions applied."},
        {"Attach rate (store)", "Share of all orders in which some item came with at least one of its mapped "
                                "cross-sell complements (upgrades excluded). Also shown: the same count ÷ orders "
                                "that held an item with mapped complements."},
        {"Attributed revenue", "AOV of orders where an anchor came with at least one complement minus the AOV of "
                               "orders where anchors came alone, times the orders with a complement. Attributed, not "
                               "causal: without a control group it shows association, not lift."},
        {"Bundle take rate", "Of the orders holding a bundle's anchor, the share that also hold every required item "
                             "of a tier in at least its quantity; an order meeting several tiers counts for the "
                             "highest. Shown per tier and overall."},
        {"Repeat purchase rate", "Known customers with two or more orders in the period ÷ known customers with one "
                                 "or more."},
        {"Days to second order", "Days between a customer's first and second order in the period; median and mean "
                                 "over the customers who have a second order."},
        {"Cohort retention", "Customers grouped by the month of their first order ever (when it falls in the "
                             "period); month k shows the share of the cohort ordering in the k-th month after, up to "
                             "the period's end."},
        {"CLV (historic)", "Revenue of known customers in the period ÷ those customers. The histogram shows its "
                           "spread; bins end at the 99th percentile and the last bin holds everything above."},
        {"CLV (predictive)", "AOV × purchase frequency (orders per customer per year) × expected lifespan, where the "
                             "lifespan is the period's length ÷ churn, churn = 1 − repeat purchase rate (the share not "
                             "seen again in the period), capped at 10 years. A simple estimate, not a BG/NBD fit: "
                             "read it for periods of about a year; its inputs are shown beside it."},
        {"Recommendation click-through", "Recommendation clicks ÷ recommendation impressions, from imported events."},
        {"Recommendation conversion", "Recommendation clicks followed in the same session by a purchase of the "
                                      "clicked product ÷ recommendation clicks, from imported events."},
        {"Cart abandonment", "Sessions with an add-to-cart and no purchase after it ÷ sessions with an add-to-cart. "
                             "Order exports have no sessions or carts: these need an event import "
                             "(session, time, sku, event, placement)."},
    };
    return list;
}

}  // namespace mb
