// The humanitarian sections of a run's report: aid delivered against the towns' need over time and
// the need left unmet, and the people returned home.

#include <algorithm>
#include <cmath>

#include "sections.hpp"

namespace corridor::run_report {

void aid_delivered(ReportPage& page, const Theatre& theatre, const DeploymentResult& r) {
    page.section("Aid delivered against need",
                 "For each commodity, each town's deliveries so far as a share of its need so far: at 100% "
                 "the trucks keep up with what the town consumes; below it the town lives on its stock, "
                 "then goes short. The bars give the need left unmet in person-days (a person's daily "
                 "need unmet for a day).");
    const Humanitarian& aid = theatre.aid;
    if (aid.towns.empty() || r.town_days.empty()) {
        page.paragraph("The scenario has no towns to supply.");
        return;
    }
    TimeScale scale = time_scale(theatre.duration);
    std::size_t towns = aid.towns.size();
    for (std::size_t k = 0; k < aid.commodities.size(); ++k) {
        const Commodity& commodity = aid.commodities[k];
        std::vector<double> need(towns, 0), delivered(towns, 0);
        std::vector<chart::Series> series(towns);
        for (std::size_t t = 0; t < towns; ++t)
            series[t] = {aid.towns[t].name, {}, {}, chart::Series::Style::line};
        bool needed = false;
        for (const TownDay& day : r.town_days) {  // by day, then town and commodity
            if (day.commodity != k) continue;
            need[day.town] += day.need;
            delivered[day.town] += day.delivered;
            if (need[day.town] <= 0) continue;
            needed = true;
            series[day.town].x.push_back(scale.of((day.day + 1) * kDay));
            series[day.town].y.push_back(100.0 * delivered[day.town] / need[day.town]);
        }
        if (!needed) continue;
        std::erase_if(series, [](const chart::Series& s) { return s.x.empty(); });
        chart::XyChart c{"aid-" + std::to_string(k + 1),
                         "Delivered against need: " + commodity.name,
                         // The axis is a share; the unit only says what was counted on both sides of it.
                         "Cumulative deliveries as a % of cumulative need, both counted in " +
                             commodity.unit + " of " + commodity.name + ", at the end of each day.",
                         scale.axis(scale.of(theatre.duration)),
                         {"Delivered against need", "%", 0.0, std::nullopt},
                         std::move(series),
                         {},
                         {}};
        page.figure(chart::xy_chart(c));
    }
    std::vector<chart::BarGroup> unmet;
    double total_unmet = 0;
    for (std::size_t k = 0; k < aid.commodities.size(); ++k) {
        chart::BarGroup group{aid.commodities[k].name, {}};
        for (const SupplyOutcome& s : r.supplies)
            if (s.commodity == k) {
                group.bars.push_back({aid.towns[s.town].name, s.unmet_person_days, {}, {}});
                total_unmet += s.unmet_person_days;
            }
        if (!group.bars.empty()) unmet.push_back(std::move(group));
    }
    if (total_unmet > 0)
        page.figure(chart::bar_chart({"aid-unmet",
                                      "Need left unmet by town",
                                      fixed(total_unmet, 0) + " person-days unmet in all.",
                                      {"Unmet need", "person-days", 0.0, std::nullopt},
                                      unmet,
                                      true,
                                      "Town"}));
    else
        page.paragraph("Every town's need was met throughout the run.");
    std::vector<std::vector<std::string>> rows;
    for (const SupplyOutcome& s : r.supplies) {
        const Commodity& commodity = aid.commodities[s.commodity];
        rows.push_back({aid.towns[s.town].name, commodity.name + " (" + commodity.unit + ")",
                        fixed(s.need, 0), fixed(s.delivered, 0), fixed(s.unmet, 0),
                        fixed(s.unmet_person_days, 0), fixed(to_hours(s.out) / 24.0, 2)});
    }
    page.table({{"Town"},
                {"Commodity (unit)"},
                {"Need (units)", true},
                {"Delivered (units)", true},
                {"Unmet (units)", true},
                {"Unmet (person-days)", true},
                {"Out of stock (days)", true}},
               rows, "Each town and commodity over the run, in the commodity's own unit.");
}

void returns(ReportPage& page, const Theatre& theatre, const DeploymentResult& r) {
    page.section("Returns",
                 "People back in their towns over time, by flow: the curve flattens when buses, escorts "
                 "or conditions hold them back. Dashed lines mark when half and 90% of everyone were home.");
    if (r.returns.empty()) {
        page.paragraph("The scenario has no returns.");
        return;
    }
    TimeScale scale = time_scale(theatre.duration);
    chart::XyChart c{"returns",
                     "People returned home",
                     "",
                     scale.axis(scale.of(theatre.duration)),
                     {"People home", "people", 0.0, std::nullopt},
                     {},
                     {},
                     {}};
    std::vector<int> all;
    int people = 0, returned = 0;
    for (const ReturnOutcome& flow : r.returns) {
        chart::Series s{flow.name, {0.0}, {0.0}, chart::Series::Style::step};
        int home = 0;
        for (std::size_t d = 0; d < flow.returned_by_day.size(); ++d) {
            home += flow.returned_by_day[d];
            s.x.push_back(scale.of(static_cast<Time>(d + 1) * kDay));
            s.y.push_back(home);
            if (all.size() <= d) all.resize(d + 1, 0);
            all[d] += home;
        }
        people += flow.people;
        returned += flow.returned;
        c.series.push_back(std::move(s));
    }
    if (r.returns.size() > 1) {
        chart::Series total{"All flows", {0.0}, {0.0}, chart::Series::Style::step};
        for (std::size_t d = 0; d < all.size(); ++d) {
            total.x.push_back(scale.of(static_cast<Time>(d + 1) * kDay));
            total.y.push_back(all[d]);
        }
        c.series.push_back(std::move(total));
    }
    if (r.returned_50 != kNever) c.markers.push_back({scale.of(r.returned_50), "50%"});
    if (r.returned_90 != kNever) c.markers.push_back({scale.of(r.returned_90), "90%"});
    c.caption = std::to_string(returned) + " of " + std::to_string(people) +
                " people home by the end of the run, counted at the end of each day.";
    page.figure(chart::xy_chart(c));
}

}  // namespace corridor::run_report
