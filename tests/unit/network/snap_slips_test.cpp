// What snapping does with a planner's slips and a vehicle's limits (include/corridor/network/snap.hpp):
// a point beside a road the vehicle may not use snaps to the nearest one it may; a far point is
// explained (lat/lon swapped, a lost sign, outside the map); a road cut by places is found again,
// in all its pieces, by the nodes the planner knows.

#include <catch2/catch.hpp>
#include <cstdio>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/network/router.hpp"
#include "corridor/network/snap.hpp"
#include "corridor/network/vehicle_limits.hpp"

using namespace corridor;

namespace {

// A (0,0) -> B (0,0.03) one-way along the equator over a 10 t bridge; B-C, C-D, D-A two-way: a
// 3.3 km by 1.1 km rectangle (0.01 degree is 1,111.95 m).
RoadNetwork weak_rectangle() {
    const double long_m = great_circle_m(0, 0, 0, 0.03), short_m = great_circle_m(0, 0, 0.01, 0);
    char edges[1024];
    std::snprintf(edges, sizeof edges,
                  "from,to,length_m,road_class,speed_kph,lanes,weight_limit_t,oneway,name\n"
                  "A,B,%.6f,primary,60,1,10,yes,South road\n"
                  "B,C,%.6f,secondary,40,1,,no,East road\n"
                  "C,D,%.6f,primary,60,1,,no,North road\n"
                  "D,A,%.6f,secondary,40,1,,no,West road\n",
                  long_m, short_m, long_m, short_m);
    test::write_temp("snap-slips/nodes.csv",
                     "id,name,kind,lat,lon\nA,,junction,0,0\nB,,junction,0,0.03\nC,,junction,0.01,0.03\n"
                     "D,,junction,0.01,0\n");
    std::string path = test::write_temp("snap-slips/edges.csv", edges);
    return test::load_or_fail(std::filesystem::path(path).parent_path().string());
}

}  // namespace

TEST_CASE("a 25 t column beside a 10 t bridge snaps to the nearest road it may use", "[snap]") {
    RoadNetwork network = weak_rectangle();
    SnapIndex index(network);
    // 11 m north of the bridge, 1,000 m east of the west road, 1,100 m south of the north road.
    auto nearest = index.snap(0.0001, 0.009);
    REQUIRE(nearest);
    CHECK(network.road_name(nearest->arc) == "South road");
    VehicleLimits column{25, 0, 0, 0, true};
    auto usable = index.snap(0.0001, 0.009, column);
    REQUIRE(usable);
    CHECK(network.road_name(usable->arc) == "West road");
    CHECK(usable->point.lon == Approx(0).margin(1e-12));
    CHECK(usable->distance_m == Approx(great_circle_m(0.0001, 0.009, 0.0001, 0)).epsilon(1e-9));
    CHECK(why_vehicle_may_not_use(network, nearest->arc, column) ==
          "weight limit 10 t, below the vehicle's 25 t");
    // A light vehicle may use the bridge: the same snap as without a vehicle.
    auto light = index.snap(0.0001, 0.009, VehicleLimits{3});
    REQUIRE(light);
    CHECK(light->arc == nearest->arc);
}

TEST_CASE("a far point's likely slip: lat/lon swapped, a lost sign, or outside the map", "[snap]") {
    RoadNetwork valley = test::load_or_fail(test::test_file("data/networks/valley"));  // lat 39.95..40.08
    CHECK(far_snap_hint(valley, {45.1, 40.0}) ==
          "latitude and longitude swapped? 40,45.1 lies within the network's area");
    CHECK(far_snap_hint(valley, {-40.0, 45.1}) == "a sign slipped? 40,45.1 lies within the network's area");
    CHECK(far_snap_hint(valley, {40.0, -45.1}) == "a sign slipped? 40,45.1 lies within the network's area");
    CHECK(far_snap_hint(valley, {41.0, 45.1}) ==
          "it lies outside the network's area (lat 39.95..40.08, lon 45..45.2)");
    // Within the map's area (and its 0.1 degree margin) a far point is no slip of these kinds.
    CHECK(far_snap_hint(valley, {40.05, 45.15}).empty());
    CHECK(far_snap_hint(valley, {40.17, 45.1}).empty());
}

TEST_CASE("a road cut by places is found again in all its pieces by the nodes the planner knows", "[snap]") {
    RoadNetwork network = weak_rectangle();
    SnapIndex index(network);
    // One place on the two-way east road, two on the one-way south road.
    std::vector<SnapPlace> places;
    for (auto [id, lat, lon] : {std::tuple{"@e", 0.0025, 0.03005}, std::tuple{"@s1", -0.0001, 0.01},
                                std::tuple{"@s2", -0.0001, 0.02}})
        places.push_back({id, "", NodeKind::junction, *index.snap(lat, lon)});
    auto split = split_roads(network, places);
    REQUIRE(split);
    const RoadNetwork& out = split.value().network;
    auto node = [&](const char* id) { return *out.find_node(id); };
    std::vector<ArcIndex> east = road_pieces(out, node("B"), node("C"));
    CHECK(east.size() == 4);  // B -> @e -> C and back
    double east_m = 0;
    for (ArcIndex a : east) east_m += out.length_m(a);
    CHECK(east_m == Approx(2 * great_circle_m(0, 0, 0.01, 0)).epsilon(1e-9));
    std::vector<ArcIndex> south = road_pieces(out, node("A"), node("B"));
    CHECK(south.size() == 3);  // A -> @s1 -> @s2 -> B, one way
    CHECK(road_pieces(out, node("B"), node("A")).size() == 3);
    CHECK(road_pieces(out, node("A"), node("C")).empty());
    // A piece is named by the road's own ends, past the split nodes, in its direction.
    for (ArcIndex a : south) CHECK(unsplit_ends(out, a) == std::pair{node("A"), node("B")});
    CHECK(unsplit_ends(out, out.arcs_between(node("C"), node("@e"))[0]) == std::pair{node("C"), node("B")});
    CHECK(unsplit_ends(out, out.arcs_between(node("B"), node("@e"))[0]) == std::pair{node("B"), node("C")});
    // An unsplit road is itself.
    ArcIndex north = out.arcs_between(node("C"), node("D"))[0];
    CHECK(unsplit_ends(out, north) == std::pair{node("C"), node("D")});
}
