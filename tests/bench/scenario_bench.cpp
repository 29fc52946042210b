// The time to run a scenario: loading (YAML, network, checks) and one replication of the model,
// with every output recorded and with its KPIs only (as a sweep runs it), each the best of several
// repetitions.

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "bench.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::bench {

void add_scenario_benchmark(CLI::App& app) {
    static std::string file = "scenarios/karabakh-2020/scenario.yaml";
    static int repetitions = 20;
    static int days = 0;
    static bool lean_only = false;
    auto* command = app.add_subcommand("scenario", "load and run a scenario: seconds per run");
    command->add_option("FILE", file, "a scenario file")->capture_default_str();
    command->add_option("--repetitions", repetitions)->capture_default_str();
    command->add_option("--days", days,
                        "run this many days instead of the scenario's duration (memory against days: "
                        "compare max_rss_kb of two runs)");
    command->add_flag("--kpis-only", lean_only, "make only the KPI-only runs (so max_rss_kb is theirs)");
    command->callback([] {
        double load_s = 1e300, run_s = 1e300, kpis_only_s = 1e300;
        std::uint64_t events = 0;
        for (int i = 0; i < repetitions; ++i) {
            auto start = std::chrono::steady_clock::now();
            LoadedScenario loaded = load_scenario(file);
            load_s = std::min(load_s, seconds_since(start));
            if (!loaded.theatre) throw CLI::ValidationError(loaded.diagnostics.first_error());
            if (days > 0) loaded.theatre->duration = days * kDay;
            if (!lean_only) {
                start = std::chrono::steady_clock::now();
                DeploymentResult result = simulate_deployment(*loaded.theatre, loaded.theatre->seed);
                run_s = std::min(run_s, seconds_since(start));
                events = result.events;
            }
            // As a sweep runs it: KPIs only, no timeline, convoy or road rows.
            start = std::chrono::steady_clock::now();
            DeploymentResult lean = simulate_deployment(*loaded.theatre, loaded.theatre->seed, 0, Sinks::kpis_only());
            kpis_only_s = std::min(kpis_only_s, seconds_since(start));
            if (lean_only) events = lean.events;
            if (lean.events != events) throw CLI::ValidationError("a KPI-only run executed other events");
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf(
            "{\"benchmark\":\"scenario\",\"file\":\"%s\",\"days\":%d,\"load_seconds\":%.4f,\"run_seconds\":%s,"
            "\"kpis_only_run_seconds\":%.4f,\"events\":%llu,\"max_rss_kb\":%ld}\n",
            file.c_str(), days, load_s, lean_only ? "null" : std::to_string(run_s).c_str(), kpis_only_s,
            static_cast<unsigned long long>(events), usage.ru_maxrss);
    });
}

}  // namespace corridor::bench
