#pragma once
// A results folder read back for comparison (docs/user-guide.md, "Comparing results"): a sweep's
// (manifest.json and runs.csv) or a run with replications (manifest.json and replications.csv,
// which is a sweep of one point with no parameters). Every KPI value of every run, by point.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"

namespace corridor {

/// One point of a sweep: its parameter values and its runs, in replication order.
struct ResultPoint {
    std::vector<std::string> parameters;      // as written in runs.csv, in the folder's parameter order
    std::vector<std::uint32_t> replications;  // the replication number of each run
    std::vector<std::vector<std::optional<double>>> values;  // [run][kpi]; none: no value in that run
};

struct ResultFolder {
    std::string path;
    std::uint64_t seed = 0;
    bool sweep = false;                   // runs.csv (a sweep) or replications.csv (a run)
    std::vector<std::string> parameters;  // parameter paths, e.g. "fleets.icrc-trucks.count"
    std::vector<std::string> kpis;        // column names
    std::vector<std::string> units;       // per KPI, from summary.csv; empty when not known
    std::vector<ResultPoint> points;
};

/// Reads the folder; the error is `FILE:LINE:COLUMN: error: ...` (or `FILE: error: ...`).
Result<ResultFolder> read_result_folder(const std::string& path);

}  // namespace corridor
