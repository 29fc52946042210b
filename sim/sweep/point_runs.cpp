// The runs of a sweep's points: see include/corridor/sweep/point_runs.hpp.

#include "corridor/sweep/point_runs.hpp"

#include <tbb/parallel_for.h>

#include <map>
#include <memory>

#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"

namespace corridor {

SweepHooks point_run_hooks(const SweepSpec& spec, const SweepPlan& plan, const Theatre& base,
                           std::uint64_t seed, const std::vector<std::size_t>& kept, ScenarioCache& cache,
                           RunStore& store) {
    // Only the batch's points are held: memory does not grow with the sweep.
    auto theatres = std::make_shared<std::map<std::uint32_t, std::shared_ptr<const Theatre>>>();
    SweepHooks hooks;
    hooks.prepare = [&spec, &plan, &base, &cache, theatres](const std::vector<std::uint32_t>& points) {
        theatres->clear();
        std::vector<std::shared_ptr<const Theatre>> made(points.size());
        tbb::parallel_for(std::size_t{0}, points.size(), [&](std::size_t i) {
            std::uint32_t p = points[i];
            std::vector<Override> overrides = point_overrides(spec, plan, p);
            Theatre point =
                overrides.empty() ? base : *load_scenario(spec.scenario, overrides, &cache).theatre;
            close_point_road(plan, p, point);
            made[i] = std::make_shared<const Theatre>(std::move(point));
        });
        for (std::size_t i = 0; i < points.size(); ++i) (*theatres)[points[i]] = made[i];
    };
    hooks.evaluate = [seed, &kept, theatres](std::uint32_t point, std::uint32_t replication) {
        std::vector<Kpi> record =
            kpi_record(simulate_deployment(*theatres->at(point), seed, replication, Sinks::kpis_only()));
        std::vector<std::optional<double>> values;
        values.reserve(kept.size());
        for (std::size_t k : kept) values.push_back(record[k].value);
        return values;
    };
    hooks.commit = [&plan, &store](std::vector<RunRow>&& rows) {
        for (RunRow& row : rows) row.parameters = plan.values[row.point];
        return store.commit(rows);
    };
    return hooks;
}

}  // namespace corridor
