#include "core/demo/demoorders.h"

#include "core/demo/democalendar.h"
#include "core/demo/demojourneys.h"
#include "core/demo/demorandom.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace mb::demo {

namespace {

struct DraftLine {
    int product;
    double quantity;
    double unitPrice;
};

struct Draft {
    int customer = 0;
    int64_t day = 0;  // local day
    int64_t at = 0;   // UTC seconds
    int32_t offset = 0;
    OrderStatus status = OrderStatus::Completed;
    std::vector<DraftLine> lines;
};

struct Customer {
    double weight = 1;
    const char *country = "";
    int dept = 0;
    std::vector<int> heroes;
    std::vector<int64_t> heroDays;
    bool refilling[DeptCount] = {};
};

class Simulator {
public:
    Simulator(const DemoCatalog &cat, const DemoParameters &p, DemoRandom &rng)
        : cat_(cat), p_(p), rng_(rng), days_(demoDays(p.months, p.endDate)), target_(size_t(p.orders))
    {
        prepareCalendar();
        prepareProducts();
    }

    OrderBatch run()
    {
        static const char *const countries[] = {"Germany", "Austria", "Netherlands", "Belgium"};
        const std::vector<double> countryCum = cumulativeOf({0.82, 0.14, 0.025, 0.015});
        const std::vector<double> deptCum = cumulativeOf(std::vector<double>(DeptShare, DeptShare + DeptCount));
        customers_.resize(size_t(p_.customers));
        std::vector<double> weights;
        for (Customer &c : customers_) {
            // Pareto with alpha 1, capped: most customers buy once or twice, a few dozen come back monthly.
            c.weight = std::min(1.0 / (1.0 - rng_.uniform()), 30.0);
            c.country = countries[rng_.pick(countryCum)];
            c.dept = int(rng_.pick(deptCum));
            weights.push_back(c.weight);
        }
        // Everyone's first journey, then repeat purchases in proportion to the customer's weight.
        for (int c = 0; c < p_.customers && !full(); ++c) {
            if (rng_.chance(0.85))
                heroEpisode(c, customers_[size_t(c)].dept, pickDay(customers_[size_t(c)].dept, days_.first));
            else
                extraEpisode(c);
        }
        const std::vector<double> customerCum = cumulativeOf(weights);
        for (size_t guard = 0; !full() && guard < target_ * 10 + 1000; ++guard)
            extraEpisode(int(rng_.pick(customerCum)));
        return finish();
    }

private:
    bool full() const { return drafts_.size() >= target_; }

    void prepareCalendar()
    {
        // Christmas peak, a quiet January, bikes in spring and summer; Sunday evening is the busiest time of
        // the week; the shop grows by half over the history.
        static const double month[12] = {0.85, 0.8, 0.9, 0.95, 1.0, 0.95, 0.9, 0.9, 1.0, 1.05, 1.35, 1.5};
        static const double bikeMonth[12] = {0.4, 0.5, 0.9, 1.4, 1.6, 1.6, 1.4, 1.2, 1.0, 0.7, 0.6, 0.8};
        static const double weekday[7] = {1.15, 1.1, 1.0, 1.0, 1.0, 0.9, 0.85};
        static const double hour[24] = {1.0, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.0, 2.5, 3.0, 3.2,
                                        3.8, 3.5, 3.0, 3.0, 3.2, 3.5, 4.0, 4.8, 5.2, 4.8, 3.5, 2.0};
        const int64_t span = days_.last - days_.first + 1;
        std::vector<double> general, bikes;
        for (int64_t d = days_.first; d <= days_.last; ++d) {
            const unsigned m = civilFromDays(d).month - 1;
            const double w = month[m] * weekday[weekdayOf(d)] * (0.8 + 0.4 * double(d - days_.first) / double(span));
            general.push_back(w);
            bikes.push_back(w * bikeMonth[m]);
        }
        generalCum_ = cumulativeOf(general);
        bikeCum_ = cumulativeOf(bikes);
        hourCum_ = cumulativeOf(std::vector<double>(hour, hour + 24));
    }

    void prepareProducts()
    {
        shipping_ = cat_.indexOf("SHIP-EXPRESS");
        warranty_ = cat_.indexOf("WARRANTY-2Y");
        for (const char *sku : {"GIFT-CARD-25", "GIFT-CARD-50", "GIFT-CARD-100"})
            giftCards_.push_back(cat_.indexOf(sku));
        deptItems_.assign(DeptCount, {});
        std::vector<std::vector<double>> weights(DeptCount);
        for (size_t i = 0; i < cat_.products.size(); ++i) {
            const DemoProduct &p = cat_.products[i];
            const Role role = demoSubcategories()[size_t(p.sub)].role;
            const int dept = deptOf(p);
            if (dept >= 0 && (role == Role::Accessory || role == Role::Consumable)) {
                deptItems_[size_t(dept)].push_back(int(i));
                weights[size_t(dept)].push_back(p.popularity);
            }
        }
        for (auto &w : weights)
            deptItemCum_.push_back(cumulativeOf(w));
    }

    int64_t pickDay(int dept, int64_t from)
    {
        from = std::max(from, days_.first);
        if (from > days_.last)
            return -1;
        const auto &cum = dept == Bikes ? bikeCum_ : generalCum_;
        return days_.first + int64_t(rng_.pickIn(cum, size_t(from - days_.first), cum.size()));
    }

    void stamp(Draft &d, int64_t day)
    {
        const int hour = int(rng_.pick(hourCum_));
        d.day = day;
        d.offset = centralEuropeanOffset(day, hour);
        d.at = day * 86400 + hour * 3600 + rng_.between(0, 3599) - int64_t(d.offset) * 60;
    }

    Draft draftFor(int customer, int64_t day)
    {
        Draft d;
        d.customer = customer;
        stamp(d, day);
        return d;
    }

    bool isService(int product) const
    {
        return demoSubcategories()[size_t(cat_.products[size_t(product)].sub)].role == Role::Service;
    }

    void addLine(Draft &d, int product, double quantity)
    {
        if (product < 0 || quantity <= 0)
            return;
        for (DraftLine &l : d.lines)
            if (l.product == product) {
                l.quantity += quantity;
                return;
            }
        double price = *cat_.products[size_t(product)].record.price;
        if (!isService(product) && rng_.chance(0.06))  // a voucher or a sale now and then
            price = std::round(price * (1 - 0.05 * double(rng_.between(1, 3))) * 100) / 100;
        d.lines.push_back({product, quantity, price});
    }

    int pickWeighted(const std::vector<int> &candidates, const std::vector<double> &weights)
    {
        if (candidates.empty())
            return -1;
        return candidates[rng_.pick(cumulativeOf(weights))];
    }

    int pickHero(int dept)
    {
        static const double stepWeight[3] = {0.45, 0.35, 0.20};
        const auto &choices = heroSubs()[size_t(dept)];
        std::vector<double> subWeights;
        for (const HeroChoice &h : choices)
            subWeights.push_back(h.weight);
        const int sub = subcategoryIndex(choices[rng_.pick(cumulativeOf(subWeights))].sub);
        std::vector<double> weights;
        for (int i : cat_.bySub[size_t(sub)]) {
            const DemoProduct &p = cat_.products[size_t(i)];
            weights.push_back(p.popularity * (p.step >= 0 ? stepWeight[p.step] : 0.3));
        }
        return pickWeighted(cat_.bySub[size_t(sub)], weights);
    }

    // An accessory of subcategory `sub` that fits `hero`; ones made for it (same brand, system, model)
    // and on the same ladder step as the hero are likelier than universal ones.
    int pickFitting(const char *sub, const DemoProduct &hero, bool refillOnly)
    {
        std::vector<int> candidates;
        std::vector<double> weights;
        for (int i : cat_.bySub[size_t(subcategoryIndex(sub))]) {
            const DemoProduct &a = cat_.products[size_t(i)];
            if (!cat_.fits(a, hero) || (refillOnly && a.refillDays == 0))
                continue;
            candidates.push_back(i);
            weights.push_back(a.popularity * (a.fits.empty() ? 1.0 : 3.0) *
                              (a.step >= 0 && a.step == hero.step ? 2.5 : 1.0));
        }
        return pickWeighted(candidates, weights);
    }

    int pickFromDept(int dept)
    {
        const auto &items = deptItems_[size_t(dept)];
        return items.empty() ? -1 : items[rng_.pick(deptItemCum_[size_t(dept)])];
    }

    // The hero with its accessories, then (maybe) a later upgrade and consumables on their rhythm.
    void heroEpisode(int c, int dept, int64_t day)
    {
        if (day < 0)
            return;
        const int hero = pickHero(dept);
        const DemoProduct &h = cat_.products[size_t(hero)];
        const RefillPlan plan = refillPlan(h);
        Draft d = draftFor(c, day);
        addLine(d, hero, 1);
        int refillBought = -1;
        for (const AttachRule &r : attachRules(h)) {
            if (!rng_.chance(r.chance))
                continue;
            const bool cartridge = std::string_view(r.sub) == "PRN-CRT";  // not a drum with a new printer
            const int a = pickFitting(r.sub, h, cartridge);
            addLine(d, a, 1 + rng_.poisson(r.extraQuantity));
            if (cartridge && rng_.chance(0.35))  // black and colour
                addLine(d, pickFitting(r.sub, h, true), 1);
            if (plan.sub && std::string_view(r.sub) == plan.sub && a >= 0 && cat_.products[size_t(a)].refillDays > 0)
                refillBought = a;
        }
        if (*h.record.price >= 250 && rng_.chance(0.06))
            addLine(d, warranty_, 1);
        Customer &cu = customers_[size_t(c)];
        cu.heroes.push_back(hero);
        cu.heroDays.push_back(day);
        if (!place(std::move(d), hero, false))
            return;
        if (h.step >= 0 && h.step < 2 && rng_.chance(0.06)) {  // outgrew it: the next step up, months later
            const int64_t later = day + rng_.between(45, 200);
            if (later <= days_.last) {
                Draft u = draftFor(c, later);
                addLine(u, hero + 1, 1);
                place(std::move(u), -1, false);
            }
        }
        if (plan.sub && !cu.refilling[dept] && rng_.chance(plan.share)) {
            cu.refilling[dept] = true;
            refills(c, hero, plan, day, refillBought);
        }
    }

    // Re-buying the consumable every refillDays (±10 %) until the history ends or the customer drifts off.
    void refills(int c, int hero, const RefillPlan &plan, int64_t day, int main)
    {
        const DemoProduct &h = cat_.products[size_t(hero)];
        if (main < 0)
            main = pickFitting(plan.sub, h, true);
        if (main < 0)
            return;
        const bool coffee = deptOf(h) == Coffee;
        const int water = h.system == "espresso" && rng_.chance(0.4) ? pickFitting("COF-FLT", h, true) : -1;
        const int descaler = coffee && rng_.chance(0.35) ? pickFitting("COF-DSC", h, true) : -1;
        int64_t lastWater = day, lastDescale = day;
        for (int64_t t = day;;) {
            const double mean = cat_.products[size_t(main)].refillDays;
            t += std::max<int64_t>(5, std::llround(rng_.normal(mean, mean / 10)));
            if (t > days_.last)
                return;
            Draft d = draftFor(c, t);
            addLine(d, main, 1 + rng_.poisson(plan.extraQuantity));
            if (std::string_view(plan.sub) == "COF-POD" && rng_.chance(0.3))  // a second flavour
                addLine(d, pickFitting(plan.sub, h, true), 1);
            if (water >= 0 && t - lastWater >= 55) {
                addLine(d, water, 1);
                lastWater = t;
            }
            if (descaler >= 0 && t - lastDescale >= 85) {
                addLine(d, descaler, 1);
                lastDescale = t;
            }
            if (h.system == "filter" && rng_.chance(0.15))
                addLine(d, pickFitting("COF-BNS", h, false), 1);
            if (!coffee && rng_.chance(0.25)) {
                // Two draws in one call's arguments are unsequenced (GCC takes the last argument first, clang
                // the first): each is drawn on its own line, in the order the published seed-42 store has.
                const int quantity = 1 + rng_.poisson(0.3);
                addLine(d, pickFitting("PRN-PAP", h, false), quantity);
            }
            if (!place(std::move(d), -1, true) || rng_.chance(0.06))
                return;
            if (rng_.chance(plan.variety))
                main = pickFitting(plan.sub, h, true);
        }
    }

    // A repeat visit: an add-on for something owned, a new hero, a gift card, an upgrade, or a few items.
    void extraEpisode(int c)
    {
        Customer &cu = customers_[size_t(c)];
        const double r = rng_.uniform();
        const int dept = rng_.chance(0.5) ? cu.dept : int(rng_.below(DeptCount));
        if (r < 0.30 && !cu.heroes.empty()) {
            const size_t k = size_t(rng_.below(cu.heroes.size()));
            const DemoProduct &h = cat_.products[size_t(cu.heroes[k])];
            const std::vector<AttachRule> rules = attachRules(h);
            const int64_t day = pickDay(deptOf(h), cu.heroDays[k] + 3);
            if (day >= 0 && !rules.empty()) {
                std::vector<double> w;
                for (const AttachRule &rule : rules)
                    w.push_back(rule.chance);
                const std::vector<double> cum = cumulativeOf(w);
                Draft d = draftFor(c, day);
                addLine(d, pickFitting(rules[rng_.pick(cum)].sub, h, false), 1);
                if (rng_.chance(0.25))
                    addLine(d, pickFitting(rules[rng_.pick(cum)].sub, h, false), 1);
                place(std::move(d), -1, false);
                return;
            }
        }
        if (r < 0.50) {
            heroEpisode(c, dept, pickDay(dept, days_.first));
            return;
        }
        if (r < 0.58) {
            Draft d = draftFor(c, pickDay(-1, days_.first));
            const int quantity = 1 + rng_.poisson(0.15);  // drawn first: see refills()
            addLine(d, giftCards_[rng_.pick(cumulativeOf({0.5, 0.35, 0.15}))], quantity);
            if (rng_.chance(0.2))
                addLine(d, pickFromDept(dept), 1);
            place(std::move(d), -1, false);
            return;
        }
        if (r < 0.66) {
            for (size_t k = 0; k < cu.heroes.size(); ++k) {
                const DemoProduct &h = cat_.products[size_t(cu.heroes[k])];
                const int64_t day = pickDay(deptOf(h), cu.heroDays[k] + 30);
                if (h.step >= 0 && h.step < 2 && day >= 0) {
                    Draft d = draftFor(c, day);
                    addLine(d, cu.heroes[k] + 1, 1);
                    place(std::move(d), -1, false);
                    return;
                }
            }
        }
        Draft d = draftFor(c, pickDay(dept, days_.first));
        const int items = r < 0.76 ? int(rng_.between(2, 3)) : 1;
        for (int i = 0; i < items; ++i) {
            const int quantity = rng_.chance(0.2) ? 2 : 1;  // drawn first: see refills()
            addLine(d, pickFromDept(dept), quantity);
        }
        place(std::move(d), -1, false);
    }

    // Records the order with what happens around it: express shipping, the odd cancellation (mostly
    // re-placed soon after) and returns, a returned hero sometimes swapped for the next step up.
    bool place(Draft d, int hero, bool refill)
    {
        if (full() || d.lines.empty())
            return false;
        const bool servicesOnly = std::all_of(d.lines.begin(), d.lines.end(),
                                              [&](const DraftLine &l) { return isService(l.product); });
        if (!servicesOnly && rng_.chance(0.07))
            addLine(d, shipping_, 1);
        if (rng_.chance(0.02)) {
            Draft again = d;
            d.status = OrderStatus::Cancelled;
            drafts_.push_back(d);
            if (!rng_.chance(0.7) || full())
                return true;
            again.at += rng_.between(600, 2 * 86400);
            again.day = (again.at + int64_t(again.offset) * 60) / 86400;
            if (again.day > days_.last)
                return true;
            d = std::move(again);
        }
        drafts_.push_back(d);
        if (servicesOnly || !rng_.chance(hero >= 0 ? 0.03 : refill ? 0.003 : 0.01))
            return true;
        std::vector<int> merchandise;
        for (const DraftLine &l : d.lines)
            if (!isService(l.product))
                merchandise.push_back(int(&l - d.lines.data()));
        const DraftLine &back = d.lines[size_t(hero >= 0 ? 0 : merchandise[rng_.below(merchandise.size())])];
        const int64_t day = d.day + rng_.between(4, 25);
        if (day > days_.last || full())
            return true;
        Draft ret = draftFor(d.customer, day);
        ret.status = OrderStatus::Returned;
        ret.lines.push_back({back.product, -back.quantity, back.unitPrice});
        drafts_.push_back(ret);
        const DemoProduct &h = cat_.products[size_t(back.product)];
        if (hero >= 0 && h.step >= 0 && h.step < 2 && rng_.chance(0.4) && ret.day + 3 <= days_.last) {
            Draft instead = draftFor(d.customer, ret.day + rng_.between(0, 3));
            addLine(instead, back.product + 1, 1);
            place(std::move(instead), -1, false);
        }
        return true;
    }

    OrderBatch finish()
    {
        std::vector<uint32_t> order(drafts_.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(),
                         [&](uint32_t a, uint32_t b) { return drafts_[a].at < drafts_[b].at; });
        const size_t width = std::max<size_t>(4, std::to_string(p_.customers).size());
        OrderBatch batch;
        batch.format = "lines";
        std::vector<bool> seen(cat_.products.size());
        int64_t line = 2;  // as if read from an order-lines CSV with a header line
        for (uint32_t k = 0; k < order.size(); ++k) {
            const Draft &d = drafts_[order[k]];
            // Appended rather than "D" + ...: GCC 12 warns falsely (-Wrestrict) on the operator+ form.
            const std::string number = std::to_string(d.customer + 1);
            OrderRecord o;
            o.line = line;
            o.externalId.append(1, 'D').append(std::to_string(100001 + k));
            o.customer.append(1, 'C').append(width - std::min(width, number.size()), '0').append(number);
            o.country = customers_[size_t(d.customer)].country;
            o.currency = "EUR";
            o.orderedAt = d.at;
            o.utcOffsetMinutes = d.offset;
            o.hasTime = true;
            o.status = d.status;
            batch.orders.push_back(std::move(o));
            for (const DraftLine &l : d.lines) {
                batch.lines.push_back({line++, k, cat_.products[size_t(l.product)].record.sku, l.quantity, l.unitPrice});
                seen[size_t(l.product)] = true;
            }
        }
        for (size_t i = 0; i < seen.size(); ++i)
            if (seen[i])
                batch.products.push_back(cat_.products[i].record);
        batch.rowsRead = int64_t(batch.lines.size());
        return batch;
    }

    const DemoCatalog &cat_;
    const DemoParameters &p_;
    DemoRandom &rng_;
    DemoDays days_;
    size_t target_;
    std::vector<double> generalCum_, bikeCum_, hourCum_;
    std::vector<std::vector<int>> deptItems_;
    std::vector<std::vector<double>> deptItemCum_;
    int shipping_ = -1, warranty_ = -1;
    std::vector<int> giftCards_;
    std::vector<Customer> customers_;
    std::vector<Draft> drafts_;
};

}  // namespace

OrderBatch simulateDemoOrders(const DemoCatalog &catalog, const DemoParameters &p, DemoRandom &rng)
{
    return Simulator(catalog, p, rng).run();
}

}  // namespace mb::demo
