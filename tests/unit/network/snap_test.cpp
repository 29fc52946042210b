// Snapping coordinates to roads: the nearest point of the nearest road, split there by a new node,
// one-way roads split in their own direction only (include/corridor/network/snap.hpp). A
// hand-made rectangle of roads on the equator, where 0.01 degree is 1,111.95 m, gives exact answers.

#include <catch2/catch.hpp>
#include <cstdio>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/network/router.hpp"
#include "corridor/network/snap.hpp"

using namespace corridor;

namespace {

// A (0,0) -> B (0,0.03) one-way along the equator; B-C, C-D, D-A two-way: a 3.3 km by 1.1 km
// rectangle whose bottom can be driven eastward only.
const double kLongM = great_circle_m(0, 0, 0, 0.03), kShortM = great_circle_m(0, 0, 0.01, 0);

RoadNetwork rectangle() {
    char edges[1024];
    std::snprintf(edges, sizeof edges,
                  "from,to,length_m,road_class,speed_kph,lanes,weight_limit_t,oneway,name\n"
                  "A,B,%.6f,primary,60,1,,yes,South road\n"
                  "B,C,%.6f,secondary,40,1,,no,East road\n"
                  "C,D,%.6f,primary,60,1,,no,North road\n"
                  "D,A,%.6f,secondary,40,1,,no,West road\n",
                  kLongM, kShortM, kLongM, kShortM);
    test::write_temp("snap-rectangle/nodes.csv",
                     "id,name,kind,lat,lon\nA,,junction,0,0\nB,,junction,0,0.03\nC,,junction,0.01,0.03\n"
                     "D,,junction,0.01,0\n");
    std::string path = test::write_temp("snap-rectangle/edges.csv", edges);
    return test::load_or_fail(std::filesystem::path(path).parent_path().string());
}

SnapPlace place(const SnapIndex& index, const std::string& id, double lat, double lon) {
    auto snap = index.snap(lat, lon);
    REQUIRE(snap);
    return {id, "", NodeKind::junction, *snap};
}

}  // namespace

TEST_CASE("a point beside a road snaps to the foot of its perpendicular, mid-segment", "[snap]") {
    RoadNetwork network = rectangle();
    SnapIndex index(network);
    auto snap = index.snap(0.0001, 0.009);
    REQUIRE(snap);
    CHECK(network.road_name(snap->arc) == "South road");
    CHECK(snap->point.lat == Approx(0).margin(1e-12));
    CHECK(snap->point.lon == Approx(0.009).epsilon(1e-12));
    CHECK(snap->fraction == Approx(0.3).epsilon(1e-9));
    CHECK(snap->distance_m == Approx(great_circle_m(0, 0, 0.0001, 0)).epsilon(1e-9));  // 11.12 m
    // Beyond the end of the network: the nearest end of the nearest road.
    auto outside = index.snap(-0.001, -0.001);
    REQUIRE(outside);
    CHECK(outside->point == GeoPoint{0, 0});
}

TEST_CASE("a split road keeps its length, time and attributes in its two pieces", "[snap]") {
    RoadNetwork network = rectangle();
    SnapIndex index(network);
    std::vector<SnapPlace> places = {place(index, "@p", 0.0001, 0.009)};
    auto split = split_roads(network, places);
    REQUIRE(split);
    const RoadNetwork& out = split.value().network;
    REQUIRE(out.node_count() == 5);
    REQUIRE(out.arc_count() == network.arc_count() + 1);  // one-way: one arc became two
    NodeIndex p = split.value().nodes[0];
    CHECK(out.node(p).id == "@p");
    CHECK(out.node(p).lat == Approx(0).margin(1e-12));
    CHECK(out.node(p).lon == Approx(0.009).epsilon(1e-12));
    // The old nodes keep their indices.
    for (NodeIndex v = 0; v < network.node_count(); ++v) CHECK(out.node(v).id == network.node(v).id);
    auto in = out.arcs_between(*out.find_node("A"), p);
    auto on = out.arcs_between(p, *out.find_node("B"));
    REQUIRE(in.size() == 1);
    REQUIRE(on.size() == 1);
    CHECK(out.length_m(in[0]) == Approx(0.3 * kLongM).epsilon(1e-9));
    CHECK(out.length_m(on[0]) == Approx(0.7 * kLongM).epsilon(1e-9));
    CHECK(out.free_flow_time_s(in[0]) + out.free_flow_time_s(on[0]) ==
          Approx(kLongM * 3.6 / 60).epsilon(1e-9));
    CHECK(out.one_way(in[0]));
    CHECK(out.road_name(on[0]) == "South road");
    CHECK(out.road_class(on[0]) == RoadClass::primary);
    // No way back along a one-way road.
    CHECK(out.arcs_between(p, *out.find_node("A")).empty());
}

TEST_CASE("a start on a one-way road leaving away from the destination drives round the block", "[snap]") {
    RoadNetwork network = rectangle();
    SnapIndex index(network);
    // P and Q on the one-way south road, Q 667 m west of (behind) P.
    std::vector<SnapPlace> places = {place(index, "@p", 0.0001, 0.009), place(index, "@q", -0.0001, 0.003)};
    auto split = split_roads(network, places);
    REQUIRE(split);
    const RoadNetwork& out = split.value().network;
    NodeIndex p = split.value().nodes[0], q = split.value().nodes[1];
    Router router(out);
    Route back = router.route({p, q, Metric::distance});
    REQUIRE(back.found);
    // East to B, north, west along the north road, south to A, east to Q.
    CHECK(back.distance_m == Approx(0.7 * kLongM + kShortM + kLongM + kShortM + 0.1 * kLongM).epsilon(1e-9));
    Route ahead = router.route({q, p, Metric::distance});
    REQUIRE(ahead.found);
    CHECK(ahead.distance_m == Approx(0.2 * kLongM).epsilon(1e-9));
    CHECK(ahead.arcs.size() == 1);
    Route to_a = router.route({p, *out.find_node("A"), Metric::distance});
    CHECK(to_a.distance_m == Approx(0.7 * kLongM + kShortM + kLongM + kShortM).epsilon(1e-9));
}

TEST_CASE("a two-way road is split in both directions at the same point", "[snap]") {
    RoadNetwork network = rectangle();
    SnapIndex index(network);
    // On the east road, a quarter of the way from B to C, 5.6 m east of it.
    std::vector<SnapPlace> places = {place(index, "@e", 0.0025, 0.03005)};
    CHECK(places[0].snap.point.lat == Approx(0.0025).epsilon(1e-12));
    CHECK(places[0].snap.point.lon == Approx(0.03).epsilon(1e-12));
    auto split = split_roads(network, places);
    REQUIRE(split);
    const RoadNetwork& out = split.value().network;
    REQUIRE(out.arc_count() == network.arc_count() + 2);
    NodeIndex e = split.value().nodes[0], b = *out.find_node("B"), c = *out.find_node("C");
    REQUIRE(out.arcs_between(b, e).size() == 1);
    REQUIRE(out.arcs_between(e, b).size() == 1);
    REQUIRE(out.arcs_between(c, e).size() == 1);
    REQUIRE(out.arcs_between(e, c).size() == 1);
    CHECK(out.length_m(out.arcs_between(e, b)[0]) == Approx(0.25 * kShortM).epsilon(1e-9));
    CHECK(out.length_m(out.arcs_between(c, e)[0]) == Approx(0.75 * kShortM).epsilon(1e-9));
    CHECK_FALSE(out.one_way(out.arcs_between(e, b)[0]));
    Router router(out);
    CHECK(router.route({e, b, Metric::distance}).distance_m == Approx(0.25 * kShortM).epsilon(1e-9));
    CHECK(router.route({e, c, Metric::distance}).distance_m == Approx(0.75 * kShortM).epsilon(1e-9));
}

TEST_CASE("a snap at a road's end node, or at an earlier place's point, uses that node", "[snap]") {
    RoadNetwork network = rectangle();
    SnapIndex index(network);
    std::vector<SnapPlace> places = {place(index, "@b", 0.000001, 0.030001),  // 0.11 m along B-C from B
                                     place(index, "@p", 0.0001, 0.009), place(index, "@p2", -0.0001, 0.009)};
    auto split = split_roads(network, places);
    REQUIRE(split);
    const RoadNetwork& out = split.value().network;
    CHECK(out.node(split.value().nodes[0]).id == "B");
    CHECK(split.value().nodes[2] == split.value().nodes[1]);
    CHECK(out.node_count() == 5);
    // An id already in the network is refused.
    std::vector<SnapPlace> clash = {place(index, "A", 0.0001, 0.009)};
    auto refused = split_roads(network, clash);
    REQUIRE_FALSE(refused);
    CHECK(refused.error() == "the node id 'A' for a snapped place is already taken");
}

TEST_CASE("a point equally far from two roads goes to the lower arc index, every time", "[snap]") {
    RoadNetwork network = rectangle();
    SnapIndex index(network);
    // Half-way between the south and north roads, far from the west and east ones.
    auto snap = index.snap(0.005, 0.015);
    REQUIRE(snap);
    CHECK(network.road_name(snap->arc) == "South road");
    CHECK(snap->arc == 0);
    CHECK(snap->point.lat == Approx(0).margin(1e-12));
    CHECK(snap->point.lon == Approx(0.015).epsilon(1e-12));
}

TEST_CASE("a road's shape points are divided between its pieces, and a snap can fall on one", "[snap]") {
    // B (0,0.01) to E (0.01,0.02) two-way, bending at the shape point (0,0.02).
    RoadNetworkBuilder builder;
    NodeIndex b = builder.add_node({"B", "", NodeKind::junction, 0, 0.01});
    NodeIndex e = builder.add_node({"E", "", NodeKind::junction, 0.01, 0.02});
    RoadAttributes road;
    road.length_m = 2 * great_circle_m(0, 0, 0, 0.01);
    road.speed_kph = 50;
    road.name = "Bend";
    std::vector<GeoPoint> bend = {{0, 0.02}};
    builder.add_road(b, e, road, false, bend);
    RoadNetwork network = std::move(builder).build();
    SnapIndex index(network);
    // Outside the corner: the corner itself is nearest.
    auto corner = index.snap(-0.0001, 0.0201);
    REQUIRE(corner);
    CHECK(corner->point == GeoPoint{0, 0.02});
    CHECK(corner->fraction == Approx(0.5).epsilon(1e-9));
    // On the second leg, a quarter of the road from E: the piece from B keeps the corner.
    std::vector<SnapPlace> places = {{"@s", "", NodeKind::junction, *index.snap(0.005, 0.0201)}};
    CHECK(places[0].snap.fraction == Approx(0.75).epsilon(1e-9));
    auto split = split_roads(network, places);
    REQUIRE(split);
    const RoadNetwork& out = split.value().network;
    NodeIndex s = split.value().nodes[0];
    ArcIndex from_b = out.arcs_between(b, s).at(0), to_b = out.arcs_between(s, b).at(0);
    ArcIndex from_e = out.arcs_between(e, s).at(0);
    REQUIRE(out.shape_points(from_b).size() == 1);
    CHECK(out.shape_points(from_b)[0] == GeoPoint{0, 0.02});
    REQUIRE(out.shape_points(to_b).size() == 1);
    CHECK(out.shape_points(from_e).empty());
    CHECK(out.length_m(from_b) == Approx(0.75 * road.length_m).epsilon(1e-9));
    CHECK(out.length_m(from_e) == Approx(0.25 * road.length_m).epsilon(1e-9));
    // Snapped exactly at the corner: the corner becomes the node and leaves both shapes.
    std::vector<SnapPlace> at_corner = {{"@c", "", NodeKind::junction, *corner}};
    auto corner_split = split_roads(network, at_corner);
    REQUIRE(corner_split);
    const RoadNetwork& cut = corner_split.value().network;
    for (ArcIndex a = 0; a < cut.arc_count(); ++a) CHECK(cut.shape_points(a).empty());
}

TEST_CASE("a road split at a place keeps the turns forbidden at its ends, on its pieces", "[snap]") {
    // heavy-vehicles.osm: Main Street's last arc (205 -> 300) may not turn left into North Arm
    // at X. A place in the middle of that arc cuts it in two; the ban moves to the second piece.
    RoadNetwork network = test::load_or_fail(test::test_file("data/networks/heavy-vehicles.osm"));
    auto node = [&](const RoadNetwork& n, const char* id) { return *n.find_node(id); };
    const NodeIndex main_street = node(network, "205"), x = node(network, "300");
    const NodeInfo &a = network.node(main_street), &b = network.node(x);
    auto snap = SnapIndex(network).snap((a.lat + b.lat) / 2, (a.lon + b.lon) / 2);
    REQUIRE(snap);
    REQUIRE(((network.arc_from(snap->arc) == main_street && network.arc_to(snap->arc) == x) ||
             (network.arc_from(snap->arc) == x && network.arc_to(snap->arc) == main_street)));
    std::vector<SnapPlace> places{{"@post:P", "P", NodeKind::post, *snap}};
    auto split = split_roads(network, places);
    REQUIRE(split.ok());
    const RoadNetwork& cut = split.value().network;
    const NodeIndex place = split.value().nodes.at(0);
    REQUIRE(place == network.node_count());
    CHECK(cut.forbidden_turns().size() == network.forbidden_turns().size());
    std::size_t from_piece = 0, from_whole = 0;
    for (const ForbiddenTurn& turn : network.forbidden_turns())
        from_whole += network.arc_from(turn.in) == main_street && network.arc_to(turn.in) == x;
    for (const ForbiddenTurn& turn : cut.forbidden_turns()) {
        CHECK(cut.arc_to(turn.in) == cut.arc_from(turn.out));  // a turn at one node, as before
        from_piece += cut.arc_from(turn.in) == place && cut.arc_to(turn.in) == x;
        CHECK_FALSE((cut.arc_from(turn.in) == main_street && cut.arc_to(turn.in) == x));
    }
    CHECK(from_whole >= 1);
    CHECK(from_piece == from_whole);
    // Every route from the place keeps the ban: the turn-aware router never makes it.
    Router router(cut);
    for (NodeIndex to = 0; to < cut.node_count(); ++to) {
        Route route = router.route({place, to, Metric::distance});
        if (route.found) CHECK(router.path_allowed({place, to, Metric::distance}, route.arcs));
    }
}
