// Heavy-vehicle rules and turn restrictions from OpenStreetMap: the tag values as mappers write
// them, a hand-made map (tests/data/networks/heavy-vehicles.osm) routed for a light and a heavy
// vehicle, and the restrictions of the real Andorra extract.

#include <catch2/catch.hpp>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/engine/random.hpp"
#include "network/osm_tags.hpp"

using namespace corridor;

TEST_CASE("OpenStreetMap weights are read in tonnes, kilograms, pounds and short tons") {
    CHECK(osm_mass_t("7.5").value == 7.5);
    CHECK(osm_mass_t("7.5 t").value == 7.5);
    CHECK(osm_mass_t("12t").value == 12);
    CHECK(osm_mass_t("3500 kg").value == 3.5);
    CHECK(osm_mass_t("10000 lbs").value == Approx(4.5359237));
    CHECK(osm_mass_t("20 st").value == Approx(18.1436948));
    for (const char* none : {"none", "default", "unsigned", "below_default"}) {
        INFO(none);
        CHECK(osm_mass_t(none).kind == OsmLimit::Kind::no_limit);
        CHECK(osm_mass_t(none).value == kNoLimit);
    }
    // Refused, not guessed: a comma decimal, a negative or absurd figure, an unknown unit.
    for (const char* bad : {"7,5", "-3", "heavy", "7.5 tons", "0", "5000", "", "1e3", "inf"}) {
        INFO(bad);
        CHECK(osm_mass_t(bad).kind == OsmLimit::Kind::unreadable);
    }
}

TEST_CASE("OpenStreetMap heights and widths are read in metres, centimetres, feet and inches") {
    CHECK(osm_length_m("3.5").value == 3.5);
    CHECK(osm_length_m("3.5 m").value == 3.5);
    CHECK(osm_length_m("350 cm").value == 3.5);
    CHECK(osm_length_m("12'6\"").value == Approx(12 * 0.3048 + 6 * 0.0254));
    CHECK(osm_length_m("9'10\"").value == Approx(2.9972));
    CHECK(osm_length_m("14'").value == Approx(4.2672));
    CHECK(osm_length_m("12 ft 6 in").value == Approx(3.81));
    CHECK(osm_length_m("13 ft").value == Approx(3.9624));
    CHECK(osm_length_m("default").kind == OsmLimit::Kind::no_limit);
    for (const char* bad : {"low", "3,5", "12'13\"", "12'6", "4 yd", "-2", "250", "x3"}) {
        INFO(bad);
        CHECK(osm_length_m(bad).kind == OsmLimit::Kind::unreadable);
    }
}

TEST_CASE("hgv access: no and private close a road, destination and delivery leave it open") {
    bool readable = false;
    CHECK(osm_hgv_access("no", readable) == HgvAccess::no);
    CHECK(readable);
    CHECK(osm_hgv_access("private", readable) == HgvAccess::no);
    CHECK(osm_hgv_access("designated", readable) == HgvAccess::designated);
    for (const char* open : {"yes", "destination", "delivery", "permissive", "local", "discouraged"})
        CHECK(osm_hgv_access(open, readable) == HgvAccess::unrestricted);
    CHECK(osm_hgv_access("maybe", readable) == HgvAccess::unrestricted);
    CHECK_FALSE(readable);
}

namespace {

struct HandMap {
    RoadNetwork network = test::load_or_fail(test::test_file("data/networks/heavy-vehicles.osm"));
    NodeIndex at(const char* id) const { return *network.find_node(id); }
    std::vector<std::string> path(Router& router, const char* from, const char* to, VehicleLimits vehicle,
                                  Algorithm algorithm = Algorithm::automatic) const {
        Route route = router.route({at(from), at(to), Metric::distance, vehicle}, algorithm);
        std::vector<std::string> ids;
        for (NodeIndex v : route.nodes) ids.push_back(network.node(v).id);
        return ids;
    }
};

using Path = std::vector<std::string>;
const VehicleLimits kVan{3, 0, 2.5, 2.0, false};
// An armoured column's most demanding vehicle: 25 t, 3.1 m high, 2.55 m wide.
const VehicleLimits kColumn{25, 9, 3.1, 2.55, true};

}  // namespace

TEST_CASE("the hand-made map keeps its limits on both arcs of each road and its turn restrictions") {
    HandMap map;
    const RoadNetwork& n = map.network;
    for (auto [u, v] : {std::pair{"101", "102"}, std::pair{"102", "101"}}) {
        ArcIndex bridge = n.arcs_between(map.at(u), map.at(v)).at(0);
        CHECK(n.weight_limit_t(bridge) == 10);
        CHECK(n.height_limit_m(bridge) == kNoLimit);
    }
    CHECK(n.height_limit_m(n.arcs_between(map.at("103"), map.at("102")).at(0)) == Approx(2.9972));
    CHECK(n.hgv_access(n.arcs_between(map.at("104"), map.at("103")).at(0)) == HgvAccess::no);
    CHECK(n.width_limit_m(n.arcs_between(map.at("104"), map.at("105")).at(0)) == 2.5);
    // "maxheight=low" is ignored with a warning; the rung keeps no limit.
    CHECK(n.height_limit_m(n.arcs_between(map.at("201"), map.at("101")).at(0)) == kNoLimit);
    LoadedNetwork loaded = load_network(test::test_file("data/networks/heavy-vehicles.osm"), {});
    std::string messages;
    for (const Diagnostic& d : loaded.diagnostics.items()) messages += format(d) + "\n";
    CHECK_THAT(messages, Catch::Contains("1 heavy-vehicle tag value could not be read and was ignored "
                                         "(the first: maxheight=low on way 11"));
    CHECK_THAT(messages, Catch::Contains("3 of 3 turn restrictions apply to the roads read (5 forbidden turns)"));
    CHECK_THAT(messages, Catch::Contains("1 turn restriction via a way is not supported"));
    // no_left_turn: Main Street's last arc (cut from a longer way) into North Arm; only_straight_on
    // from South Arm: its turns into Main Street, East Arm and back (U-turn) are forbidden.
    ArcIndex main_in = n.arcs_between(map.at("205"), map.at("300")).at(0);
    ArcIndex south_in = n.arcs_between(map.at("303"), map.at("300")).at(0);
    auto out = [&](const char* to) { return n.arcs_between(map.at("300"), map.at(to)).at(0); };
    CHECK(n.turn_forbidden(main_in, out("302"), false));
    CHECK_FALSE(n.turn_forbidden(main_in, out("301"), true));
    CHECK_FALSE(n.turn_forbidden(south_in, out("302"), true));
    for (const char* to : {"205", "301", "303"}) CHECK(n.turn_forbidden(south_in, out(to), false));
    // restriction:hgv binds heavy vehicles only.
    CHECK(n.turn_forbidden(main_in, out("303"), true));
    CHECK_FALSE(n.turn_forbidden(main_in, out("303"), false));
    CHECK(n.forbidden_turns().size() == 5);
}

TEST_CASE("a heavy, tall, wide column goes round the weak bridge, the underpass, the hgv=no lane and the gate") {
    HandMap map;
    Router router(map.network);
    CHECK(map.path(router, "101", "102", kVan) == Path{"101", "102"});
    CHECK(map.path(router, "101", "102", kColumn) == Path{"101", "201", "202", "102"});
    CHECK(map.path(router, "102", "103", kVan) == Path{"102", "103"});
    CHECK(map.path(router, "102", "103", kColumn) == Path{"102", "202", "203", "103"});
    // 2.9 m passes under 9'10" (2.997 m), heavy or not; a 7.5 t truck is heavy and keeps out of
    // School Lane, where a 3 t van goes.
    CHECK(map.path(router, "102", "103", VehicleLimits{7.5, 0, 2.9, 0, true}) == Path{"102", "103"});
    CHECK(map.path(router, "103", "104", VehicleLimits{3, 0, 2.9, 0, false}) == Path{"103", "104"});
    CHECK(map.path(router, "103", "104", VehicleLimits{7.5, 0, 0, 0, true}) == Path{"103", "203", "204", "104"});
    CHECK(map.path(router, "104", "105", VehicleLimits{0, 0, 0, 2.55, false}) == Path{"104", "204", "205", "105"});
    CHECK(map.path(router, "104", "105", VehicleLimits{0, 0, 0, 2.5, false}) == Path{"104", "105"});
    // The cost of a route is never below that of a less demanding vehicle.
    for (const char* to : {"102", "103", "104", "105", "303"})
        CHECK(router.route({map.at("101"), map.at(to), Metric::distance, kColumn}).distance_m >=
              router.route({map.at("101"), map.at(to), Metric::distance, kVan}).distance_m);
}

TEST_CASE("routes obey no_left_turn, only_straight_on and restriction:hgv, whatever the algorithm") {
    HandMap map;
    Router router(map.network);
    router.prepare_landmarks(Metric::distance, 4);
    for (Algorithm algorithm : {Algorithm::automatic, Algorithm::dijkstra, Algorithm::bidirectional,
                                Algorithm::astar, Algorithm::landmarks}) {
        INFO(static_cast<int>(algorithm));
        // No left from Main Street into North Arm: on to East Arm and up North Link.
        CHECK(map.path(router, "205", "302", kVan, algorithm) == Path{"205", "300", "301", "302"});
        // Only straight on from South Arm: to Main Street by South Link and East Arm.
        CHECK(map.path(router, "303", "205", kVan, algorithm) == Path{"303", "301", "300", "205"});
        CHECK(map.path(router, "303", "302", kVan, algorithm) == Path{"303", "300", "302"});
        // No right into South Arm for heavy goods vehicles only.
        CHECK(map.path(router, "205", "303", kVan, algorithm) == Path{"205", "300", "303"});
        CHECK(map.path(router, "205", "303", kColumn, algorithm) == Path{"205", "300", "301", "303"});
    }
    Route round = router.route({map.at("205"), map.at("302"), Metric::distance, kVan});
    CHECK(router.path_allowed({map.at("205"), map.at("302"), Metric::distance, kVan}, round.arcs));
    ArcIndex main_in = map.network.arcs_between(map.at("205"), map.at("300")).at(0);
    ArcIndex north = map.network.arcs_between(map.at("300"), map.at("302")).at(0);
    std::vector<ArcIndex> left{main_in, north};
    CHECK_FALSE(router.path_allowed({map.at("205"), map.at("302"), Metric::distance, kVan}, left));
    // A weak bridge in a path makes it not allowed for the column, whatever its turns.
    std::vector<ArcIndex> bridge{map.network.arcs_between(map.at("101"), map.at("102")).at(0)};
    CHECK(router.path_allowed({map.at("101"), map.at("102"), Metric::distance, kVan}, bridge));
    CHECK_FALSE(router.path_allowed({map.at("101"), map.at("102"), Metric::distance, kColumn}, bridge));
}

TEST_CASE("the Andorra and Monaco extracts carry no turn restriction, and reading relations changes nothing") {
    // Both files (GraphHopper's test extracts) hold relations (Andorra 74: routes, boundaries) but
    // none of type=restriction, as a count with libosmium confirms: no turn is forbidden, no
    // restriction is reported, and every route stays a node-based one.
    for (const char* name : {"andorra.osm.pbf", "monaco.osm.gz"}) {
        INFO(name);
        std::string file = test::data_file(name);
        LoadedNetwork loaded = load_network(file, {});
        REQUIRE(loaded.network.has_value());
        std::string messages;
        for (const Diagnostic& d : loaded.diagnostics.items()) messages += format(d) + "\n";
        const RoadNetwork& n = *loaded.network;
        CHECK(n.forbidden_turns().empty());
        CHECK_THAT(messages, !Catch::Contains("turn restriction"));
        Router router(n);
        RandomStream pick({7, 0, purpose_id("pairs"), 0});
        for (int i = 0; i < 100; ++i) {
            NodeIndex from = pick.next_u32() % n.node_count(), to = pick.next_u32() % n.node_count();
            RouteQuery query{from, to, Metric::time, VehicleLimits{40, 11.5, 4, 2.55, true}};
            Route route = router.route(query);
            if (route.found) CHECK(router.path_allowed(query, route.arcs));
        }
    }
}

TEST_CASE("CSV networks carry height, width and axle-load limits and hgv access in their own columns") {
    std::string nodes = test::write_temp("hgv-csv/nodes.csv", "id\nA\nB\nC\n");
    std::string edges = test::write_temp(
        "hgv-csv/edges.csv",
        "from,to,length_km,height_limit_m,width_limit_m,axle_load_limit_t,hgv\n"
        "A,B,1,3.2,,,\nB,C,1,,2.5,8,no\nA,C,5,,,,designated\n");
    RoadNetwork n = test::load_or_fail(std::filesystem::path(nodes).parent_path().string());
    ArcIndex ab = n.arcs_between(*n.find_node("A"), *n.find_node("B")).at(0);
    ArcIndex cb = n.arcs_between(*n.find_node("C"), *n.find_node("B")).at(0);
    CHECK(n.height_limit_m(ab) == Approx(3.2));
    CHECK(n.width_limit_m(ab) == kNoLimit);
    CHECK(n.width_limit_m(cb) == 2.5);
    CHECK(n.axle_load_limit_t(cb) == 8);
    CHECK(n.hgv_access(cb) == HgvAccess::no);
    CHECK(n.hgv_access(n.arcs_between(*n.find_node("A"), *n.find_node("C")).at(0)) == HgvAccess::designated);
    test::write_temp("hgv-csv/edges.csv", "from,to,length_km,hgv,height_limit_m\nA,B,1,nope,\nA,C,1,,-2\n");
    std::string errors = test::load_errors(std::filesystem::path(nodes).parent_path().string());
    CHECK_THAT(errors, Catch::Contains(edges + ":2:7: error: unknown hgv access 'nope'"));
    CHECK_THAT(errors, Catch::Contains(edges + ":3:1: error: height limit -2 m must be positive"));
}
