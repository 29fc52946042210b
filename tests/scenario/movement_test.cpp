// End to end: the road-movement component against closures met on the road and at departure
// (scenarios/validation/closures.yaml; its comment shows the arithmetic), and per-unit march rules.

#include <catch2/catch.hpp>

#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/scenario/load.hpp"
#include "scenarios.hpp"
#include "../data_files.hpp"

using namespace corridor;

namespace {

Theatre load(const std::string& name) { return test::load_theatre(name); }

std::vector<TimelineRow> events_of(const DeploymentResult& r, const std::string& entity) {
    std::vector<TimelineRow> rows;
    for (const TimelineRow& row : r.timeline)
        if (row.entity == entity) rows.push_back(row);
    return rows;
}

bool has_event(const DeploymentResult& r, const std::string& event, Time at, const std::string& place) {
    for (const TimelineRow& row : r.timeline)
        if (row.event == event && row.at == at && row.place == place) return true;
    return false;
}

constexpr Time kPass = 90 * kSecond;  // 10 vehicles x 100 m at 40 km/h

}  // namespace

TEST_CASE("a convoy that finds every road ahead closed waits at the last open node and moves on when one reopens") {
    Theatre t = load("validation/closures.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.convoys.size() == 1);
    const ConvoyOutcome& c = r.convoys[0];
    CHECK(c.arrived == 4 * kHour + kPass);
    CHECK(c.no_route_wait == 2 * kHour);
    CHECK(c.route_m == 80000);
    CHECK(has_event(r, "no open route", kHour, "B"));
    CHECK(has_event(r, "moves on", 3 * kHour, "B"));
    CHECK(r.posts[0].established == 5 * kHour + kPass);
}

TEST_CASE("a convoy on the road re-plans from its next node when a road ahead closes") {
    Theatre t = load("validation/closures.yaml");
    t.disruptions.pop_back();  // B-D stays open: the detour
    DeploymentResult r = simulate_deployment(t, t.seed);
    const ConvoyOutcome& c = r.convoys[0];
    CHECK(has_event(r, "re-routed", 30 * kMinute, "B"));
    CHECK(c.route_m == 120000);
    CHECK(c.arrived == 3 * kHour + kPass);
    CHECK(c.no_route_wait == 0);
    // It drove A-B, B-D, D-C: 10 vehicles on each, none on B-C.
    int roads_used = 0;
    for (const RoadOutcome& road : r.roads) roads_used += road.vehicles == 10;
    CHECK(roads_used == 3);
}

TEST_CASE("a road that reopens before the convoy reaches it is driven, not the detour planned while it was closed") {
    Theatre t = load("validation/closures.yaml");
    t.disruptions.pop_back();
    t.disruptions[0].from = 0;  // B-C closed from the start until 30 min
    t.disruptions[0].until = 30 * kMinute;
    DeploymentResult r = simulate_deployment(t, t.seed);
    const ConvoyOutcome& c = r.convoys[0];
    // Routed over D at the start, it plans again at 30 min, head 20 km along A-B, and takes B-C.
    CHECK(has_event(r, "re-routed", 30 * kMinute, "B"));
    CHECK(c.route_m == 80000);
    CHECK(c.arrived == 2 * kHour + kPass);
}

TEST_CASE("a convoy formed at night under a night-stop rule is routed when it sets off in the morning") {
    Theatre t = load("validation/closures.yaml");
    t.disruptions.pop_back();
    t.disruptions[0].from = 0;  // B-C closed until 30 min, while the convoy waits out the night
    t.disruptions[0].until = 30 * kMinute;
    t.march.night_mode = NightMode::stop;
    t.march.night_from = 5 * kHour;  // night until 07:00; the run starts at 06:00
    t.march.night_to = 7 * kHour;
    DeploymentResult r = simulate_deployment(t, t.seed);
    const ConvoyOutcome& c = r.convoys[0];
    CHECK(c.formed == 0);
    CHECK(c.departed == kHour);
    CHECK(c.route_m == 80000);  // the short road, open again by morning
    CHECK(c.arrived == 3 * kHour + kPass);
    std::vector<TimelineRow> rows = events_of(r, "column/convoy-1");
    REQUIRE(rows.size() >= 3);
    CHECK(rows[0].event == "night stop");
    CHECK(rows[1].event == "moves on");
    CHECK(rows[2].event == "departed");
    CHECK(rows[2].at == kHour);
}

TEST_CASE("every halt and rest ends with a 'moves on' event") {
    Theatre t = load("validation/one-convoy.yaml");
    t.march.daily_driving_limit = 2 * kHour;
    t.duration = 3 * kDay;
    DeploymentResult r = simulate_deployment(t, t.seed);
    int stops = 0, moves_on = 0;
    for (const TimelineRow& row : r.timeline) {
        stops += row.event == "halt" || row.event == "rest";
        moves_on += row.event == "moves on";
    }
    CHECK(stops == 2);  // the first halt, then the rest
    CHECK(moves_on == stops);
    CHECK(has_event(r, "moves on", 2 * kHour + 15 * kMinute + 21 * kHour + 45 * kMinute, "DEPOT-POST"));
}

TEST_CASE("a unit's own march rules apply to its convoys only") {
    Theatre t = load("validation/one-convoy.yaml");
    Unit second = t.units[0];
    second.name = "slow-column";
    second.march = t.march;
    second.march->speed_kph[static_cast<std::size_t>(RoadClass::primary)] = 20;
    second.march->convoy_max_vehicles = 5;
    t.units.push_back(second);
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.units.size() == 2);
    CHECK(r.units[0].convoys == 1);
    CHECK(r.units[1].convoys == 4);
    // The first unit keeps the theatre's 40 km/h: 3 h 18 min, as in one-convoy.yaml.
    CHECK(r.units[0].arrived == 3 * kHour + 15 * kMinute + 3 * kMinute);
    CHECK(r.units[1].arrived > 6 * kHour);
}

TEST_CASE("a run that records only its KPIs gives the same KPIs and builds no timeline, convoy or road rows") {
    Theatre t = load("karabakh-2020/scenario.yaml");
    DeploymentResult full = simulate_deployment(t, t.seed);
    DeploymentResult lean = simulate_deployment(t, t.seed, 0, Sinks::kpis_only());
    CHECK(lean.timeline.empty());
    CHECK(lean.convoys.empty());
    CHECK(lean.roads.empty());
    CHECK_FALSE(full.timeline.empty());
    CHECK(full.convoys.size() > 10);
    CHECK(lean.events == full.events);
    std::vector<Kpi> a = kpi_record(full), b = kpi_record(lean);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        INFO(a[k].name);
        CHECK(a[k].name == b[k].name);
        CHECK(a[k].value == b[k].value);
    }
    // The record reads the same figures as kpis.json.
    REQUIRE(find_kpi(a, "closure_time_h") != nullptr);
    CHECK(*find_kpi(a, "closure_time_h")->value == Approx(to_hours(full.closure_time)));
    CHECK(*find_kpi(a, "sorties")->value == full.sorties);
    CHECK(find_kpi(a, "no such kpi") == nullptr);
    // Units' first departures do not depend on convoys.csv being recorded.
    for (std::size_t u = 0; u < full.units.size(); ++u) CHECK(lean.units[u].departed == full.units[u].departed);
}

TEST_CASE("finished movers and checkpoint batches are reused: memory stays flat over a long run") {
    Theatre t = load("validation/one-convoy.yaml");
    Checkpoint gate;  // at the post: every convoy's vehicles are inspected
    gate.name = "gate";
    gate.node = *t.network().find_node("POST");
    gate.service.seconds = {10, 0, 0};
    t.checkpoints.push_back(gate);
    // 60 units, one a day, each convoy in within 4 h: never two on the road at once.
    t.duration = 61 * kDay;
    Unit first = t.units[0];
    t.units.clear();
    for (int k = 0; k < 60; ++k) {
        Unit unit = first;
        unit.name = "column-" + std::to_string(k);
        unit.ready = k * kDay;
        t.units.push_back(unit);
    }
    DeploymentResult r = simulate_deployment(t, t.seed, 0, Sinks::kpis_only());
    CHECK(r.closure_time == 59 * kDay + 3 * kHour + 15 * kMinute + 3 * kMinute + 200 * kSecond);
    CHECK(r.mover_slots == 1);
    CHECK(r.checkpoint_batch_slots == 1);
    // Two units a day, ready together: two at once, still flat.
    for (std::size_t k = 0; k < t.units.size(); ++k) t.units[k].ready = static_cast<Time>(k / 2) * kDay;
    r = simulate_deployment(t, t.seed, 0, Sinks::kpis_only());
    CHECK(r.mover_slots == 2);
    CHECK(r.checkpoint_batch_slots <= 2);
}

TEST_CASE("roads that reopen at the same moment are seen together, whatever their order in the file") {
    Theatre t = load("validation/closures.yaml");
    DeploymentResult listed = simulate_deployment(t, t.seed);
    std::swap(t.disruptions[0], t.disruptions[1]);  // B-D now reopens first in the file
    DeploymentResult swapped = simulate_deployment(t, t.seed);
    // Waiting at B, the convoy takes B-C (40 km) at 3 h, not the detour over D that opened "first".
    CHECK(swapped.convoys[0].route_m == 80000);
    CHECK(swapped.convoys[0].arrived == listed.convoys[0].arrived);
    CHECK(swapped.convoys[0].no_route_wait == listed.convoys[0].no_route_wait);
}

TEST_CASE("a convoy whose gate turn falls at nightfall stops once, and a closure in the night re-routes it once") {
    LoadedScenario loaded = load_scenario(test::test_file("data/scenarios/night-gate.yaml"));
    REQUIRE(loaded.theatre.has_value());
    Theatre t = std::move(*loaded.theatre);
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.convoys.size() == 2);
    const ConvoyOutcome& second = r.convoys[1];
    int night_stops = 0, moves_on = 0, arrivals = 0;
    for (const TimelineRow& row : events_of(r, "column/convoy-2")) {
        night_stops += row.event == "night stop";
        moves_on += row.event == "moves on";
        arrivals += row.event == "arrived";
    }
    CHECK(night_stops == 1);
    CHECK(moves_on == 1);
    CHECK(arrivals == 1);
    CHECK(second.gate_wait == kHour);         // 17:00 to 18:00, not the night
    CHECK(second.halted == 12 * kHour);       // the one night, 18:00 to 06:00
    CHECK(second.route_m == 90000);           // A-D-C: A-B closed from 20:00
    CHECK(second.departed == 13 * kHour);     // rolls at 06:00
    // With A-D closed too until a day after the start, it waits for a road, once.
    Disruption detour = t.disruptions[0];
    detour.road = "A-D";
    detour.arcs.clear();
    for (ArcIndex a = 0; a < t.network().arc_count(); ++a) {
        std::string from = t.network().node(t.network().arc_from(a)).id, to = t.network().node(t.network().arc_to(a)).id;
        if ((from == "A" && to == "D") || (from == "D" && to == "A")) detour.arcs.push_back(a);
    }
    detour.until = kDay;
    t.disruptions.push_back(detour);
    r = simulate_deployment(t, t.seed);
    int no_route = 0;
    for (const TimelineRow& row : events_of(r, "column/convoy-2")) no_route += row.event == "no open route";
    CHECK(no_route == 1);
    CHECK(r.convoys[1].route_m == 90000);
    CHECK(r.convoys[1].departed == kDay);
    CHECK(r.convoys[1].no_route_wait == kDay - 13 * kHour);
}
