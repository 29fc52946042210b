// Country scale (issue 12, docs/performance.md "Country scale"): a generated road grid of a million
// junctions (generate_road_grid), written to DIMACS and CSV and loaded back, landmarks prepared,
// one-to-all against point-to-point queries, and a scenario of 1,000 convoys on it. Each phase prints
// one JSON line; `answers_agree` and `same_network` say that the methods compared give one answer.

#include <unistd.h>
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "bench.hpp"
#include "corridor/engine/random.hpp"
#include "corridor/network/generate.hpp"
#include "corridor/network/hierarchy.hpp"
#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"
#include "scale_bench.hpp"

namespace corridor::bench {
namespace {

namespace fs = std::filesystem;

struct Pair {
    NodeIndex from, to;
};

double bytes_per_node_and_arc(std::size_t bytes, const RoadNetwork& network) {
    return static_cast<double>(bytes) / static_cast<double>(network.node_count() + network.arc_count());
}

const char* yes_no(bool b) { return b ? "true" : "false"; }

void generate_phase(const GridSpec& spec, RoadNetwork& network) {
    GridSummary summary;
    auto start = std::chrono::steady_clock::now();
    network = generate_road_grid(spec, &summary);
    double seconds = seconds_since(start);
    std::size_t strong = largest_strong_part(network);
    std::printf(
        "{\"benchmark\":\"scale-generate\",\"seed\":%llu,\"columns\":%u,\"rows\":%u,\"nodes\":%zu,\"arcs\":%"
        "zu,"
        "\"roads\":%zu,\"one_way_roads\":%zu,\"made_two_way\":%zu,\"dropped\":%zu,\"bridges\":%zu,"
        "\"largest_part_share\":%.5f,\"largest_strong_part_share\":%.5f,\"seconds\":%.3f,\"bytes\":%zu,"
        "\"bytes_per_node_and_arc\":%.1f,\"peak_rss_kb\":%ld}\n",
        static_cast<unsigned long long>(spec.seed), spec.columns, spec.rows, network.node_count(),
        network.arc_count(), summary.roads, summary.one_way_roads, summary.made_two_way, summary.dropped,
        summary.bridges, static_cast<double>(network.part_sizes()[0]) / network.node_count(),
        static_cast<double>(strong) / network.node_count(), seconds, network.memory_bytes(),
        bytes_per_node_and_arc(network.memory_bytes(), network), peak_rss_kb());
    std::fflush(stdout);
}

// Writes the network in `format` and loads it back the way `corridor run` would.
void file_phase(const RoadNetwork& network, const std::string& format, const std::string& path) {
    auto start = std::chrono::steady_clock::now();
    Result<std::size_t> written =
        format == "dimacs" ? write_dimacs(network, path) : write_csv_network(network, path);
    double write_s = seconds_since(start);
    if (!written) throw std::runtime_error(written.error());
    std::uintmax_t bytes = 0;
    if (fs::is_directory(path))
        for (const auto& entry : fs::directory_iterator(path)) bytes += entry.file_size();
    else
        bytes = fs::file_size(path) + fs::file_size(fs::path(path).replace_extension(".co"));
    start = std::chrono::steady_clock::now();
    LoadedNetwork loaded = load_network(path);
    double load_s = seconds_since(start);
    if (!loaded.network) throw std::runtime_error(loaded.diagnostics.first_error());
    // DIMACS keeps whole metres and millionths of a degree; CSV all the generator made.
    Tolerance tolerance = format == "dimacs" ? Tolerance{0.5, 0.6e-6, false} : Tolerance{};
    std::string difference = first_difference(network, *loaded.network, tolerance);
    if (!difference.empty())
        std::fprintf(stderr, "%s differs from the generated network: %s\n", path.c_str(), difference.c_str());
    bool same = difference.empty();
    std::printf(
        "{\"benchmark\":\"scale-%s\",\"path\":\"%s\",\"file_bytes\":%ju,\"write_seconds\":%.3f,"
        "\"load_seconds\":%.3f,\"arcs\":%zu,\"load_arcs_per_s\":%.0f,\"loaded_bytes\":%zu,"
        "\"same_network\":%s,\"peak_rss_kb\":%ld}\n",
        format.c_str(), path.c_str(), bytes, write_s, load_s, loaded.network->arc_count(),
        loaded.network->arc_count() / load_s, loaded.network->memory_bytes(), yes_no(same), peak_rss_kb());
    std::fflush(stdout);
}

// Seeded pairs of nodes in the largest part (strongly connected by construction).
std::vector<Pair> query_pairs(const RoadNetwork& network, std::uint64_t seed, int count) {
    RandomStream pick({seed, 0, purpose_id("scale queries"), 0});
    auto n = static_cast<std::uint32_t>(network.node_count());
    std::vector<Pair> pairs;
    while (static_cast<int>(pairs.size()) < count) {
        Pair p{pick.next_u32() % n, pick.next_u32() % n};
        if (network.part(p.from) == 0 && network.part(p.to) == 0) pairs.push_back(p);
    }
    return pairs;
}

// Contraction hierarchy: build time, memory, query time, and its answers against Dijkstra's.
void hierarchy_phase(const RoadNetwork& network, const std::vector<Pair>& pairs,
                     const std::vector<double>& expected_s, double one_to_all_s) {
    auto start = std::chrono::steady_clock::now();
    ContractionHierarchy hierarchy = ContractionHierarchy::build(network, Metric::time);
    double build_s = seconds_since(start);
    bool agree = true;
    start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        double d = hierarchy.distance(pairs[i].from, pairs[i].to);
        agree &= std::abs(d - expected_s[i]) <= 1e-9 * (1 + expected_s[i]);
    }
    double query_s = seconds_since(start) / static_cast<double>(pairs.size());
    std::printf(
        "{\"benchmark\":\"scale-hierarchy\",\"build_seconds\":%.3f,\"bytes\":%zu,\"bytes_per_node\":%.1f,"
        "\"query_ms\":%.4f,\"one_to_all_over_hierarchy\":%.1f,\"answers_agree\":%s,\"peak_rss_kb\":%ld}\n",
        build_s, hierarchy.memory_bytes(),
        static_cast<double>(hierarchy.memory_bytes()) / static_cast<double>(network.node_count()),
        query_s * 1e3, one_to_all_s / query_s, yes_no(agree), peak_rss_kb());
    std::fflush(stdout);
}

// One-to-all Dijkstra against point-to-point searches on the same pairs, by travel time (what
// convoys are routed by); every method must give the same times.
void query_phase(const RoadNetwork& network, std::uint64_t seed, int queries, int landmarks) {
    std::vector<Pair> pairs = query_pairs(network, seed, queries);
    Router router(network);
    auto start = std::chrono::steady_clock::now();
    router.prepare_landmarks(Metric::time, landmarks);
    double prepare_s = seconds_since(start);

    std::vector<double> expected_s(pairs.size());
    bool agree = true;
    auto per_query = [&](Algorithm algorithm, bool first) {
        std::size_t settled = 0;
        auto begin = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            Route route = router.route({pairs[i].from, pairs[i].to, Metric::time}, algorithm);
            settled += route.settled;
            if (first)
                expected_s[i] = route.time_s;
            else
                agree &= route.found && std::abs(route.time_s - expected_s[i]) <= 1e-9 * (1 + expected_s[i]);
        }
        return std::make_pair(seconds_since(begin) / static_cast<double>(pairs.size()),
                              static_cast<double>(settled) / static_cast<double>(pairs.size()));
    };
    auto [dijkstra_s, dijkstra_settled] = per_query(Algorithm::dijkstra, true);
    auto [bidirectional_s, bidirectional_settled] = per_query(Algorithm::bidirectional, false);
    auto [astar_s, astar_settled] = per_query(Algorithm::astar, false);
    auto [landmark_s, landmark_settled] = per_query(Algorithm::landmarks, false);

    std::size_t sources = std::min<std::size_t>(pairs.size(), 10);
    start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < sources; ++i) {
        double d = router.one_to_all(pairs[i].from, Metric::time)[pairs[i].to];
        agree &= std::abs(d - expected_s[i]) <= 1e-9 * (1 + expected_s[i]);
    }
    double one_to_all_s = seconds_since(start) / static_cast<double>(sources);
    std::printf(
        "{\"benchmark\":\"scale-route\",\"queries\":%zu,\"metric\":\"time\",\"one_to_all_ms\":%.2f,"
        "\"dijkstra_ms\":%.3f,\"bidirectional_ms\":%.3f,\"astar_ms\":%.3f,\"landmarks\":%d,"
        "\"landmark_prepare_seconds\":%.3f,\"landmark_ms\":%.3f,\"settled\":{\"dijkstra\":%.0f,"
        "\"bidirectional\":%.0f,\"astar\":%.0f,\"landmarks\":%.0f},\"one_to_all_over_landmarks\":%.1f,"
        "\"answers_agree\":%s,\"peak_rss_kb\":%ld}\n",
        pairs.size(), one_to_all_s * 1e3, dijkstra_s * 1e3, bidirectional_s * 1e3, astar_s * 1e3, landmarks,
        prepare_s, landmark_s * 1e3, dijkstra_settled, bidirectional_settled, astar_settled, landmark_settled,
        one_to_all_s / landmark_s, yes_no(agree), peak_rss_kb());
    std::fflush(stdout);
    hierarchy_phase(network, pairs, expected_s, one_to_all_s);
}

// Units spread over the grid at seeded junctions, each with its post at the junction mirrored through
// the grid's centre: marches of half the grid's width and more.
std::vector<ConvoyEnds> convoy_ends(const RoadNetwork& network, std::uint64_t seed, int convoys) {
    RandomStream pick({seed, 0, purpose_id("scale convoys"), 0});
    auto n = static_cast<std::uint32_t>(network.node_count());
    std::vector<ConvoyEnds> ends;
    while (static_cast<int>(ends.size()) < convoys) {
        NodeIndex origin = pick.next_u32() % n, post = n - 1 - origin;
        if (origin != post && network.part(origin) == 0 && network.part(post) == 0)
            ends.push_back({network.node(origin).id, network.node(post).id});
    }
    return ends;
}

}  // namespace

void add_scale_benchmark(CLI::App& app) {
    static std::size_t nodes = 1'000'000;
    static std::uint64_t seed = 1;
    static int queries = 100, landmarks = 16, convoys = 1000;
    static std::string dir, hierarchy = "auto";
    static bool scenario_only = false;
    auto* command = app.add_subcommand(
        "scale", "a generated road grid: generation, DIMACS and CSV write and load, queries, 1,000 convoys");
    command->add_option("--nodes", nodes, "junctions of the grid (a square of at least this many)")
        ->check(CLI::Range(std::size_t{4}, std::size_t{50'000'000}))
        ->capture_default_str();
    command->add_option("--seed", seed)->capture_default_str();
    command->add_option("--queries", queries)->check(CLI::Range(1, 1'000'000))->capture_default_str();
    command->add_option("--landmarks", landmarks)->check(CLI::Range(1, 64))->capture_default_str();
    command->add_option("--convoys", convoys, "units in the scenario, one convoy each (0: no scenario)")
        ->check(CLI::Range(0, 100'000))
        ->capture_default_str();
    command->add_option("--hierarchy", hierarchy,
                        "the scenario's network: {hierarchy} rule; both: run it with none, then with time")
        ->check(CLI::IsMember({"auto", "none", "time", "both"}))
        ->capture_default_str();
    command->add_flag("--scenario-only", scenario_only,
                      "skip the DIMACS file, the queries and the hierarchy phase (the CSV network is still written)");
    command->add_option("--dir", dir, "where the files go (default: a new folder in the temporary folder)");
    command->callback([] {
        fs::path folder =
            dir.empty() ? fs::temp_directory_path() / ("corridor-bench-scale-" + std::to_string(::getpid()))
                        : fs::path(dir);
        fs::create_directories(folder);
        GridSpec spec = GridSpec::with_nodes(nodes, seed);
        std::vector<ConvoyEnds> ends;
        {  // the generated network is gone before the scenario loads its own copy
            RoadNetwork network;
            generate_phase(spec, network);
            if (!scenario_only) file_phase(network, "dimacs", (folder / "grid.gr").string());
            file_phase(network, "csv", (folder / "network").string());
            if (!scenario_only) query_phase(network, seed, queries, landmarks);
            ends = convoy_ends(network, seed, convoys);
        }
        if (convoys > 0 && hierarchy == "both") {
            convoy_phase(folder, ends, seed, "none");
            convoy_phase(folder, ends, seed, "time");
        } else if (convoys > 0) {
            convoy_phase(folder, ends, seed, hierarchy);
        }
        if (dir.empty()) fs::remove_all(folder);
    });
}

}  // namespace corridor::bench
