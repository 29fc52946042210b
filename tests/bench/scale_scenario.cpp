// The scale benchmark's scenario: units spread over the generated grid, each a single convoy marching
// by road to a post on the far side, through the same loader and engine as `corridor run`.

#include <cstdio>
#include <fstream>

#include "bench.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/scenario/load.hpp"
#include "scale_bench.hpp"

namespace corridor::bench {

long peak_rss_kb() {
    long kb = 0;
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) kb = std::stol(line.substr(6));
    return kb;
}

bool reset_peak_rss() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

void convoy_phase(const std::filesystem::path& folder, const std::vector<ConvoyEnds>& ends,
                  std::uint64_t seed, const std::string& hierarchy) {
    std::filesystem::path yaml = folder / "scenario.yaml";
    {
        std::ofstream out(yaml);
        out << "# Written by corridor-bench scale: " << ends.size()
            << " units of 10 trucks, one convoy each, from across the grid to a post on the far side.\n"
            << "scenario: {name: scale, start: 2026-01-05T06:00:00Z, duration: 20d, seed: " << seed << "}\n"
            << "network: {file: network, hierarchy: " << hierarchy << "}\n"
            << "vehicle_types:\n  truck: {speed: 80km/h, length: 10m, weight: 15t, seats: 3}\n"
            << "march: {vehicle_interval: 100m, convoy_max_vehicles: 20}\n"
            << "posts:\n";
        for (std::size_t i = 0; i < ends.size(); ++i)
            out << "  P" << i + 1 << ": {node: '" << ends[i].post << "', setup: 2h}\n";
        out << "units:\n";
        for (std::size_t i = 0; i < ends.size(); ++i)
            out << "  - {name: unit-" << i + 1
                << ", personnel: 30, vehicles: {truck: 10}, mode: road, origin: '" << ends[i].origin
                << "', posts: [P" << i + 1 << "]}\n";
    }
    bool own_peak = reset_peak_rss();
    auto start = std::chrono::steady_clock::now();
    LoadedScenario loaded = load_scenario(yaml.string());
    double load_s = seconds_since(start);
    if (!loaded.theatre) throw std::runtime_error(loaded.diagnostics.first_error());
    long load_peak_kb = peak_rss_kb();
    start = std::chrono::steady_clock::now();
    DeploymentResult result = simulate_deployment(*loaded.theatre, loaded.theatre->seed);
    double run_s = seconds_since(start);
    std::size_t arrived = 0;
    for (const auto& unit : result.units) arrived += unit.arrived != kNever;
    const RouteHierarchy& h = loaded.theatre->hierarchy;
    const char* origin = h.origin == RouteHierarchy::Origin::stored     ? "stored"
                         : h.origin == RouteHierarchy::Origin::prepared ? "prepared"
                                                                        : "none";
    const DeploymentResult::Routing& routing = result.routing;
    std::printf(
        "{\"benchmark\":\"scale-convoys\",\"units\":%zu,\"hierarchy_rule\":\"%s\",\"hierarchy\":\"%s\","
        "\"hierarchy_seconds\":%.3f,\"load_seconds\":%.3f,\"run_seconds\":%.3f,\"route_searches\":%llu,"
        "\"route_cache_hits\":%llu,\"settled_per_search\":%.0f,\"hierarchy_fallbacks\":%llu,"
        "\"events\":%llu,\"units_on_post\":%zu,\"closure_hours\":%.2f,\"peak_rss_kb\":%ld,"
        "\"load_peak_rss_kb\":%ld,\"peak_is_this_phase\":%s}\n",
        ends.size(), hierarchy.c_str(), origin, h.seconds, load_s, run_s,
        static_cast<unsigned long long>(routing.searched), static_cast<unsigned long long>(routing.cached),
        routing.searched ? static_cast<double>(routing.settled) / static_cast<double>(routing.searched) : 0.0,
        static_cast<unsigned long long>(routing.hierarchy_fallbacks), static_cast<unsigned long long>(result.events),
        arrived, result.closure_time == kNever ? -1.0 : to_hours(result.closure_time), peak_rss_kb(), load_peak_kb,
        own_peak ? "true" : "false");
    std::fflush(stdout);
}

}  // namespace corridor::bench
