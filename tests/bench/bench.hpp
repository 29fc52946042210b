#pragma once
// corridor-bench: each benchmark registers a subcommand. Figures go to standard output as one
// JSON object per line; docs/performance.md records them with the machine and the command.

#include <chrono>

namespace CLI {
class App;
}

namespace corridor::bench {

void add_hold_benchmark(CLI::App& app);
void add_mmc_benchmark(CLI::App& app);
void add_network_benchmarks(CLI::App& app);
void add_hierarchy_benchmark(CLI::App& app);
void add_scenario_benchmark(CLI::App& app);
void add_report_cost_benchmark(CLI::App& app);
void add_sweep_benchmark(CLI::App& app);
void add_scale_benchmark(CLI::App& app);

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace corridor::bench
