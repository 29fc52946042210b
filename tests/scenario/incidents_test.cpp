// Incidents that close every road of an area, and random closures limited to an area
// (scenarios/validation/incidents.yaml; the arithmetic is in its header).

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "corridor/model/deployment.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

// The time road FROM-TO (its first direction) was closed, from roads.csv's figures.
Time closed(const Theatre& t, const DeploymentResult& r, const char* from, const char* to) {
    const RoadNetwork& net = t.network();
    ArcIndex a = net.arcs_between(*net.find_node(from), *net.find_node(to)).front();
    return r.roads[a].closed;
}

// The time covered by the spans from the timeline's `start` rows to their `end` rows at `place`
// (overlapping spans counted once), up to the end of the run: what roads.csv must report.
Time covered(const DeploymentResult& r, const std::string& start, const std::string& end, const std::string& place,
             Time duration) {
    std::vector<Time> starts, ends;
    for (const TimelineRow& row : r.timeline) {
        if (row.place != place) continue;
        if (row.event == start) starts.push_back(row.at);
        if (row.event == end) ends.push_back(row.at);
    }
    std::vector<std::pair<Time, Time>> spans;
    for (std::size_t i = 0; i < starts.size(); ++i) spans.emplace_back(starts[i], i < ends.size() ? ends[i] : duration);
    std::sort(spans.begin(), spans.end());
    Time total = 0, to = 0;
    for (auto [a, b] : spans) {
        a = std::max(a, to);
        if (b > a) {
            total += b - a;
            to = b;
        }
    }
    return total;
}

}  // namespace

TEST_CASE("incidents come at their rate a day, within the Poisson interval", "[incidents][validation]") {
    Theatre t = test::load_theatre("validation/incidents.yaml");
    int incidents = 0;
    for (std::uint32_t rep = 0; rep < 5; ++rep)
        incidents += simulate_deployment(t, t.seed, rep, Sinks::kpis_only()).incidents;
    CHECK(std::abs(incidents - 10000) < 2.58 * 100);
}

TEST_CASE("an incident closes every road of its area, and only those, for its duration", "[incidents][validation]") {
    Theatre t = test::load_theatre("validation/incidents.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.incidents > 1000);
    // Each incident lasts 30 min (the last may be cut by the end of the run); overlapping ones
    // close the roads once: roads.csv gives the union of the spans, never more than the run.
    Time expected = covered(r, "incident", "incident over", "area of A", t.duration);
    CHECK(closed(t, r, "W", "A") == expected);
    CHECK(expected <= static_cast<Time>(r.incidents) * 30 * kMinute);
    CHECK(expected > static_cast<Time>(r.incidents) * 25 * kMinute);  // overlaps are rare at 2 a day
    CHECK(closed(t, r, "A", "B") == closed(t, r, "W", "A"));
    // B-E lies outside the incidents' area, and is the only road inside the closures' area:
    // 33.4 km at 0.01 a km-day over 1,000 days, about 334 closures of an hour each.
    CHECK(r.random_closures > 250);
    CHECK(r.random_closures < 420);
    CHECK(closed(t, r, "B", "E") == covered(r, "road closed", "road reopened", "B-E", t.duration));
    CHECK(closed(t, r, "B", "E") <= static_cast<Time>(r.random_closures) * kHour);
    int incident_rows = 0;
    for (const TimelineRow& row : r.timeline)
        if (row.event == "incident") {
            ++incident_rows;
            CHECK(row.place == "area of A");
            CHECK(row.entity == "demonstrations");
        }
    CHECK(incident_rows == r.incidents);
}

TEST_CASE("a variant sees the same incidents: they come from the rule's own stream", "[incidents]") {
    Theatre t = test::load_theatre("validation/incidents.yaml");
    t.duration = 30 * kDay;
    Theatre variant = test::load_theatre("validation/incidents.yaml");
    variant.duration = t.duration;
    variant.random_closures.clear();
    variant.units[0].vehicles[0].count = 1;
    auto incidents = [](const DeploymentResult& r) {
        std::vector<Time> at;
        for (const TimelineRow& row : r.timeline)
            if (row.event == "incident" || row.event == "incident over") at.push_back(row.at);
        return at;
    };
    DeploymentResult a = simulate_deployment(t, t.seed);
    DeploymentResult b = simulate_deployment(variant, variant.seed);
    REQUIRE(!incidents(a).empty());
    CHECK(incidents(a) == incidents(b));
    CHECK(b.random_closures == 0);
}

}  // namespace corridor
