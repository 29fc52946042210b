// End to end: the validation scenarios of scenarios/validation/ against answers known without
// corridor (each file's comment shows the arithmetic), and the doctrine's variants on them.

#include <catch2/catch.hpp>

#include "corridor/engine/queueing.hpp"
#include "corridor/engine/statistics.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/report/run_files.hpp"
#include "corridor/scenario/load.hpp"
#include "scenarios.hpp"

using namespace corridor;

namespace {

Theatre load(const std::string& name) { return test::load_theatre(name); }

int count_events(const DeploymentResult& r, const std::string& event) {
    int n = 0;
    for (const TimelineRow& row : r.timeline) n += row.event == event;
    return n;
}

}  // namespace

TEST_CASE("one convoy on one road arrives at distance / speed + pass time + halts, to the second") {
    Theatre t = load("validation/one-convoy.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    // 120 km at 40 km/h = 3 h; one 15 min halt; pass time 20 x 100 m at 40 km/h = 3 min.
    Time expected = 3 * kHour + 15 * kMinute + 3 * kMinute;
    CHECK(r.units[0].arrived == expected);
    CHECK(r.closure_time == expected);
    CHECK(r.posts[0].first_arrival == expected);
    CHECK(r.posts[0].established == expected + 2 * kHour);
    CHECK(r.posts[0].not_reached.empty());
    // convoys.csv: one convoy, rolling at once, stopped only for its one 15 min halt.
    REQUIRE(r.convoys.size() == 1);
    const ConvoyOutcome& c = r.convoys[0];
    CHECK(c.name == "column/convoy-1");
    CHECK(c.vehicles == 20);
    CHECK(c.formed == 0);
    CHECK(c.departed == 0);
    CHECK(c.arrived == expected);
    CHECK(c.route_m == 120000);
    CHECK(c.halted == 15 * kMinute);
    CHECK(c.gate_wait + c.checkpoint_wait + c.no_route_wait == 0);
    // roads.csv: the one road's direction towards the post carried 20 vehicles over 120 km.
    std::int64_t vehicles = 0;
    double vehicle_km = 0;
    for (const RoadOutcome& road : r.roads) {
        vehicles += road.vehicles;
        vehicle_km += road.vehicle_km;
    }
    CHECK(vehicles == 20);
    CHECK(vehicle_km == Approx(2400));
    CHECK(r.posts_100 == expected + 2 * kHour);
    CHECK(count_events(r, "halt") == 1);
    CHECK(r.convoy_vehicle_km == Approx(20 * 120));
}

TEST_CASE("a shorter daily driving limit makes the convoy rest until the next morning") {
    Theatre t = load("validation/one-convoy.yaml");
    t.march.daily_driving_limit = 2 * kHour;  // the run starts at 06:00
    t.duration = 3 * kDay;
    DeploymentResult r = simulate_deployment(t, t.seed);
    // 1 h, halt 15 min, 1 h more: rest from 08:15 until 06:00 next day (21 h 45 min), then the last
    // hour of driving (the halt clock restarts after the rest: its first halt would come after 1 h,
    // when the head arrives), then the 3 min pass time.
    Time expected = 2 * kHour + 15 * kMinute + 21 * kHour + 45 * kMinute + kHour + 3 * kMinute;
    CHECK(count_events(r, "rest") == 1);
    CHECK(r.units[0].arrived == expected);
}

TEST_CASE("blackout driving at night slows the column to 8 km/h") {
    Theatre t = load("validation/one-convoy.yaml");
    t.march.night_mode = NightMode::blackout;
    t.march.night_from = 6 * kHour;  // night from the start (06:00) until 09:00
    t.march.night_to = 9 * kHour;
    DeploymentResult r = simulate_deployment(t, t.seed);
    // Night: 1 h at 8 km/h, the 15 min halt, 1 h 45 min at 8 km/h: 22 km by 09:00.
    // Day: 98 km at 40 km/h = 2 h 27 min, with halts after 2 h of driving since the last one
    // (at 09:15 and 11:25): 2 x 10 min. Pass time by day: 3 min.
    Time expected = 3 * kHour + 2 * kHour + 27 * kMinute + 20 * kMinute + 3 * kMinute;
    CHECK(count_events(r, "halt") == 3);
    CHECK(r.units[0].arrived == expected);
}

TEST_CASE("a night stop holds the convoy until morning") {
    Theatre t = load("validation/one-convoy.yaml");
    t.march.night_mode = NightMode::stop;
    t.march.night_from = 7 * kHour;  // one hour after the start
    t.march.night_to = 10 * kHour;
    DeploymentResult r = simulate_deployment(t, t.seed);
    // 1 h driving, the 15 min halt (07:00-07:15), stopped until 10:00; the halt clock starts
    // afresh after the night, so 1 h driving, a 15 min halt, 1 h more (80 km at 40 km/h), then the
    // 3 min pass time.
    CHECK(count_events(r, "night stop") == 1);
    CHECK(count_events(r, "halt") == 2);
    CHECK(r.units[0].arrived == 6 * kHour + 15 * kMinute + 3 * kMinute);
    // Halted: the first 15 min halt, 07:15 to 10:00 at night, and the second halt.
    CHECK(r.convoys[0].halted == 15 * kMinute + 2 * kHour + 45 * kMinute + 15 * kMinute);
}

TEST_CASE("a convoy formed at night departs when it first rolls, not when it formed") {
    Theatre t = load("validation/one-convoy.yaml");
    t.march.night_mode = NightMode::stop;
    t.march.night_from = 5 * kHour;  // the run starts at 06:00, in the night
    t.march.night_to = 8 * kHour;
    DeploymentResult r = simulate_deployment(t, t.seed);
    CHECK(r.convoys[0].formed == 0);
    CHECK(r.convoys[0].departed == 2 * kHour);
    CHECK(r.units[0].departed == 2 * kHour);
    CHECK(r.convoys[0].halted >= 2 * kHour);
}

TEST_CASE("a wait still in progress at the end of the run counts up to the end") {
    Theatre t = load("validation/one-convoy.yaml");
    Checkpoint slow;  // at the post: 20 vehicles at 1 h each through one lane
    slow.name = "slow";
    slow.node = *t.network().find_node("POST");
    slow.service.seconds = {3600, 0, 0};
    t.checkpoints.push_back(slow);
    t.duration = 10 * kHour;
    DeploymentResult r = simulate_deployment(t, t.seed);
    // The head reaches the post at 3 h 15 min (the 3 min pass time is the tail's).
    CHECK(r.convoys[0].arrived == kNever);
    CHECK(r.convoys[0].checkpoint_wait == 10 * kHour - (3 * kHour + 15 * kMinute));
    CHECK(r.posts[0].not_reached == "its unit's convoys were still on the road at the end of the run");
}

TEST_CASE("airlift only: sorties and closure follow from aircraft, payload and turnaround") {
    Theatre t = load("validation/airlift-only.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    CHECK(r.sorties == 10);
    CHECK(r.tonnes_lifted == Approx(400));
    CHECK(r.closure_time == 56 * kHour);
    CHECK(r.posts_100 == 57 * kHour);
    CHECK(r.largest_apron_queue == 0);
    // airlift.csv's days add up to the run's totals, one row a day of the run.
    REQUIRE(r.airlift_days.size() == static_cast<std::size_t>((t.duration + kDay - 1) / kDay));
    int sorties = 0;
    double tonnes = 0;
    for (const AirliftDay& day : r.airlift_days) {
        sorties += day.sorties;
        tonnes += day.tonnes;
    }
    CHECK(sorties == 10);
    CHECK(tonnes == Approx(400));
    CHECK(r.airlift_days[0].sorties > 0);
}

TEST_CASE("airlift with one apron slot: the second aircraft queues and closure slips") {
    Theatre t = load("validation/airlift-only.yaml");
    t.airfields[1].apron_slots = 1;  // FIELD
    DeploymentResult r = simulate_deployment(t, t.seed);
    CHECK(r.largest_apron_queue >= 1);
    CHECK(r.sorties == 10);
    CHECK(r.closure_time > 56 * kHour);
}

TEST_CASE("a checkpoint scenario's waits agree with Erlang C") {
    Theatre t = load("validation/checkpoint-mmc.yaml");
    Tally waits;
    for (std::uint32_t replication = 0; replication < 10; ++replication) {
        DeploymentResult r = simulate_deployment(t, t.seed, replication);
        REQUIRE(r.checkpoints.size() == 1);
        CHECK(r.checkpoints[0].vehicles > 90'000);
        waits.add(r.checkpoints[0].mean_wait_s);
    }
    double expected = erlang_c_mean_wait(2, 20.0, 12.0) * 3600;
    INFO("simulated " << waits.mean() << " +- " << waits.confidence_half_width(0.99) << " s; Erlang C "
                      << expected);
    CHECK(std::abs(waits.mean() - expected) <= waits.confidence_half_width(0.99));
    CHECK(waits.confidence_half_width(0.99) < 0.1 * expected);
}

TEST_CASE("the same scenario and seed give the same bytes; another seed gives other waits") {
    Theatre t = load("validation/checkpoint-mmc.yaml");
    t.duration = 5 * kDay;
    DeploymentResult a = simulate_deployment(t, 11), b = simulate_deployment(t, 11),
                     c = simulate_deployment(t, 12);
    CHECK(kpis_json(t, a) == kpis_json(t, b));
    CHECK(timeline_csv(t, a) == timeline_csv(t, b));
    CHECK(units_csv(t, a) == units_csv(t, b));
    CHECK(kpis_json(t, a) != kpis_json(t, c));
}

TEST_CASE("a theatre split with include reads as one, and errors name the file they are in") {
    std::string dir = std::string(CORRIDOR_SOURCE_DIR) + "/tests/data/scenarios/split/";
    LoadedScenario split = load_scenario(dir + "main.yaml");
    INFO(split.diagnostics.first_error());
    REQUIRE(split.theatre.has_value());
    CHECK(split.theatre->units.size() == 1);
    CHECK(split.files == std::vector<std::string>{dir + "main.yaml", dir + "forces.yaml"});

    LoadedScenario broken = load_scenario(dir + "broken-main.yaml");
    std::vector<std::string> errors;
    for (const Diagnostic& d : broken.diagnostics.items()) errors.push_back(format(d));
    CHECK(errors == std::vector<std::string>{
                        // The include comes first, so its sections are the ones kept.
                        dir + "broken-main.yaml:12:1: error: section 'posts' is given twice (also in " + dir +
                            "broken-forces.yaml line 8)",
                        dir + "broken-forces.yaml:7:13: error: unknown post 'P7'; did you mean 'P2'?"});

    LoadedScenario cycle = load_scenario(dir + "cycle.yaml");
    REQUIRE(cycle.diagnostics.has_errors());
    CHECK(format(cycle.diagnostics.items()[0]) ==
          dir + "cycle.yaml:1:11: error: '" + dir + "cycle.yaml' includes itself (an include cycle)");
}

TEST_CASE("operating hours hold ground service until the airfield opens, even past the end") {
    Theatre t = load("validation/airlift-only.yaml");  // starts at 00:00
    t.airfields[0].opens = 8 * kHour;                  // HOME loads from 08:00 to 20:00 only
    t.airfields[0].closes = 20 * kHour;
    DeploymentResult r = simulate_deployment(t, t.seed);
    CHECK(r.sorties == 10);
    CHECK(r.closure_time > 56 * kHour + 8 * kHour);
    t.duration = kHour;  // closed for the whole run: nothing happens, nothing breaks
    DeploymentResult short_run = simulate_deployment(t, t.seed);
    CHECK(short_run.sorties == 0);
    CHECK(short_run.closure_time == kNever);
    CHECK(short_run.posts_100 == kNever);
    for (const PostOutcome& post : short_run.posts) {
        CHECK(post.first_arrival == kNever);
        CHECK(post.not_reached == "not enough of its unit had been flown in by the end of the run");
    }
}

TEST_CASE("a closed road sends the convoy round by the detour") {
    LoadedScenario loaded =
        load_scenario(std::string(CORRIDOR_SOURCE_DIR) + "/tests/data/scenarios/detour.yaml");
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    DeploymentResult r = simulate_deployment(*loaded.theatre, 1);
    CHECK(r.units[0].vehicle_km == Approx(10 * 80.0));  // A-C-B, not A-B
    CHECK(count_events(r, "road closed") == 1);
    CHECK(count_events(r, "road reopened") == 1);
    Theatre open = std::move(*loaded.theatre);
    open.disruptions.clear();
    CHECK(simulate_deployment(open, 1).units[0].vehicle_km == Approx(10 * 50.0));
}

TEST_CASE("a convoy with every road closed waits, then leaves when its road reopens") {
    Theatre t = load("validation/one-convoy.yaml");
    Disruption closure;
    closure.road = "DEPOT-POST";
    closure.arcs = {0, 1};
    closure.closed = true;
    closure.until = 2 * kHour;
    t.disruptions.push_back(closure);
    DeploymentResult r = simulate_deployment(t, t.seed);
    CHECK(count_events(r, "no open route") == 1);
    CHECK(r.units[0].departed == 2 * kHour);
    CHECK(r.units[0].arrived == 2 * kHour + 3 * kHour + 15 * kMinute + 3 * kMinute);
    CHECK(r.convoys[0].no_route_wait == 2 * kHour);
    CHECK(r.roads[0].closed == 2 * kHour);
    CHECK(r.roads[1].closed == 2 * kHour);
    t.disruptions[0].until = t.duration + 1;  // closed all run: the unit never arrives
    DeploymentResult blocked = simulate_deployment(t, t.seed);
    CHECK(blocked.closure_time == kNever);
    CHECK(blocked.convoys[0].no_route_wait == t.duration);
    CHECK(blocked.convoys[0].departed == kNever);
    CHECK(blocked.posts[0].not_reached ==
          "its unit's convoys were waiting for a road to open at the end of the run (every road to the post "
          "was closed)");
}

TEST_CASE("damage slows the road: a quarter of 80 km/h is below the march speed") {
    Theatre t = load("validation/one-convoy.yaml");
    Disruption damage;
    damage.road = "DEPOT-POST";
    damage.arcs = {0, 1};
    damage.speed_factor = 0.25;
    damage.until = t.duration + 1;
    t.disruptions.push_back(damage);
    DeploymentResult r = simulate_deployment(t, t.seed);
    // 120 km at 20 km/h = 6 h; halts at 1 h (15 min), 3 h and 5 h (10 min each); pass time 2 km
    // at 20 km/h = 6 min.
    CHECK(r.units[0].arrived == 6 * kHour + 35 * kMinute + 6 * kMinute);
}

namespace corridor {

TEST_CASE("a repair team reopens a road at travel time + work / rate", "[repairs][validation]") {
    Theatre theatre = test::load_theatre("validation/repair-team.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    const Time reopened = 45 * kMinute + 9 * kSecond + 10 * kHour / 2;
    REQUIRE(r.repairs.size() == 1);
    CHECK(r.repairs[0].repaired == reopened);
    CHECK(r.closure_time == reopened + 90 * kMinute + 36 * kSecond);
    // roads.csv: the road was closed until the team reopened it, in both directions.
    Time closed = 0;
    for (const RoadOutcome& road : r.roads) closed = std::max(closed, road.closed);
    CHECK(closed == reopened);
    // At a standard team's rate, the work takes twice as long.
    theatre.repair_teams[0].rate = 1.0;
    DeploymentResult slower = simulate_deployment(theatre, theatre.seed);
    CHECK(slower.repairs[0].repaired == 45 * kMinute + 9 * kSecond + 10 * kHour);
    // With no team, the road stays closed and the unit never arrives.
    theatre.repair_teams.clear();
    DeploymentResult none = simulate_deployment(theatre, theatre.seed);
    CHECK(none.repairs[0].repaired == kNever);
    CHECK(none.closure_time == kNever);
}

}  // namespace corridor

namespace corridor {

TEST_CASE("random closures come at their rate per km-day, within the Poisson interval", "[random-closures][validation]") {
    Theatre theatre = test::load_theatre("validation/random-closures.yaml");
    // 10 replications x 1,000 days x 100 km x 0.01 a km-day: 10,000 expected.
    int closures = 0;
    for (std::uint32_t rep = 0; rep < 10; ++rep) {
        DeploymentResult r = simulate_deployment(theatre, theatre.seed, rep, Sinks::kpis_only());
        closures += r.random_closures;
    }
    CHECK(std::abs(closures - 10000) < 2.58 * 100);
    // Each lasts its hour: the road is closed for about an hour a day.
    DeploymentResult one = simulate_deployment(theatre, theatre.seed);
    Time closed = one.roads[0].closed;
    CHECK(to_hours(closed) / 1000.0 == Approx(1.0).epsilon(0.1));
}

TEST_CASE("common random numbers: a variant with more trucks sees the same random closures", "[random-closures][aid]") {
    auto with_closures = [](int trucks) {
        Theatre t = test::load_theatre("validation/aid-one-depot.yaml");
        t.duration = 20 * kDay;
        RandomClosures rule;
        rule.name = "landslides";
        rule.per_km_day = 0.05;  // 3 a day on the 60 km road
        rule.duration.kind = ServiceKind::exponential;
        rule.duration.seconds[0] = 2 * 3600.0;
        rule.until = t.duration;
        t.random_closures.push_back(rule);
        t.aid.fleets[0].count = trucks;
        return t;
    };
    Theatre base = with_closures(4);
    Theatre more = with_closures(9);
    auto closures = [](const DeploymentResult& r) {
        std::vector<std::pair<Time, std::string>> rows;
        for (const TimelineRow& row : r.timeline)
            if (row.event == "road closed" || row.event == "road reopened") rows.push_back({row.at, row.place});
        return rows;
    };
    for (std::uint32_t rep = 0; rep < 3; ++rep) {
        DeploymentResult a = simulate_deployment(base, 11, rep);
        DeploymentResult b = simulate_deployment(more, 11, rep);
        CHECK(a.random_closures > 20);
        CHECK(closures(a) == closures(b));
        // The trucks themselves differ: the variant delivers more.
        CHECK(b.fleets[0].trips > a.fleets[0].trips);
    }
    // Another replication draws other closures.
    CHECK(closures(simulate_deployment(base, 11, 0)) != closures(simulate_deployment(base, 11, 1)));
}

}  // namespace corridor

TEST_CASE("an armoured column goes round a 10 t bridge, a 3 m underpass and an hgv=no street; a patrol crosses") {
    Theatre t = load("validation/low-bridge.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.convoys.size() == 2);
    // The BTR (25 t, 3.1 m, heavy): the 80 km way, 2 h + one 15 min halt + 90 s pass time.
    CHECK(r.convoys[0].name == "armour/convoy-1");
    CHECK(r.convoys[0].route_m == 80000);
    CHECK(r.units[0].arrived == 2 * kHour + 15 * kMinute + 90 * kSecond);
    // The jeeps (3 t, 2 m): over the bridge, 45 min + 36 s pass time.
    CHECK(r.convoys[1].route_m == 30000);
    CHECK(r.units[1].arrived == 45 * kMinute + 36 * kSecond);
    // Without the height of its vehicles the column would take the 60 km underpass.
    for (VehicleType& type : t.vehicle_types) type.height_m = 0;
    DeploymentResult lower = simulate_deployment(t, t.seed);
    CHECK(lower.convoys[0].route_m == 60000);
}
