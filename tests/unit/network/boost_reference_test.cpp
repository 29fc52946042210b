// The router's searches against an independent reference: Boost.Graph's Dijkstra on a CSR graph
// of its own, built here from the network's arcs. Searches over our forward and reversed graphs
// (the network's own row starts and arcs, read in place from a prepared file) must give the very
// same costs.

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <catch2/catch.hpp>
#include <filesystem>

#include "../../data_files.hpp"
#include "../../network_helpers.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"

using namespace corridor;

namespace {

using BoostGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, NodeIndex, ArcIndex>;

// Distances from `source` by Boost's Dijkstra over the arcs.
std::vector<double> boost_distances(const RoadNetwork& network, NodeIndex source) {
    struct Edge {
        NodeIndex from, to;
        double length_m;
    };
    std::vector<Edge> edges;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        edges.push_back({network.arc_from(a), network.arc_to(a), network.length_m(a)});
    }
    // Grouped by source here, so that Boost's edge i is edges[i] and its weight is weights[i].
    std::stable_sort(edges.begin(), edges.end(),
                     [](const Edge& a, const Edge& b) { return a.from < b.from; });
    std::vector<std::pair<NodeIndex, NodeIndex>> ends;
    std::vector<double> weights;
    for (const Edge& edge : edges) {
        ends.push_back({edge.from, edge.to});
        weights.push_back(edge.length_m);
    }
    BoostGraph graph(boost::edges_are_sorted, ends.begin(), ends.end(), network.node_count());
    std::vector<double> distance(network.node_count());
    boost::dijkstra_shortest_paths(
        graph, source,
        boost::weight_map(
            boost::make_iterator_property_map(weights.begin(), boost::get(boost::edge_index, graph)))
            .distance_map(
                boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, graph))));
    return distance;
}

void check_against_boost(const RoadNetwork& network) {
    Router router(network);
    RandomStream pick({7, 0, purpose_id("boost reference"), 0});
    for (int i = 0; i < 4; ++i) {
        auto source = static_cast<NodeIndex>(pick.next_u32() % network.node_count());
        std::vector<double> ours = router.one_to_all(source, Metric::distance);
        std::vector<double> theirs = boost_distances(network, source);
        // Boost leaves an unreached node at the largest double; ours at infinity.
        auto same = [](double a, double b) { return a == b || (a > 1e300 && b > 1e300); };
        std::size_t differ = 0, reached = 0;
        for (NodeIndex v = 0; v < network.node_count(); ++v) {
            differ += !same(ours[v], theirs[v]);
            reached += ours[v] < 1e300;
        }
        // Bidirectional searches run the reversed graph from the destination.
        std::size_t routes_differ = 0;
        for (int k = 0; k < 50; ++k) {
            auto target = static_cast<NodeIndex>(pick.next_u32() % network.node_count());
            Route route = router.route({source, target, Metric::distance}, Algorithm::bidirectional);
            routes_differ += !same(route.found ? route.distance_m : 1e308, theirs[target]);
        }
        INFO("from node " << source);
        CHECK(differ == 0);
        CHECK(routes_differ == 0);
        CHECK(reached > network.node_count() / 2);
    }
}

}  // namespace

TEST_CASE(
    "one-to-all costs, forward and backward, are Boost.Graph's Dijkstra's on DE.gr and on its prepared file",
    "[network][router]") {
    const std::string source = test::data_file("DE.gr");
    RoadNetwork built = test::load_or_fail(source);
    check_against_boost(built);
    auto folder = test::scratch_root() / "boost-reference";
    std::filesystem::create_directories(folder);
    const std::string prepared = (folder / "de.cnet").string();
    REQUIRE(save_prepared_network(prepared, built, source, {}).ok());
    RoadNetwork read = test::load_or_fail(prepared);
    REQUIRE(read.viewing_prepared_file());
    check_against_boost(read);
}
