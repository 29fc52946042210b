#pragma once
// A checkpoint as an M/M/c queue: vehicles arrive at random (Poisson) and each of c lanes
// inspects one at a time for an exponential time. The engine's first model, used to check the
// engine against Erlang C and to measure its speed.

#include <cstdint>

#include "corridor/engine/result.hpp"

namespace corridor {

struct CheckpointQueueParameters {
    int servers = 1;
    double arrival_rate_per_h = 1.0;  // vehicles an hour, all lanes together
    double service_rate_per_h = 1.0;  // vehicles an hour, one lane
    std::int64_t customers = 1000;
    std::uint64_t seed = 1;
    std::uint32_t replication = 0;
};

struct CheckpointQueueResult {
    std::int64_t customers = 0;
    std::uint64_t events = 0;
    double mean_wait_h = 0.0;  // mean time in queue over all customers
    double max_wait_h = 0.0;
    double mean_queue_length = 0.0;  // time-weighted
    double utilisation = 0.0;        // busy lanes / lanes, time-weighted
    double end_time_h = 0.0;
};

inline constexpr int kMaxQueueServers = 1000;
inline constexpr double kLeastQueueRatePerH = 1e-6;
inline constexpr double kMostQueueRatePerH = 1e6;
inline constexpr std::int64_t kMaxQueueCustomers = 1'000'000'000;

/// Checks the parameters against the ranges above (docs/user-guide.md, "Input limits").
Result<CheckpointQueueParameters> check(const CheckpointQueueParameters& parameters);

CheckpointQueueResult simulate_checkpoint_queue(const CheckpointQueueParameters& parameters);

}  // namespace corridor
