// Halts and rest: see halts.hpp.

#include "halts.hpp"

#include <algorithm>

#include "night.hpp"

namespace corridor::model {
namespace {

Time halt_interval(const MarchDoctrine& rules, const MarchClock& clock) {
    return clock.halts == 0 ? rules.first_halt_after : rules.halt_every;
}

}  // namespace

Time until_stop_due(const MarchDoctrine& rules, const MarchClock& clock) {
    Time to_halt = halt_interval(rules, clock) - clock.driving_since_halt;
    Time to_rest = rules.daily_driving_limit - clock.driving_today;
    return std::max<Time>(0, std::min(to_halt, to_rest));
}

Stop stop_due(const MarchDoctrine& rules, const MarchClock& clock) {
    if (clock.driving_today >= rules.daily_driving_limit) return Stop::rest;
    if (clock.driving_since_halt >= halt_interval(rules, clock)) return Stop::halt;
    return Stop::none;
}

Time stop_length(const MarchDoctrine& rules, Stop stop, const MarchClock& clock, Time time_of_day) {
    switch (stop) {
        case Stop::rest:
            return std::max(until_morning(rules, time_of_day), rules.minimum_rest);
        case Stop::halt:
            return clock.halts == 0 ? rules.first_halt : rules.halt;
        case Stop::none:
            break;
    }
    return 0;
}

void take_stop(MarchClock& clock, Stop stop) {
    if (stop == Stop::halt) {
        ++clock.halts;
        clock.driving_since_halt = 0;
    } else if (stop == Stop::rest) {
        clock = MarchClock{};
    }
}

}  // namespace corridor::model
