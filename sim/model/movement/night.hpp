#pragma once
// Night rules (docs/model.md, "Road march"): whether a time of day is night under a mover's march
// rules, and how long until that changes. Pure functions of the time of day.

#include "corridor/engine/time.hpp"
#include "corridor/model/theatre.hpp"

namespace corridor::model {

/// Whether `time_of_day` falls in the rules' night (which may run past midnight).
bool is_night(const MarchDoctrine& rules, Time time_of_day);
/// Time from `time_of_day` until day turns to night or night to day; a whole day when the rules
/// have no night.
Time until_light_changes(const MarchDoctrine& rules, Time time_of_day);
/// Time from `time_of_day` until the night ends; zero at that very moment.
Time until_morning(const MarchDoctrine& rules, Time time_of_day);

}  // namespace corridor::model
