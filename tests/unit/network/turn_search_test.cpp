// The turn-aware search against brute force: on small random networks with random forbidden
// turns, every route's cost equals the cheapest walk found by trying every walk that uses no arc
// twice (a best walk never does: its state is the arc it is on). Lengths are whole metres, so
// the sums are exact and the costs must be equal, not close.

#include <catch2/catch.hpp>
#include <functional>
#include <limits>

#include "../../network_helpers.hpp"
#include "corridor/engine/random.hpp"

using namespace corridor;

namespace {

RoadNetwork random_network(RandomStream& pick, bool coordinates, bool heavy_rules) {
    RoadNetworkBuilder builder;
    int n = 4 + static_cast<int>(pick.next_u32() % 4);
    for (int v = 0; v < n; ++v) {
        NodeInfo node;
        node.id = std::to_string(v);
        if (coordinates) {
            node.lat = (pick.next_u32() % 100) * 1e-4;
            node.lon = (pick.next_u32() % 100) * 1e-4;
        }
        builder.add_node(node);
    }
    std::vector<std::pair<NodeIndex, NodeIndex>> added;  // each arc's ends, in the order added
    int roads = n + static_cast<int>(pick.next_u32() % (n + 2));
    for (int r = 0; r < roads; ++r) {
        NodeIndex u = pick.next_u32() % n, v = pick.next_u32() % n;
        if (u == v) continue;
        RoadAttributes road;
        road.length_m = 1 + pick.next_u32() % 100;
        road.speed_kph = 50;
        if (heavy_rules && pick.next_u32() % 4 == 0) road.height_limit_m = 3;
        bool one_way = pick.next_u32() % 3 == 0;
        builder.add_road(u, v, road, one_way);
        added.push_back({u, v});
        if (!one_way) added.push_back({v, u});
    }
    // Each turn (two arcs meeting at a node, U-turns included) forbidden with probability 1/4.
    for (std::size_t in = 0; in < added.size(); ++in)
        for (std::size_t out = 0; out < added.size(); ++out)
            if (added[in].second == added[out].first && pick.next_u32() % 4 == 0)
                builder.forbid_turn(in, out, heavy_rules && pick.next_u32() % 2 == 0);
    return std::move(builder).build();
}

// The cheapest walk from `from` to `to` using no arc twice and no forbidden turn.
double brute_force(const RoadNetwork& network, NodeIndex from, NodeIndex to, const VehicleLimits& vehicle) {
    if (from == to) return 0;
    double best = std::numeric_limits<double>::infinity();
    std::vector<bool> used(network.arc_count(), false);
    std::function<void(ArcIndex, double)> walk = [&](ArcIndex a, double cost) {
        if (cost >= best) return;
        NodeIndex v = network.arc_to(a);
        if (v == to) {
            best = cost;
            return;
        }
        auto [first, last] = network.out_arcs(v);
        for (ArcIndex b = first; b < last; ++b) {
            if (used[b] || !vehicle_may_use(network, b, vehicle) || network.turn_forbidden(a, b, vehicle.heavy))
                continue;
            used[b] = true;
            walk(b, cost + network.length_m(b));
            used[b] = false;
        }
    };
    auto [first, last] = network.out_arcs(from);
    for (ArcIndex a = first; a < last; ++a) {
        if (!vehicle_may_use(network, a, vehicle)) continue;
        used[a] = true;
        walk(a, network.length_m(a));
        used[a] = false;
    }
    return best;
}

}  // namespace

TEST_CASE("the turn-aware search finds the cheapest walk that makes no forbidden turn, as brute force does") {
    RandomStream pick({12, 0, purpose_id("turns"), 0});
    int compared = 0, detours = 0;
    for (int trial = 0; trial < 300; ++trial) {
        bool coordinates = trial % 2 == 1;
        RoadNetwork network = random_network(pick, coordinates, trial % 3 == 0);
        Router router(network);
        for (NodeIndex from = 0; from < network.node_count(); ++from)
            for (NodeIndex to = 0; to < network.node_count(); ++to)
                for (VehicleLimits vehicle : {VehicleLimits{}, VehicleLimits{20, 0, 3.5, 0, true}}) {
                    double expected = brute_force(network, from, to, vehicle);
                    RouteQuery query{from, to, Metric::distance, vehicle};
                    double free = router.one_to_all(from, Metric::distance, vehicle)[to];
                    for (Algorithm algorithm : {Algorithm::automatic, Algorithm::dijkstra, Algorithm::bidirectional,
                                                Algorithm::astar}) {
                        INFO("trial " << trial << " from " << from << " to " << to << " algorithm "
                                      << static_cast<int>(algorithm));
                        Route route = router.route(query, algorithm);
                        REQUIRE(route.found == std::isfinite(expected));
                        if (!route.found) continue;
                        CHECK(route.distance_m == expected);
                        CHECK(router.path_allowed(query, route.arcs));
                        CHECK(route.nodes.front() == from);
                        CHECK(route.nodes.back() == to);
                        ++compared;
                    }
                    // one_to_all ignores turns: a lower bound, reached when no turn is in the way.
                    if (std::isfinite(expected)) {
                        CHECK(free <= expected);
                        detours += free < expected;
                    }
                }
    }
    CHECK(compared > 10000);
    CHECK(detours > 100);  // the restrictions changed many answers: the test tests something
}
