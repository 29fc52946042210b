#include "corridor/model/checkpoint_queue.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "corridor/engine/distributions.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/engine/resource.hpp"
#include "corridor/engine/simulator.hpp"

namespace corridor {
namespace {

// The vehicles' side of the model: arrive, queue for a lane, be inspected, leave.
class CheckpointQueue {
  public:
    CheckpointQueue(const CheckpointQueueParameters& p, const ServerSchedule& lanes)
        : p_(p),
          lanes_(simulator_, lanes),
          arrivals_({p.seed, p.replication, purpose_id("arrival"), 0}),
          services_({p.seed, p.replication, purpose_id("service"), 0}) {}

    CheckpointQueueResult run() {
        simulator_.schedule_after(interarrival(), [this] { arrive(); });
        simulator_.run();
        CheckpointQueueResult result;
        Time end = simulator_.now();
        result.customers = lanes_.waits_s().count();
        result.events = simulator_.events_executed();
        result.mean_wait_h = lanes_.waits_s().mean() / 3600.0;
        result.max_wait_h = lanes_.waits_s().max() / 3600.0;
        result.mean_queue_length = lanes_.queue_length_stat().average(end);
        result.utilisation = lanes_.busy_stat().average(end) / p_.servers;
        result.end_time_h = to_hours(end);
        return result;
    }

  private:
    Time interarrival() { return draw_hours(arrivals_, 1.0 / p_.arrival_rate_per_h); }
    // Rounded to the nearest millisecond; the draw is positive, so adding a half and truncating
    // rounds correctly (and is several times cheaper than llround on the hot path).
    Time draw_hours(RandomStream& stream, double mean_h) {
        return static_cast<Time>(draw_exponential(stream, mean_h) * kHour + 0.5);
    }

    void arrive() {
        if (++arrived_ < p_.customers) simulator_.schedule_after(interarrival(), [this] { arrive(); });
        lanes_.request([this](int lane) {
            simulator_.schedule_after(draw_hours(services_, 1.0 / p_.service_rate_per_h),
                                      [this, lane] { lanes_.release(lane); });
        });
    }

    CheckpointQueueParameters p_;
    Simulator simulator_;
    Resource lanes_;
    RandomStream arrivals_;
    RandomStream services_;
    std::int64_t arrived_ = 0;
};

}  // namespace

Result<CheckpointQueueParameters> check(const CheckpointQueueParameters& p) {
    // Bounds far past any checkpoint, so that lanes cost no absurd memory and no drawn time
    // overflows the clock (a mean gap of 1e6 h at most, of 3.6 ms at least).
    if (p.servers < 1 || p.servers > kMaxQueueServers)
        return Error{"servers must be from 1 to " + std::to_string(kMaxQueueServers) + ", not " +
                     std::to_string(p.servers)};
    auto rate_ok = [](double rate) { return rate >= kLeastQueueRatePerH && rate <= kMostQueueRatePerH; };
    const std::string range = format_number(kLeastQueueRatePerH) + " to " + format_number(kMostQueueRatePerH);
    if (!(p.arrival_rate_per_h > 0) || !std::isfinite(p.arrival_rate_per_h))
        return Error{"arrival rate must be a positive number, not " + format_number(p.arrival_rate_per_h)};
    if (!rate_ok(p.arrival_rate_per_h))
        return Error{"arrival rate must be from " + range + " vehicles an hour, not " +
                     format_number(p.arrival_rate_per_h)};
    if (!(p.service_rate_per_h > 0) || !std::isfinite(p.service_rate_per_h))
        return Error{"service rate must be a positive number, not " + format_number(p.service_rate_per_h)};
    if (!rate_ok(p.service_rate_per_h))
        return Error{"service rate must be from " + range + " vehicles an hour, not " +
                     format_number(p.service_rate_per_h)};
    if (p.customers < 1 || p.customers > kMaxQueueCustomers)
        return Error{"customers must be from 1 to " + std::to_string(kMaxQueueCustomers) + ", not " +
                     std::to_string(p.customers)};
    return p;
}

CheckpointQueueResult simulate_checkpoint_queue(const CheckpointQueueParameters& parameters) {
    auto lanes = ServerSchedule::constant(parameters.servers);
    if (!lanes) throw std::invalid_argument(lanes.error());
    CheckpointQueue queue(parameters, lanes.value());
    return queue.run();
}

}  // namespace corridor
