// The deployment's sections of a run's report: how fast the posts were established, how each
// convoy marched (the movement graph of a march table), and what the airlift landed each day.

#include <algorithm>
#include <map>

#include "sections.hpp"

namespace corridor::run_report {

TimeScale time_scale(Time span) {
    if (span <= 2 * kDay) return {3600, "Time since start", "h"};
    return {};
}

void closure_profile(ReportPage& page, const Theatre& theatre, const DeploymentResult& r) {
    page.section("Closure profile",
                 "The share of posts established over time: the steeper, the sooner the force is in "
                 "place. Dashed lines mark when half, 90% and all of the posts were established.");
    if (r.posts.empty()) {
        page.paragraph("The scenario has no posts.");
        return;
    }
    std::vector<Time> established;
    for (const PostOutcome& post : r.posts)
        if (post.established != kNever) established.push_back(post.established);
    std::sort(established.begin(), established.end());
    // Up to a little past the last post established (all of the run when some never were): the
    // days after closure would squeeze the profile against the left edge.
    bool all = established.size() == r.posts.size() && !established.empty();
    Time end = all ? std::min(theatre.duration, established.back() + established.back() / 10 + kHour)
                   : theatre.duration;
    TimeScale scale = time_scale(end);
    chart::Series posts{"Posts established", {0.0}, {0.0}, chart::Series::Style::step};
    double n = static_cast<double>(r.posts.size());
    for (std::size_t i = 0; i < established.size(); ++i) {
        posts.x.push_back(scale.of(established[i]));
        posts.y.push_back(100.0 * static_cast<double>(i + 1) / n);
    }
    posts.x.push_back(scale.of(end));
    posts.y.push_back(posts.y.back());
    chart::XyChart c{"closure-profile",
                     "Posts established over time",
                     std::to_string(established.size()) + " of " + std::to_string(r.posts.size()) +
                         " posts established within the run.",
                     scale.axis(scale.of(end)),
                     {"Posts established", "%", 0.0, 100.0},
                     {posts},
                     {},
                     {}};
    for (auto [at, label] : {std::pair{r.posts_50, "50%"}, {r.posts_90, "90%"}, {r.posts_100, "100%"}})
        if (at != kNever) c.markers.push_back({scale.of(at), label});
    page.figure(chart::xy_chart(c));
}

void movement_graph(ReportPage& page, const Theatre&, const DeploymentResult& r) {
    page.section("Movement graph",
                 "Distance driven by the head of each convoy along its route against time, as a march "
                 "table draws it: the slope is the march speed, flat stretches are halts, night stops "
                 "and waits at gates, checkpoints or closed roads. One chart per unit.");
    Time last = 0;
    for (const std::vector<TrackPoint>& track : r.convoy_tracks)
        if (!track.empty()) last = std::max(last, track.back().at);
    if (r.convoy_tracks.empty() || last == 0) {
        page.paragraph("No convoy drove within the run.");
        return;
    }
    TimeScale scale = time_scale(last);
    // One chart per unit, its convoys in the order they formed (convoys and tracks share it).
    std::map<std::string, std::vector<std::size_t>> by_unit;
    std::vector<std::string> units;
    for (std::size_t i = 0; i < r.convoys.size() && i < r.convoy_tracks.size(); ++i) {
        if (r.convoy_tracks[i].empty()) continue;
        if (!by_unit.count(r.convoys[i].unit)) units.push_back(r.convoys[i].unit);
        by_unit[r.convoys[i].unit].push_back(i);
    }
    for (std::size_t u = 0; u < units.size(); ++u) {
        // Each unit's own span of time, so that its convoys' halts and waits are wide enough to see.
        Time first_at = last, last_at = 0;
        for (std::size_t i : by_unit[units[u]]) {
            first_at = std::min(first_at, r.convoy_tracks[i].front().at);
            last_at = std::max(last_at, r.convoy_tracks[i].back().at);
        }
        chart::XyChart c{
            "movement-" + std::to_string(u + 1),
            "Movement graph: " + units[u],
            "",
            {scale.label, scale.unit, scale.of(first_at), scale.of(std::max(last_at, first_at + kHour))},
            {"Distance along route", "km", 0.0, std::nullopt},
            {},
            {},
            {}};
        int arrived = 0;
        for (std::size_t i : by_unit[units[u]]) {
            const ConvoyOutcome& convoy = r.convoys[i];
            arrived += convoy.arrived != kNever;
            std::string name = convoy.name.substr(convoy.name.rfind('/') + 1);
            chart::Series line{name + " to " + convoy.destination, {}, {}, chart::Series::Style::line};
            for (const TrackPoint& p : r.convoy_tracks[i]) {
                line.x.push_back(scale.of(p.at));
                line.y.push_back(p.distance_m / 1000.0);
            }
            c.series.push_back(std::move(line));
        }
        c.caption = std::to_string(by_unit[units[u]].size()) + " convoys of " + units[u] + ", " +
                    std::to_string(arrived) + " in by the end of the run.";
        page.figure(chart::xy_chart(c));
    }
}

void airlift(ReportPage& page, const Theatre& theatre, const DeploymentResult& r) {
    page.section("Airlift",
                 "Sorties unloaded and tonnes landed each day, and the largest queue of aircraft waiting "
                 "at once for an apron slot that day: a queue day after day means the aprons, not the "
                 "aircraft, set the pace.");
    if (r.sorties == 0) {
        page.paragraph(theatre.airlift.empty() ? "The scenario has no airlift."
                                               : "No sortie landed within the run.");
        return;
    }
    // Days up to the last with a sortie or a queue: the quiet days after add nothing.
    std::size_t days = 0;
    for (std::size_t d = 0; d < r.airlift_days.size(); ++d)
        if (r.airlift_days[d].sorties > 0 || r.airlift_days[d].largest_apron_queue > 0) days = d + 1;
    TimeScale scale = time_scale(static_cast<Time>(days) * kDay);
    chart::Series sorties{"Sorties unloaded", {}, {}, chart::Series::Style::step};
    chart::Series queue{"Largest apron queue (aircraft)", {}, {}, chart::Series::Style::step};
    chart::Series tonnes{"All cargo", {}, {}, chart::Series::Style::step};
    chart::Series aid{"Aid cargo", {}, {}, chart::Series::Style::step};
    for (std::size_t d = 0; d <= days; ++d) {  // a step a day; the last point closes the last day
        const AirliftDay& day = r.airlift_days[std::min(d, days - 1)];
        double x = scale.of(static_cast<Time>(d) * kDay);
        sorties.x.push_back(x);
        sorties.y.push_back(day.sorties);
        queue.x.push_back(x);
        queue.y.push_back(day.largest_apron_queue);
        tonnes.x.push_back(x);
        tonnes.y.push_back(day.tonnes);
        aid.x.push_back(x);
        aid.y.push_back(day.aid_tonnes);
    }
    chart::Axis time = scale.axis(scale.of(static_cast<Time>(days) * kDay));
    page.figure(chart::xy_chart({"airlift-sorties",
                                 "Sorties and apron queue by day",
                                 std::to_string(r.sorties) + " sorties in all; the largest apron queue was " +
                                     fixed(r.largest_apron_queue, 0) + " aircraft.",
                                 time,
                                 {"Sorties or aircraft waiting", "per day", 0.0, std::nullopt},
                                 {sorties, queue},
                                 {},
                                 {}}));
    std::vector<chart::Series> cargo = {tonnes};
    if (r.aid_tonnes_lifted > 0) cargo.push_back(aid);
    page.figure(chart::xy_chart(
        {"airlift-tonnes",
         "Tonnes landed by day",
         fixed(r.tonnes_lifted, 1) + " t landed in all" +
             (r.aid_tonnes_lifted > 0 ? ", of which " + fixed(r.aid_tonnes_lifted, 1) + " t aid cargo."
                                      : "."),
         time,
         {"Cargo landed", "t per day", 0.0, std::nullopt},
         cargo,
         {},
         {}}));
}

}  // namespace corridor::run_report
