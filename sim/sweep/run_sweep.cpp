// Running a sweep's runs in batches: see include/corridor/sweep/run_sweep.hpp.

#include "corridor/sweep/run_sweep.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <memory>

namespace corridor {

Result<bool> run_sweep(const std::vector<std::uint64_t>& todo, std::uint32_t replications, int threads,
                       std::size_t batch, const SweepHooks& hooks) {
    std::unique_ptr<tbb::global_control> limit;
    if (threads > 0)
        limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                      static_cast<std::size_t>(threads));
    batch = std::max<std::size_t>(batch, 1);
    for (std::size_t first = 0; first < todo.size(); first += batch) {
        std::size_t count = std::min(batch, todo.size() - first);
        std::vector<RunRow> rows(count);
        std::vector<std::uint32_t> points;
        for (std::size_t i = 0; i < count; ++i) {
            rows[i].point = static_cast<std::uint32_t>(todo[first + i] / replications);
            rows[i].replication = static_cast<std::uint32_t>(todo[first + i] % replications);
            if (points.empty() || points.back() != rows[i].point) points.push_back(rows[i].point);
        }
        if (hooks.prepare) hooks.prepare(points);
        tbb::parallel_for(std::size_t{0}, count, [&](std::size_t i) {
            rows[i].kpis = hooks.evaluate(rows[i].point, rows[i].replication);
        });
        if (auto committed = hooks.commit(std::move(rows)); !committed) return committed;
        if (hooks.progress) hooks.progress(first + count, todo.size());
    }
    return true;
}

}  // namespace corridor
