#pragma once
// A distribution of durations, as plain data: a checkpoint's inspection time, a random closure's
// length, a depot's loading time per tonne, the gap between trucks joining a fleet. Drawn by
// draw_duration (sim/model/checkpoint.cpp) from the stream of the thing it belongs to.

#include <array>

namespace corridor {

enum class ServiceKind { fixed, exponential, triangular, lognormal, uniform };

struct ServiceTime {
    ServiceKind kind = ServiceKind::fixed;
    std::array<double, 3> seconds = {0, 0, 0};  // the parameters, in seconds
};

}  // namespace corridor
