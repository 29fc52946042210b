#pragma once
// March rules: how a column drives (intervals, speeds by road class, halts, night, daily limits),
// for the theatre, a unit or a truck fleet (docs/scenario-reference.md, section `march`).

#include <array>
#include <cstddef>

#include "corridor/engine/time.hpp"

namespace corridor {

inline constexpr std::size_t kRoadClassCount = 10;

enum class NightMode { drive, blackout, stop };

struct MarchDoctrine {
    double vehicle_interval_m = 100;  // ST 100-3 ch. 8
    int convoy_max_vehicles = 20;     // estimate
    // FM 11-43 ch. 5: limited-access 66, two-lane 40, built-up 24 km/h; track an estimate.
    std::array<double, kRoadClassCount> speed_kph = {66, 40, 40, 40, 40, 40, 24, 24, 24, 15};
    Time first_halt_after = kHour;  // FM 55-30
    Time first_halt = 15 * kMinute;
    Time halt_every = 2 * kHour;
    Time halt = 10 * kMinute;
    Time night_from = 18 * kHour;  // time of day, estimate
    Time night_to = 6 * kHour;
    NightMode night_mode = NightMode::drive;
    double blackout_speed_kph = 8;          // FM 11-43 ch. 5
    double blackout_interval_m = 25;        // FM 3-21.8 5-19 (close column)
    Time daily_driving_limit = 10 * kHour;  // estimate
    Time minimum_rest = 8 * kHour;          // estimate: a rest lasts until morning, and at least this
    double activation_threshold = 1.0;
};

}  // namespace corridor
