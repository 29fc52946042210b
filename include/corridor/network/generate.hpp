#pragma once
// A generated road-like network for scale tests: no country extract ships with the project, so
// corridor-bench and the tests build a perturbed grid of junctions with a road hierarchy, one-way
// streets and weight-limited bridges, the same bytes from the same seed (docs/network.md,
// "Generated networks").

#include <cstdint>
#include <string>

#include "corridor/engine/result.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor {

struct GridSpec {
    std::uint64_t seed = 1;
    std::uint32_t columns = 100, rows = 100;      // junctions west-east and south-north
    double origin_lat = 48.0, origin_lon = 10.0;  // the south-west junction before jitter
    double spacing_m = 250;                       // between neighbouring junctions
    double jitter = 0.3;                          // each junction moves up to this share of spacing_m
    double dropped_share = 0.03;                  // of minor streets (residential, tertiary) left out
    double diagonal_share = 0.05;                 // of grid cells crossed by a diagonal street
    double one_way_share = 0.2;                   // of residential streets
    double max_winding = 1.15;                    // length = great-circle x a factor in [1, this]
    std::uint32_t primary_every = 50;             // every 50th row and column is a primary road
    std::uint32_t secondary_every = 10;           // every 10th a secondary (every 5th a tertiary)
    std::uint32_t motorway_lines = 2;             // one west-east and one south-north (then alternating)
    std::uint32_t motorway_exit_every = 10;       // junctions between motorway interchanges
    double bridge_share = 0.002;                  // of secondary and minor roads with a weight limit

    /// A square grid of at least `nodes` junctions, the other fields as above.
    static GridSpec with_nodes(std::size_t nodes, std::uint64_t seed);
    std::size_t node_count() const { return std::size_t{columns} * rows; }
};

/// What the generator did besides the grid itself, for the benchmarks and the tests.
struct GridSummary {
    std::size_t roads = 0;  // two-way roads count once
    std::size_t one_way_roads = 0;
    std::size_t dropped = 0;       // grid streets left out
    std::size_t made_two_way = 0;  // one-way streets turned two-way to keep the grid strongly connected
    std::size_t bridges = 0;       // roads with a weight limit
};

/// The network; node ids are "1".."N" (row-major from the south-west), as DIMACS numbers them.
RoadNetwork generate_road_grid(const GridSpec& spec, GridSummary* summary = nullptr);

/// Node count of the largest strongly connected part (Tarjan's algorithm), for the tests and checks.
std::size_t largest_strong_part(const RoadNetwork& network);

/// How two networks differ, or an empty string when they hold the same nodes (ids, coordinates
/// within `degrees`) and the same arcs from each node in any order (lengths within `metres`; with
/// `attributes`, also class, speed, lanes, capacity, weight limit, one-way and name). For a file read
/// back: DIMACS keeps whole metres and 1e-6 degree, and no attributes.
struct Tolerance {
    double metres = 0, degrees = 0;
    bool attributes = true;
};
std::string first_difference(const RoadNetwork& a, const RoadNetwork& b, const Tolerance& tolerance);

/// DIMACS: every arc one `a` line of `gr_path`, its length in whole metres; coordinates in millionths
/// of a degree to the `.co` file beside it. Returns the arcs written, or why the files could not be.
Result<std::size_t> write_dimacs(const RoadNetwork& network, const std::string& gr_path);
/// The project's CSV tables (docs/network.md) as `folder`/nodes.csv and edges.csv: a two-way road is
/// one row; lengths in metres to the millimetre, coordinates to 1e-7 degree. Returns the rows of
/// edges.csv.
Result<std::size_t> write_csv_network(const RoadNetwork& network, const std::string& folder);

}  // namespace corridor
