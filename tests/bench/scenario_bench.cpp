// The time to run a scenario: loading (YAML, network, checks) and one replication of the model,
// with every output recorded and with its KPIs only (as a sweep runs it), each the best of several
// repetitions.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "bench.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::bench {

void add_scenario_benchmark(CLI::App& app) {
    static std::string file = "scenarios/karabakh-2020/scenario.yaml";
    static int repetitions = 20;
    auto* command = app.add_subcommand("scenario", "load and run a scenario: seconds per run");
    command->add_option("FILE", file, "a scenario file")->capture_default_str();
    command->add_option("--repetitions", repetitions)->capture_default_str();
    command->callback([] {
        double load_s = 1e300, run_s = 1e300, kpis_only_s = 1e300;
        std::uint64_t events = 0;
        for (int i = 0; i < repetitions; ++i) {
            auto start = std::chrono::steady_clock::now();
            LoadedScenario loaded = load_scenario(file);
            load_s = std::min(load_s, seconds_since(start));
            if (!loaded.theatre) throw CLI::ValidationError(loaded.diagnostics.first_error());
            start = std::chrono::steady_clock::now();
            DeploymentResult result = simulate_deployment(*loaded.theatre, loaded.theatre->seed);
            run_s = std::min(run_s, seconds_since(start));
            events = result.events;
            // As a sweep runs it: KPIs only, no timeline, convoy or road rows.
            start = std::chrono::steady_clock::now();
            DeploymentResult lean = simulate_deployment(*loaded.theatre, loaded.theatre->seed, 0, Sinks::kpis_only());
            kpis_only_s = std::min(kpis_only_s, seconds_since(start));
            if (lean.events != events) throw CLI::ValidationError("a KPI-only run executed other events");
        }
        std::printf(
            "{\"benchmark\":\"scenario\",\"file\":\"%s\",\"load_seconds\":%.4f,\"run_seconds\":%.4f,"
            "\"kpis_only_run_seconds\":%.4f,\"events\":%llu}\n",
            file.c_str(), load_s, run_s, kpis_only_s, static_cast<unsigned long long>(events));
    });
}

}  // namespace corridor::bench
