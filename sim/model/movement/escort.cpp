// Escorts (docs/model.md, "Escorts"): on an escorted stretch of road, movers bound by the escort
// (aid trucks, return buses) travel only in convoys that leave at set times of day, as on the
// Lachin road from November 2020. One about to enter the stretch from outside it waits at that
// node for the next departure; at a departure the movers waiting there leave together, in the
// order they came (and so through the stretch's first gate in that order), up to the escort's
// `max_vehicles`; the others wait for the one after. Once on the stretch a mover is not held again
// until it leaves it, and its march rules (halts, night stops) apply as anywhere else.

#include <algorithm>

#include "road_movement.hpp"

namespace corridor::model {
namespace {

void convoy_leaves(World& w, std::size_t escort, NodeIndex node);

bool binds(const Mover& m, std::size_t escort) {
    const std::vector<std::size_t>& escorts = *m.plan.escorts;
    return std::find(escorts.begin(), escorts.end(), escort) != escorts.end();
}

// The next departure at or after `after`, or the moment the rule is lifted if that comes first.
Time next_departure(const World& w, const Escort& escort, Time after) {
    Time day_start = after - w.time_of_day(after);
    Time next = day_start + kDay + escort.departures.front();
    for (Time at_time_of_day : escort.departures)
        if (day_start + at_time_of_day >= after) {
            next = day_start + at_time_of_day;
            break;
        }
    return escort.until ? std::min(next, *escort.until) : next;
}

void plan_departure(World& w, std::size_t escort, NodeIndex node, EscortQueue& queue, Time after) {
    queue.departure_planned = true;
    World* world = &w;
    w.sim.schedule_at(next_departure(w, w.theatre.aid.escorts[escort], after),
                      [world, escort, node] { convoy_leaves(*world, escort, node); });
}

// The escorted convoy leaves `node`: the movers waiting there go, first come first, as many as
// it takes (a mover larger than the limit goes alone rather than never). When the rule is lifted
// every mover still waiting drives on.
void convoy_leaves(World& w, std::size_t escort, NodeIndex node) {
    const Escort& rule = w.theatre.aid.escorts[escort];
    EscortQueue& queue = w.roads.escort_queues[{escort, node}];
    queue.departure_planned = false;
    Time now = w.sim.now();
    bool lifted = rule.until && now >= *rule.until;
    int vehicles = 0;
    while (!queue.waiting.empty()) {
        Mover& m = *queue.waiting.front();
        bool full = rule.max_vehicles > 0 && vehicles > 0 && vehicles + m.plan.vehicles > rule.max_vehicles;
        if (full && !lifted) break;
        queue.waiting.pop_front();
        vehicles += m.plan.vehicles;
        m.tally.escort_wait += now - m.waiting_since;
        m.waiting = Mover::Wait::none;
        m.escorted_at = m.arc;
        w.log(now, m.plan.id, lifted ? "escort lifted" : "escorted", node);
        go_on(w, m);
    }
    queue.left_at = now;
    queue.left_vehicles = vehicles;
    if (!queue.waiting.empty()) plan_departure(w, escort, node, queue, now + 1);
}

}  // namespace

bool wait_for_escort(World& w, Mover& m) {
    if (!m.plan.escorts || m.escorted_at == m.arc) return false;
    const std::vector<int>& escort_of = w.roads.escort_of_arc;
    int e = escort_of[m.route[m.arc]];
    if (e < 0 || !binds(m, static_cast<std::size_t>(e))) return false;
    if (m.arc > 0 && escort_of[m.route[m.arc - 1]] == e) return false;  // already on the stretch
    std::size_t escort = static_cast<std::size_t>(e);
    const Escort& rule = w.theatre.aid.escorts[escort];
    Time now = w.sim.now();
    if (now < rule.from || (rule.until && now >= *rule.until)) return false;
    NodeIndex node = w.theatre.network().arc_from(m.route[m.arc]);
    EscortQueue& queue = w.roads.escort_queues[{escort, node}];
    // A convoy leaving at this very moment, with room, takes it along.
    bool room = rule.max_vehicles == 0 || queue.left_vehicles + m.plan.vehicles <= rule.max_vehicles;
    if (queue.left_at == now && queue.waiting.empty() && room) {
        queue.left_vehicles += m.plan.vehicles;
        m.escorted_at = m.arc;
        w.log(now, m.plan.id, "escorted", node);
        return false;
    }
    w.log(now, m.plan.id, "waits for escort", node);
    m.waiting = Mover::Wait::escort;
    m.waiting_since = now;
    queue.waiting.push_back(&m);
    if (!queue.departure_planned) plan_departure(w, escort, node, queue, now);
    return true;
}

void leave_escort_queue(World& w, Mover& m) {
    NodeIndex node = w.theatre.network().arc_from(m.route[m.arc]);
    auto e = static_cast<std::size_t>(w.roads.escort_of_arc[m.route[m.arc]]);
    std::deque<Mover*>& waiting = w.roads.escort_queues[{e, node}].waiting;
    waiting.erase(std::remove(waiting.begin(), waiting.end(), &m), waiting.end());
    m.tally.escort_wait += w.sim.now() - m.waiting_since;
    m.waiting = Mover::Wait::none;
}

}  // namespace corridor::model
