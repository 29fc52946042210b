// Fuel against answers known without corridor (scenarios/validation/fuel.yaml; the arithmetic is
// in its header), and the reference theatre's fuel figures adding up.

#include <catch2/catch.hpp>
#include <string>

#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

using test::kpi;

// The time of the first timeline row of `entity` with `event`, or kNever.
Time first(const DeploymentResult& r, const std::string& entity, std::string_view event,
           std::string* place = nullptr) {
    for (const TimelineRow& row : r.timeline)
        if (row.entity == entity && row.event == event) {
            if (place) *place = row.place;
            return row.at;
        }
    return kNever;
}

int count(const DeploymentResult& r, const std::string& entity, std::string_view event) {
    int n = 0;
    for (const TimelineRow& row : r.timeline) n += row.entity == entity && row.event == event;
    return n;
}

const FleetOutcome& fleet(const DeploymentResult& r, const std::string& name) {
    for (const FleetOutcome& f : r.fleets)
        if (f.name == name) return f;
    FAIL("no fleet " << name);
    return r.fleets.front();
}

}  // namespace

TEST_CASE(
    "fuel: burnt = distance x consumption, a convoy runs dry at tank / consumption, depots give what trucks "
    "take",
    "[fuel][validation]") {
    Theatre theatre = test::load_theatre("validation/fuel.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);

    SECTION("the force's convoy runs dry 250 km out, 6 h 15 min after it left, both tanks spent") {
        std::string place;
        Time left = first(r, "column/convoy-1", "departed");
        Time dry = first(r, "column/convoy-1", "ran dry", &place);
        REQUIRE(left != kNever);
        REQUIRE(dry != kNever);
        CHECK(dry - left == 22500 * kSecond);  // 250 km at 40 km/h
        CHECK(place == "BASE-POST");           // on the road, 50 km short of its post
        CHECK(r.posts.at(0).established == kNever);
        CHECK(r.posts.at(0).not_reached == "a convoy of its unit ran dry on the way");
        CHECK(first(r, "column/convoy-1", "arrived") == kNever);
    }
    SECTION("a mixed convoy goes as far as its vehicle with the shortest range, each burning its own") {
        std::string place;
        Time left = first(r, "mixed/convoy-1", "departed");
        REQUIRE(left != kNever);
        CHECK(first(r, "mixed/convoy-1", "ran dry", &place) - left == 22500 * kSecond);
        CHECK(place == "BASE-2-POST-2");
        // 200 L for the column's two thirsty vehicles, 250 x 0.4 + 250 x 0.2 for the mixed one.
        CHECK(r.fuel.force_l == Approx(200.0 + 150.0).epsilon(1e-12));
        CHECK(r.posts.at(1).established == kNever);
    }
    SECTION(
        "a truck whose road closes behind its fuel check runs dry on the detour and is lost with its load") {
        const FleetOutcome& detour = fleet(r, "detour");
        std::string place;
        Time dry = first(r, "detour/truck-1", "ran dry", &place);
        CHECK(first(r, "detour/truck-1", "loaded") == kHour);
        // 133.33 km at 40 km/h after it left at 1 h: 12,000 s, rounded up to the millisecond.
        CHECK(dry >= kHour + 12000 * kSecond);
        CHECK(dry <= kHour + 12000 * kSecond + 1);
        CHECK(place == "X-TOWN-C");
        CHECK(detour.fuel_l == Approx(40.0).epsilon(1e-12));  // the whole tank
        CHECK(detour.fuel_taken_l == 0);                      // its depot holds no diesel
        CHECK(detour.ran_dry == 1);
        CHECK(detour.trips == 0);
        // Lost: out of service from the moment it ran dry to the end of the run.
        CHECK(detour.down_h == Approx(to_hours(theatre.duration - dry)).epsilon(1e-12));
        // Its 10 t never arrive.
        for (const SupplyOutcome& supply : r.supplies)
            if (theatre.aid.towns[supply.town].name == "town-c") CHECK(supply.delivered == 0);
    }
    SECTION(
        "a truck with fuel to spare: 4 legs of 60 km at 30 L/100 km, every litre taken back at its depot") {
        const FleetOutcome& plenty = fleet(r, "plenty");
        CHECK(plenty.trips == 2);
        CHECK(plenty.vehicle_km == Approx(240.0));
        CHECK(plenty.fuel_l == Approx(240.0 * 0.3).epsilon(1e-12));
        CHECK(plenty.fuel_taken_l == Approx(72.0).epsilon(1e-12));
        CHECK(plenty.ran_dry == 0);
        CHECK(count(r, "plenty/truck-1", "short of fuel") == 0);
    }
    SECTION("a truck at a depot with 20 L makes one trip, takes the 20 L and waits short of fuel") {
        const FleetOutcome& scarce = fleet(r, "scarce");
        CHECK(scarce.trips == 1);
        CHECK(scarce.vehicle_km == Approx(120.0));  // out, and home when short of fuel
        CHECK(scarce.fuel_l == Approx(36.0).epsilon(1e-12));
        CHECK(scarce.fuel_taken_l == Approx(20.0).epsilon(1e-12));  // the depot's whole stock
        CHECK(scarce.ran_dry == 0);
        std::string place;
        Time short_at = first(r, "scarce/truck-1", "short of fuel", &place);
        CHECK(place == "TOWN-B");  // it chose trip 2 at the town and would not set off
        CHECK(short_at == first(r, "scarce/truck-1", "delivered"));
        CHECK(count(r, "scarce/truck-1", "dispatched") == 1);
    }
    SECTION("the totals") {
        CHECK(kpi(r, "fuel_used_l") == Approx(200.0 + 150.0 + 72.0 + 36.0 + 40.0).epsilon(1e-12));
        CHECK(r.fuel.trucks_l == Approx(148.0).epsilon(1e-12));
        CHECK(kpi(r, "vehicles_ran_dry") == 5);
        CHECK(r.fuel.buses_l == 0);
        CHECK(r.fuel.teams_l == 0);
    }
}

TEST_CASE("validate warns of a unit whose route to a post is longer than a full tank lasts", "[fuel]") {
    LoadedScenario loaded =
        load_scenario(std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/validation/fuel.yaml");
    REQUIRE(loaded.theatre.has_value());
    std::vector<std::string> warnings;
    for (const Diagnostic& d : loaded.diagnostics.items())
        if (d.severity == Severity::warning) warnings.push_back(d.message);
    // The third: fleet "detour" burns fuel that no depot of its organisation holds.
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0] ==
          "unit 'column' drives 300 km from BASE to post 'P1', but a full tank of its 'thirsty' lasts 250 "
          "km: its "
          "convoys will run dry on the way (they do not refuel)");
    CHECK(warnings[1].find("unit 'mixed' drives 300 km from BASE-2") == 0);
    CHECK(warnings[2].find("fleet 'detour' burns fuel but no depot of its organisation holds") == 0);
}

TEST_CASE("fuel is not counted where no vehicle type gives a consumption", "[fuel]") {
    Theatre theatre = test::load_theatre("validation/aid-one-depot.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    std::vector<Kpi> record = kpi_record(r);
    const Kpi* used = find_kpi(record, "fuel_used_l");
    REQUIRE(used != nullptr);
    CHECK_FALSE(used->value.has_value());
    CHECK(kpi(r, "vehicles_ran_dry") == 0);
}

TEST_CASE("the reference theatre's fuel: every kind of mover burns, and the parts add up",
          "[fuel][reference]") {
    Theatre theatre = test::load_theatre("karabakh-2020/scenario.yaml");
    REQUIRE(theatre.aid.fuel.has_value());
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    CHECK(r.fuel.force_l > 0);
    CHECK(r.fuel.trucks_l > 0);
    CHECK(r.fuel.buses_l > 0);
    double fleets_l = 0, taken_l = 0;
    REQUIRE(r.fleets.size() == theatre.aid.fleets.size());
    for (std::size_t i = 0; i < r.fleets.size(); ++i) {
        const FleetOutcome& f = r.fleets[i];
        INFO(f.name);
        double per_km = theatre.vehicle_types[theatre.aid.fleets[i].vehicle_type].fuel_per_100km / 100.0;
        // What a fleet burns is its km at its type's rate, plus the legs still under way at the end
        // (vehicle_km counts a leg when it is driven to its end): at most a 500 km leg a truck.
        CHECK(f.fuel_l >= per_km * f.vehicle_km - 1e-6);
        CHECK(f.fuel_l <= per_km * (f.vehicle_km + 500.0 * f.trucks));
        // Trucks start full and fill up from the depots: never more than they burnt.
        CHECK(f.fuel_taken_l <= f.fuel_l + 1e-6);
        fleets_l += f.fuel_l;
        taken_l += f.fuel_taken_l;
    }
    CHECK(r.fuel.trucks_l == Approx(fleets_l));
    CHECK(taken_l > 0);
    CHECK(kpi(r, "fuel_used_l") ==
          Approx(r.fuel.force_l + r.fuel.trucks_l + r.fuel.buses_l + r.fuel.teams_l));
}

}  // namespace corridor
