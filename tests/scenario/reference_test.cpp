// The reference theatre (scenarios/karabakh-2020): it must load, run to closure within its
// duration, and give figures that hold together.

#include <algorithm>
#include <catch2/catch.hpp>

#include "corridor/model/deployment.hpp"
#include "corridor/scenario/load.hpp"

using namespace corridor;

TEST_CASE("the Karabakh 2020 reference theatre loads and every unit reaches its posts") {
    LoadedScenario loaded =
        load_scenario(std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/karabakh-2020/scenario.yaml");
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    const Theatre& t = *loaded.theatre;
    int personnel = 0, vehicles = 0;
    for (const Unit& u : t.units) personnel += u.personnel, vehicles += u.vehicle_count();
    CHECK(personnel == 1960);  // docs/sources.md, [S3]
    CHECK(vehicles == 90 + 380);
    DeploymentResult r = simulate_deployment(t, t.seed);
    REQUIRE(r.closure_time != kNever);
    CHECK(r.closure_time < t.duration);
    CHECK(r.personnel_lifted == 1960);
    for (const UnitOutcome& u : r.units) CHECK(u.arrived != kNever);
    CHECK(r.posts_50 <= r.posts_90);
    CHECK(r.posts_90 <= r.posts_100);
    // Every vehicle drove at least the shortest road from Yerevan's airfield to a post.
    CHECK(r.convoy_vehicle_km > vehicles * 250.0);
    // The per-road and per-convoy files add up to the run's totals, and the Goris road queues.
    double road_vehicle_km = 0;
    int largest_gate_queue = 0;
    for (const RoadOutcome& road : r.roads) {
        road_vehicle_km += road.vehicle_km;
        largest_gate_queue = std::max(largest_gate_queue, road.largest_gate_queue);
    }
    // Aid trucks and return buses drive the same roads; what is still on the road at the end has
    // entered roads it has not yet finished, so the roads count at least what finished.
    double truck_km = 0, bus_km = 0;
    for (const FleetOutcome& f : r.fleets) truck_km += f.vehicle_km;
    for (const ReturnOutcome& flow : r.returns) bus_km += flow.vehicle_km;
    CHECK(truck_km > 0);
    CHECK(bus_km > 0);
    CHECK(road_vehicle_km >= r.convoy_vehicle_km + truck_km + bus_km - 1e-6);
    CHECK(road_vehicle_km <= (r.convoy_vehicle_km + truck_km + bus_km) * 1.01);
    CHECK(largest_gate_queue > 0);
    std::int64_t convoy_vehicles = 0;
    Time gate_wait = 0;
    for (const ConvoyOutcome& c : r.convoys) {
        convoy_vehicles += c.vehicles;
        gate_wait += c.gate_wait;
        CHECK(c.arrived >= c.departed);
        CHECK(c.departed >= c.formed);
    }
    CHECK(convoy_vehicles == vehicles);
    CHECK(gate_wait > 0);
    for (const PostOutcome& p : r.posts) CHECK(p.first_arrival <= p.established);
    // Kornidzor: every convoy vehicle of the force passes it, apart from the civilian traffic.
    REQUIRE(r.checkpoints.size() == 1);
    const CheckpointOutcome& kornidzor = r.checkpoints[0];
    CHECK(kornidzor.force_vehicles == vehicles);
    // The ICRC's trucks from Goris cross it too, counted apart.
    CHECK(kornidzor.aid_vehicles > 0);
    CHECK(kornidzor.force_vehicles + kornidzor.traffic_vehicles + kornidzor.aid_vehicles == kornidzor.vehicles);
    CHECK(kornidzor.force_max_wait_s <= kornidzor.max_wait_s);
    CHECK(kornidzor.force_mean_wait_s * kornidzor.force_vehicles +
              kornidzor.traffic_mean_wait_s * kornidzor.traffic_vehicles +
              kornidzor.aid_mean_wait_s * kornidzor.aid_vehicles ==
          Approx(kornidzor.mean_wait_s * kornidzor.vehicles));
}
