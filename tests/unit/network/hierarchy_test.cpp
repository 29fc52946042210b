// Contraction hierarchies against plain Dijkstra: the same cheapest cost on thousands of random
// pairs, by time and by distance, on real maps, on a generated road grid and on small hand-made
// networks with one-way streets, parallel roads, zero-length roads, loops and disconnected parts;
// with closures, damage and weight limits (the Router's fallback); the unpacked path a chain of roads from
// origin to destination; the binary section read back identical. Costs are compared with a relative tolerance
// of 1e-9: a shortcut sums its halves before they join the rest of the path, so a tie between two paths can
// come out a last bit apart (docs/network.md, "Contraction hierarchies").

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "../../street_grid.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/network/generate.hpp"
#include "corridor/network/hierarchy.hpp"

using namespace corridor;

namespace {

NodeInfo node_named(std::string id) {
    NodeInfo node;
    node.id = std::move(id);
    return node;
}

double cost_of(const Route& route, Metric metric) {
    return metric == Metric::distance ? route.distance_m : route.time_s;
}

// The arcs run from `from` to `to`, each starting where the one before ends.
bool is_chain(const RoadNetwork& network, NodeIndex from, NodeIndex to, const std::vector<ArcIndex>& arcs) {
    NodeIndex at = from;
    for (ArcIndex a : arcs) {
        if (network.arc_from(a) != at) return false;
        at = network.arc_to(a);
    }
    return at == to;
}

struct Tally {
    int compared = 0, unreachable = 0;
};

// The hierarchy route of `pairs` random pairs, both metrics, against Dijkstra with the same overlay
// and vehicle.
Tally check_against_dijkstra(const RoadNetwork& network, const Overlay* overlay, int pairs,
                             std::uint64_t seed, double vehicle_weight_t = 0) {
    Router router(network, overlay);
    router.prepare_hierarchy(Metric::time);
    router.prepare_hierarchy(Metric::distance);
    RandomStream pick({seed, 0, purpose_id("pairs"), 0});
    Tally tally;
    auto n = static_cast<std::uint32_t>(network.node_count());
    for (int i = 0; i < pairs; ++i) {
        NodeIndex from = pick.next_u32() % n, to = pick.next_u32() % n;
        for (Metric metric : {Metric::time, Metric::distance}) {
            RouteQuery query{from, to, metric, vehicle_weight_t};
            Route truth = router.route(query, Algorithm::dijkstra);
            Route ch = router.route(query, Algorithm::hierarchy);
            INFO("from " << network.node(from).id << " to " << network.node(to).id << " by "
                         << (metric == Metric::time ? "time" : "distance"));
            REQUIRE(ch.found == truth.found);
            if (!truth.found) {
                ++tally.unreachable;
                continue;
            }
            ++tally.compared;
            CHECK(cost_of(ch, metric) == Approx(cost_of(truth, metric)).epsilon(1e-9));
            CHECK(is_chain(network, from, to, ch.arcs));
            double summed = 0;
            for (ArcIndex a : ch.arcs) summed += router.arc_cost(a, metric, vehicle_weight_t);
            CHECK(summed == cost_of(ch, metric));
            if (!overlay && vehicle_weight_t == 0)
                CHECK(router.hierarchy(metric)->distance(from, to) ==
                      Approx(cost_of(truth, metric)).epsilon(1e-9));
        }
    }
    return tally;
}

// Closes and slows a random few percent of the arcs.
void damage(Overlay& overlay, std::size_t arcs, std::uint64_t seed, int percent) {
    RandomStream pick({seed, 0, purpose_id("overlay"), 0});
    for (ArcIndex a = 0; a < arcs; ++a) {
        std::uint32_t roll = pick.next_u32() % 100;
        if (roll < static_cast<std::uint32_t>(percent))
            overlay.close(a);
        else if (roll < static_cast<std::uint32_t>(2 * percent))
            overlay.set_speed_factor(a, 0.2 + 0.7 * pick.uniform01());
    }
}

// A small random network: two-way and one-way roads, parallel roads (some of equal length),
// zero-length roads, loops, weight-limited bridges, and a second part joined to nothing.
RoadNetwork small_network(std::uint64_t seed, int nodes) {
    RandomStream pick({seed, 0, purpose_id("network"), 0});
    RoadNetworkBuilder builder;
    for (int v = 0; v < nodes; ++v) builder.add_node(node_named(std::to_string(v + 1)));
    auto n = static_cast<std::uint32_t>(nodes);
    auto island = n - n / 6;  // nodes [island, n) only reach each other
    auto road = [&](NodeIndex u, NodeIndex v, double length_m) {
        RoadAttributes r;
        r.length_m = length_m;
        r.speed_kph = 20.0 + 10 * (pick.next_u32() % 9);
        if (pick.next_u32() % 10 == 0) r.weight_limit_t = 5 + pick.next_u32() % 40;
        builder.add_road(u, v, r, pick.next_u32() % 3 == 0);
        if (pick.next_u32() % 8 == 0) builder.add_road(u, v, r, true);  // a parallel road, same cost
    };
    for (int i = 0; i < nodes * 2; ++i) {
        NodeIndex u = pick.next_u32() % island, v = pick.next_u32() % island;
        double length = pick.next_u32() % 12 == 0 ? 0.0 : 10.0 + pick.next_u32() % 2000;
        road(u, v, length);
    }
    for (NodeIndex u = island; u + 1 < n; ++u) road(u, u + 1, 100.0 + pick.next_u32() % 500);
    return std::move(builder).build();
}

std::string bytes_of(const ContractionHierarchy& ch) {
    std::ostringstream out;
    ch.write(out);
    return out.str();
}

}  // namespace

TEST_CASE("hierarchy routes cost what Dijkstra's cost on small hand-made networks, every pair") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        RoadNetwork network = small_network(seed, 40);
        Router router(network);
        router.prepare_hierarchy(Metric::time);
        router.prepare_hierarchy(Metric::distance);
        int compared = 0, unreachable = 0;
        for (NodeIndex from = 0; from < network.node_count(); ++from)
            for (NodeIndex to = 0; to < network.node_count(); ++to)
                for (Metric metric : {Metric::time, Metric::distance}) {
                    Route truth = router.route({from, to, metric}, Algorithm::dijkstra);
                    Route ch = router.route({from, to, metric}, Algorithm::hierarchy);
                    INFO("network " << seed << " from " << from << " to " << to);
                    REQUIRE(ch.found == truth.found);
                    if (!truth.found) {
                        ++unreachable;
                        CHECK(std::isinf(router.hierarchy(metric)->distance(from, to)));
                        continue;
                    }
                    ++compared;
                    CHECK(cost_of(ch, metric) == Approx(cost_of(truth, metric)).epsilon(1e-9));
                    CHECK(is_chain(network, from, to, ch.arcs));
                }
        CHECK(compared > 1000);
        CHECK(unreachable > 100);  // the island, and one-way streets
    }
}

TEST_CASE("of parallel roads the hierarchy takes the cheapest, and one-way streets only their way") {
    RoadNetworkBuilder builder;
    for (const char* id : {"a", "b", "c"}) builder.add_node(node_named(id));
    auto road = [](double length_m, double speed_kph) {
        RoadAttributes r;
        r.length_m = length_m;
        r.speed_kph = speed_kph;
        return r;
    };
    builder.add_road(0, 1, road(1000, 30), true);
    builder.add_road(0, 1, road(1000, 60), true);  // same length, half the time
    builder.add_road(1, 2, road(0, 50), true);     // zero length
    builder.add_road(2, 0, road(5000, 50), true);  // one-way back
    RoadNetwork network = std::move(builder).build();
    ContractionHierarchy by_time = ContractionHierarchy::build(network, Metric::time);
    ContractionHierarchy by_distance = ContractionHierarchy::build(network, Metric::distance);
    std::vector<ArcIndex> a_to_b = network.arcs_between(0, 1);
    REQUIRE(a_to_b.size() == 2);
    ArcIndex fast_arc = network.speed_kph(a_to_b[0]) == 60 ? a_to_b[0] : a_to_b[1];
    CHECK(*by_time.path(0, 2) == std::vector<ArcIndex>{fast_arc, network.arcs_between(1, 2)[0]});
    CHECK(by_time.distance(0, 2) == Approx(60.0).epsilon(1e-12));
    // By distance the two are tied: the lower arc index stands.
    CHECK(by_distance.path(0, 1)->front() == std::min(a_to_b[0], a_to_b[1]));
    CHECK(by_distance.distance(1, 0) == 5000);  // round by the one-way road
    CHECK(by_distance.distance(1, 2) == 0);
    CHECK(by_distance.path(1, 1)->empty());
}

TEST_CASE("hierarchy routes under random closures and damage cost what Dijkstra's cost") {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        RoadNetwork network = small_network(100 + seed, 60);
        Overlay overlay(network.arc_count());
        damage(overlay, network.arc_count(), seed, 5);
        Tally tally = check_against_dijkstra(network, &overlay, 400, seed);
        CHECK(tally.compared > 300);
    }
}

TEST_CASE("hierarchy routes for heavy vehicles keep off weak bridges as Dijkstra does") {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        RoadNetwork network = small_network(200 + seed, 60);
        Tally tally = check_against_dijkstra(network, nullptr, 400, seed, 20.0);
        CHECK(tally.compared > 300);
    }
}

TEST_CASE("a grid with one-way rows: hierarchy routes cost what Dijkstra's cost") {
    RoadNetwork network = test::street_grid(40, 40, 5);
    Tally tally = check_against_dijkstra(network, nullptr, 500, 11);
    CHECK(tally.compared == 1000);
    Overlay overlay(network.arc_count());
    damage(overlay, network.arc_count(), 3, 3);
    check_against_dijkstra(network, &overlay, 300, 12);
}

TEST_CASE("a generated road grid of 20,000 junctions: hierarchy routes cost what Dijkstra's cost") {
    // The network corridor-bench scale and hierarchy --nodes measure at a million junctions (road
    // classes, one-way streets, diagonals, bridges), at a size a test can check against Dijkstra.
    RoadNetwork network = generate_road_grid(GridSpec::with_nodes(20000, 7));
    REQUIRE(network.node_count() >= 20000);
    Tally tally = check_against_dijkstra(network, nullptr, 300, 21);
    CHECK(tally.compared == 600);  // the generator keeps the grid strongly connected
    Overlay overlay(network.arc_count());
    damage(overlay, network.arc_count(), 21, 2);
    check_against_dijkstra(network, &overlay, 150, 22);
}

TEST_CASE(
    "rome99: hierarchy routes cost what Dijkstra's cost on 2000 random pairs, with and without closures") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("rome99.gr"));
    Tally tally = check_against_dijkstra(network, nullptr, 2000, 99);
    CHECK(tally.compared > 3000);
    Overlay overlay(network.arc_count());
    damage(overlay, network.arc_count(), 99, 2);
    tally = check_against_dijkstra(network, &overlay, 1000, 98);
    CHECK(tally.compared > 1000);
}

TEST_CASE(
    "DE.gr: hierarchy routes cost what Dijkstra's cost on 1000 random pairs, with and without closures") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("DE.gr"));
    Tally tally = check_against_dijkstra(network, nullptr, 1000, 302);
    CHECK(tally.compared > 1500);
    Overlay overlay(network.arc_count());
    damage(overlay, network.arc_count(), 302, 1);
    tally = check_against_dijkstra(network, &overlay, 300, 303);
    CHECK(tally.compared > 450);
}

TEST_CASE("the router's automatic choice uses a prepared hierarchy and falls back past a closure") {
    RoadNetwork network = test::street_grid(20, 20, 8);
    Overlay overlay(network.arc_count());
    Router router(network, &overlay);
    router.prepare_hierarchy(Metric::time);
    RouteQuery query{0, static_cast<NodeIndex>(network.node_count() - 1), Metric::time};
    Route plain = router.route(query, Algorithm::dijkstra);
    Route automatic = router.route(query);
    CHECK(automatic.time_s == Approx(plain.time_s).epsilon(1e-9));
    CHECK(automatic.settled * 5 < plain.settled);  // the hierarchy's search, not Dijkstra's
    CHECK(router.hierarchy_fallbacks() == 0);
    overlay.close(automatic.arcs[automatic.arcs.size() / 2]);
    Route detour = router.route(query);
    CHECK(router.hierarchy_fallbacks() == 1);
    CHECK(detour.time_s == Approx(router.route(query, Algorithm::dijkstra).time_s).epsilon(1e-9));
    CHECK(detour.time_s > automatic.time_s);
}

TEST_CASE("a hierarchy is built the same, byte for byte, every time, and reads back identical") {
    RoadNetwork network = test::street_grid(30, 30, 2);
    ContractionHierarchy ch = ContractionHierarchy::build(network, Metric::time);
    std::string bytes = bytes_of(ch);
    CHECK(bytes_of(ContractionHierarchy::build(network, Metric::time)) == bytes);
    std::istringstream in(bytes);
    Result<ContractionHierarchy> read = ContractionHierarchy::read(in, network);
    REQUIRE(read.ok());
    CHECK(bytes_of(read.value()) == bytes);
    CHECK(read.value().shortcut_count() == ch.shortcut_count());
    RandomStream pick({4, 0, purpose_id("pairs"), 0});
    for (int i = 0; i < 200; ++i) {
        NodeIndex from = pick.next_u32() % network.node_count(), to = pick.next_u32() % network.node_count();
        CHECK(read.value().distance(from, to) == ch.distance(from, to));
        CHECK(read.value().path(from, to) == ch.path(from, to));
    }
}

TEST_CASE("a hierarchy section for another network, or cut short, is refused with a reason") {
    RoadNetwork network = test::street_grid(10, 10, 2);
    std::string bytes = bytes_of(ContractionHierarchy::build(network, Metric::distance));
    RoadNetwork other = test::street_grid(10, 10, 3);  // same shape, other lengths
    std::istringstream foreign(bytes);
    Result<ContractionHierarchy> read = ContractionHierarchy::read(foreign, other);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error() ==
          "the contraction hierarchy was built for another network or other costs (prepare it again)");
    std::istringstream cut(bytes.substr(0, bytes.size() - 5));
    read = ContractionHierarchy::read(cut, network);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error() == "contraction hierarchy: the section is truncated or its counts are wrong");
    std::istringstream wrong("CORRIDOR-NET");
    CHECK(ContractionHierarchy::read(wrong, network).error() ==
          "not a contraction hierarchy section (wrong magic word)");
}
