// One deployment run: the world is set up, units become ready, the airlift flies, units marshal
// into convoys, convoys march, posts are established; then the KPIs are read off
// (docs/model.md). Marshalling and posts live here; each other part has its own file.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "corridor/network/hierarchy.hpp"
#include "world.hpp"

namespace corridor::model {

World::World(const Theatre& t, std::uint64_t seed_, std::uint32_t replication_, const Sinks& sinks_)
    : theatre(t),
      seed(seed_),
      replication(replication_),
      sinks(sinks_),
      overlay(t.network().arc_count()),
      router(t.network(), &overlay) {
    // Shared read-only by every run and every thread (sim/scenario/network_hierarchy.cpp).
    if (t.hierarchy.time) router.use_hierarchy(t.hierarchy.time);
    if (sinks.roads) result.roads.assign(t.network().arc_count(), RoadOutcome{});
    deployment.units.resize(t.units.size());
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        const Unit& unit = t.units[u];
        Marshalling& m = deployment.units[u];
        m.available.assign(t.vehicle_types.size(), 0);
        // Convoys of at most the doctrine's size, at least one per post, sizes as even as can be.
        int vehicles = unit.vehicle_count();
        int convoys = std::max<int>(
            (vehicles + t.march_of(unit).convoy_max_vehicles - 1) / t.march_of(unit).convoy_max_vehicles,
            static_cast<int>(unit.posts.size()));
        for (int k = 0; k < convoys; ++k)
            m.convoy_sizes.push_back(vehicles / convoys + (k < vehicles % convoys ? 1 : 0));
        m.convoys_left_per_post.assign(unit.posts.size(), 0);
        for (int k = 0; k < convoys; ++k)
            ++m.convoys_left_per_post[static_cast<std::size_t>(k) % unit.posts.size()];
        UnitOutcome outcome;
        outcome.name = unit.name;
        outcome.ready = unit.ready;
        result.units.push_back(outcome);
        m.first_post_outcome = result.posts.size();
        for (std::size_t post : unit.posts)
            result.posts.push_back(
                {t.posts[post].name, unit.name, t.network().node(t.posts[post].node).id, kNever, kNever, ""});
    }
}

namespace {

// A convoy's row of convoys.csv from its mover; a wait still in progress at `end` counts up to it.
ConvoyOutcome convoy_outcome(const World& w, const Convoy& convoy, const Mover& mover, Time end) {
    ConvoyOutcome o = w.result.convoys[convoy.outcome];
    const MoverTally& tally = mover.tally;
    o.formed = tally.formed;
    o.departed = tally.rolled;
    o.arrived = tally.arrived;
    o.route_m = tally.route_m;
    o.halted = tally.halted;
    o.gate_wait = tally.gate_wait;
    o.checkpoint_wait = tally.checkpoint_wait;
    o.no_route_wait = tally.no_route_wait;
    Time waited = end - mover.waiting_since;
    switch (mover.waiting) {
        case Mover::Wait::gate:
            o.gate_wait += waited;
            break;
        case Mover::Wait::checkpoint:
            o.checkpoint_wait += waited;
            break;
        case Mover::Wait::route:
            o.no_route_wait += waited;
            break;
        case Mover::Wait::escort:  // (the force's convoys wait for no escort)
        case Mover::Wait::none:
            break;
    }
    return o;
}

// What a convoy's mover did, into its unit's departure and (when recorded) its row of convoys.csv.
void record_convoy(World& w, const Convoy& convoy, const Mover& mover, Time end) {
    UnitOutcome& unit = w.result.units[convoy.unit];
    Time rolled = mover.tally.rolled;
    if (rolled != kNever && (unit.departed == kNever || rolled < unit.departed)) unit.departed = rolled;
    if (w.sinks.convoys) w.result.convoys[convoy.outcome] = convoy_outcome(w, convoy, mover, end);
}

// A convoy's last vehicle is at its post: count its march, and establish the post once the last of
// its convoys is in and set up.
void convoy_arrived(World& w, const Mover& mover, Time at) {
    const Theatre& t = w.theatre;
    Convoy& convoy = w.deployment.convoys[mover.plan.client];
    std::size_t u = convoy.unit, slot = convoy.post_slot;
    const Unit& unit = t.units[u];
    UnitOutcome& outcome = w.result.units[u];
    outcome.vehicle_km += mover.plan.vehicles * mover.tally.route_m / 1000.0;
    outcome.vehicle_hours += mover.plan.vehicles * to_hours(at - mover.tally.departed);
    record_convoy(w, convoy, mover, t.duration);
    Marshalling& m = w.deployment.units[u];
    --m.convoys_on_road;
    if (m.next_convoy == m.convoy_sizes.size() && m.convoys_on_road == 0) outcome.arrived = at;
    std::size_t index = m.first_post_outcome + slot;
    Time& first = w.result.posts[index].first_arrival;
    if (first == kNever || at < first) first = at;
    if (--m.convoys_left_per_post[slot] > 0) return;
    const Post& post = t.posts[unit.posts[slot]];
    World* world = &w;
    w.sim.schedule_after(post.setup, [world, index] {
        PostOutcome& outcome = world->result.posts[index];
        outcome.established = world->sim.now();
        world->log(world->sim.now(), outcome.name, "post established", outcome.node);
    });
}

// Forms a convoy of the given vehicles and people and sets it off to its post.
void start_convoy(World& w, std::size_t unit_index, std::size_t post_slot,
                  const std::vector<int>& vehicles_by_type, int personnel, NodeIndex from) {
    const Theatre& t = w.theatre;
    const Unit& unit = t.units[unit_index];
    MoverPlan plan;
    plan.top_speed_kph = 1e9;
    for (std::size_t type = 0; type < vehicles_by_type.size(); ++type) {
        if (vehicles_by_type[type] == 0) continue;
        plan.vehicles += vehicles_by_type[type];
        plan.top_speed_kph = std::min(plan.top_speed_kph, t.vehicle_types[type].speed_kph);
        plan.vehicle.include(t.vehicle_types[type].limits());  // the convoy's most demanding vehicle
        // Fuel (docs/model.md, "Fuel"): every vehicle burns its own; the convoy goes as far as
        // the one with the shortest range, all setting off full from their own supply.
        double per_m = t.vehicle_types[type].fuel_per_100km / 100000.0;
        if (per_m > 0) {
            plan.fuel_l_per_m += vehicles_by_type[type] * per_m;
            plan.range_m = std::min(plan.range_m, t.vehicle_types[type].tank_l / per_m);
        }
    }
    UnitOutcome& outcome = w.result.units[unit_index];
    ++outcome.convoys;
    // Its name is only ever written out: a run that records neither builds it.
    if (w.sinks.timeline || w.sinks.convoys)
        plan.id = unit.name + "/convoy-" + std::to_string(outcome.convoys);
    plan.rules = &t.march_of(unit);
    plan.origin = from;
    plan.destination = t.posts[unit.posts[post_slot]].node;
    plan.client = w.deployment.convoys.size();
    outcome.vehicles += plan.vehicles;
    Convoy convoy{unit_index, post_slot, personnel, w.result.convoys.size()};
    w.deployment.convoys.push_back(convoy);
    if (w.sinks.convoys)
        w.result.convoys.push_back(ConvoyOutcome{plan.id, unit.name, plan.vehicles, w.node_id(plan.origin),
                                                 w.node_id(plan.destination)});
    if (w.sinks.report) w.result.convoy_tracks.emplace_back();
    World* world = &w;
    start_mover(w, plan, [world](const Mover& mover, Time at) { convoy_arrived(*world, mover, at); });
}

// What kind of closure a disruption is, for the run report's lane chart.
std::string_view closure_kind(const Disruption& d) {
    if (d.incident) return "incident";
    if (!d.closed) return "damage";
    return d.label.empty() ? "closure" : "random closure";
}

}  // namespace

void marshal(World& w, std::size_t u) {
    const Theatre& t = w.theatre;
    const Unit& unit = t.units[u];
    Marshalling& m = w.deployment.units[u];
    int vehicles_total = unit.vehicle_count();
    bool all_here = unit.mode == MoveMode::road ||
                    (m.vehicles_landed == vehicles_total && m.personnel_landed == unit.personnel);
    if (!m.activated) {
        if (unit.mode == MoveMode::air) {
            double landed = static_cast<double>(m.vehicles_landed) / vehicles_total;
            if (unit.personnel > 0)
                landed = std::min(landed, static_cast<double>(m.personnel_landed) / unit.personnel);
            if (landed + 1e-12 < t.march_of(unit).activation_threshold) return;
        }
        m.activated = true;
        w.result.units[u].activated = w.sim.now();
        w.log(w.sim.now(), unit.name, "activated", "");
    }
    NodeIndex from = unit.mode == MoveMode::air ? *t.airfields[unit.arrival_airfield].node : unit.origin_node;
    while (m.next_convoy < m.convoy_sizes.size()) {
        int size = m.convoy_sizes[m.next_convoy];
        bool last = m.next_convoy + 1 == m.convoy_sizes.size();
        int available = std::accumulate(m.available.begin(), m.available.end(), 0);
        if (available < size || (last && !all_here)) return;
        std::vector<int> taken(m.available.size(), 0);
        int still = size;
        for (std::size_t type = 0; type < m.available.size() && still > 0; ++type) {
            int n = std::min(still, m.available[type]);
            taken[type] = n;
            m.available[type] -= n;
            still -= n;
        }
        // People share the convoys in proportion to vehicles; the last convoy takes the rest.
        int people = last ? m.personnel_available
                          : std::min(m.personnel_available,
                                     static_cast<int>(std::ceil(static_cast<double>(unit.personnel) * size /
                                                                vehicles_total)));
        m.personnel_available -= people;
        std::size_t slot = m.next_convoy % unit.posts.size();
        ++m.next_convoy;
        ++m.convoys_on_road;
        start_convoy(w, u, slot, taken, people, from);
    }
}

namespace {

// Why a post was not established by the end, from how far its unit got.
std::string why_not_established(const PostOutcome& post, const UnitOutcome& unit, const Unit& plan,
                                bool waiting_for_road, Time end) {
    if (post.first_arrival != kNever && post.first_arrival <= end)
        return "not all its convoys had arrived, or its setup had not finished, by the end of the run";
    if (unit.ready > end) return "its unit was not ready before the end of the run";
    if (plan.mode == MoveMode::air && unit.activated == kNever)
        return "not enough of its unit had been flown in by the end of the run";
    if (waiting_for_road)
        return "its unit's convoys were waiting for a road to open at the end of the run (every road to "
               "the post was closed)";
    if (unit.departed == kNever) return "no convoy of its unit had left by the end of the run";
    return "its unit's convoys were still on the road at the end of the run";
}

Time share_established(std::vector<Time> times, double share) {
    std::size_t needed =
        static_cast<std::size_t>(std::ceil(share * static_cast<double>(times.size()) - 1e-9));
    std::vector<Time> done;
    for (Time t : times)
        if (t != kNever) done.push_back(t);
    if (times.empty() || done.size() < needed) return kNever;
    std::sort(done.begin(), done.end());
    return done[needed - 1];
}

}  // namespace
}  // namespace corridor::model

namespace corridor {

DeploymentResult simulate_deployment(const Theatre& theatre, std::uint64_t seed, std::uint32_t replication,
                                     const Sinks& sinks) {
    using namespace model;
    World w(theatre, seed, replication, sinks);
    open_roads(w);
    open_checkpoints(w);
    schedule_disruptions(w);
    start_airlift(w);
    open_depots(w);
    open_towns(w);
    start_fleets(w);
    open_services(w);
    start_returns(w);
    start_repairs(w);
    for (std::size_t u = 0; u < theatre.units.size(); ++u) {
        World* world = &w;
        w.sim.schedule_at(theatre.units[u].ready, [world, u] {
            world->log(world->sim.now(), world->theatre.units[u].name, "ready", "");
            if (world->theatre.units[u].mode == MoveMode::road) {
                Marshalling& m = world->deployment.units[u];
                for (const UnitVehicles& v : world->theatre.units[u].vehicles) m.available[v.type] += v.count;
                m.personnel_available = world->theatre.units[u].personnel;
                marshal(*world, u);
            }
        });
    }
    w.sim.run_until(theatre.duration);
    close_towns(w);
    close_fleets(w);
    close_depots(w);

    DeploymentResult& r = w.result;
    r.events = w.sim.events_executed();
    for (const VehicleType& type : theatre.vehicle_types) r.fuel.modelled |= type.fuel_per_100km > 0;
    r.mover_slots = w.roads.movers.size();
    r.checkpoint_batch_slots = w.checkpoints.batches.size();
    r.routing = {w.router.cache_misses(), w.router.cache_hits(), w.router.settled_total(),
                 w.router.hierarchy_fallbacks()};
    // Convoys still on the road (or waiting) at the end; those that arrived wrote their rows then.
    for (const auto& mover : w.roads.movers)
        if (mover && mover->plan.kind == MoverPlan::Client::convoy)
            record_convoy(w, w.deployment.convoys[mover->plan.client], *mover, theatre.duration);
    bool all_arrived = true;
    for (const UnitOutcome& unit : r.units) {
        if (unit.arrived == kNever)
            all_arrived = false;
        else
            r.closure_time = std::max(r.closure_time, unit.arrived);
        r.convoy_vehicle_km += unit.vehicle_km;
        r.convoy_vehicle_hours += unit.vehicle_hours;
    }
    if (!all_arrived) r.closure_time = kNever;
    // Units with a convoy that waits at the end for a road to open.
    std::vector<bool> waiting_for_road(r.units.size(), false);
    for (const model::Mover* mover : w.roads.blocked)
        if (mover->plan.kind == MoverPlan::Client::convoy)
            waiting_for_road[w.deployment.convoys[mover->plan.client].unit] = true;
    std::vector<Time> established;
    for (PostOutcome& post : r.posts) {
        established.push_back(post.established);
        if (post.first_arrival > theatre.duration) post.first_arrival = kNever;  // logged ahead, not reached
        if (post.established != kNever) continue;
        for (std::size_t u = 0; u < r.units.size(); ++u)
            if (r.units[u].name == post.unit)
                post.not_reached = why_not_established(post, r.units[u], theatre.units[u],
                                                       waiting_for_road[u], theatre.duration);
    }
    // A post whose convoy ran dry on the way says so (docs/model.md, "Fuel").
    for (const auto& mover : w.roads.movers)
        if (mover && mover->ran_dry && mover->plan.kind == MoverPlan::Client::convoy) {
            const Convoy& convoy = w.deployment.convoys[mover->plan.client];
            PostOutcome& post =
                r.posts[w.deployment.units[convoy.unit].first_post_outcome + convoy.post_slot];
            if (post.established == kNever) post.not_reached = "a convoy of its unit ran dry on the way";
        }
    // One row a day of the run, so that a planner sees the quiet days too.
    r.airlift_days.resize(
        std::max(r.airlift_days.size(), static_cast<std::size_t>((theatre.duration + kDay - 1) / kDay)));
    r.posts_50 = share_established(established, 0.5);
    r.posts_90 = share_established(established, 0.9);
    r.posts_100 = share_established(established, 1.0);
    // Each road's closed time: the union of the closures on it (overlapping ones count once).
    std::vector<std::vector<std::pair<Time, Time>>> closed_spans(sinks.roads ? theatre.network().arc_count()
                                                                             : 0);
    for (std::size_t i = 0; i < w.disruptions.size(); ++i) {
        const Disruption& d = w.disruptions[i];
        Time ends = std::min(w.disruption_ends[i], theatre.duration);
        if (sinks.roads && d.closed && d.from < theatre.duration)
            for (ArcIndex a : d.arcs) closed_spans[a].emplace_back(d.from, ends);
        if (d.incident && d.from < theatre.duration)
            ++r.incidents;
        else if (d.closed && !d.label.empty())
            ++r.random_closures;
        if (sinks.report && d.from < theatre.duration)
            r.closures.push_back(
                {d.road, closure_kind(d), d.from, ends, w.disruption_ends[i] <= theatre.duration});
        if (d.repair_work > 0)
            r.repairs.push_back(
                {i, w.disruption_ends[i] <= theatre.duration ? w.disruption_ends[i] : kNever});
    }
    std::stable_sort(r.closures.begin(), r.closures.end(),
                     [](const ClosureSpan& a, const ClosureSpan& b) { return a.from < b.from; });
    if (sinks.report)
        for (ReturnOutcome& flow : r.returns) flow.returned_by_day.resize(r.airlift_days.size(), 0);
    for (std::size_t t = 0; t < theatre.aid.towns.size(); ++t)
        for (std::size_t s = 0; s < theatre.aid.towns[t].services.size(); ++s)
            if (theatre.aid.towns[t].services[s].damaged) {
                Time restored = w.services.restored_at[t][s];
                r.services.push_back({t, s, restored <= theatre.duration ? restored : kNever});
            }
    for (std::size_t a = 0; a < closed_spans.size(); ++a) {
        std::vector<std::pair<Time, Time>>& spans = closed_spans[a];
        std::sort(spans.begin(), spans.end());
        Time covered_to = 0;
        for (auto [from, to] : spans) {
            from = std::max(from, covered_to);
            if (to > from) {
                r.roads[a].closed += to - from;
                covered_to = to;
            }
        }
    }
    for (std::size_t i = 0; i < theatre.checkpoints.size(); ++i) {
        const Resource& lanes = *w.checkpoints.lanes[i];
        CheckpointOutcome cp{theatre.checkpoints[i].name, lanes.waits_s().count(), lanes.waits_s().mean(),
                             lanes.waits_s().count() ? lanes.waits_s().max() : 0.0,
                             lanes.queue_length_stat().max()};
        const Tally& force = w.checkpoints.force_waits[i];
        const Tally& traffic = lanes.anonymous_waits_s();
        const Tally& aid = w.checkpoints.aid_waits[i];
        cp.force_vehicles = force.count();
        cp.force_mean_wait_s = force.mean();
        cp.force_max_wait_s = force.count() ? force.max() : 0.0;
        cp.aid_vehicles = aid.count();
        cp.aid_mean_wait_s = aid.mean();
        cp.traffic_vehicles = traffic.count();
        cp.traffic_mean_wait_s = traffic.mean();
        r.checkpoints.push_back(cp);
    }
    for (std::size_t i = 0; i < theatre.airfields.size(); ++i) {
        const Resource& apron = *w.airlift.aprons[i];
        AirfieldOutcome field{theatre.airfields[i].name, w.airlift.landings[i],
                              apron.queue_length_stat().max(), apron.waits_s().mean()};
        r.airfields.push_back(field);
        r.largest_apron_queue = std::max(r.largest_apron_queue, field.max_queue);
    }
    // Rows logged ahead of time (a convoy's tail) beyond the end did not happen.
    std::erase_if(r.timeline, [&](const TimelineRow& row) { return row.at > theatre.duration; });
    std::stable_sort(r.timeline.begin(), r.timeline.end(),
                     [](const TimelineRow& a, const TimelineRow& b) { return a.at < b.at; });
    return std::move(r);
}

}  // namespace corridor
