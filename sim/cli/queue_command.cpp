// `corridor queue`: a checkpoint as an M/M/c queue, simulated over independent replications and
// set beside the Erlang C formula. The main job of `make run` until the reference scenario exists.

#include <CLI/CLI.hpp>
#include <cstdio>

#include "corridor/engine/format.hpp"
#include "commands.hpp"
#include "corridor/engine/queueing.hpp"
#include "corridor/engine/statistics.hpp"
#include "corridor/model/checkpoint_queue.hpp"

namespace corridor::cli {
namespace {

struct QueueOptions {
    CheckpointQueueParameters parameters;
    int replications = 10;
};

int run_queue(const QueueOptions& options) {
    auto checked = check(options.parameters);
    if (!checked) return usage_error(checked.error());
    if (options.replications < 2)
        return usage_error("--replications must be at least 2 for a confidence interval, not " +
                           std::to_string(options.replications));
    if (options.replications > 10000)
        return usage_error("--replications must be at most 10000, not " +
                           std::to_string(options.replications));
    const CheckpointQueueParameters& p = checked.value();

    Tally mean_waits_h, utilisations, queue_lengths;
    for (int r = 0; r < options.replications; ++r) {
        CheckpointQueueParameters replication = p;
        replication.replication = static_cast<std::uint32_t>(r);
        CheckpointQueueResult result = simulate_checkpoint_queue(replication);
        mean_waits_h.add(result.mean_wait_h);
        utilisations.add(result.utilisation);
        queue_lengths.add(result.mean_queue_length);
    }
    double half_width = mean_waits_h.confidence_half_width(0.95);
    // Numbers through to_chars (format.hpp), the same on every machine under any locale.
    auto figure = [](double x) {  // %10.4f
        std::string text = format_fixed(x, 4);
        return std::string(text.size() < 10 ? 10 - text.size() : 0, ' ') + text;
    };
    std::printf("checkpoint queue M/M/%d: %s vehicles/h arriving, %s vehicles/h per lane\n", p.servers,
                format_number(p.arrival_rate_per_h).c_str(), format_number(p.service_rate_per_h).c_str());
    std::printf("%lld vehicles x %d replications, seed %llu\n\n", static_cast<long long>(p.customers),
                options.replications, static_cast<unsigned long long>(p.seed));
    std::printf("  mean wait in queue, simulated   %s h   (95%% CI %s .. %s)\n", figure(mean_waits_h.mean()).c_str(),
                format_fixed(mean_waits_h.mean() - half_width, 4).c_str(),
                format_fixed(mean_waits_h.mean() + half_width, 4).c_str());
    double load = p.arrival_rate_per_h / (p.servers * p.service_rate_per_h);
    if (load < 1.0) {
        std::printf("  mean wait in queue, Erlang C    %s h\n",
                    figure(erlang_c_mean_wait(p.servers, p.arrival_rate_per_h, p.service_rate_per_h)).c_str());
    } else {
        std::printf(
            "  Erlang C does not apply: arrivals (%s/h) reach or exceed capacity (%s/h),"
            " so the queue grows without bound\n",
            format_number(p.arrival_rate_per_h).c_str(), format_number(p.servers * p.service_rate_per_h).c_str());
    }
    std::printf("  lane utilisation                %s     (offered load %s)\n", figure(utilisations.mean()).c_str(),
                format_fixed(load, 4).c_str());
    std::printf("  mean queue length               %s vehicles\n", figure(queue_lengths.mean()).c_str());
    return 0;
}

}  // namespace

Runner add_queue_command(CLI::App& app) {
    auto options = std::make_shared<QueueOptions>();
    CLI::App* command =
        app.add_subcommand("queue", "simulate a checkpoint as an M/M/c queue and compare with Erlang C");
    CheckpointQueueParameters& p = options->parameters;
    p.customers = 100000;
    command->add_option("--servers", p.servers, "lanes (servers)")->capture_default_str();
    command->add_option("--arrival-rate", p.arrival_rate_per_h, "vehicles arriving per hour")
        ->capture_default_str();
    command->add_option("--service-rate", p.service_rate_per_h, "vehicles one lane clears per hour")
        ->capture_default_str();
    command->add_option("--customers", p.customers, "vehicles per replication")->capture_default_str();
    command->add_option("--replications", options->replications, "independent replications")
        ->capture_default_str();
    command->add_option("--seed", p.seed, "random seed")->capture_default_str();
    return [options] { return run_queue(*options); };
}

}  // namespace corridor::cli
