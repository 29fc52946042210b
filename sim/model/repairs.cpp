// Repairs (docs/model.md, "Repairs"): repair and demining teams end the disruptions that take
// repair work. A free team takes the first such disruption in the scenario's order that has begun
// and that no team is on, drives (a mover of one vehicle) to the nearer end of its road it can
// reach, and works there for work / rate; then the road reopens (or is repaired, if it was only
// slowed) and the movers plan again. A team with nothing to do stays where it is and looks again
// when a disruption with repair work begins.

#include <cmath>
#include <limits>

#include "world.hpp"

namespace corridor::model {
namespace {

void look_for_work(World& w, std::size_t crew);

const MarchDoctrine& rules_of(const World& w, const RepairTeam& team) {
    return team.march ? *team.march : w.theatre.march;
}

void work(World& w, std::size_t crew, std::size_t job) {
    RepairCrew& c = w.repairs.crews[crew];
    const RepairTeam& team = w.theatre.repair_teams[c.kind];
    const Disruption& d = w.disruptions[job];
    if (w.sinks.timeline) w.log(w.sim.now(), c.id, "repair started", d.road);
    Time working = static_cast<Time>(std::llround(static_cast<double>(d.repair_work) / team.rate));
    World* world = &w;
    w.sim.schedule_after(working, [world, crew, job] {
        RepairCrew& done = world->repairs.crews[crew];
        world->repairs.crew_on[job] = -1;
        done.busy = false;
        end_disruption(*world, job, done.id);
        look_for_work(*world, crew);
    });
}

// The end of job `job`'s road that the crew reaches soonest, if any.
std::optional<NodeIndex> nearer_end(World& w, const RepairCrew& c, std::size_t job) {
    const RoadNetwork& net = w.theatre.network;
    const VehicleType& type = w.theatre.vehicle_types[w.theatre.repair_teams[c.kind].vehicle_type];
    std::optional<NodeIndex> best;
    double best_s = std::numeric_limits<double>::infinity();
    for (ArcIndex a : w.disruptions[job].arcs) {
        NodeIndex end = net.arc_from(a);
        Route route = w.router.route({c.at, end, Metric::time, type.weight_t});
        if (route.found && route.time_s < best_s) {
            best_s = route.time_s;
            best = end;
        }
    }
    return best;
}

void look_for_work(World& w, std::size_t crew) {
    RepairCrew& c = w.repairs.crews[crew];
    if (c.busy) return;
    const std::vector<Disruption>& disruptions = w.disruptions;
    Time now = w.sim.now();
    for (std::size_t job = 0; job < disruptions.size(); ++job) {
        const Disruption& d = disruptions[job];
        if (d.repair_work == 0 || d.from > now || w.disruption_ends[job] <= now || w.repairs.crew_on[job] >= 0)
            continue;
        std::optional<NodeIndex> site = nearer_end(w, c, job);
        if (!site) continue;
        c.busy = true;
        w.repairs.crew_on[job] = static_cast<int>(crew);
        const RepairTeam& team = w.theatre.repair_teams[c.kind];
        const VehicleType& type = w.theatre.vehicle_types[team.vehicle_type];
        MoverPlan plan = plan_of_one_type(type, 1, rules_of(w, team), c.at, *site, MoverPlan::Client::team, crew);
        plan.id = c.id;
        World* world = &w;
        start_mover(w, plan, [world, crew, job](const Mover& mover, Time) {
            world->repairs.crews[crew].at = mover.plan.destination;
            work(*world, crew, job);
        });
        return;
    }
}

}  // namespace

void start_repairs(World& w) {
    w.repairs.crew_on.assign(w.disruptions.size(), -1);
    for (std::size_t kind = 0; kind < w.theatre.repair_teams.size(); ++kind) {
        const RepairTeam& team = w.theatre.repair_teams[kind];
        for (int k = 0; k < team.count; ++k) {
            RepairCrew crew;
            crew.kind = kind;
            crew.at = team.base;
            if (w.sinks.timeline || w.sinks.convoys) crew.id = team.name + "/team-" + std::to_string(k + 1);
            w.repairs.crews.push_back(std::move(crew));
        }
    }
    if (w.repairs.crews.empty()) return;
    World* world = &w;
    w.sim.schedule_at(0, [world] { repair_job_appeared(*world); });
}

void repair_job_appeared(World& w) {
    for (std::size_t crew = 0; crew < w.repairs.crews.size(); ++crew) look_for_work(w, crew);
}

}  // namespace corridor::model
