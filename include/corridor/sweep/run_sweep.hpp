#pragma once
// Running a sweep's runs (docs/user-guide.md, "Sweeps"): any function from a (point, replication)
// to KPI values, evaluated in parallel on oneTBB a batch at a time. Each finished batch is handed
// on in (point, replication) order, so that what is stored and written is the same at any thread
// count; nothing holds more than a batch of runs.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/sweep/store.hpp"

namespace corridor {

struct SweepHooks {
    /// Before a batch: the points its runs belong to, ascending (to load each one once).
    std::function<void(const std::vector<std::uint32_t>& points)> prepare;
    /// One run's KPI values; called from several threads at once.
    std::function<std::vector<std::optional<double>>(std::uint32_t point, std::uint32_t replication)> evaluate;
    /// A finished batch, in order; an error stops the sweep.
    std::function<Result<bool>(std::vector<RunRow>&& rows)> commit;
    /// After each batch: runs done of the total to do.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Runs `todo` (indices point x replications + replication, ascending), `batch` runs at a time on
/// at most `threads` threads (0: every core).
Result<bool> run_sweep(const std::vector<std::uint64_t>& todo, std::uint32_t replications, int threads,
                       std::size_t batch, const SweepHooks& hooks);

}  // namespace corridor
