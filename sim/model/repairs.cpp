// Repairs (docs/model.md, "Repairs"): repair and demining teams end the disruptions that take
// repair work and restore towns' damaged services. The jobs are ordered once: by priority (lower
// first), then roads before services, each in the scenario's order. A free team takes the first
// job that is open (a road's disruption has begun and not ended, a service is down), that is for
// its kind of team (or any) and that no team is on, drives (a mover of one vehicle) to the site
// (the nearer end of the road it can reach, or the town's node), and works there for work / rate;
// then the road reopens (or is repaired, if it was only slowed) and the movers plan again, or the
// service is restored. A team with nothing to do stays where it is and looks again when a
// disruption with repair work begins.

#include <algorithm>
#include <cmath>
#include <limits>

#include "world.hpp"

namespace corridor::model {
namespace {

void look_for_work(World& w, std::size_t crew);

const MarchDoctrine& rules_of(const World& w, const RepairTeam& team) {
    return team.march ? *team.march : w.theatre.march;
}

// The kind of team a job is for, if only one kind may take it.
std::optional<std::size_t> team_for(const World& w, const RepairJob& job) {
    return job.service ? w.theatre.aid.towns[job.town].services[job.town_service].team
                       : w.disruptions[job.disruption].team;
}

Time work_of(const World& w, const RepairJob& job) {
    return job.service ? w.theatre.aid.towns[job.town].services[job.town_service].repair_work
                       : w.disruptions[job.disruption].repair_work;
}

void work(World& w, std::size_t crew, std::size_t job_index) {
    RepairCrew& c = w.repairs.crews[crew];
    const RepairTeam& team = w.theatre.repair_teams[c.kind];
    const RepairJob job = w.repairs.jobs[job_index];
    if (w.sinks.timeline)
        w.log(
            w.sim.now(), c.id, "repair started",
            job.service ? service_label(w, job.town, job.town_service) : w.disruptions[job.disruption].road);
    Time working = static_cast<Time>(std::llround(static_cast<double>(work_of(w, job)) / team.rate));
    if (w.sinks.report)
        w.result.repair_spans.push_back(
            {c.id,
             job.service ? service_label(w, job.town, job.town_service) : w.disruptions[job.disruption].road,
             job.service, w.sim.now(), w.sim.now() + working});
    World* world = &w;
    w.sim.schedule_after(working, [world, crew, job_index] {
        RepairCrew& done = world->repairs.crews[crew];
        const RepairJob finished = world->repairs.jobs[job_index];
        world->repairs.crew_on[job_index] = -1;
        done.busy = false;
        if (finished.service)
            restore_service(*world, finished.town, finished.town_service, done.id);
        else
            end_disruption(*world, finished.disruption, done.id);
        look_for_work(*world, crew);
    });
}

// The end of disruption `job`'s road that the crew reaches soonest, if any.
std::optional<NodeIndex> nearer_end(World& w, const RepairCrew& c, std::size_t job) {
    const RoadNetwork& net = w.theatre.network();
    const VehicleType& type = w.theatre.vehicle_types[w.theatre.repair_teams[c.kind].vehicle_type];
    std::optional<NodeIndex> best;
    double best_s = std::numeric_limits<double>::infinity();
    for (ArcIndex a : w.disruptions[job].arcs) {
        NodeIndex end = net.arc_from(a);
        Route route = w.router.route({c.at, end, Metric::time, type.limits()});
        if (route.found && route.time_s < best_s) {
            best_s = route.time_s;
            best = end;
        }
    }
    return best;
}

// Whether a job needs a team now: its road's disruption is in force, or its service is down.
bool job_open(const World& w, const RepairJob& job) {
    if (job.service) return w.services.restored_at[job.town][job.town_service] == kNever;
    Time now = w.sim.now();
    return w.disruptions[job.disruption].from <= now && w.disruption_ends[job.disruption] > now;
}

// Where the crew works on a job, if it can reach it.
std::optional<NodeIndex> site_of(World& w, const RepairCrew& c, const RepairJob& job) {
    if (!job.service) return nearer_end(w, c, job.disruption);
    NodeIndex town = w.theatre.aid.towns[job.town].node;
    const VehicleType& type = w.theatre.vehicle_types[w.theatre.repair_teams[c.kind].vehicle_type];
    if (!w.router.route({c.at, town, Metric::time, type.limits()}).found) return std::nullopt;
    return town;
}

void look_for_work(World& w, std::size_t crew) {
    RepairCrew& c = w.repairs.crews[crew];
    if (c.busy) return;
    for (std::size_t job = 0; job < w.repairs.jobs.size(); ++job) {
        if (w.repairs.crew_on[job] >= 0 || !job_open(w, w.repairs.jobs[job])) continue;
        std::optional<std::size_t> kind = team_for(w, w.repairs.jobs[job]);
        if (kind && *kind != c.kind) continue;
        std::optional<NodeIndex> site = site_of(w, c, w.repairs.jobs[job]);
        if (!site) continue;
        c.busy = true;
        w.repairs.crew_on[job] = static_cast<int>(crew);
        const RepairTeam& team = w.theatre.repair_teams[c.kind];
        const VehicleType& type = w.theatre.vehicle_types[team.vehicle_type];
        MoverPlan plan =
            plan_of_one_type(type, 1, rules_of(w, team), c.at, *site, MoverPlan::Client::team, crew);
        plan.id = c.id;
        World* world = &w;
        start_mover(w, plan, [world, crew, job](const Mover& mover, Time) {
            world->repairs.crews[crew].at = mover.plan.destination;
            work(*world, crew, job);
        });
        return;
    }
}

// The jobs in the order teams take them: by priority, then roads (in the scenario's order) before
// services (by town, then service, in the scenario's order); a stable sort keeps the rest.
void order_jobs(World& w) {
    std::vector<std::pair<int, RepairJob>> jobs;
    for (std::size_t i = 0; i < w.disruptions.size(); ++i)
        if (w.disruptions[i].repair_work > 0) jobs.push_back({w.disruptions[i].priority, {false, i, 0, 0}});
    const std::vector<Town>& towns = w.theatre.aid.towns;
    for (std::size_t t = 0; t < towns.size(); ++t)
        for (std::size_t s = 0; s < towns[t].services.size(); ++s) {
            const TownService& service = towns[t].services[s];
            if (service.damaged && service.repair_work > 0)
                jobs.push_back({service.priority, {true, 0, t, s}});
        }
    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    w.repairs.jobs.clear();
    for (const auto& job : jobs) w.repairs.jobs.push_back(job.second);
    w.repairs.crew_on.assign(w.repairs.jobs.size(), -1);
}

}  // namespace

void start_repairs(World& w) {
    order_jobs(w);
    for (std::size_t kind = 0; kind < w.theatre.repair_teams.size(); ++kind) {
        const RepairTeam& team = w.theatre.repair_teams[kind];
        for (int k = 0; k < team.count; ++k) {
            RepairCrew crew;
            crew.kind = kind;
            crew.at = team.base;
            if (w.sinks.timeline || w.sinks.convoys || w.sinks.report)
                crew.id = team.name + "/team-" + std::to_string(k + 1);
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
