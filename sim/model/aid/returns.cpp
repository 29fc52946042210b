// Returns (docs/model.md, "Returns"): displaced people wait at an origin and go home to their town
// by bus convoys. A convoy may leave at each of the flow's departure times of day, from its `from`
// time on, when every post it waits for is established, every service of the town it waits for
// works (services.cpp) and an open road leads to the town; it takes as many buses of the pool as
// are at the origin (at most `convoy_buses`) and as people as they seat. On arrival the people
// join the town's population (and its need); the buses drive back empty for the next departure.
// Buses of a type with an `mdbf` fail on the road (movement/failures.cpp): a convoy of n buses
// fails after an exponential distance of mean mdbf / n (the first of its buses to fail), drawn
// from the flow's own stream, and halts for that bus's repair_time; it is never recovered.

#include <algorithm>
#include <limits>
#include <string>

#include "../world.hpp"
#include "corridor/engine/distributions.hpp"

namespace corridor::model {
namespace {

constexpr std::size_t kNoPost = static_cast<std::size_t>(-1);

void schedule_departure(World& w, std::size_t flow, Time after);

const VehicleType& bus_of(const World& w, std::size_t convoy) {
    return w.theatre.vehicle_types[w.theatre.aid.returns[w.aid.bus_convoys[convoy].flow].bus_type];
}

const MarchDoctrine& rules_of(const World& w, const ReturnFlow& flow) {
    return flow.march ? *flow.march : w.theatre.march;
}

// The people of every flow together: when half and 90% of them are home.
void count_returned(World& w, std::size_t flow, int people) {
    Time now = w.sim.now();
    ReturnOutcome& o = w.result.returns[flow];
    std::int64_t before = o.returned, after = o.returned + people, all = o.people;
    o.returned += people;
    if (o.first_arrival == kNever) o.first_arrival = now;
    if (before * 2 < all && after * 2 >= all) o.half = now;
    if (before * 10 < all * 9 && after * 10 >= all * 9) o.ninety = now;
    if (o.returned == o.people) o.all = now;
    if (w.sinks.report) {  // the run report's returns curve
        auto day = static_cast<std::size_t>(now / kDay);
        if (o.returned_by_day.size() <= day) o.returned_by_day.resize(day + 1, 0);
        o.returned_by_day[day] += people;
    }
    std::int64_t total_before = w.aid.returned;
    w.aid.returned += people;
    std::int64_t total = w.aid.waiting_at_start;
    if (total_before * 2 < total && w.aid.returned * 2 >= total) w.result.returned_50 = now;
    if (total_before * 10 < total * 9 && w.aid.returned * 10 >= total * 9) w.result.returned_90 = now;
}

void bus_convoy_in(World& w, std::size_t index, const Mover& mover) {
    const BusConvoy convoy = w.aid.bus_convoys[index];  // a copy: the table grows below
    w.result.returns[convoy.flow].vehicle_km += convoy.buses * mover.tally.route_m / 1000.0;
    w.result.returns[convoy.flow].escort_wait_h += to_hours(mover.tally.escort_wait);
    const ReturnFlow& flow = w.theatre.aid.returns[convoy.flow];
    ReturnState& state = w.aid.returns[convoy.flow];
    if (convoy.coming_back) {
        state.buses_home += convoy.buses;
        return;
    }
    add_people(w, flow.town, convoy.people);
    count_returned(w, convoy.flow, convoy.people);
    if (w.sinks.timeline)
        w.log(w.sim.now(), flow.name, "returnees arrived", w.node_id(w.theatre.aid.towns[flow.town].node));
    // The buses go back for the next people, as a convoy of their own.
    BusConvoy back{convoy.flow, convoy.buses, 0, true};
    std::size_t back_index = w.aid.bus_convoys.size();
    w.aid.bus_convoys.push_back(back);
    const VehicleType& bus = w.theatre.vehicle_types[flow.bus_type];
    MoverPlan plan =
        plan_of_one_type(bus, convoy.buses, rules_of(w, flow), w.theatre.aid.towns[flow.town].node,
                         flow.origin, MoverPlan::Client::bus, back_index);
    if (w.sinks.timeline) plan.id = flow.name + "/buses-back-" + std::to_string(back_index + 1);
    plan.failure_in_m = bus_convoy_failure_m(w, back_index);
    if (!flow.escorts.empty()) plan.escorts = &flow.escorts;
    World* world = &w;
    start_mover(w, plan, [world, back_index](const Mover& m, Time) { bus_convoy_in(*world, back_index, m); });
}

// Why a convoy of flow `f` may not leave now ("" when it may): the first condition that does not
// hold, for the timeline.
std::string held_by(World& w, std::size_t f) {
    const ReturnFlow& flow = w.theatre.aid.returns[f];
    const ReturnState& state = w.aid.returns[f];
    for (std::size_t row : state.posts_needed) {
        if (row == kNoPost) return "waiting for a post no unit is sent to";
        if (w.result.posts[row].established == kNever || w.result.posts[row].established > w.sim.now())
            return "waiting for post " + w.result.posts[row].name;
    }
    for (std::size_t service : flow.after_services)
        if (w.services.restored_at[flow.town][service] == kNever)
            return "waiting for " + service_label(w, flow.town, service);
    const VehicleType& bus = w.theatre.vehicle_types[flow.bus_type];
    NodeIndex town = w.theatre.aid.towns[flow.town].node;
    if (!w.router.route({flow.origin, town, Metric::time, bus.limits()}).found)
        return "no open road to " + w.node_id(town);
    return "";
}

void depart(World& w, std::size_t f) {
    const ReturnFlow& flow = w.theatre.aid.returns[f];
    ReturnState& state = w.aid.returns[f];
    if (state.waiting <= 0) return;
    if (std::string why = held_by(w, f); !why.empty()) {
        w.result.returns[f].held += 1;
        w.log(w.sim.now(), flow.name, "returns held", why);
        schedule_departure(w, f, w.sim.now() + 1);
        return;
    }
    if (state.buses_home > 0) {
        const VehicleType& bus = w.theatre.vehicle_types[flow.bus_type];
        int seats = std::max(1, bus.seats);
        int buses = std::min({flow.convoy_buses, state.buses_home, (state.waiting + seats - 1) / seats});
        int people = std::min(state.waiting, buses * seats);
        state.waiting -= people;
        state.buses_home -= buses;
        ++w.result.returns[f].convoys;
        std::size_t index = w.aid.bus_convoys.size();
        w.aid.bus_convoys.push_back({f, buses, people, false});
        MoverPlan plan = plan_of_one_type(bus, buses, rules_of(w, flow), flow.origin,
                                          w.theatre.aid.towns[flow.town].node, MoverPlan::Client::bus, index);
        if (w.sinks.timeline) plan.id = flow.name + "/buses-" + std::to_string(index + 1);
        plan.failure_in_m = bus_convoy_failure_m(w, index);
        if (!flow.escorts.empty()) plan.escorts = &flow.escorts;
        World* world = &w;
        start_mover(w, plan, [world, index](const Mover& m, Time) { bus_convoy_in(*world, index, m); });
    }
    if (state.waiting > 0) schedule_departure(w, f, w.sim.now() + 1);
}

// The flow's first departure time at or after `after` (none past the end of the run).
void schedule_departure(World& w, std::size_t f, Time after) {
    const ReturnFlow& flow = w.theatre.aid.returns[f];
    if (flow.departures.empty()) return;
    after = std::max(after, flow.from);
    Time day_start = after - w.time_of_day(after);
    for (int d = 0; d <= 1; ++d)
        for (Time at_time_of_day : flow.departures) {
            Time at = day_start + d * kDay + at_time_of_day;
            if (at < after) continue;
            if (at >= w.theatre.duration) return;  // nothing could arrive within the run
            World* world = &w;
            w.sim.schedule_at(at, [world, f] { depart(*world, f); });
            return;
        }
}

}  // namespace

void start_returns(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    for (std::size_t f = 0; f < aid.returns.size(); ++f) {
        const ReturnFlow& flow = aid.returns[f];
        ReturnState state;
        state.waiting = flow.people;
        state.buses_home = flow.buses;
        for (std::size_t post : flow.after_posts) {
            std::size_t rows = state.posts_needed.size();
            for (std::size_t row = 0; row < w.result.posts.size(); ++row)
                if (w.result.posts[row].name == w.theatre.posts[post].name) state.posts_needed.push_back(row);
            // A post no unit is sent to is never established (the scenario check refuses it).
            if (state.posts_needed.size() == rows) state.posts_needed.push_back(kNoPost);
        }
        w.aid.returns.push_back(state);
        w.aid.bus_failure_streams.emplace_back(
            StreamKey{w.seed, w.replication, purpose_id("bus-breakdown"), entity_id(flow.name)});
        ReturnOutcome o;
        o.name = flow.name;
        o.people = flow.people;
        w.result.returns.push_back(o);
        w.aid.waiting_at_start += flow.people;
        schedule_departure(w, f, 0);
    }
}

Time bus_convoy_broke_down(World& w, std::size_t index) {
    ++w.result.returns[w.aid.bus_convoys[index].flow].breakdowns;
    return bus_of(w, index).repair_time;
}

double bus_convoy_failure_m(World& w, std::size_t index) {
    const BusConvoy& convoy = w.aid.bus_convoys[index];
    double mdbf_m = bus_of(w, index).mdbf_m;
    if (mdbf_m <= 0 || convoy.buses <= 0) return std::numeric_limits<double>::infinity();
    return draw_exponential(w.aid.bus_failure_streams[convoy.flow], mdbf_m / convoy.buses);
}

}  // namespace corridor::model
