#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sstream>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"

using namespace corridor;
using corridor::test::load_errors;
using corridor::test::scratch_root;
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

TEST_CASE("a DIMACS header's counts are bounded before any node is made") {
    // 20 bytes that once asked for 10^12 nodes.
    std::string path = write_temp("huge.gr", "p sp 1000000000000 1");
    CHECK(load_errors(path) == path +
                                   ":1:6: error: the header declares 1000000000000 nodes; corridor reads at "
                                   "most 50000000\n");
    path = write_temp("huge-arcs.gr", "p sp 3 300000000\n");
    CHECK(load_errors(path) ==
          path + ":1:8: error: the header declares 300000000 arcs; corridor reads at most 200000000\n");
    path = write_temp("few-bytes.gr", "p sp 3 100\na 1 2 3\n");
    CHECK(load_errors(path) ==
          path +
              ":1:8: error: the header declares 100 arcs, but a file of 19 bytes holds at most "
              "2 (an arc line takes 8 bytes or more)\n");
    path = write_temp("lonely-nodes.gr", "p sp 40000000 1\na 1 2 3\n");
    CHECK(load_errors(path) ==
          path +
              ":1:6: error: the header declares 40000000 nodes for 1 arcs; corridor reads at "
              "most 2 x ARCS + 1000 nodes (every place of a road graph is the end of an arc)\n");
    path = write_temp("overflow-count.gr", "p sp 99999999999999999999 1\n");
    CHECK(load_errors(path) == path + ":1:6: error: the node count '99999999999999999999' is out of range\n");
    path = write_temp("extra-arcs.gr", "p sp 2 1\na 1 2 3\na 2 1 3\na 2 1 3\n");
    CHECK(load_errors(path) == path + ":3:1: error: the header declares 1 arcs but the file has more\n");
    path = write_temp("overflow-cost.gr", "p sp 2 1\na 1 2 99999999999999999999\n");
    CHECK(load_errors(path) == path + ":2:7: error: the cost '99999999999999999999' is out of range\n");
}

TEST_CASE("a .co file's coordinates must lie on the globe and fit their numbers") {
    write_temp("offglobe.co",
               "p aux sp co 2\nv 1 1000000 91500000\nv 2 -181000000 -5\nv 99999999999999999999 1 1\nv 2 1\n");
    std::string path = write_temp("offglobe.gr", "p sp 2 2\na 1 2 9000\na 2 1 9000\n");
    std::string co = path.substr(0, path.size() - 3) + ".co";
    CHECK(load_errors(path) ==
          co +
              ":2:3: error: node 1 lies at latitude 91.5, longitude 1: outside -90..90, -180..180 degrees\n" +
              co +
              ":3:3: error: node 2 lies at latitude -0.000005, longitude -181: outside -90..90, -180..180 "
              "degrees\n" +
              co + ":4:3: error: the node id '99999999999999999999' is out of range\n" + co +
              ":5:6: error: expected 'v ID X Y' with whole numbers; the Y is missing\n");
}

TEST_CASE("a folder where a DIMACS file is expected is named a folder") {
    auto dir = scratch_root() / "folder.gr";
    std::filesystem::create_directories(dir);
    CHECK(load_errors(dir.string()) ==
          dir.string() +
              ": error: this is a folder, not a file; a network ending in '.gr' is a "
              "file (only a CSV network is a folder, holding nodes.csv and edges.csv)\n");
    write_temp("folder-co.gr", "p sp 2 2\na 1 2 9000\na 2 1 9000\n");
    auto co = scratch_root() / "folder-co.co";
    std::filesystem::create_directories(co);
    std::string path = (co.parent_path() / "folder-co.gr").string();
    CHECK(load_errors(path) == co.string() + ": error: this is a folder, not a file\n");
}

namespace {

// The network the builder makes from a DIMACS text arc by arc (add_road, then build()): what the
// loader's uniform arrays must reproduce exactly, arc index by arc index.
RoadNetwork built_arc_by_arc(const std::string& text, bool undirected) {
    RoadNetworkBuilder builder;
    std::istringstream lines(text);
    std::string kind;
    RoadAttributes road;
    road.speed_kph = default_speed_kph(RoadClass::unclassified);
    road.road_class = RoadClass::unclassified;
    while (lines >> kind) {
        if (kind == "p") {
            std::string format;
            std::size_t nodes = 0, arcs = 0;
            lines >> format >> nodes >> arcs;
            builder.add_numbered_nodes(nodes);
        } else if (kind == "a") {
            long long from = 0, to = 0, cost = 0;
            lines >> from >> to >> cost;
            if (from == to) continue;
            road.length_m = static_cast<double>(cost);
            builder.add_road(static_cast<NodeIndex>(from - 1), static_cast<NodeIndex>(to - 1), road, !undirected);
        } else {
            std::getline(lines, kind);
        }
    }
    return std::move(builder).build();
}

void require_same_arcs(const RoadNetwork& a, const RoadNetwork& b) {
    REQUIRE(a.node_count() == b.node_count());
    REQUIRE(a.arc_count() == b.arc_count());
    CHECK(a.part_sizes() == b.part_sizes());
    std::size_t mismatches = 0;
    for (NodeIndex v = 0; v < a.node_count(); ++v)
        mismatches += a.node(v).id != b.node(v).id || a.out_arcs(v) != b.out_arcs(v) || a.part(v) != b.part(v);
    for (ArcIndex e = 0; e < a.arc_count(); ++e)
        mismatches += a.arc_from(e) != b.arc_from(e) || a.arc_to(e) != b.arc_to(e) ||
                      a.length_m(e) != b.length_m(e) || a.speed_kph(e) != b.speed_kph(e) ||
                      a.lanes(e) != b.lanes(e) || a.capacity_vph(e) != b.capacity_vph(e) ||
                      a.weight_limit_t(e) != b.weight_limit_t(e) || a.road_class(e) != b.road_class(e) ||
                      a.road_name(e) != b.road_name(e) || a.one_way(e) != b.one_way(e) ||
                      a.axle_load_limit_t(e) != b.axle_load_limit_t(e) ||
                      a.height_limit_m(e) != b.height_limit_m(e) || a.width_limit_m(e) != b.width_limit_m(e) ||
                      a.hgv_access(e) != b.hgv_access(e) || !a.shape_points(e).empty();
    CHECK(mismatches == 0);
    // The reverse graph too: a backward search must find the same routes.
    test::check_same_routes(a, b, 30, Metric::distance);
}

}  // namespace

TEST_CASE("a DIMACS graph read into arrays is the network the builder makes arc by arc") {
    // Arcs out of tail order, a loop, a cost 0, spaces and a tab, and a cost "-0" that only the
    // careful reading takes: each must land where add_road and build() put it.
    const std::string text =
        "c out of order\np sp 5 7\na 3 1 4\na 1 2 5\na 2 2 0\na 1 3 -0\na  5   4\t9\na 2 3 7\na 4 5 9\n";
    std::string path = write_temp("out-of-order.gr", text);
    for (bool undirected : {false, true}) {
        LoadOptions options;
        options.undirected = undirected;
        require_same_arcs(corridor::test::load_or_fail(path, options), built_arc_by_arc(text, undirected));
    }
    RoadNetwork network = corridor::test::load_or_fail(path);
    CHECK(network.arc_count() == 6);
    CHECK(network.arc_from(0) == 0);  // grouped by tail: node 1's arcs first, in file order
    CHECK(network.arc_to(0) == 1);
    CHECK(network.arc_to(1) == 2);
    CHECK(network.length_m(1) == 0);

    std::ifstream rome(corridor::test::data_file("rome99.gr"));
    std::string rome_text{std::istreambuf_iterator<char>(rome), {}};
    for (bool undirected : {false, true}) {
        LoadOptions options;
        options.undirected = undirected;
        require_same_arcs(corridor::test::load_or_fail(corridor::test::data_file("rome99.gr"), options),
                          built_arc_by_arc(rome_text, undirected));
    }
}
