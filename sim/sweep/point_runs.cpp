// The runs of a sweep's points: see include/corridor/sweep/point_runs.hpp.

#include "corridor/sweep/point_runs.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <map>
#include <memory>

#include "corridor/engine/format.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/version.hpp"

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

namespace {

// The parameters as manifest.json states them.
std::string parameters_json(const SweepSpec& spec) {
    if (spec.design == Design::each_road_closed) return "[{\"path\": \"closed_road\", \"kind\": \"text\"}]";
    std::string out = "[";
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
        const Parameter& p = spec.parameters[i];
        auto quote = [](const std::string& s) {
            std::string q = "\"";
            for (char c : s) q += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
            return q + "\"";
        };
        out += (i ? ", " : "") + std::string("{\"path\": ") + quote(p.path);
        if (p.range) {
            out += ", \"kind\": \"number\", \"low\": " + std::to_string(p.range->low) +
                   ", \"high\": " + std::to_string(p.range->high) + ", \"unit\": " + quote(p.range->unit);
        } else {
            // (Numbers only when every value reads whole as one: `72h` or a policy is text.)
            bool numbers = std::all_of(p.values.begin(), p.values.end(), [](const std::string& v) {
                double x = 0;
                return !v.empty() && read_number(v.data(), v.data() + v.size(), x) == v.data() + v.size();
            });
            out += std::string(", \"kind\": \"") + (numbers ? "number" : "text") + "\", \"values\": [";
            for (std::size_t v = 0; v < p.values.size(); ++v) out += (v ? ", " : "") + quote(p.values[v]);
            out += "]";
        }
        out += "}";
    }
    return out + "]";
}

}  // namespace

StoreHeader sweep_store_header(const SweepSpec& spec, const SweepPlan& plan, const std::string& scenario_hash,
                               std::uint64_t seed, const std::vector<std::size_t>& kept) {
    StoreHeader header;
    header.facts = {{"corridor_version", kVersion},
                    {"sweep_file", spec.file},
                    {"sweep_hash", spec.hash},
                    {"scenario_file", spec.scenario},
                    {"scenario_hash", scenario_hash},
                    {"design", design_name(spec.design)},
                    {"seed", std::to_string(seed)},
                    {"replications", std::to_string(spec.replications)},
                    {"points", std::to_string(plan.size())},
                    {"parameters", parameters_json(spec)}};
    if (spec.design == Design::sobol) header.facts["sobol_base"] = std::to_string(spec.points);
    header.columns = plan.columns;
    std::vector<Kpi> names = kpi_record(DeploymentResult{});
    for (std::size_t k : kept) {
        header.kpis.emplace_back(names[k].name);
        header.units.emplace_back(names[k].unit);
    }
    return header;
}

}  // namespace corridor
