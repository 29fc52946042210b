#pragma once
// What the files of the road-movement part (this folder) call of each other. Private to it.

#include "../world.hpp"

namespace corridor::model {

// drive.cpp: the march, arc by arc.
void drive(World& world, Mover& mover);
/// Goes on from a node (after a stop, a checkpoint, a gate): drives the next arc, arrives, or
/// waits there when no open road is left.
void go_on(World& world, Mover& mover);
/// Arrival of the head at the mover's destination: the last vehicle follows a pass time later.
void arrive(World& world, Mover& mover);

// pace.cpp: how fast a mover drives an arc now, and how long its column takes to pass a point.
double march_speed_kph(const World& world, const Mover& mover, ArcIndex arc, Time now);
Time pass_time(const World& world, const Mover& mover, double speed_kph, Time now);

// fuel.cpp: what a mover burns as it drives, and where it runs dry.
/// The step of `step` (reaching the arc's end at `to_end`) at `speed_kph`, cut where the fuel ends
/// when it ends sooner (the mover's `step_runs_dry` then holds).
Time cut_step_to_fuel(Mover& mover, Time step, Time to_end, double speed_kph);
/// Counts the fuel of the step just driven (the arc had `remaining_before_m` left before it); when
/// the step ran dry, reports it and returns true: the mover stands there for the rest of the run.
bool burn_fuel(World& world, Mover& mover, double remaining_before_m);

// failures.cpp: breakdowns on the road, at a drawn distance driven.
/// The step of `step` (reaching the arc's end at `to_end`) at `speed_kph`, cut where the next
/// failure falls due when it falls due sooner (the mover's `step_breaks_down` then holds).
Time cut_step_to_failure(Mover& mover, Time step, Time to_end, double speed_kph);
/// Counts the distance of the step just driven against the next failure (the arc had
/// `remaining_before_m` left); when the step ends in a failure, sets the mover where it failed.
void drive_towards_failure(Mover& mover, double remaining_before_m);
/// The mover broke down where it stands: it halts for the repair, then drives on.
void break_down_on_road(World& world, Mover& mover);
/// Goes on after a halt, a rest or a repair, where the step that ran into it left off.
void resume(World& world, Mover& mover);
// gates.cpp: first come, first served at the entry of each arc.
/// At the gate of the arc ahead: true when the mover enters it now, false when it must wait
/// (it drives on when the gate frees).
bool pass_gate(World& world, Mover& mover);
/// Takes a mover queued at the gate ahead out of the queue, its wait counted up to now, and
/// cancels its turn.
void leave_gate_queue(World& world, Mover& mover);

// escort.cpp: escorted stretches, entered only in convoys leaving at set times.
/// Before the mover enters its next arc: true when it must wait there for an escorted convoy
/// (it goes on when the convoy leaves), false when it drives on now.
bool wait_for_escort(World& world, Mover& mover);
/// Takes a mover waiting for an escort out of its queue, its wait counted up to now.
void leave_escort_queue(World& world, Mover& mover);

// routing.cpp: the route from where the mover stands, and the wait when there is none.
/// Sets a formed mover off: routed now, or after the night when its rules stop at night.
void depart(World& world, Mover& mover);
/// Routes a mover from where it stands (or will stand, at the end of the arc it is on) and sets
/// it going, or leaves it waiting there for a road to open.
void route_from_here(World& world, Mover& mover);
/// Waits where it stands until a road opens; the timeline says so.
void wait_for_route(World& world, Mover& mover);
/// The node the mover stands at, or reaches at the end of the arc it is on.
NodeIndex next_node(const World& world, const Mover& mover);

/// Where a mover is, for the timeline: a node id, or "FROM-TO" on the road between two.
std::string where(const World& world, const Mover& mover);
/// A road between two nodes: "FROM-TO".
std::string road_name(const World& world, ArcIndex arc);
/// A stop of `length` from now, as much of it as falls within the run.
Time within_run(const World& world, Time length);

}  // namespace corridor::model
