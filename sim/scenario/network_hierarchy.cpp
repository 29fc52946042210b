// Which contraction hierarchy a scenario's runs share. A hierarchy answers for the exact network
// it was built on: a prepared file's stored one is used only while the network has that file's
// arcs and costs (places by coordinates that split roads make a network with other arcs; places
// that all land on existing nodes leave the same arcs in a new object), and one
// prepared here is kept in the cache under the fingerprint of every arc's ends and cost, so that
// the points of a sweep, splitting the same roads the same way, share it.

#include <chrono>
#include <optional>
#include <sstream>

#include "../network/hierarchy/fingerprint.hpp"
#include "corridor/network/router.hpp"
#include "network_hierarchy.hpp"

namespace corridor::scenario {

void read_stored_hierarchy(const std::vector<PreparedSection>& sections,
                           ScenarioCache::Store::Network& into) {
    if (!into.network) return;
    for (const PreparedSection& section : sections) {
        if (section.type != kContractionHierarchySection) continue;
        std::istringstream bytes(section.bytes);
        Result<ContractionHierarchy> read = ContractionHierarchy::read(bytes, *into.network);
        if (!read) {
            into.stored_hierarchy_problem = read.error();
            continue;
        }
        // (A file may hold one by distance too: the runs route by travel time only.)
        if (read.value().metric() != Metric::time) continue;
        into.stored_hierarchy = std::make_shared<const ContractionHierarchy>(std::move(read.value()));
        into.stored_hierarchy_problem.clear();
        return;
    }
}

namespace {

// 20000 as "20,000".
std::string with_commas(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

void warn_at_file_key(const Build& build, const std::string& message) {
    if (!build.network_file) return;
    const auto& [source, at] = *build.network_file;
    build.diagnostics->warning(source.file, at.Mark().line + 1, at.Mark().column + 1, message);
}

// The hierarchy for `network` (of that fingerprint), prepared now or by an earlier load through
// the same cache.
std::shared_ptr<const ContractionHierarchy> prepare(const RoadNetwork& network, std::uint64_t fingerprint,
                                                    ScenarioCache::Store* cache, RouteHierarchy& h) {
    auto build = [&] {
        auto start = std::chrono::steady_clock::now();
        auto made =
            std::make_shared<const ContractionHierarchy>(ContractionHierarchy::build(network, Metric::time));
        h.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return made;
    };
    if (!cache) return build();
    // (Held while preparing: the points of a sweep that start together wait for one preparation.)
    std::lock_guard lock(cache->hierarchy_mutex);
    if (auto found = cache->hierarchies.find(fingerprint); found != cache->hierarchies.end()) {
        h.reused = true;
        return found->second;
    }
    auto made = build();  // a preparation that throws (out of memory) leaves nothing in the cache
    cache->hierarchies.emplace(fingerprint, made);
    return made;
}

}  // namespace

void choose_route_hierarchy(Build& build) {
    RouteHierarchy& h = build.theatre.hierarchy;
    const RoadNetwork& network = build.theatre.network();
    if (h.rule == HierarchyRule::none) {
        h.why = "hierarchy: none";
        return;
    }
    // (Hashed at most once: to match a stored hierarchy and to find a prepared one in the cache.)
    std::optional<std::uint64_t> fingerprint;
    auto fingerprint_of_network = [&] {
        if (!fingerprint) fingerprint = network_fingerprint(network, Metric::time);
        return *fingerprint;
    };
    const bool still_the_files =
        build.stored_hierarchy &&
        ((build.file_network && build.file_network == build.theatre.shared_network()) ||
         build.stored_hierarchy->fingerprint() == fingerprint_of_network());
    const bool will_prepare = h.rule == HierarchyRule::time || network.node_count() >= kHierarchyAutoNodes;
    if (still_the_files) {
        h.time = build.stored_hierarchy;
        h.origin = RouteHierarchy::Origin::stored;
        h.why = "stored in the prepared network file";
        return;
    }
    const std::string instead = will_prepare ? "one is prepared for the network as the scenario has it"
                                             : "routes are searched without one";
    if (build.stored_hierarchy)
        warn_at_file_key(build,
                         "the contraction hierarchy stored in the prepared network is for its roads as the "
                         "file has them; places given by lat/lon split roads, so it does not fit and is "
                         "not used: " +
                             instead);
    else if (!build.stored_hierarchy_problem.empty())
        warn_at_file_key(build, "the contraction hierarchy stored in the prepared network cannot be used (" +
                                    build.stored_hierarchy_problem + "): " + instead);
    if (!will_prepare) {
        h.why =
            "hierarchy: auto, and the network has fewer than " + with_commas(kHierarchyAutoNodes) + " nodes";
        return;
    }
    h.time = prepare(network, fingerprint_of_network(), build.cache, h);
    h.origin = RouteHierarchy::Origin::prepared;
    h.why = h.rule == HierarchyRule::time ? "hierarchy: time"
                                          : "hierarchy: auto, and the network has " +
                                                with_commas(kHierarchyAutoNodes) + " nodes or more";
}

}  // namespace corridor::scenario
