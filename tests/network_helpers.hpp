#pragma once
// Helpers for network tests: load or fail loudly, write a throwaway file, and a brute-force
// Bellman-Ford that checks the routers without sharing any of their code.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"

namespace corridor::test {

inline RoadNetwork load_or_fail(const std::string& path, LoadOptions options = {}) {
    LoadedNetwork loaded = load_network(path, options);
    INFO("loading " << path << ": " << loaded.diagnostics.first_error());
    REQUIRE(loaded.network.has_value());
    return std::move(*loaded.network);
}

/// This test process's own folder under the system temp folder. ctest runs every test case as its
/// own process, several at once; a folder shared between them let one case read a file another
/// was still writing.
/// The folder is removed when the process ends.
inline std::filesystem::path scratch_root() {
    struct Folder {
        std::filesystem::path path = std::filesystem::temp_directory_path() / "corridor-tests" /
                                     ("process-" + std::to_string(::getpid()));
        Folder() { std::filesystem::create_directories(path); }
        ~Folder() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const Folder folder;
    std::filesystem::create_directories(folder.path);
    return folder.path;
}

/// Writes `content` to a fresh file in this process's scratch folder and returns its path.
inline std::string write_temp(const std::string& name, const std::string& content) {
    auto path = scratch_root() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

/// All errors of loading `path`, formatted, one per line.
inline std::string load_errors(const std::string& path, LoadOptions options = {}) {
    LoadedNetwork loaded = load_network(path, options);
    std::string out;
    for (const Diagnostic& d : loaded.diagnostics.items())
        if (d.severity == Severity::error) out += format(d) + "\n";
    return out;
}

// Two networks read from the same roads (by two loaders, or from a prepared file) route alike:
// bidirectional searches, which use the reverse graph as well as the forward one, between `pairs`
// node pairs spread over the network find the same arcs.
inline void check_same_routes(const RoadNetwork& a, const RoadNetwork& b, NodeIndex pairs, Metric metric) {
    Router ra(a), rb(b);
    for (NodeIndex i = 0; i < pairs; ++i) {
        NodeIndex from = static_cast<NodeIndex>((i * 7919u) % a.node_count());
        NodeIndex to = static_cast<NodeIndex>((i * 104729u + 13) % a.node_count());
        Route x = ra.route({from, to, metric}, Algorithm::bidirectional);
        Route y = rb.route({from, to, metric}, Algorithm::bidirectional);
        CHECK(x.found == y.found);
        CHECK(x.arcs == y.arcs);
    }
}

/// Bellman-Ford over the arcs in index order: O(V E), independent of the routers.
inline std::vector<double> bellman_ford(const RoadNetwork& network, NodeIndex from, Metric metric) {
    std::vector<double> cost(network.node_count(), std::numeric_limits<double>::infinity());
    cost[from] = 0;
    for (std::size_t round = 0; round + 1 < network.node_count(); ++round) {
        bool changed = false;
        for (ArcIndex a = 0; a < network.arc_count(); ++a) {
            double w = metric == Metric::distance ? network.length_m(a)
                                                  : network.length_m(a) * 3.6 / network.speed_kph(a);
            double c = cost[network.arc_from(a)] + w;
            if (c < cost[network.arc_to(a)]) {
                cost[network.arc_to(a)] = c;
                changed = true;
            }
        }
        if (!changed) break;
    }
    return cost;
}

}  // namespace corridor::test
