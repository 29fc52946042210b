// Roads keep their shape: the OpenStreetMap loader merges the nodes that only shape a way, and
// keeps them as the arc's shape points, so that a map follows the road (docs/network.md).

#include <algorithm>
#include <catch2/catch.hpp>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"

using namespace corridor;

namespace {

double course_length_m(const std::vector<GeoPoint>& course) {
    double m = 0;
    for (std::size_t i = 1; i < course.size(); ++i)
        m += great_circle_m(course[i - 1].lat, course[i - 1].lon, course[i].lat, course[i].lon);
    return m;
}

// Every arc: its course runs from its start node to its end node, as long as the arc; a two-way
// road's arc back runs the same points the other way. Returns the arcs with shape points.
std::size_t check_courses(const RoadNetwork& network) {
    std::size_t shaped = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        INFO("arc " << a << " from " << network.node(network.arc_from(a)).id << " to "
                    << network.node(network.arc_to(a)).id);
        std::vector<GeoPoint> course = network.arc_course(a);
        REQUIRE(course.size() == network.shape_points(a).size() + 2);
        const NodeInfo& from = network.node(network.arc_from(a));
        const NodeInfo& to = network.node(network.arc_to(a));
        CHECK(course.front() == GeoPoint{from.lat, from.lon});
        CHECK(course.back() == GeoPoint{to.lat, to.lon});
        // Lengths under 10 cm are raised to 10 cm by the loader.
        CHECK(std::max(course_length_m(course), 0.1) ==
              Approx(network.length_m(a)).epsilon(1e-9).margin(1e-6));
        shaped += !network.shape_points(a).empty();
        if (network.one_way(a)) continue;
        std::vector<GeoPoint> reversed(course.rbegin(), course.rend());
        bool twin = false;
        for (ArcIndex b : network.arcs_between(network.arc_to(a), network.arc_from(a)))
            twin = twin || (!network.one_way(b) && network.arc_course(b) == reversed);
        CHECK(twin);
    }
    return shaped;
}

}  // namespace

TEST_CASE(
    "an OpenStreetMap way keeps its shape nodes as its road's shape points, reversed for the way back") {
    std::string path = corridor::test::write_temp("shape/bend.osm", R"(<?xml version="1.0"?>
<osm version="0.6">
  <node id="1" lat="40.0" lon="46.0"/>
  <node id="2" lat="40.01" lon="46.0"/>
  <node id="3" lat="40.01" lon="46.01"/>
  <node id="4" lat="40.02" lon="46.01"/>
  <node id="5" lat="40.03" lon="46.02"/>
  <node id="6" lat="40.03" lon="46.03"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="primary"/></way>
  <way id="11"><nd ref="6"/><nd ref="5"/><nd ref="4"/><tag k="highway" v="secondary"/><tag k="oneway" v="-1"/></way>
</osm>
)");
    RoadNetwork network = corridor::test::load_or_fail(path);
    REQUIRE(network.node_count() == 3);  // 1, 4 and 6: 2, 3 and 5 only shape the roads
    NodeIndex n1 = *network.find_node("1"), n4 = *network.find_node("4"), n6 = *network.find_node("6");
    ArcIndex there = network.arcs_between(n1, n4).at(0);
    ArcIndex back = network.arcs_between(n4, n1).at(0);
    CHECK(std::vector<GeoPoint>(network.shape_points(there).begin(), network.shape_points(there).end()) ==
          std::vector<GeoPoint>{{40.01, 46.0}, {40.01, 46.01}});
    CHECK(std::vector<GeoPoint>(network.shape_points(back).begin(), network.shape_points(back).end()) ==
          std::vector<GeoPoint>{{40.01, 46.01}, {40.01, 46.0}});
    // oneway=-1 on a way drawn 6 -> 5 -> 4: the one arc runs 4 -> 5 -> 6.
    REQUIRE(network.arcs_between(n6, n4).empty());
    ArcIndex against = network.arcs_between(n4, n6).at(0);
    CHECK(network.arc_course(against) ==
          std::vector<GeoPoint>{{40.02, 46.01}, {40.03, 46.02}, {40.03, 46.03}});
    CHECK(check_courses(network) == 3);
}

TEST_CASE("every road of Monaco and Andorra follows its shape points for exactly its length") {
    for (const char* file : {"monaco.osm.gz", "andorra.osm.pbf"}) {
        INFO(file);
        RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file(file));
        std::size_t shaped = check_courses(network);
        // Mountain and harbour roads bend: most roads between junctions have shape nodes.
        CHECK(shaped > network.arc_count() / 3);
    }
}

TEST_CASE("roads from a CSV table are straight lines, and the shape points count in the memory figure") {
    RoadNetwork csv = corridor::test::load_or_fail(corridor::test::test_file("data/networks/valley"));
    for (ArcIndex a = 0; a < csv.arc_count(); ++a) CHECK(csv.shape_points(a).empty());
    RoadNetworkBuilder builder;
    NodeIndex u = builder.add_node({"u", "", NodeKind::junction, 40.0, 46.0});
    NodeIndex v = builder.add_node({"v", "", NodeKind::junction, 40.1, 46.0});
    RoadAttributes road;
    road.length_m = 11200;
    road.speed_kph = 50;
    RoadNetworkBuilder straight_builder = builder;
    straight_builder.add_road(u, v, road, false);
    std::vector<GeoPoint> bend = {{40.05, 46.01}, {40.06, 46.01}, {40.07, 46.0}};
    builder.add_road(u, v, road, false, bend);
    RoadNetwork straight = std::move(straight_builder).build();
    RoadNetwork shaped = std::move(builder).build();
    // Each arc its own copy of the points, and a start for each arc and one past the last; a
    // network without shape points holds no starts either.
    CHECK(shaped.memory_bytes() - straight.memory_bytes() ==
          2 * bend.size() * sizeof(GeoPoint) + (shaped.arc_count() + 1) * sizeof(std::uint64_t));
}
