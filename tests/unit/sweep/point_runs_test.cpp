// A sweep's point runs (sim/sweep/point_runs.cpp): what `corridor sweep` stores is each point's
// scenario as its override makes it, run as a single KPI-only run is.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "../../scenario/scenarios.hpp"
#include "corridor/scenario/load_sweep.hpp"
#include "corridor/sweep/point_runs.hpp"

namespace corridor {

TEST_CASE("a sweep's point runs store each point's own runs, whatever the batches and threads", "[sweep]") {
    namespace fs = std::filesystem;
    fs::path dir =
        fs::temp_directory_path() / "corridor-tests" / ("point-runs-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string scenario = std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/karabakh-2020/scenario.yaml";
    std::ofstream(dir / "fleet.yaml")
        << "sweep:\n  scenario: " << scenario
        << "\n  replications: 2\nparameters:\n  fleets.icrc-trucks.count: [2, 12]\n";
    LoadedSweep sweep = load_sweep((dir / "fleet.yaml").string());
    INFO(sweep.diagnostics.first_error());
    REQUIRE(sweep.spec.has_value());
    ScenarioCache cache;
    Theatre base = test::load_theatre("karabakh-2020/scenario.yaml");
    auto plan = plan_sweep(*sweep.spec, base.seed, base);
    REQUIRE(plan);
    REQUIRE(plan.value().size() == 2);

    std::vector<Kpi> names = kpi_record(DeploymentResult{});
    auto position = [&](std::string_view name) {
        return static_cast<std::size_t>(find_kpi(names, name) - names.data());
    };
    std::vector<std::size_t> kept = {position("aid_trips"), position("closure_time_h")};
    StoreHeader header;
    header.facts = {{"replications", "2"}};
    header.columns = plan.value().columns;
    for (std::size_t k : kept) {
        header.kpis.emplace_back(names[k].name);
        header.units.emplace_back(names[k].unit);
    }
    auto store = RunStore::open((dir / "runs.sqlite").string(), header, false);
    REQUIRE(store);
    SweepHooks hooks =
        point_run_hooks(*sweep.spec, plan.value(), base, base.seed, kept, cache, *store.value());
    std::vector<std::uint64_t> todo(4);
    std::iota(todo.begin(), todo.end(), std::uint64_t{0});
    // Batches of 3: the first holds both points, the second the last run.
    REQUIRE(run_sweep(todo, 2, 2, 3, hooks));

    std::vector<RunRow> rows;
    store.value()->for_each([&](const RunRow& row) { rows.push_back(row); });
    REQUIRE(rows.size() == 4);
    for (const RunRow& row : rows) {
        int trucks = row.point == 0 ? 2 : 12;
        CHECK(row.parameters == std::vector<std::string>{std::to_string(trucks)});
        Theatre point = base;
        for (Fleet& fleet : point.aid.fleets)
            if (fleet.name == "icrc-trucks") fleet.count = trucks;
        std::vector<Kpi> direct =
            kpi_record(simulate_deployment(point, base.seed, row.replication, Sinks::kpis_only()));
        REQUIRE(row.kpis.size() == 2);
        CHECK(row.kpis[0] == direct[kept[0]].value);
        CHECK(row.kpis[1] == direct[kept[1]].value);
    }
    // The override reached the run: six times the trucks make more trips.
    REQUIRE(rows[0].kpis[0].has_value());
    REQUIRE(rows[2].kpis[0].has_value());
    CHECK(*rows[2].kpis[0] > *rows[0].kpis[0]);
    fs::remove_all(dir);
}

}  // namespace corridor
