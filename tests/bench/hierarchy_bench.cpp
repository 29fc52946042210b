// Contraction hierarchy figures: preparation time, shortcuts, memory per node and arc, and the
// mean point-to-point query against a one-to-all Dijkstra and against the router's search
// without the hierarchy, with every hierarchy answer checked against Dijkstra's (relative 1e-9).
// On a DIMACS file, on a uniform grid of streets (--grid, the worst case for contraction) or on
// the generated road grid of corridor-bench scale (--nodes 1000000), to show that preparation scales.

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "../street_grid.hpp"
#include "bench.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/network/generate.hpp"
#include "corridor/network/hierarchy.hpp"
#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"
#include "scale_bench.hpp"

namespace corridor::bench {
namespace {

void hierarchy_benchmark(const std::string& name, const RoadNetwork& network, Metric metric, int queries,
                         int checked) {
    Router router(network);
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    router.prepare_hierarchy(metric);
    double prepare_s = seconds_since(start);
    double prepare_cpu_s = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const ContractionHierarchy& ch = *router.hierarchy(metric);
    auto n = static_cast<std::uint32_t>(network.node_count());
    RandomStream pick({42, 0, purpose_id("queries"), 0});
    std::vector<std::pair<NodeIndex, NodeIndex>> pairs;
    for (int i = 0; i < queries; ++i) pairs.push_back({pick.next_u32() % n, pick.next_u32() % n});
    auto cost = [metric](const Route& r) { return metric == Metric::distance ? r.distance_m : r.time_s; };

    std::vector<double> answers;
    std::size_t settled = 0;
    start = std::chrono::steady_clock::now();
    for (auto [from, to] : pairs) {
        Route r = router.route({from, to, metric}, Algorithm::hierarchy);
        answers.push_back(r.found ? cost(r) : INFINITY);
        settled += r.settled;
    }
    double hierarchy_s = seconds_since(start) / queries;
    start = std::chrono::steady_clock::now();
    double checksum = 0;
    for (auto [from, to] : pairs) checksum += std::min(ch.distance(from, to), 1e300);
    double distance_only_s = seconds_since(start) / queries;
    int without = std::min(queries, checked);
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < without; ++i)
        router.route({pairs[i].first, pairs[i].second, metric}, Algorithm::bidirectional);
    double bidirectional_s = seconds_since(start) / without;
    bool agree = true;
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < without; ++i) {
        double truth = router.one_to_all(pairs[i].first, metric)[pairs[i].second];
        agree = agree && (std::isinf(truth) ? std::isinf(answers[i])
                                            : std::abs(answers[i] - truth) <= 1e-9 * std::max(1.0, truth));
    }
    double one_to_all_s = seconds_since(start) / without;
    std::printf(
        "{\"benchmark\":\"hierarchy\",\"network\":\"%s\",\"metric\":\"%s\",\"nodes\":%zu,\"arcs\":%zu,"
        "\"prepare_s\":%.2f,\"prepare_cpu_s\":%.2f,\"shortcuts\":%zu,\"hierarchy_bytes\":%zu,\"bytes_per_"
        "node\":%.1f,"
        "\"bytes_per_node_and_arc\":%.1f,\"queries\":%d,\"hierarchy_route_us\":%.1f,"
        "\"hierarchy_distance_us\":%.1f,\"mean_settled\":%.0f,\"bidirectional_ms\":%.3f,\"one_to_all_ms\":%."
        "3f,"
        "\"one_to_all_over_hierarchy\":%.0f,\"bidirectional_over_hierarchy\":%.0f,\"checked\":%d,"
        "\"answers_agree\":%s,\"peak_rss_kb\":%ld}\n",
        name.c_str(), metric == Metric::distance ? "distance" : "time", network.node_count(),
        network.arc_count(), prepare_s, prepare_cpu_s, ch.shortcut_count(), ch.memory_bytes(),
        static_cast<double>(ch.memory_bytes()) / network.node_count(),
        static_cast<double>(ch.memory_bytes()) / (network.node_count() + network.arc_count()), queries,
        hierarchy_s * 1e6, distance_only_s * 1e6, static_cast<double>(settled) / queries,
        bidirectional_s * 1e3, one_to_all_s * 1e3, one_to_all_s / hierarchy_s, bidirectional_s / hierarchy_s,
        without, agree ? "true" : "false", peak_rss_kb());
    std::fflush(stdout);
}

}  // namespace

void add_hierarchy_benchmark(CLI::App& app) {
    static std::string gr;
    static int queries = 2000, checked = 100, grid = 0;
    static std::size_t nodes = 0;
    static std::string metric_name = "both";
    auto* command = app.add_subcommand(
        "hierarchy", "contraction hierarchy: preparation, memory, point-to-point against one-to-all");
    command->add_option("--dimacs", gr, "a DIMACS .gr file (default: $CORRIDOR_DATA_DIR/DE.gr)");
    command->add_option("--grid", grid, "instead, a generated grid of SIDE x SIDE streets")
        ->check(CLI::Range(2, 5000));
    command->add_option("--nodes", nodes, "instead, the generated road grid of corridor-bench scale (seed 1)")
        ->check(CLI::Range(std::size_t{4}, std::size_t{50'000'000}));
    command->add_option("--queries", queries)->capture_default_str()->check(CLI::Range(1, 10000000));
    command->add_option("--checked", checked, "queries checked against one-to-all Dijkstra")
        ->capture_default_str()
        ->check(CLI::Range(1, 10000000));
    command->add_option("--metric", metric_name)
        ->check(CLI::IsMember({"time", "distance", "both"}))
        ->capture_default_str();
    command->callback([] {
        std::string name;
        RoadNetwork network;
        if (nodes > 0) {
            name = "generated road grid, " + std::to_string(nodes) + " nodes";
            network = generate_road_grid(GridSpec::with_nodes(nodes, 1));
        } else if (grid > 0) {
            name = "grid " + std::to_string(grid) + "x" + std::to_string(grid);
            network = test::street_grid(grid, grid, 1);
        } else {
            const char* dir = std::getenv("CORRIDOR_DATA_DIR");
            name = gr.empty() ? std::string(dir ? dir : CORRIDOR_DEFAULT_DATA_DIR) + "/DE.gr" : gr;
            LoadedNetwork loaded = load_network(name);
            if (!loaded.network) throw std::runtime_error(loaded.diagnostics.first_error());
            network = std::move(*loaded.network);
        }
        for (Metric metric : {Metric::distance, Metric::time})
            if (metric_name == "both" || metric_name == (metric == Metric::time ? "time" : "distance"))
                hierarchy_benchmark(name, network, metric, queries, checked);
    });
}

}  // namespace corridor::bench
