#pragma once
// A sweep as its YAML file describes it (docs/user-guide.md, "Sweeps"; docs/sweep-reference.md):
// the base scenario, the parameters and how their values are chosen, the replications, the seed
// and the KPIs to keep. Read and checked by load_sweep() (include/corridor/scenario/load_sweep.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/network/road_network.hpp"

namespace corridor {

/// How a sweep chooses its points.
enum class Design {
    single,            // no parameter: the base scenario, replicated
    grid,              // every combination of the parameters' values, the first varying slowest
    lhs,               // a Latin hypercube over the parameters' ranges
    random,            // independent uniform draws over the ranges
    sobol,             // Saltelli's design for Sobol indices (base N, N x (k + 2) points)
    each_road_closed,  // the base, then one point per road closed for the whole run
};

const char* design_name(Design design);

/// A place in the sweep file, for messages about the value found there.
struct FilePlace {
    int line = 0, column = 0;
};

/// A range to draw numbers from: `[2, 8]`, `[24h, 96h]`, `[50%, 100%]`. Both ends carry the same
/// unit, which the drawn value keeps; ends written as whole numbers draw whole numbers.
struct Range {
    double low = 0, high = 0;
    std::string unit;  // "" for a plain number
    bool whole = false;
};

struct Parameter {
    std::string path;                     // e.g. "fleets.icrc-trucks.count"
    FilePlace at;                         // the path's place
    std::vector<std::string> values;      // a grid's values, or the choices drawn among (as YAML)
    std::vector<FilePlace> value_at;      // each value's place
    std::optional<Range> range;           // lhs, random, sobol
    FilePlace range_at;
};

struct SweepSpec {
    std::string file;      // the sweep file, as given
    std::string hash;      // FNV-1a 64 of its bytes, hex
    std::string name;      // names the default results folder
    std::string scenario;  // the base scenario's path, relative to the working folder
    FilePlace scenario_at;
    std::optional<std::uint64_t> seed;  // none: the scenario's
    std::uint32_t replications = 1;
    std::vector<std::string> kpis;  // those kept; empty: every KPI
    std::vector<FilePlace> kpi_at;
    Design design = Design::single;
    std::size_t points = 0;  // lhs and random: the number of points; sobol: the base N
    std::vector<Parameter> parameters;
    std::vector<RoadClass> closed_road_classes;  // each_road_closed: empty for every class
};

}  // namespace corridor
