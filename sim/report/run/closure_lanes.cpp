// The run report's road closures and repairs on a time axis: one lane a road (or a town's service),
// its closures by kind and the spans a repair team worked on it.

#include <algorithm>
#include <map>

#include "corridor/report/run_files.hpp"
#include "sections.hpp"

namespace corridor::run_report {
namespace {

// More lanes than this make a chart no one reads: the roads closed longest are kept.
constexpr std::size_t kMostLanes = 30;

}  // namespace

void closures_and_repairs(ReportPage& page, const Theatre& theatre, const DeploymentResult& r) {
    page.section("Road closures and repairs",
                 "Each road closed or damaged within the run, on a time axis: scheduled closures, random "
                 "closures, incidents (every road of an area), damage that slows a road without closing "
                 "it, and the time a repair team worked on it. A long closure with no repair span is a "
                 "job no team reached.");
    if (r.closures.empty() && r.repair_spans.empty()) {
        page.paragraph("No road was closed or damaged within the run.");
        return;
    }
    std::map<std::string, std::size_t> lane_of;
    std::vector<chart::Lane> lanes;
    std::vector<Time> closed;  // per lane, for the choice of the longest
    auto lane = [&](const std::string& label) -> std::size_t {
        auto [it, added] = lane_of.emplace(label, lanes.size());
        if (added) {
            lanes.push_back({label, {}});
            closed.push_back(0);
        }
        return it->second;
    };
    TimeScale scale = time_scale(theatre.duration);
    for (const ClosureSpan& c : r.closures) {
        std::size_t l = lane(c.road);
        lanes[l].spans.push_back({scale.of(c.from), scale.of(c.until), std::string(c.kind)});
        closed[l] += c.until - c.from;
    }
    for (const RepairSpan& s : r.repair_spans) {
        if (s.from >= theatre.duration) continue;
        std::size_t l = lane(s.job);
        lanes[l].spans.push_back({scale.of(s.from), scale.of(std::min(s.until, theatre.duration)), "repair"});
        closed[l] += std::min(s.until, theatre.duration) - s.from;
    }
    std::string caption = count_of(r.closures.size(), "closure", "closures") + " and " +
                          count_of(r.repair_spans.size(), "repair job", "repair jobs") + " on " +
                          count_of(lanes.size(), "road or service", "roads and services") + ".";
    if (lanes.size() > kMostLanes) {
        std::vector<std::size_t> order(lanes.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return closed[a] > closed[b]; });
        order.resize(kMostLanes);
        std::sort(order.begin(), order.end());  // back in the order they were first closed
        std::vector<chart::Lane> kept;
        for (std::size_t i : order) kept.push_back(std::move(lanes[i]));
        lanes = std::move(kept);
        caption += " The " + std::to_string(kMostLanes) + " closed longest are shown.";
    }
    page.figure(chart::lane_chart({"closures", "Road closures and repairs", caption,
                                   scale.axis(scale.of(theatre.duration)), std::move(lanes)}));
}

}  // namespace corridor::run_report
