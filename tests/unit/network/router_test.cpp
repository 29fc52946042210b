#include <catch2/catch.hpp>
#include <cmath>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/engine/random.hpp"

using namespace corridor;

namespace {

// Every algorithm against Bellman-Ford from a few random origins to many random destinations.
void check_random_pairs(const RoadNetwork& network, int origins, int destinations, std::uint64_t seed) {
    Router router(network);
    router.prepare_landmarks(Metric::distance, 8);
    router.prepare_landmarks(Metric::time, 8);
    RandomStream pick({seed, 0, purpose_id("pairs"), 0});
    int compared = 0, unreachable = 0;
    for (int o = 0; o < origins; ++o) {
        NodeIndex from = pick.next_u32() % network.node_count();
        for (Metric metric : {Metric::distance, Metric::time}) {
            std::vector<double> truth = corridor::test::bellman_ford(network, from, metric);
            std::vector<double> all = router.one_to_all(from, metric);
            for (int d = 0; d < destinations; ++d) {
                NodeIndex to = pick.next_u32() % network.node_count();
                INFO("from " << network.node(from).id << " to " << network.node(to).id);
                if (std::isinf(truth[to])) {
                    CHECK(std::isinf(all[to]));
                    CHECK_FALSE(router.route({from, to, metric}, Algorithm::bidirectional).found);
                    ++unreachable;
                    continue;
                }
                CHECK(all[to] == Approx(truth[to]).epsilon(1e-9));
                for (Algorithm algorithm : {Algorithm::dijkstra, Algorithm::bidirectional,
                                            Algorithm::landmarks, Algorithm::automatic}) {
                    Route route = router.route({from, to, metric}, algorithm);
                    REQUIRE(route.found);
                    double cost = metric == Metric::distance ? route.distance_m : route.time_s;
                    CHECK(cost == Approx(truth[to]).epsilon(1e-9));
                    CHECK(route.nodes.size() == route.arcs.size() + 1);
                }
                ++compared;
            }
        }
    }
    CHECK(compared > unreachable);
}

}  // namespace

TEST_CASE("rome99: random routes equal a brute-force Bellman-Ford") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("rome99.gr"));
    check_random_pairs(network, 4, 50, 99);
}

TEST_CASE("DE.gr: random routes equal a brute-force Bellman-Ford") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("DE.gr"));
    check_random_pairs(network, 2, 40, 302);
}

TEST_CASE("landmark A* settles under a third of the nodes one-way Dijkstra settles on DE.gr") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("DE.gr"));
    Router router(network);
    router.prepare_landmarks(Metric::distance, 16);
    RandomStream pick({7, 0, purpose_id("pairs"), 0});
    std::size_t plain = 0, landmarks = 0;
    for (int i = 0; i < 20; ++i) {
        NodeIndex from = pick.next_u32() % network.node_count(), to = pick.next_u32() % network.node_count();
        Route a = router.route({from, to, Metric::distance}, Algorithm::dijkstra);
        Route b = router.route({from, to, Metric::distance}, Algorithm::landmarks);
        CHECK(a.distance_m == b.distance_m);
        plain += a.settled;
        landmarks += b.settled;
    }
    CHECK(landmarks * 3 < plain);
}

TEST_CASE("landmark bounds stay valid when the overlay closes roads after they were prepared") {
    RoadNetwork network = corridor::test::load_or_fail(corridor::test::data_file("rome99.gr"));
    Overlay overlay(network.arc_count());
    Router router(network, &overlay);
    router.prepare_landmarks(Metric::distance, 8);
    RandomStream pick({3, 0, purpose_id("closures"), 0});
    for (int i = 0; i < 200; ++i) overlay.close(pick.next_u32() % network.arc_count());
    for (int i = 0; i < 30; ++i) {
        NodeIndex from = pick.next_u32() % network.node_count(), to = pick.next_u32() % network.node_count();
        Route a = router.route({from, to, Metric::distance}, Algorithm::dijkstra);
        Route b = router.route({from, to, Metric::distance}, Algorithm::landmarks);
        REQUIRE(a.found == b.found);
        if (a.found) CHECK(b.distance_m == Approx(a.distance_m).epsilon(1e-12));
    }
}
