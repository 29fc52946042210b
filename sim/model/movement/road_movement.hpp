#pragma once
// What the files of the road-movement part (this folder) call of each other. Private to it.

#include "../world.hpp"

namespace corridor::model {

// drive.cpp: the march, arc by arc.
void drive(World& world, Mover& mover);
/// Arrival of the head at the mover's destination: the last vehicle follows a pass time later.
void arrive(World& world, Mover& mover);

// pace.cpp: how fast a mover drives an arc now, and how long its column takes to pass a point.
double march_speed_kph(const World& world, const Mover& mover, ArcIndex arc, Time now);
Time pass_time(const World& world, const Mover& mover, double speed_kph, Time now);

// gates.cpp: first come, first served at the entry of each arc.
/// At the gate of the arc ahead: true when the mover enters it now, false when it must wait
/// (it drives on when the gate frees).
bool pass_gate(World& world, Mover& mover);

// routing.cpp: the route from where the mover stands, and the wait when there is none.
/// Routes a mover from its origin and sets it off, or leaves it waiting for a road to open.
void depart(World& world, Mover& mover);

/// Where a mover stands between two nodes: "FROM-TO".
std::string road_name(const World& world, ArcIndex arc);
/// A stop of `length` from now, as much of it as falls within the run.
Time within_run(const World& world, Time length);

}  // namespace corridor::model
