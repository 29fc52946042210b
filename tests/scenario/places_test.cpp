// Places given by coordinates (docs/scenario-reference.md, "Places by coordinates"): snapped to
// the nearest road, which is split there by a new node, before anything reads the network.

#include <catch2/catch.hpp>

#include "corridor/engine/format.hpp"
#include "scenarios.hpp"

using namespace corridor;

namespace {

// An aid theatre on the equator (0.01 degree = 1,111.95 m): a depot and a town by coordinates on
// one two-way road A-B, and a post beside a one-way road B-C.
const char* kAidTheatre = R"(
scenario: {name: places, start: 2020-11-10T06:00:00Z, duration: 2d, seed: 1}
network:
  max_snap: 500m
  nodes:
    - {id: A, kind: junction, lat: 0, lon: 0}
    - {id: B, kind: junction, lat: 0, lon: 0.1}
    - {id: C, kind: junction, lat: 0.1, lon: 0.1}
  roads:
    - {from: A, to: B, length: 11.1195km, class: primary}
    - {from: B, to: C, length: 11.1195km, class: primary, oneway: true}
vehicle_types:
  truck: {speed: 80km/h, weight: 20t, payload: 12t}
commodities:
  food: {}
organisations:
  WFP: {}
depots:
  Main: {lat: 0.001, lon: 0.02, organisation: WFP, stock: {food: 20t}}
towns:
  North: {lat: -0.001, lon: 0.08, population: 2000}
  East: {lat: 0.0000001, lon: 0.1, population: 100}
posts:
  P1: {lat: 0.05, lon: 0.11}
fleets:
  trucks: {organisation: WFP, vehicle: truck, count: 2, depot: Main}
)";

}  // namespace

TEST_CASE("a post given by lat/lon is reached along the split road as one given by node", "[snap]") {
    Theatre t = test::load_theatre("validation/places-by-coordinates.yaml");
    const RoadNetwork& network = t.network();
    REQUIRE(network.node_count() == 3);
    REQUIRE(network.arc_count() == 4);  // the two-way road in two pieces each way
    const NodeInfo& post = network.node(t.posts[0].node);
    CHECK(post.id == "@post:P1");
    CHECK(post.kind == NodeKind::post);
    CHECK(post.lat == Approx(0).margin(1e-12));
    CHECK(post.lon == Approx(1.07918443647).epsilon(1e-10));
    REQUIRE(t.place_snaps.size() == 1);
    CHECK(t.place_snaps[0].what == "post 'P1'");
    CHECK(t.place_snaps[0].distance_m == Approx(great_circle_m(0, 0, 0.005, 0)).epsilon(1e-9));  // 556.0 m
    CHECK(t.place_snaps[0].node_id == "@post:P1");
    DeploymentResult r = simulate_deployment(t, t.seed);
    Time expected = 3 * kHour + 15 * kMinute + 3 * kMinute;  // one-convoy.yaml's 11,880 s
    CHECK(r.units[0].arrived == expected);
    REQUIRE(r.convoys.size() == 1);
    CHECK(r.convoys[0].route_m == Approx(120000).epsilon(1e-9));
}

TEST_CASE("depots, towns and posts by lat/lon are split in reading order, with warnings past max_snap",
          "[snap]") {
    LoadedScenario loaded = load_scenario_text(kAidTheatre, "places.yaml");
    INFO(format_all(loaded.diagnostics));
    REQUIRE(loaded.theatre);
    const Theatre& t = *loaded.theatre;
    const RoadNetwork& network = t.network();
    // Posts before depots before towns; East is 1 cm from B, so it uses B.
    REQUIRE(network.node_count() == 6);
    CHECK(network.node(3).id == "@post:P1");
    CHECK(network.node(4).id == "@depot:Main");
    CHECK(network.node(5).id == "@town:North");
    CHECK(network.node(t.aid.depots[0].node).id == "@depot:Main");
    CHECK(network.node(t.aid.towns[0].node).id == "@town:North");
    CHECK(network.node(t.aid.towns[1].node).id == "B");
    // The post on the one-way road B -> C: only the arcs B -> post -> C.
    NodeIndex post = t.posts[0].node;
    CHECK(network.arcs_between(*network.find_node("B"), post).size() == 1);
    CHECK(network.arcs_between(post, *network.find_node("C")).size() == 1);
    CHECK(network.arcs_between(post, *network.find_node("B")).empty());
    // A-B is split at the depot and at the town, both ways: 6 arcs, and 2 on B-C.
    CHECK(network.arc_count() == 8);
    // The post is 1.1 km off its road, more than max_snap 500 m.
    std::string messages = format_all(loaded.diagnostics);
    CHECK(messages.find("places.yaml:24:13: warning: post 'P1' is 1.11 km from the nearest road, farther than "
                        "max_snap 0.50 km: check its lat/lon") != std::string::npos);
    REQUIRE(t.place_snaps.size() == 4);
    CHECK(t.place_snaps[3].what == "town 'East'");
    CHECK(t.place_snaps[3].node_id == "B");
    CHECK(t.place_snaps[0].road == "unnamed road (primary, one-way, B -> C)");
    CHECK(t.place_snaps[1].road == "unnamed road (primary, A -> B)");
}

TEST_CASE("two places at one point of a road share a node, and validate says so", "[snap]") {
    const char* theatre = R"(
scenario: {name: shared, start: 2020-11-10T06:00:00Z, duration: 2d, seed: 1}
network:
  nodes:
    - {id: A, kind: depot, lat: 0, lon: 0}
    - {id: B, kind: junction, lat: 0, lon: 0.1}
  roads:
    - {from: A, to: B, length: 11.1195km, class: primary}
vehicle_types:
  truck: {speed: 80km/h, weight: 15t}
posts:
  P1: {lat: 0.001, lon: 0.05}
  P2: {lat: -0.001, lon: 0.05}
units:
  - {name: column, vehicles: {truck: 2}, origin: A, posts: [P1, P2]}
)";
    LoadedScenario loaded = load_scenario_text(theatre, "shared.yaml");
    INFO(format_all(loaded.diagnostics));
    REQUIRE(loaded.theatre);
    const Theatre& t = *loaded.theatre;
    CHECK(t.posts[0].node == t.posts[1].node);
    CHECK(t.network().node_count() == 3);
    CHECK(format_all(loaded.diagnostics)
              .find("shared.yaml:13:13: note: post 'P2' snaps to the same point as post 'P1' "
                    "and shares its node @post:P1") != std::string::npos);
}
