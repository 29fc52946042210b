#pragma once
// A sweep folder read back for analysis (docs/user-guide.md, "Analysing a sweep"): manifest.json
// says what was varied and how, runs.csv what each run gave. Each point's KPI is its mean over the
// point's replications that reached a value, as the sweep contract defines it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/diagnostics.hpp"

namespace corridor::cli {

struct SweepParameter {
    std::string path;   // "fleets.icrc-trucks.count", the column of runs.csv
    bool text = false;  // a policy name or a road, not a number
    std::string unit;   // a range's unit, which each value carries: "h" in 36.5h
};

struct SweepFolder {
    std::string design;  // lhs, random, sobol (the designs analysis reads)
    std::uint64_t seed = 0;
    std::size_t points = 0;
    std::size_t sobol_base = 0;  // N, for design sobol
    std::vector<SweepParameter> parameters;
    std::vector<std::string> kpis;
    // Per point (0 .. points - 1): whether runs.csv has any run of it, its parameter values as
    // applied, and each KPI's mean over the runs that have one.
    std::vector<bool> has_runs;
    std::vector<std::vector<std::string>> values;
    std::vector<std::vector<double>> numbers;  // the number parameters read, NaN for text
    std::vector<std::vector<std::optional<double>>> kpi_means;
};

/// Reads DIR/manifest.json: the design and what it varied (no runs yet). Problems go to
/// `diagnostics` as `file:line:column` errors; nothing is returned when there is one.
std::optional<SweepFolder> read_sweep_manifest(const std::string& dir, Diagnostics& diagnostics);

/// Reads DIR/runs.csv into `folder` (from read_sweep_manifest): false, with errors, when the file
/// is missing or does not match the manifest.
bool read_sweep_runs(const std::string& dir, SweepFolder& folder, Diagnostics& diagnostics);

}  // namespace corridor::cli
