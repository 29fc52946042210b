#pragma once
// The files of a sweep's folder (docs/user-guide.md, "Reading a sweep's results"), exported from
// its store in (point, replication) order: runs.csv, one row per run with its parameters and
// KPIs; summary.csv, one row per point and KPI; and manifest.json, what was swept and how. Fixed
// formats: the same runs give the same bytes, whatever the threads, shards or ranks.

#include <cstdint>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/sweep/store.hpp"

namespace corridor {

/// runs.csv, summary.csv and report.html (sweep_report.hpp) from `store`, then manifest.json
/// naming them with their checksums,
/// each replacing its earlier self atomically in `dir` (the manifest last: a folder whose
/// manifest lists its files is complete).
/// (The manifest says what was swept from the store's facts, and `command`.)
Result<bool> export_sweep(const std::string& dir, const RunStore& store, const std::string& command);

/// manifest.json alone, for a shard's folder (its runs are exported once merged).
Result<bool> write_shard_manifest(const std::string& dir, const RunStore& store, const std::string& command);

/// The summary's means a terminal shows: per point (at most `most_points`), each KPI kept.
std::string sweep_table(const RunStore& store, std::size_t most_points);

/// For a sweep of each road closed: per KPI that has a better direction, the `most_roads`
/// closures that leave it worst against the base (point 0), a value lost first (a closure
/// never reached).
std::string road_closure_table(const RunStore& store, std::size_t most_roads);

}  // namespace corridor
