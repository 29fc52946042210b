// The classic hold model (Vaucher and Duval 1975): keep N events pending; each event, when it
// runs, schedules one more at now + an exponential increment. In the same run, a plain
// std::priority_queue loop does the same work as the baseline the engine must stay close to.

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <functional>
#include <queue>
#include <vector>

#include "bench.hpp"
#include "corridor/engine/distributions.hpp"
#include "corridor/engine/simulator.hpp"

namespace corridor::bench {
namespace {

constexpr double kMeanIncrementMs = 1000.0;

Time increment(RandomStream& stream) {
    return 1 + static_cast<Time>(draw_exponential(stream, kMeanIncrementMs));
}

double engine_rate(long pending, long events, std::uint64_t& checksum) {
    Simulator sim;
    RandomStream stream({1, 0, purpose_id("hold"), 0});
    struct Hold {
        Simulator* sim;
        RandomStream* stream;
        long* remaining;
        void operator()() const {
            if (--*remaining >= 0) sim->schedule_after(increment(*stream), *this);
        }
    };
    long remaining = events;
    for (long i = 0; i < pending; ++i) sim.schedule_after(increment(stream), Hold{&sim, &stream, &remaining});
    auto start = std::chrono::steady_clock::now();
    sim.run();
    double seconds = seconds_since(start);
    checksum = static_cast<std::uint64_t>(sim.now());
    return static_cast<double>(sim.events_executed()) / seconds;
}

double priority_queue_rate(long pending, long events, std::uint64_t& checksum) {
    // (time, sequence) pairs, smallest first: the same order the engine keeps.
    using Entry = std::pair<Time, std::uint64_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
    RandomStream stream({1, 0, purpose_id("hold"), 0});
    std::uint64_t sequence = 0;
    Time now = 0;
    for (long i = 0; i < pending; ++i) queue.push({increment(stream), sequence++});
    long remaining = events;
    std::uint64_t executed = 0;
    auto start = std::chrono::steady_clock::now();
    while (!queue.empty()) {
        now = queue.top().first;
        queue.pop();
        ++executed;
        if (--remaining >= 0) queue.push({now + increment(stream), sequence++});
    }
    double seconds = seconds_since(start);
    checksum = static_cast<std::uint64_t>(now);
    return static_cast<double>(executed) / seconds;
}

}  // namespace

void add_hold_benchmark(CLI::App& app) {
    auto* command = app.add_subcommand("hold", "hold model: the engine against a plain std::priority_queue");
    static long pending = 10'000;
    static long events = 5'000'000;
    command->add_option("--pending", pending, "events kept pending")->capture_default_str();
    command->add_option("--events", events, "events to run")->capture_default_str();
    command->callback([] {
        std::uint64_t engine_end = 0, baseline_end = 0;
        // Alternate and keep the best of three, so that a noisy neighbour hurts both alike.
        double engine = 0, baseline = 0;
        for (int trial = 0; trial < 3; ++trial) {
            baseline = std::max(baseline, priority_queue_rate(pending, events, baseline_end));
            engine = std::max(engine, engine_rate(pending, events, engine_end));
        }
        std::printf(
            "{\"benchmark\":\"hold\",\"pending\":%ld,\"events\":%ld,\"engine_events_per_s\":%.0f,"
            "\"priority_queue_events_per_s\":%.0f,\"ratio\":%.3f,\"same_end_time\":%s}\n",
            pending, events, engine, baseline, engine / baseline,
            engine_end == baseline_end ? "true" : "false");
    });
}

}  // namespace corridor::bench
