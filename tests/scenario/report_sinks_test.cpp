// End to end: what a run records for its report (Sinks::report) against known answers from the
// validation scenarios' own arithmetic (their comments): convoy tracks, closures and repairs, the
// apron's queue and the people returned by day; and that a run asking for KPIs only records none.

#include <algorithm>
#include <catch2/catch.hpp>

#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "scenarios.hpp"

using namespace corridor;

namespace {

void check_track(const std::vector<TrackPoint>& track, const std::vector<TrackPoint>& expected) {
    REQUIRE(track.size() == expected.size());
    for (std::size_t i = 0; i < track.size(); ++i) {
        INFO("point " << i);
        CHECK(track[i].at == expected[i].at);
        CHECK(track[i].distance_m == Approx(expected[i].distance_m).margin(1e-6));
    }
}

}  // namespace

TEST_CASE(
    "one convoy's track: 40 km in the first hour at 40 km/h, flat through its 15 min halt, on to 120 km") {
    // scenarios/validation/one-convoy.yaml: 120 km at 40 km/h, one 15 min halt after the first hour.
    Theatre t = test::load_theatre("validation/one-convoy.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.convoy_tracks.size() == 1);
    check_track(r.convoy_tracks[0],
                {{0, 0}, {kHour, 40000}, {kHour + 15 * kMinute, 40000}, {3 * kHour + 15 * kMinute, 120000}});
    CHECK(r.convoy_tracks[0].back().distance_m == r.convoys[0].route_m);
}

TEST_CASE("a convoy's track cumulates its route's roads and stays flat while no road is open") {
    // scenarios/validation/closures.yaml: A-B 40 km (1 h), no open road at B from 1 h to 3 h, then
    // B-C 40 km (1 h).
    Theatre t = test::load_theatre("validation/closures.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.convoy_tracks.size() == 1);
    check_track(r.convoy_tracks[0], {{0, 0}, {kHour, 40000}, {3 * kHour, 40000}, {4 * kHour, 80000}});
}

TEST_CASE("a scheduled closure's interval is the one its scenario gives") {
    Theatre t = test::load_theatre("validation/closures.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.closures.size() == 2);
    CHECK(r.closures[0].road == "B-C");
    CHECK(r.closures[1].road == "B-D");
    for (const ClosureSpan& c : r.closures) {
        CHECK(c.kind == "closure");
        CHECK(c.from == 30 * kMinute);
        CHECK(c.until == 3 * kHour);
        CHECK(c.ended);
    }
}

TEST_CASE("a closure that outlasts the run ends at the run's end, not ended") {
    Theatre t = test::load_theatre("validation/closures.yaml");
    t.disruptions[0].until = 3 * kDay;  // the run lasts 1 day
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.closures.size() == 2);
    CHECK(r.closures[0].until == kDay);
    CHECK_FALSE(r.closures[0].ended);
}

TEST_CASE("a repair team's span runs from its arrival at the road to the road's reopening") {
    // scenarios/validation/repair-team.yaml: the team is at A at 45 min 9 s and works 5 h.
    Theatre t = test::load_theatre("validation/repair-team.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.repair_spans.size() == 1);
    const RepairSpan& span = r.repair_spans[0];
    CHECK(span.team == "engineers/team-1");
    CHECK(span.job == "A-B");
    CHECK_FALSE(span.service);
    CHECK(span.from == 45 * kMinute + 9 * kSecond);
    CHECK(span.until == 20709 * kSecond);
    REQUIRE(r.closures.size() == 1);
    CHECK(r.closures[0].from == 0);
    CHECK(r.closures[0].until == 20709 * kSecond);  // the closure ends when the repair does
}

TEST_CASE("random closures appear among the closures, as many as the run counts") {
    Theatre t = test::load_theatre("validation/random-closures.yaml");
    t.duration = 30 * kDay;
    DeploymentResult r = simulate_deployment(t, t.seed);
    int random = 0;
    for (const ClosureSpan& c : r.closures) {
        random += c.kind == "random closure";
        if (c.ended) CHECK(c.until - c.from == kHour);  // each lasts exactly 1 h (its scenario)
    }
    CHECK(random == r.random_closures);
    CHECK(random > 10);  // about 30 (1 a day)
}

TEST_CASE(
    "the apron's queue by day: one aircraft waits on day 0 for the single loading slot, none once the lift "
    "is over") {
    // scenarios/validation/airlift-only.yaml with one apron slot at HOME: both aircraft ask for it at
    // 0 and the second waits 2 h. From then on each comes back as the other takes off, at the same
    // second (a queue of one for no time, which the run's largest_apron_queue counts too); the last
    // sorties load on day 2, so days 3 and 4 have no queue.
    Theatre t = test::load_theatre("validation/airlift-only.yaml");
    for (Airfield& field : t.airfields)
        if (field.name == "HOME") field.apron_slots = 1;
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.airlift_days.size() == 5);
    CHECK(r.airlift_days[0].largest_apron_queue == 1);
    CHECK(r.airlift_days[3].largest_apron_queue == 0);
    CHECK(r.airlift_days[4].largest_apron_queue == 0);
    int largest = 0;
    for (const AirliftDay& day : r.airlift_days) largest = std::max(largest, day.largest_apron_queue);
    CHECK(largest == r.largest_apron_queue);
}

TEST_CASE("people returned by day: all 100 on day 0, when their one bus convoy arrives") {
    // scenarios/validation/returns-after-post.yaml: one convoy of 100 people in at 5 h 45 min 36 s.
    Theatre t = test::load_theatre("validation/returns-after-post.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.returns.size() == 1);
    CHECK(r.returns[0].returned_by_day == std::vector<int>{100});
}

TEST_CASE("a run asking for KPIs only records none of the report's pictures, and its KPIs are the same") {
    Theatre t = test::load_theatre("validation/repair-team.yaml");
    DeploymentResult full = simulate_deployment(t, t.seed, 0, Sinks::all());
    DeploymentResult lean = simulate_deployment(t, t.seed, 0, Sinks::kpis_only());
    CHECK(lean.convoy_tracks.empty());
    CHECK(lean.closures.empty());
    CHECK(lean.repair_spans.empty());
    CHECK_FALSE(full.convoy_tracks.empty());
    std::vector<Kpi> a = kpi_record(full), b = kpi_record(lean);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(a[i].name);
        CHECK(a[i].value == b[i].value);
    }
    Theatre returns = test::load_theatre("validation/returns-after-post.yaml");
    CHECK(
        simulate_deployment(returns, returns.seed, 0, Sinks::kpis_only()).returns[0].returned_by_day.empty());
}
