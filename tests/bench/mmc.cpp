// An M/M/c checkpoint through the engine and its resource; one JSON line of figures.
// tests/bench/mmc_simpy.py is the same model in SimPy, for the speed comparison.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "bench.hpp"
#include "corridor/engine/queueing.hpp"
#include "corridor/model/checkpoint_queue.hpp"

namespace corridor::bench {

void add_mmc_benchmark(CLI::App& app) {
    auto* command = app.add_subcommand("mmc", "M/M/c queue through the engine and the resource");
    static CheckpointQueueParameters p;
    p.servers = 2;
    p.arrival_rate_per_h = 1.6;
    p.service_rate_per_h = 1.0;
    p.customers = 1'000'000;
    command->add_option("--servers", p.servers)->capture_default_str();
    command->add_option("--arrival-rate", p.arrival_rate_per_h, "per time unit")->capture_default_str();
    command->add_option("--service-rate", p.service_rate_per_h, "per time unit, one server")
        ->capture_default_str();
    command->add_option("--customers", p.customers)->capture_default_str();
    command->add_option("--seed", p.seed)->capture_default_str();
    command->callback([] {
        auto checked = check(p);
        if (!checked) throw CLI::ValidationError(checked.error());
        auto start = std::chrono::steady_clock::now();
        CheckpointQueueResult result = simulate_checkpoint_queue(p);
        double seconds = seconds_since(start);
        double load = p.arrival_rate_per_h / (p.servers * p.service_rate_per_h);
        double erlang =
            load < 1 ? erlang_c_mean_wait(p.servers, p.arrival_rate_per_h, p.service_rate_per_h) : -1;
        std::printf(
            "{\"benchmark\":\"mmc\",\"servers\":%d,\"customers\":%lld,\"events\":%llu,"
            "\"seconds\":%.4f,\"events_per_s\":%.0f,\"ns_per_customer\":%.1f,\"mean_wait\":%.5f,"
            "\"erlang_c_mean_wait\":%.5f}\n",
            p.servers, static_cast<long long>(result.customers),
            static_cast<unsigned long long>(result.events), seconds, result.events / seconds,
            seconds * 1e9 / static_cast<double>(result.customers), result.mean_wait_h, erlang);
    });
}

}  // namespace corridor::bench
