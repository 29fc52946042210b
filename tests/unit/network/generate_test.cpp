// The generated road grid (docs/network.md, "Generated networks"): what the spec promises, the same
// network from the same seed, and files that read back to it.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "../../network_helpers.hpp"
#include "corridor/network/generate.hpp"

using namespace corridor;

namespace {

GridSpec grid(std::uint32_t columns, std::uint32_t rows, std::uint64_t seed) {
    GridSpec spec;
    spec.columns = columns;
    spec.rows = rows;
    spec.seed = seed;
    return spec;
}

// Roads by class: a two-way road's two arcs count once.
std::map<RoadClass, std::size_t> roads_by_class(const RoadNetwork& network) {
    std::map<RoadClass, std::size_t> roads;
    for (ArcIndex a = 0; a < network.arc_count(); ++a)
        if (network.one_way(a) || network.arc_from(a) < network.arc_to(a)) ++roads[network.road_class(a)];
    return roads;
}

}  // namespace

TEST_CASE("the same seed gives the same grid, arc for arc; another seed another grid") {
    RoadNetwork a = generate_road_grid(grid(60, 40, 7));
    RoadNetwork b = generate_road_grid(grid(60, 40, 7));
    CHECK(first_difference(a, b, {}) == "");
    REQUIRE(a.arc_count() == b.arc_count());
    for (ArcIndex i = 0; i < a.arc_count(); ++i) {  // the same order too, not only the same roads
        REQUIRE(a.arc_from(i) == b.arc_from(i));
        REQUIRE(a.arc_to(i) == b.arc_to(i));
        REQUIRE(a.length_m(i) == b.length_m(i));
    }
    RoadNetwork c = generate_road_grid(grid(60, 40, 8));
    CHECK(first_difference(a, c, {}) != "");
    CHECK(a.node(0).lat != c.node(0).lat);
}

TEST_CASE("a grid has W x H junctions and every street, diagonal and motorway is counted") {
    GridSummary summary;
    RoadNetwork network = generate_road_grid(grid(100, 100, 1), &summary);
    CHECK(network.node_count() == 10'000);
    CHECK(network.node(0).id == "1");
    CHECK(network.node(9'999).id == "10000");
    // Every road is two arcs but a one-way street, which is one.
    CHECK(network.arc_count() == 2 * summary.roads - summary.one_way_roads);
    auto roads = roads_by_class(network);
    // One west-east motorway (row 50) and one south-north (column 50), an interchange every 10th
    // junction: 9 stretches each.
    CHECK(roads[RoadClass::motorway] == 18);
    std::size_t streets = 100 * 99 * 2;  // along rows and along columns
    std::size_t diagonals = roads[RoadClass::unclassified];
    CHECK(summary.roads + summary.dropped == streets + diagonals + 18);
    // About 5% of the 99 x 99 cells have a diagonal (binomial: sd 22).
    CHECK(diagonals > 400);
    CHECK(diagonals < 580);
}

TEST_CASE("road classes follow the hierarchy in their shares") {
    RoadNetwork network = generate_road_grid(grid(200, 200, 3));
    auto roads = roads_by_class(network);
    double streets = 0;
    for (RoadClass c :
         {RoadClass::primary, RoadClass::secondary, RoadClass::tertiary, RoadClass::residential})
        streets += static_cast<double>(roads[c]);
    // Lines: 4 of 200 primary (every 50th), 16 secondary (every 10th), 20 tertiary (every 5th), 160
    // residential; 3% of the tertiary and residential streets left out: shares of what is kept
    // 0.02/0.973, 0.08/0.973, 0.097/0.973, 0.776/0.973.
    CHECK(roads[RoadClass::primary] / streets == Approx(0.0206).margin(0.001));
    CHECK(roads[RoadClass::secondary] / streets == Approx(0.0822).margin(0.002));
    CHECK(roads[RoadClass::tertiary] / streets == Approx(0.0997).margin(0.003));
    CHECK(roads[RoadClass::residential] / streets == Approx(0.7975).margin(0.005));
    for (ArcIndex a = 0; a < network.arc_count(); ++a)
        REQUIRE(network.speed_kph(a) == default_speed_kph(network.road_class(a)));
}

TEST_CASE("a fifth of residential streets are one-way, alternating direction row by row") {
    GridSummary summary;
    RoadNetwork network = generate_road_grid(grid(200, 200, 5), &summary);
    std::size_t residential = 0, one_way = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        if (network.road_class(a) != RoadClass::residential) {
            REQUIRE_FALSE(network.one_way(a));
            continue;
        }
        if (!network.one_way(a)) {
            residential += network.arc_from(a) < network.arc_to(a);
            continue;
        }
        ++residential;
        ++one_way;
        NodeIndex from = network.arc_from(a), to = network.arc_to(a);
        std::uint32_t row = from / 200, column = from % 200;
        if (to / 200 == row)  // along a row: even rows eastbound, odd westbound
            REQUIRE((to > from) == (row % 2 == 0));
        else  // along a column: even columns northbound
            REQUIRE((to > from) == (column % 2 == 0));
    }
    // 20% drawn (sd 0.16 points on ~62,000 streets), less the few made two-way to keep it connected.
    CHECK(static_cast<double>(one_way) / residential == Approx(0.2).margin(0.006));
    CHECK(summary.made_two_way < one_way / 100);
    CHECK(summary.one_way_roads == one_way);
}

TEST_CASE("the largest part holds at least 99% of junctions and is strongly connected") {
    for (std::uint64_t seed : {1, 2, 3}) {
        RoadNetwork network = generate_road_grid(grid(150, 120, seed));
        CAPTURE(seed);
        CHECK(network.part_sizes()[0] >= 0.99 * network.node_count());
        CHECK(largest_strong_part(network) == network.part_sizes()[0]);
    }
}

TEST_CASE("lengths are the great-circle distance times a winding factor between 1 and 1.15") {
    RoadNetwork network = generate_road_grid(grid(80, 80, 11));
    double longest = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        const NodeInfo &u = network.node(network.arc_from(a)), &v = network.node(network.arc_to(a));
        double straight = great_circle_m(u.lat, u.lon, v.lat, v.lon);
        REQUIRE(network.length_m(a) >= straight - 0.0005);
        REQUIRE(network.length_m(a) <= straight * 1.15 + 0.0005);
        if (network.road_class(a) != RoadClass::motorway) longest = std::max(longest, straight);
    }
    // Neighbours 250 m apart, each moved up to 30% of that: a street is at most 250 x 1.6 m (a
    // diagonal x sqrt 2).
    CHECK(longest <= 250 * 1.6 * std::sqrt(2.0));
    CHECK(longest > 250);
}

TEST_CASE("a few bridges carry weight limits, never on primaries or motorways") {
    GridSpec spec = grid(200, 200, 9);
    GridSummary summary;
    RoadNetwork network = generate_road_grid(spec, &summary);
    std::size_t limited = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        if (network.weight_limit_t(a) == kNoWeightLimit) continue;
        if (network.one_way(a) || network.arc_from(a) < network.arc_to(a)) ++limited;
        RoadClass c = network.road_class(a);
        REQUIRE(c != RoadClass::primary);
        REQUIRE(c != RoadClass::motorway);
        double t = network.weight_limit_t(a);
        REQUIRE((t == 12 || t == 20 || t == 30 || t == 40));
    }
    CHECK(limited == summary.bridges);
    // 0.2% of about 77,000 eligible roads: 154 expected, sd 12.
    CHECK(limited > 110);
    CHECK(limited < 200);
}

TEST_CASE("a generated grid written as CSV and as DIMACS reads back as the same network") {
    RoadNetwork network = generate_road_grid(grid(70, 50, 4));
    auto dir = test::scratch_root() / "generated-grid";
    std::filesystem::remove_all(dir);

    auto rows = write_csv_network(network, (dir / "csv").string());
    REQUIRE(rows.ok());
    RoadNetwork from_csv = corridor::test::load_or_fail((dir / "csv").string());
    // Everything, exactly: the generator rounds to what the CSV keeps (1e-7 degree, 1 mm).
    CHECK(first_difference(network, from_csv, {}) == "");

    auto arcs = write_dimacs(network, (dir / "grid.gr").string());
    REQUIRE(arcs.ok());
    CHECK(arcs.value() == network.arc_count());
    RoadNetwork from_dimacs = corridor::test::load_or_fail((dir / "grid.gr").string());
    // DIMACS keeps whole metres and millionths of a degree, and no classes.
    CHECK(first_difference(network, from_dimacs, {0.5, 0.6e-6, false}) == "");
    // Arc for arc in the same order: one line per arc.
    for (ArcIndex a = 0; a < network.arc_count(); ++a) REQUIRE(from_dimacs.arc_to(a) == network.arc_to(a));
    // A change the comparison must see.
    RoadNetwork other = generate_road_grid(grid(70, 50, 5));
    CHECK(first_difference(network, other, {0.5, 0.6e-6, false}) != "");
}

TEST_CASE("writing into a place that cannot hold the files says why") {
    RoadNetwork network = generate_road_grid(grid(3, 3, 1));
    auto file = corridor::test::write_temp("not-a-folder", "x");
    auto result = write_csv_network(network, file + "/network");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().find("not-a-folder/network: cannot create the folder") != std::string::npos);
    auto dimacs = write_dimacs(network, file + "/grid.gr");
    REQUIRE_FALSE(dimacs.ok());
    CHECK(dimacs.error().find("grid.gr: cannot create the file: Not a directory") != std::string::npos);
}
