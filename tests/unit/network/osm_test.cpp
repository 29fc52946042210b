#include <catch2/catch.hpp>
#include <cmath>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/engine/random.hpp"

using namespace corridor;

namespace {

struct Map {
    const char* file;
    std::size_t min_nodes, max_nodes;
};

void check_routes_at_least_straight_line(const RoadNetwork& network, std::uint64_t seed) {
    Router router(network);
    RandomStream pick({seed, 0, purpose_id("pairs"), 0});
    int found = 0;
    for (int i = 0; i < 200; ++i) {
        NodeIndex from = pick.next_u32() % network.node_count(), to = pick.next_u32() % network.node_count();
        Route route = router.route({from, to, Metric::distance});
        if (!route.found) continue;
        ++found;
        const NodeInfo& a = network.node(from);
        const NodeInfo& b = network.node(to);
        CHECK(route.distance_m >= great_circle_m(a.lat, a.lon, b.lat, b.lon) - 1e-6);
        // A* (automatic) and plain Dijkstra agree.
        CHECK(route.distance_m ==
              Approx(router.route({from, to, Metric::distance}, Algorithm::dijkstra).distance_m));
    }
    CHECK(found > 100);
}

}  // namespace

TEST_CASE("Monaco and Andorra load from OpenStreetMap with plausible counts and coordinates") {
    for (Map map : {Map{"monaco.osm.gz", 300, 3000}, Map{"andorra.osm.pbf", 1000, 10000}}) {
        INFO(map.file);
        RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file(map.file));
        CHECK(network.node_count() >= map.min_nodes);
        CHECK(network.node_count() <= map.max_nodes);
        CHECK(network.arc_count() >= network.node_count());
        CHECK(network.has_coordinates());
        // Most of the map is one connected part.
        CHECK(network.part_sizes()[0] > network.node_count() * 9 / 10);
        std::size_t named = 0;
        for (ArcIndex a = 0; a < network.arc_count(); ++a) named += !network.road_name(a).empty();
        CHECK(named > network.arc_count() / 4);
    }
}

TEST_CASE("a one-way street in Monaco gives different lengths in its two directions") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("monaco.osm.gz"));
    Router router(network);
    int one_way_arcs = 0, differing = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        if (!network.one_way(a)) continue;
        ++one_way_arcs;
        NodeIndex u = network.arc_from(a), v = network.arc_to(a);
        Route there = router.route({u, v, Metric::distance});
        Route back = router.route({v, u, Metric::distance});
        if (there.found && back.found && back.distance_m > there.distance_m + 1) ++differing;
    }
    CHECK(one_way_arcs > 50);
    CHECK(differing > 20);
}

TEST_CASE("every OpenStreetMap route is at least the straight-line distance") {
    check_routes_at_least_straight_line(
        corridor::test::load_or_fail(corridor::test::data_file("monaco.osm.gz")), 1);
    check_routes_at_least_straight_line(
        corridor::test::load_or_fail(corridor::test::data_file("andorra.osm.pbf")), 2);
}

TEST_CASE("closing a road in Andorra makes the route longer or impossible") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("andorra.osm.pbf"));
    Overlay overlay(network.arc_count());
    Router router(network, &overlay);
    RandomStream pick({11, 0, purpose_id("pairs"), 0});
    int checked = 0;
    for (int i = 0; i < 60 && checked < 20; ++i) {
        NodeIndex from = pick.next_u32() % network.node_count(), to = pick.next_u32() % network.node_count();
        Route before = router.route({from, to, Metric::time});
        if (!before.found || before.arcs.size() < 3) continue;
        ArcIndex closed = before.arcs[before.arcs.size() / 2];
        overlay.close(closed);
        Route after = router.route({from, to, Metric::time});
        if (after.found) {
            CHECK(after.time_s > before.time_s);
            CHECK(std::find(after.arcs.begin(), after.arcs.end(), closed) == after.arcs.end());
        }
        overlay.reopen(closed);
        CHECK(router.route({from, to, Metric::time}).time_s == Approx(before.time_s));
        ++checked;
    }
    CHECK(checked == 20);
}

TEST_CASE("a bounding box keeps only the roads inside it") {
    LoadOptions options;
    options.bounding_box = BoundingBox{1.50, 42.49, 1.55, 42.52};  // around Andorra la Vella
    RoadNetwork clipped = corridor::test::load_or_fail(corridor::test::data_file("andorra.osm.pbf"), options);
    RoadNetwork whole = corridor::test::load_or_fail(corridor::test::data_file("andorra.osm.pbf"));
    CHECK(clipped.node_count() < whole.node_count());
    CHECK(clipped.node_count() > 50);
    for (NodeIndex v = 0; v < clipped.node_count(); ++v)
        CHECK(options.bounding_box->contains(clipped.node(v).lat, clipped.node(v).lon));
}

TEST_CASE("broken OpenStreetMap files are refused with a clear error") {
    std::string path = corridor::test::write_temp(
        "broken.osm", "<?xml version='1.0'?>\n<osm version='0.6'>\n<node id='1' lat='1' lon='1'>\n</way>\n");
    std::string errors = corridor::test::load_errors(path);
    CHECK(errors.rfind(path + ":4:", 0) == 0);
    CHECK(errors.find("error: not valid OpenStreetMap XML: mismatched tag") != std::string::npos);
    path = corridor::test::write_temp("garbage.osm.pbf", "this is not a protocol buffer at all");
    // "this" read as a big-endian length.
    CHECK(corridor::test::load_errors(path) ==
          path +
              ": error: a blob header of 1952999795 bytes (the frame at byte 0): it is not an OpenStreetMap "
              "PBF file, or it is damaged\n");
    path = corridor::test::write_temp("empty.osm", "<?xml version='1.0'?>\n<osm version='0.6'>\n</osm>\n");
    CHECK(corridor::test::load_errors(path) == path + ": error: the file holds no drivable road\n");
}

TEST_CASE("OpenStreetMap XML coordinates are checked, with line and column, before libosmium reads them") {
    for (std::string name : {"bad-coordinates.osm", "bad-coordinates.osm.gz"}) {
        std::string path = corridor::test::test_file("data/networks/" + name);
        CHECK(
            corridor::test::load_errors(path) ==
            path + ":4:15: error: lat '1e30' is not a plain decimal number of degrees (such as 42.5063)\n" +
                path +
                ":8:15: error: lat '&#49;e30' is not a plain decimal number of degrees (such as 42.5063)\n" +
                path + ":8:30: error: lon '200' is outside -180..180 degrees\n");
    }
}

TEST_CASE("damaged or oversized OpenStreetMap files are refused with the reason") {
    // Its gzip trailer announces 3 GiB for 40 bytes of XML: counted, not held, and found out.
    std::string path = corridor::test::test_file("data/networks/announces-3gib.osm.gz");
    CHECK(corridor::test::load_errors(path) ==
          path + ": error: cannot unpack the gzip file: incorrect length check\n");

    std::ifstream packed(corridor::test::test_file("data/networks/bad-coordinates.osm.gz"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(packed)), std::istreambuf_iterator<char>());
    path = corridor::test::write_temp("truncated.osm.gz", bytes.substr(0, bytes.size() / 2));
    CHECK(corridor::test::load_errors(path) == path + ": error: the gzip file is truncated\n");

    path = corridor::test::write_temp("garbage.osm.pbf", std::string("\0\0\0\x0egarbage-garbage", 20));
    CHECK(corridor::test::load_errors(path) ==
          path +
              ": error: a blob header without a type or a size (the frame at byte 0): it is not an "
              "OpenStreetMap PBF file, or it is damaged\n");

    auto folder = corridor::test::scratch_root() / "folder.osm.pbf";
    std::filesystem::create_directories(folder);
    CHECK(corridor::test::load_errors(folder.string()) ==
          folder.string() +
              ": error: this is a folder, not a file; a network ending in '.osm.pbf' is a file (only a CSV "
              "network "
              "is a folder, holding nodes.csv and edges.csv)\n");
}

TEST_CASE("the frames of a PBF file are checked before libosmium reads them") {
    // A header of field 1 (type) with an empty string and field 3 (datasize) = 0: libosmium
    // 2.19 would pass a null type to strncmp.
    std::string path =
        corridor::test::write_temp("empty-type.osm.pbf", std::string("\0\0\0\x04\x0a\x00\x18\x00", 8));
    CHECK(corridor::test::load_errors(path) ==
          path +
              ": error: a blob header without a type or a size (the frame at byte 0): it is not an "
              "OpenStreetMap PBF file, or it is damaged\n");
    // A data blob first: "OSMData" with 3 bytes announced but 1 given.
    path = corridor::test::write_temp("no-header.osm.pbf",
                                      std::string("\0\0\0\x0b\x0a\x07OSMData\x18\x03x", 16));
    CHECK(
        corridor::test::load_errors(path) ==
        path +
            ": error: the file does not start with an OSMHeader blob: it is not an OpenStreetMap PBF file\n");
    path =
        corridor::test::write_temp("short.osm.pbf", std::string("\0\0\0\x0d\x0a\x09OSMHeader\x18\x05xy", 19));
    CHECK(corridor::test::load_errors(path) ==
          path + ": error: the file ends inside a blob (the frame at byte 0): it is truncated\n");
    // Found by the fuzzer: a tag string with a NUL byte overflowed libosmium's tag list.
    std::ifstream found(corridor::test::test_file("fuzz/regressions/pbf/nul-in-string-table"),
                        std::ios::binary);
    std::string found_bytes((std::istreambuf_iterator<char>(found)), std::istreambuf_iterator<char>());
    path = corridor::test::write_temp("nul-in-string-table.osm.pbf", found_bytes);
    CHECK(corridor::test::load_errors(path) ==
          path +
              ": error: a string in the block's string table holds a NUL byte (the frame at byte 259): the "
              "file is damaged or made to break readers\n");
}
