#pragma once
// The runs of a sweep's points as `corridor sweep` makes them (docs/user-guide.md, "Sweeps"):
// before each batch its points are loaded from the base scenario with their overrides, each run
// is one KPI-only replication of its point, and each finished batch goes into the store with its
// points' parameter values. Shared by the command and by `corridor-bench sweep`, so that the
// benchmark measures the machinery planners run.

#include <cstdint>
#include <string>
#include <vector>

#include "corridor/model/theatre.hpp"
#include "corridor/scenario/load.hpp"
#include "corridor/sweep/plan.hpp"
#include "corridor/sweep/run_sweep.hpp"
#include "corridor/sweep/store.hpp"

namespace corridor {

/// Runs a batch: enough to keep every thread busy, few enough that a kill loses seconds.
inline constexpr std::size_t kSweepBatch = 64;

/// What the sweep's store holds its runs to be of (the facts `--resume` and `corridor merge`
/// compare, the parameters as manifest.json states them, the KPIs kept with their units).
StoreHeader sweep_store_header(const SweepSpec& spec, const SweepPlan& plan, const std::string& scenario_hash,
                               std::uint64_t seed, const std::vector<std::size_t>& kept);

/// The prepare, evaluate and commit hooks of `plan`'s runs (no progress). `kept` are the KPIs
/// stored, as positions in a run's record. Every argument must outlive the hooks; the points
/// must all load (`corridor sweep` checks them first).
SweepHooks point_run_hooks(const SweepSpec& spec, const SweepPlan& plan, const Theatre& base,
                           std::uint64_t seed, const std::vector<std::size_t>& kept, ScenarioCache& cache,
                           RunStore& store);

}  // namespace corridor
