#pragma once
// Halts and rest (docs/model.md, "Road march"): a column halts by doctrine (15 min after its first
// hour, then 10 min every 2 h of driving, FM 55-30) and rests after its daily driving limit until
// the next morning, for at least the minimum rest. A mover's march clock counts its driving; these
// functions say when it must stop and for how long.

#include "corridor/engine/time.hpp"
#include "corridor/model/theatre.hpp"

namespace corridor::model {

/// What a mover has driven since its last halt and its last rest.
struct MarchClock {
    Time driving_since_halt = 0;
    Time driving_today = 0;
    int halts = 0;  // since the last rest
};

enum class Stop { none, halt, rest };

/// How long the mover may drive from now before a halt or its rest falls due (zero if one is due).
Time until_stop_due(const MarchDoctrine& rules, const MarchClock& clock);
/// The stop due now, if any: the rest before a halt.
Stop stop_due(const MarchDoctrine& rules, const MarchClock& clock);
/// How long `stop` lasts when it begins at `time_of_day`.
Time stop_length(const MarchDoctrine& rules, Stop stop, const MarchClock& clock, Time time_of_day);
/// Starts the clock afresh for what follows `stop` (a night stop counts as a rest).
void take_stop(MarchClock& clock, Stop stop);

}  // namespace corridor::model
