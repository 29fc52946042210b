#include <catch2/catch.hpp>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"

using namespace corridor;
using corridor::test::load_errors;
using corridor::test::write_temp;

TEST_CASE("rome99: the published undirected distance from node 1 to node 3353 is 30290") {
    LoadOptions undirected;
    undirected.undirected = true;
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("rome99.gr"), undirected);
    CHECK(network.node_count() == 3353);
    Router router(network);
    for (Algorithm algorithm : {Algorithm::dijkstra, Algorithm::bidirectional, Algorithm::automatic}) {
        Route route =
            router.route({*network.find_node("1"), *network.find_node("3353"), Metric::distance}, algorithm);
        REQUIRE(route.found);
        CHECK(route.distance_m == 30290);
        CHECK(network.node(route.nodes.front()).id == "1");
        CHECK(network.node(route.nodes.back()).id == "3353");
    }
}

TEST_CASE("rome99 and DE.gr load with the counts of their headers") {
    RoadNetwork rome = corridor::test::load_or_fail(corridor::test::data_file("rome99.gr"));
    CHECK(rome.node_count() == 3353);
    CHECK(rome.arc_count() == 8870);
    RoadNetwork delaware = corridor::test::load_or_fail(corridor::test::data_file("DE.gr"));
    CHECK(delaware.node_count() == 49109);
    CHECK(delaware.arc_count() == 121024 - 448);  // less the arcs from a node to itself
}

TEST_CASE("bad DIMACS files are refused with the line and what is wrong") {
    std::string path = write_temp("truncated.gr", "p sp 3 3\na 1 2 5\na 2 3 7\na 3 1");
    CHECK(load_errors(path) ==
          path +
              ":4:6: error: the arc has no cost (expected 'a TAIL HEAD COST'); the file looks truncated\n");

    path = write_temp("short.gr", "p sp 3 3\na 1 2 5\na 2 3 7\n");
    CHECK(load_errors(path) ==
          path + ":3: error: the header declares 3 arcs but the file has 2 (truncated?)\n");

    path = write_temp("header.gr", "c rome\np max 3 2\na 1 2 5\n");
    CHECK(load_errors(path) == path +
                                   ":2:1: error: wrong header: expected 'p sp NODES ARCS' with positive "
                                   "counts, found 'p max 3 2'\n");

    path = write_temp("negative.gr", "p sp 3 2\na 1 2 5\na 2 3 -7\n");
    CHECK(load_errors(path) == path + ":3:7: error: length -7 m must be positive\n");

    path = write_temp("unknown.gr", "p sp 3 2\na 1 2 5\na 2 9 7\n");
    CHECK(load_errors(path) == path + ":3:5: error: unknown node 9 (the header declares nodes 1 to 3)\n");

    path = write_temp("letters.gr", "p sp 3 1\na 1 two 5\n");
    CHECK(load_errors(path) == path + ":2:5: error: the head node 'two' is not a whole number\n");

    path = write_temp("arc-first.gr", "a 1 2 5\np sp 3 1\n");
    CHECK(load_errors(path) == path + ":1:1: error: an arc before the 'p sp NODES ARCS' line\n");

    path = write_temp("garbage.gr", std::string("\x7f"
                                                "ELF\x02\x01\x01\0\0\0garbage",
                                                17));
    CHECK(load_errors(path) == path + ": error: this is not a text file (it holds binary data)\n");

    path = write_temp("empty.gr", "");
    CHECK(load_errors(path) == path + ": error: no 'p sp NODES ARCS' header: is this a DIMACS .gr file?\n");
}

TEST_CASE("a .co file beside the .gr gives coordinates, and A* then agrees with Dijkstra") {
    write_temp("square.co",
               "p aux sp co 4\nv 1 45000000 40000000\nv 2 45100000 40000000\nv 3 45100000 40100000\nv 4 "
               "45000000 40100000\n");
    std::string path =
        write_temp("square.gr", "p sp 4 4\na 1 2 9000\na 2 3 12000\na 1 4 11200\na 4 3 8600\n");
    RoadNetwork network = corridor::test::load_or_fail(path);
    REQUIRE(network.has_coordinates());
    CHECK(network.node(2).lat == Approx(40.1));
    CHECK(network.node(2).lon == Approx(45.1));
    Router router(network);
    Route astar = router.route({0, 2, Metric::distance}, Algorithm::astar);
    Route plain = router.route({0, 2, Metric::distance}, Algorithm::dijkstra);
    CHECK(astar.distance_m == 19800);
    CHECK(plain.distance_m == 19800);
    CHECK(astar.nodes == plain.nodes);
}
