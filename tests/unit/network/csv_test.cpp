#include <catch2/catch.hpp>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"

using namespace corridor;
using corridor::test::load_errors;
using corridor::test::write_temp;

namespace {
const std::string kValley = corridor::test::test_file("data/networks/valley");

std::string write_pair(const std::string& name, const std::string& nodes, const std::string& edges) {
    corridor::test::write_temp(name + "/nodes.csv", nodes);
    return std::filesystem::path(corridor::test::write_temp(name + "/edges.csv", edges))
        .parent_path()
        .string();
}
const std::string kNodes = "id,name,lat,lon\nA,,40,45\nB,,40,45.1\n";
}  // namespace

TEST_CASE("the valley network loads its nodes, roads and attributes from CSV") {
    RoadNetwork network = corridor::test::load_or_fail(kValley);
    CHECK(network.node_count() == 5);
    CHECK(network.arc_count() == 10);  // four two-way roads and two one-way
    NodeIndex a = *network.find_node("A"), b = *network.find_node("B"), c = *network.find_node("C");
    CHECK(network.node(a).name == "Aport");
    CHECK(network.node(a).kind == NodeKind::airfield);
    CHECK(network.has_coordinates());
    std::vector<ArcIndex> bridge = network.arcs_between(b, c);
    REQUIRE(bridge.size() == 1);
    CHECK(network.length_m(bridge[0]) == Approx(8700));
    CHECK(network.speed_kph(bridge[0]) == Approx(60));
    CHECK(network.lanes(bridge[0]) == 2);
    CHECK(network.weight_limit_t(bridge[0]) == Approx(20));
    CHECK(network.road_class(bridge[0]) == RoadClass::primary);
    CHECK(network.road_name(bridge[0]) == "Old bridge");
    CHECK(network.capacity_vph(bridge[0]) == Approx(2 * default_lane_capacity_vph(RoadClass::primary)));
    CHECK(network.arcs_between(*network.find_node("P"), c).empty());  // one-way
}

TEST_CASE("the valley routes: fast road by time, the pass for heavy loads, none when cut off") {
    RoadNetwork network = corridor::test::load_or_fail(kValley);
    NodeIndex a = *network.find_node("A"), b = *network.find_node("B"), c = *network.find_node("C");
    NodeIndex m = *network.find_node("M");
    Overlay overlay(network.arc_count());
    Router router(network, &overlay);

    Route fast = router.route({a, c, Metric::time});
    REQUIRE(fast.found);
    CHECK(fast.nodes == std::vector<NodeIndex>{a, b, c});
    CHECK(fast.time_s == Approx(17.3 / 60 * 3600));

    Route heavy = router.route({a, c, Metric::time, 40.0});
    REQUIRE(heavy.found);
    CHECK(heavy.nodes == std::vector<NodeIndex>{a, m, c});
    CHECK(heavy.distance_m == Approx(26000));

    for (ArcIndex arc : network.arcs_between(a, b)) overlay.close(arc);
    Route detour = router.route({a, c, Metric::time});
    CHECK(detour.nodes == std::vector<NodeIndex>{a, m, c});
    for (ArcIndex arc : network.arcs_between(a, m)) overlay.close(arc);
    CHECK_FALSE(router.route({a, c, Metric::time}).found);
    overlay.reopen(network.arcs_between(a, b)[0]);
    CHECK(router.route({a, c, Metric::time}).nodes == std::vector<NodeIndex>{a, b, c});
}

TEST_CASE("damage slows a road through the overlay, and the cache forgets old routes") {
    RoadNetwork network = corridor::test::load_or_fail(kValley);
    NodeIndex a = *network.find_node("A"), c = *network.find_node("C"), m = *network.find_node("M");
    Overlay overlay(network.arc_count());
    Router router(network, &overlay);
    router.route({a, c});
    router.route({a, c});
    CHECK(router.cache_hits() == 1);
    // Cratering slows the valley road to a quarter: 17.3 km at 15 km/h beats nothing; the pass
    // (26 km at 40 km/h = 39 min) now wins over 69 min.
    for (ArcIndex arc : network.arcs_between(a, *network.find_node("B"))) overlay.set_speed_factor(arc, 0.25);
    Route slowed = router.route({a, c});
    CHECK(slowed.nodes == std::vector<NodeIndex>{a, m, c});
    CHECK(router.cache_misses() == 2);
    CHECK_THROWS_AS(overlay.set_speed_factor(0, 1.5), std::invalid_argument);
}

TEST_CASE("one-way roads route around: up to the post directly, back down the long way") {
    RoadNetwork network = corridor::test::load_or_fail(kValley);
    NodeIndex c = *network.find_node("C"), p = *network.find_node("P");
    Router router(network);
    CHECK(router.route({c, p, Metric::distance}).distance_m == Approx(6000));
    CHECK(router.route({p, c, Metric::distance}).distance_m == Approx(20000 + 8600 + 8700));
}

TEST_CASE("bad CSV networks give every error with file, line and column") {
    std::string dir = write_pair("bad-columns", "id,name,latt\nA,,40\n", "from,to,lenght_km\nA,A,1\n");
    CHECK(load_errors(dir) ==
          dir + "/nodes.csv:1:9: error: unknown column 'latt'; did you mean 'lat'?\n" + dir +
              "/edges.csv:1:9: error: unknown column 'lenght_km'; did you mean 'length_km'?\n");

    dir = write_pair("bad-rows", kNodes + "A,again,40,45\n",
                     "from,to,length_km,speed_kph,road_class\nA,B,-3,50,primary\nA,Z,1,50,primary\n"
                     "A,B,1,0,primary\nA,B,1,50,primery\nA,B,abc,50,primary\nA,B,1,900,primary\n");
    CHECK(load_errors(dir) ==
          dir + "/nodes.csv:4:1: error: duplicate node id 'A'\n" + dir +
              "/edges.csv:2:1: error: length -3000 m must be positive\n" + dir +
              "/edges.csv:3:3: error: unknown node 'Z' (not in " + dir + "/nodes.csv)\n" + dir +
              "/edges.csv:4:1: error: speed 0 km/h must be positive\n" + dir +
              "/edges.csv:5:10: error: unknown road class 'primery'; did you mean 'primary'?\n" + dir +
              "/edges.csv:6:5: error: length_km 'abc' is not a number\n" + dir +
              "/edges.csv:7:1: error: speed 900 km/h is absurd (the limit is 200)\n");

    dir = write_pair("no-length", kNodes, "from,to\nA,B\n");
    CHECK(load_errors(dir) ==
          dir + "/edges.csv:1:1: error: the header needs a 'length_km' or 'length_m' column\n");
    CHECK(load_errors("/nonexistent/network") == "/nonexistent/network: error: no such file or folder\n");
}

TEST_CASE("a network in two parts is loaded with a warning that gives their sizes") {
    std::string dir =
        write_pair("two-parts", "id\nA\nB\nC\nD\nE\n", "from,to,length_m\nA,B,100\nB,C,100\nD,E,100\n");
    LoadedNetwork loaded = load_network(dir);
    REQUIRE(loaded.network);
    REQUIRE(loaded.diagnostics.items().size() == 1);
    CHECK(format(loaded.diagnostics.items()[0]) ==
          dir +
              "/edges.csv: warning: the network has 2 disconnected parts, of 3, 2 nodes; routes between "
              "parts do not exist");
    CHECK(loaded.network->part_sizes() == std::vector<std::size_t>{3, 2});
}

TEST_CASE("a CSV network saved by a spreadsheet, with a byte-order mark and CRLF line ends, loads") {
    RoadNetwork network =
        corridor::test::load_or_fail(corridor::test::test_file("data/networks/spreadsheet"));
    REQUIRE(network.node_count() == 2);
    NodeIndex a = *network.find_node("A"), b = *network.find_node("B");
    CHECK(network.node(b).name == "Bree, north");
    CHECK(network.node(b).lon == 45.1);
    REQUIRE(network.arcs_between(a, b).size() == 1);
    CHECK(network.road_name(network.arcs_between(a, b)[0]) == "Valley road");
    CHECK(network.length_m(network.arcs_between(a, b)[0]) == 12500);
}

TEST_CASE("a CSV network separated by ';' is refused with a hint to save it with commas") {
    std::string dir = corridor::test::test_file("data/networks/semicolons");
    CHECK(load_errors(dir) ==
          dir +
              "/nodes.csv:1:1: error: the header 'id;name;lat;lon' looks separated by ';'; "
              "corridor reads ',' (save as \"CSV UTF-8 (comma delimited)\")\n" +
              dir +
              "/edges.csv:1:1: error: the header 'from;to;length_km' looks separated by ';'; "
              "corridor reads ',' (save as \"CSV UTF-8 (comma delimited)\")\n");
    dir = write_pair("tabs", "id\tlat\tlon\nA\t40\t45\n", "from,to,length_m\n");
    CHECK(load_errors(dir) == dir +
                                  "/nodes.csv:1:1: error: the header 'id\tlat\tlon' looks separated by tabs; "
                                  "corridor reads ',' (save as \"CSV UTF-8 (comma delimited)\")\n");
}

TEST_CASE("a header of a million columns gives one error, and a file full of errors stops after 50") {
    std::string header;
    for (int i = 0; i < 1'000'000; ++i) header += (i ? ",c" : "c") + std::to_string(i);
    std::string dir = write_pair("wide", header + "\n", "from,to,length_m\n");
    CHECK(load_errors(dir) ==
          dir + "/nodes.csv:1: error: more than 64 fields on the line; corridor reads at most 64 columns\n");

    std::string rows = "from,to,length_m\n";
    for (int i = 0; i < 1000; ++i) rows += "A,B,-1\n";
    dir = write_pair("many-errors", kNodes, rows);
    LoadedNetwork loaded = load_network(dir);
    CHECK(loaded.diagnostics.error_count() == 50);
    CHECK(format(loaded.diagnostics.items().back()) ==
          dir + "/edges.csv:51: note: stopped reading after 50 errors");
}

TEST_CASE("CSV numbers must be finite and in range: coordinates, lanes, capacities, weight limits") {
    std::string dir = write_pair(
        "not-finite", "id,lat,lon\nA,nan,45\nB,40,inf\nC,1e400,0\nD,0x10,1\nE,95,-200\nF,40,\nG,+40.5,45\n",
        "from,to,length_km,lanes,capacity_vph,weight_limit_t,speed_kph\nA,B,1,1e300,,,\nA,B,1,2,1e9,,\n"
        "A,B,1,2,,5000,\nA,B,1,2,,,nan\nA,B,1,2,,-inf,\n");
    const std::string nodes = dir + "/nodes.csv", edges = dir + "/edges.csv";
    CHECK(load_errors(dir) ==
          nodes + ":2:3: error: lat 'nan' must be a finite number\n" +                             //
              nodes + ":3:6: error: lon 'inf' must be a finite number\n" +                         //
              nodes + ":4:3: error: lat '1e400' is out of range\n" +                               //
              nodes + ":5:3: error: lat '0x10' is not a number\n" +                                //
              nodes + ":6:3: error: lat 95 is outside -90..90 degrees\n" +                         //
              nodes + ":6:6: error: lon -200 is outside -180..180 degrees\n" +                     //
              nodes + ":7:1: error: the node has a lat without a lon, or a lon without a lat\n" +  //
              edges + ":2:7: error: lanes must be a whole number from 1 to 16\n" +                 //
              edges + ":3:1: error: capacity 1e+09 vehicles/h is absurd (the limit is 100000)\n" + edges +
              ":4:1: error: weight limit 5000 t is absurd (the limit is 1000 t; leave it empty for no "
              "limit)\n" +
              edges + ":5:11: error: speed_kph 'nan' must be a finite number\n" +  //
              edges + ":6:10: error: weight_limit_t '-inf' must be a finite number\n");
}

TEST_CASE("a nodes.csv that is a folder, or that cannot be found, says which") {
    std::string dir = write_pair("folder-nodes", "", "from,to,length_m\n");
    std::filesystem::remove(dir + "/nodes.csv");
    std::filesystem::create_directory(dir + "/nodes.csv");
    CHECK(load_errors(dir) == dir + "/nodes.csv: error: this is a folder, not a file\n");
    std::filesystem::remove(dir + "/nodes.csv");
    CHECK(load_errors(dir) == dir + "/nodes.csv: error: no such file\n");
}
