// A depot's loading bays (docs/model.md, "Depots") with trucks joining their fleet one by one
// (docs/model.md, "Truck fleets"): as an M/M/c queue against Erlang C
// (scenarios/validation/depot-bays-mmc.yaml), and, with fixed joins and loading times, as a
// D/D/1 queue whose every wait is known.

#include <catch2/catch.hpp>
#include <vector>

#include "corridor/engine/queueing.hpp"
#include "corridor/engine/statistics.hpp"
#include "corridor/model/deployment.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

std::vector<Time> times_of(const DeploymentResult& r, const std::string& event) {
    std::vector<Time> times;
    for (const TimelineRow& row : r.timeline)
        if (row.event == event) times.push_back(row.at);
    return times;
}

// The validation theatre as a D/D/1 queue: `trucks` join every `gap` from `from`, one bay, each
// loading its 1 t in `per_t`.
Theatre deterministic(int trucks, Time gap, Time from, Time per_t) {
    Theatre t = test::load_theatre("validation/depot-bays-mmc.yaml");
    Fleet& fleet = t.aid.fleets[0];
    fleet.count = trucks;
    fleet.join_gap = ServiceTime{ServiceKind::fixed, {to_seconds(gap), 0, 0}};
    fleet.first_join = from;
    Depot& depot = t.aid.depots[0];
    depot.bays = 1;
    depot.loading_per_t = ServiceTime{ServiceKind::fixed, {to_seconds(per_t), 0, 0}};
    t.duration = kDay;
    return t;
}

}  // namespace

TEST_CASE("the M/M/c scenario reads its exponential joins and loading time per tonne", "[aid][validation]") {
    Theatre t = test::load_theatre("validation/depot-bays-mmc.yaml");
    REQUIRE(t.aid.fleets[0].join_gap.has_value());
    CHECK(t.aid.fleets[0].join_gap->kind == ServiceKind::exponential);
    CHECK(t.aid.fleets[0].join_gap->seconds[0] == 225);
    CHECK(t.aid.fleets[0].first_join == 0);
    CHECK(t.aid.depots[0].loading_per_t.kind == ServiceKind::exponential);
    CHECK(t.aid.depots[0].loading_per_t.seconds[0] == 360);
    CHECK(t.aid.depots[0].bays == 2);
}

TEST_CASE("a depot's bays as M/M/c: trucks joining at random wait for a bay as Erlang C says",
          "[aid][validation]") {
    Theatre t = test::load_theatre("validation/depot-bays-mmc.yaml");
    // Each replication is one sample of the mean wait over 10,000 trucks, so the replications are
    // independent and Student's t applies. The queue starts empty: the bias that leaves, about
    // 1% of Wq over 10,000 customers at this load, is well inside the interval.
    Tally waits;
    for (std::uint32_t replication = 0; replication < 16; ++replication) {
        DeploymentResult r = simulate_deployment(t, t.seed, replication, Sinks::kpis_only());
        REQUIRE(r.depots.size() == 1);
        REQUIRE(r.depots[0].loadings == 10'000);  // every truck joined and loaded within the run
        CHECK(r.fleets[0].trips == 0);            // and none came back (none even delivered)
        waits.add(r.depots[0].mean_bay_wait_s);
    }
    double expected = erlang_c_mean_wait(2, 16.0, 10.0) * 3600;
    CHECK(expected == Approx(640.0));
    INFO("simulated " << waits.mean() << " +- " << waits.confidence_half_width(0.99) << " s; Erlang C "
                      << expected << " s");
    CHECK(std::abs(waits.mean() - expected) <= waits.confidence_half_width(0.99));
    CHECK(waits.confidence_half_width(0.99) < 0.1 * expected);
}

TEST_CASE("fixed joins and loading times: a D/D/1 bay where every wait is known", "[aid][validation]") {
    // Trucks join at 2 h, 2 h 35, 3 h 10 and 3 h 45 and load an hour each: they start at 2 h,
    // 3 h, 4 h and 5 h, so they wait 0, 25, 50 and 75 min (mean 37.5 min), and at 3 h 45 two wait.
    Theatre t = deterministic(4, 35 * kMinute, 2 * kHour, kHour);
    DeploymentResult r = simulate_deployment(t, t.seed);
    std::vector<Time> joined = times_of(r, "joined");
    CHECK(joined == std::vector<Time>{2 * kHour, 2 * kHour + 35 * kMinute, 3 * kHour + 10 * kMinute,
                                      3 * kHour + 45 * kMinute});
    std::vector<Time> loaded = times_of(r, "loaded");
    CHECK(loaded == std::vector<Time>{3 * kHour, 4 * kHour, 5 * kHour, 6 * kHour});
    REQUIRE(r.depots.size() == 1);
    CHECK(r.depots[0].loadings == 4);
    CHECK(r.depots[0].mean_bay_wait_s == Approx(37.5 * 60));
    CHECK(r.depots[0].max_bay_wait_s == Approx(75 * 60));
    CHECK(r.depots[0].max_bay_queue == 2);
    // Truck-hours count from each truck's join: 22 h + 21 h 25 + 20 h 50 + 20 h 15.
    CHECK(r.fleets[0].truck_h == Approx(84.5));
}

TEST_CASE("trucks that would join after the run's end never join", "[aid]") {
    // Every 10 h from the start: at 0, 10 h and 20 h within the day; the next two never.
    Theatre t = deterministic(5, 10 * kHour, 0, 6 * kMinute);
    DeploymentResult r = simulate_deployment(t, t.seed);
    CHECK(times_of(r, "joined") == std::vector<Time>{0, 10 * kHour, 20 * kHour});
    CHECK(r.depots[0].loadings == 3);
    CHECK(r.depots[0].mean_bay_wait_s == 0);
    CHECK(r.fleets[0].trucks == 5);
    CHECK(r.fleets[0].truck_h == Approx(24 + 14 + 4));
}

TEST_CASE("exponential joins come at the mean gap on average and are the same for the same seed", "[aid]") {
    Theatre t = test::load_theatre("validation/depot-bays-mmc.yaml");
    t.aid.fleets[0].count = 2000;
    t.duration = 10 * kDay;
    DeploymentResult a = simulate_deployment(t, t.seed), b = simulate_deployment(t, t.seed);
    std::vector<Time> joined = times_of(a, "joined");
    REQUIRE(joined.size() == 2000);
    CHECK(joined == times_of(b, "joined"));
    CHECK(joined.front() == 0);
    // 1,999 exponential gaps of mean 225 s: their mean within 99% of it (sd 225 / sqrt(1999) = 5 s).
    double mean_gap_s = to_seconds(joined.back()) / 1999;
    CHECK(std::abs(mean_gap_s - 225) < 2.58 * 225 / std::sqrt(1999.0));
}

}  // namespace corridor
