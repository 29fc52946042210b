// Routes that respect turn restrictions: Dijkstra (A* where the network has coordinates) over
// arcs rather than nodes, the edge-based search of the routing engines (OSRM, GraphHopper). A
// label is the cost to the end of an arc; from it, every arc leaving that end is tried unless
// the turn into it is forbidden. A route may come back through a node (three rights for a
// forbidden left) and may turn back at a node (a U-turn) unless a restriction forbids it.

#include <algorithm>

#include "corridor/network/router.hpp"
#include "turn_search.hpp"

namespace corridor {

bool Router::turns_matter(const RouteQuery& query) const {
    const std::vector<ForbiddenTurn>& turns = network_.forbidden_turns();
    if (query.vehicle.heavy) return !turns.empty();
    return std::any_of(turns.begin(), turns.end(), [](const ForbiddenTurn& t) { return !t.heavy_only; });
}

bool Router::path_allowed(const RouteQuery& query, std::span<const ArcIndex> arcs) const {
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (!vehicle_may_use(network_, arcs[i], query.vehicle)) return false;
        if (i > 0 && network_.turn_forbidden(arcs[i - 1], arcs[i], query.vehicle.heavy)) return false;
    }
    return true;
}

Route Router::arc_dijkstra(const RouteQuery& query) {
    if (query.from == query.to) return finish(query, {}, 0);
    if (!arc_search_) arc_search_ = std::make_unique<ArcSearch>(network_.arc_count());
    ArcSearch& s = *arc_search_;
    const bool geometric = network_.has_coordinates();
    // The straight-line bound at the arc's end: consistent over arcs as over nodes, since every
    // arc costs at least its straight length times the least cost per metre.
    auto estimate = [&](ArcIndex a) { return geometric ? heuristic(network_.arc_to(a), query.to, query.metric) : 0.0; };
    s.start();
    auto [first, last_out] = network_.out_arcs(query.from);
    for (ArcIndex a = first; a < last_out; ++a) {
        double c = arc_cost(a, query.metric, query.vehicle);
        if (c < s.get(a)) {
            s.set(a, c, ArcSearch::kNone);
            s.heap.push({c + estimate(a), a});
        }
    }
    std::size_t settled = 0;
    ArcIndex last = ArcSearch::kNone;
    while (!s.heap.empty()) {
        ArcIndex a = s.heap.pop().arc;
        if (s.settled(a)) continue;
        s.settle(a);
        ++settled;
        NodeIndex v = network_.arc_to(a);
        if (v == query.to) {
            last = a;
            break;
        }
        double cost_a = s.get(a);
        auto [next, next_end] = network_.out_arcs(v);
        for (ArcIndex b = next; b < next_end; ++b) {
            if (network_.turn_forbidden(a, b, query.vehicle.heavy)) continue;
            double c = cost_a + arc_cost(b, query.metric, query.vehicle);
            if (c < s.get(b)) {
                s.set(b, c, a);
                s.heap.push({c + estimate(b), b});
            }
        }
    }
    if (last == ArcSearch::kNone) return finish(query, {}, settled);
    std::vector<ArcIndex> arcs;
    for (ArcIndex a = last; a != ArcSearch::kNone; a = s.parent[a]) arcs.push_back(a);
    std::reverse(arcs.begin(), arcs.end());
    return finish(query, std::move(arcs), settled);
}

}  // namespace corridor
