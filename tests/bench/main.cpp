#include <CLI/CLI.hpp>

#include "bench.hpp"

int main(int argc, char** argv) {
    CLI::App app{"corridor-bench: speed and memory figures for docs/performance.md"};
    app.require_subcommand(1);
    corridor::bench::add_hold_benchmark(app);
    corridor::bench::add_mmc_benchmark(app);
    corridor::bench::add_network_benchmarks(app);
    corridor::bench::add_hierarchy_benchmark(app);
    corridor::bench::add_scenario_benchmark(app);
    corridor::bench::add_report_cost_benchmark(app);
    corridor::bench::add_sweep_benchmark(app);
    corridor::bench::add_scale_benchmark(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    return 0;
}
