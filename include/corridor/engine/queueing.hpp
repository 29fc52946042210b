#pragma once
// Closed-form queueing results (docs/sources.md, [S39]) that validate the engine and let a
// planner sanity-check a checkpoint before simulating it.

namespace corridor {

/// Erlang C: the probability that an arrival to an M/M/c queue waits.
/// `arrival_rate` and `service_rate` in the same unit; requires arrival_rate < servers * service_rate.
double erlang_c_probability_of_waiting(int servers, double arrival_rate, double service_rate);
/// Mean time in queue of an M/M/c queue, in the unit of 1 / rate.
double erlang_c_mean_wait(int servers, double arrival_rate, double service_rate);

}  // namespace corridor
