// Pace (docs/model.md, "Road march"): a column drives at the least of its slowest vehicle's speed,
// the doctrine's march speed for the road class and the road's own speed (slowed by damage), and
// at night the blackout speed when blackout rules hold (FM 11-43). Its vehicles keep the
// doctrine's interval, so its pass time is its road space over its speed (ST 100-3: road space =
// vehicles x interval).

#include <algorithm>

#include "night.hpp"
#include "road_movement.hpp"

namespace corridor::model {

double march_speed_kph(const World& w, const Mover& m, ArcIndex a, Time now) {
    const RoadNetwork& net = w.theatre.network();
    const MarchDoctrine& rules = *m.plan.rules;
    double v = std::min({m.plan.top_speed_kph, rules.speed_kph[static_cast<std::size_t>(net.road_class(a))],
                         net.speed_kph(a) * w.overlay.speed_factor(a)});
    if (rules.night_mode == NightMode::blackout && is_night(rules, w.time_of_day(now)))
        v = std::min(v, rules.blackout_speed_kph);
    return v;
}

Time pass_time(const World& w, const Mover& m, double speed_kph, Time now) {
    const MarchDoctrine& rules = *m.plan.rules;
    bool blackout = rules.night_mode == NightMode::blackout && is_night(rules, w.time_of_day(now));
    double road_space_m = m.plan.vehicles * (blackout ? rules.blackout_interval_m : rules.vehicle_interval_m);
    return from_seconds(road_space_m / 1000.0 / speed_kph * 3600.0);
}

}  // namespace corridor::model
