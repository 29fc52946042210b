// Escorts against answers known without corridor (scenarios/validation/escort.yaml; the arithmetic
// is in its header): a truck waits at the start of the escorted road for the next convoy, one
// beyond the convoy's max_vehicles for the one after, and the rule binds only whom it names.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "corridor/model/deployment.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

using test::times_of;

// The run starts at 06:00: a time of day on its first day, as a time from the start.
constexpr Time at_clock(int hours, int minutes, int seconds = 0) {
    return (hours - 6) * kHour + minutes * kMinute + seconds * kSecond;
}

// 20 km at 40 km/h, and one vehicle's pass time (100 m at 40 km/h).
constexpr Time kRoad = 30 * kMinute;
constexpr Time kPass = 9 * kSecond;
constexpr Time kUnload = kHour;

}  // namespace

TEST_CASE(
    "a truck waits at an escorted road for the next convoy, and one beyond max_vehicles for the one after",
    "[escort][validation]") {
    Theatre theatre = test::load_theatre("validation/escort.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    const std::string one = "trucks/truck-1", two = "trucks/truck-2";
    // truck-1: at GATE at 07:30, escorted at 08:00, delivers a road, a pass time and the unloading later.
    CHECK(times_of(r, one, "waits for escort") ==
          std::vector<Time>{at_clock(7, 30), at_clock(9, 30, 9), at_clock(16, 30, 9)});
    CHECK(times_of(r, one, "escorted") == std::vector<Time>{at_clock(8, 0), at_clock(14, 0)});
    CHECK(times_of(r, one, "delivered") == std::vector<Time>{at_clock(8, 0) + kRoad + kPass + kUnload});
    // truck-2: one pass time behind; the 08:00 convoy is full, so it goes at 14:00.
    CHECK(times_of(r, two, "waits for escort") == std::vector<Time>{at_clock(7, 30, 9), at_clock(15, 30, 9)});
    CHECK(times_of(r, two, "escorted") == std::vector<Time>{at_clock(14, 0)});
    CHECK(times_of(r, two, "delivered") == std::vector<Time>{at_clock(14, 0) + kRoad + kPass + kUnload});
    CHECK(at_clock(14, 0) + kRoad + kPass + kUnload == at_clock(15, 30, 9));
    // truck-1 back at the depot from the 14:00 convoy out of TOWN, at 15:00:09.
    CHECK(times_of(r, one, "arrived").at(1) == at_clock(14, 0) + 2 * kRoad + kPass);
    // The fleet's escort wait counts the trips ended within the run: 30 min, then 4 h 29 min 51 s
    // (truck-1 at TOWN), and 6 h 29 min 51 s (truck-2 at GATE).
    REQUIRE(r.fleets.size() == 1);
    CHECK(r.fleets[0].escort_wait_h == Approx((1800.0 + 16191.0 + 23391.0) / 3600.0));
}

TEST_CASE("an escort lifted at its 'until' lets the trucks still waiting drive on", "[escort][validation]") {
    Theatre theatre = test::load_theatre("validation/escort.yaml");
    theatre.aid.escorts[0].until = at_clock(10, 0);
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    CHECK(times_of(r, "trucks/truck-2", "escort lifted") == std::vector<Time>{at_clock(10, 0)});
    CHECK(times_of(r, "trucks/truck-2", "delivered").front() == at_clock(10, 0) + kRoad + kPass + kUnload);
    // truck-1, waiting at TOWN since 09:30:09, goes at 10:00 too; after it no one waits.
    CHECK(times_of(r, "trucks/truck-1", "waits for escort") ==
          std::vector<Time>{at_clock(7, 30), at_clock(9, 30, 9)});
    CHECK(times_of(r, "trucks/truck-1", "escort lifted") == std::vector<Time>{at_clock(10, 0)});
    CHECK(times_of(r, "trucks/truck-2", "waits for escort") == std::vector<Time>{at_clock(7, 30, 9)});
}

TEST_CASE("an escort holds only the fleets that name it, and only from its 'from'", "[escort]") {
    Theatre theatre = test::load_theatre("validation/escort.yaml");
    SECTION("a fleet naming no escort drives straight through") { theatre.aid.fleets[0].escorts.clear(); }
    SECTION("an escort starting after the trucks have passed") {
        theatre.aid.escorts[0].from = at_clock(9, 0);
        // (truck-1 is back at TOWN at 09:30:09, so only the first trip goes unescorted.)
    }
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    // 07:00 off, two roads, a pass time, the unloading: 09:00:09, as if the road were plain.
    CHECK(times_of(r, "trucks/truck-1", "delivered").front() == at_clock(7, 0) + 2 * kRoad + kPass + kUnload);
    CHECK(times_of(r, "trucks/truck-2", "delivered").front() ==
          at_clock(7, 0) + kPass + 2 * kRoad + kPass + kUnload);
}

TEST_CASE("a truck waiting for an escort whose road closes waits for a route, then for the next convoy",
          "[escort]") {
    Theatre theatre = test::load_theatre("validation/escort.yaml");
    const RoadNetwork& net = theatre.network();
    NodeIndex gate = *net.find_node("GATE"), town = *net.find_node("TOWN");
    Disruption closure;
    closure.road = "GATE-TOWN";
    closure.arcs = net.arcs_between(gate, town);
    for (ArcIndex a : net.arcs_between(town, gate)) closure.arcs.push_back(a);
    closure.closed = true;
    closure.from = at_clock(7, 45);
    closure.until = at_clock(10, 0);
    theatre.disruptions.push_back(closure);
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    const std::string one = "trucks/truck-1", two = "trucks/truck-2";
    // Both leave the escort's queue when the road closes and queue again, in the same order, when
    // it reopens; the 14:00 convoy takes truck-1 only, and truck-2's next one is after the run.
    CHECK(times_of(r, one, "no open route") == std::vector<Time>{at_clock(7, 45)});
    CHECK(times_of(r, two, "no open route") == std::vector<Time>{at_clock(7, 45)});
    CHECK(times_of(r, one, "waits for escort").at(1) == at_clock(10, 0));
    CHECK(times_of(r, two, "waits for escort") == std::vector<Time>{at_clock(7, 30, 9), at_clock(10, 0)});
    CHECK(times_of(r, one, "escorted") == std::vector<Time>{at_clock(14, 0)});
    CHECK(times_of(r, one, "delivered") == std::vector<Time>{at_clock(14, 0) + kRoad + kPass + kUnload});
    CHECK(times_of(r, two, "delivered").empty());
    // truck-1's trip counts 15 min before the closure and 4 h after it, not the time without a road.
    CHECK(r.fleets[0].escort_wait_h == Approx(4.25));
}

TEST_CASE("the reference theatre escorts its aid fleets and returns over the Lachin corridor, both ways",
          "[escort][reference]") {
    Theatre theatre = test::load_theatre("karabakh-2020/scenario.yaml");
    REQUIRE(theatre.aid.escorts.size() == 1);
    const Escort& lachin = theatre.aid.escorts[0];
    CHECK(lachin.name == "lachin-corridor");
    CHECK(lachin.arcs.size() == 8);  // four roads, each both ways
    CHECK(lachin.departures == std::vector<Time>{9 * kHour, 14 * kHour});
    CHECK(lachin.max_vehicles == 35);
    for (const Fleet& f : theatre.aid.fleets) CHECK(f.escorts == std::vector<std::size_t>{0});
    for (const ReturnFlow& flow : theatre.aid.returns) CHECK(flow.escorts == std::vector<std::size_t>{0});
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    // Every bus convoy into Nagorno-Karabakh crosses the corridor, so each waits at its entry for a
    // departure (the escort is the only thing that holds them there): waits are whole convoys'.
    int waits = 0, escorted = 0;
    for (const TimelineRow& row : r.timeline) {
        if (row.event == "waits for escort") {
            ++waits;
            CHECK((row.place == "HAK" || row.place == "SHU"));
        }
        if (row.event == "escorted") {
            ++escorted;
            Time time_of_day = (row.at + 6 * kHour) % kDay;  // the run starts at 06:00 UTC
            CHECK((time_of_day == 9 * kHour || time_of_day == 14 * kHour));
        }
    }
    CHECK(waits > 0);
    CHECK(escorted > 0);
    for (const ReturnOutcome& o : r.returns) CHECK(o.escort_wait_h > 0);
}

}  // namespace corridor
