// Night rules: see night.hpp.

#include "night.hpp"

namespace corridor::model {

bool is_night(const MarchDoctrine& rules, Time time_of_day) {
    if (rules.night_from == rules.night_to) return false;
    return rules.night_from < rules.night_to
               ? (time_of_day >= rules.night_from && time_of_day < rules.night_to)
               : (time_of_day >= rules.night_from || time_of_day < rules.night_to);
}

Time until_light_changes(const MarchDoctrine& rules, Time time_of_day) {
    if (rules.night_from == rules.night_to) return kDay;
    Time boundary = is_night(rules, time_of_day) ? rules.night_to : rules.night_from;
    Time wait = (boundary - time_of_day + kDay) % kDay;
    return wait == 0 ? kDay : wait;
}

Time until_morning(const MarchDoctrine& rules, Time time_of_day) {
    return (rules.night_to - time_of_day + kDay) % kDay;
}

}  // namespace corridor::model
