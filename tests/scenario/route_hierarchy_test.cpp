// The runs' routes with a contraction hierarchy (docs/network.md, "Contraction hierarchies in a
// scenario"): on a generated grid whose perturbed lengths leave one cheapest path between any two
// nodes, a run with the hierarchy moves every convoy exactly as a run without it, through a closure
// that starts mid-march and for vehicles too heavy for some bridges; a prepared file's stored
// hierarchy is used, and not where places by coordinates split its roads.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../network_helpers.hpp"
#include "corridor/engine/format.hpp"
#include "corridor/network/generate.hpp"
#include "corridor/network/hierarchy.hpp"
#include "corridor/report/run_files.hpp"
#include "scenarios.hpp"

using namespace corridor;

namespace {

// A 30 x 30 grid, 250 m apart, with a weight limit (12, 20, 30 or 40 t) on a tenth of its minor roads.
const std::filesystem::path& grid_folder() {
    static const std::filesystem::path folder = [] {
        GridSpec spec;
        spec.seed = 12;
        spec.columns = spec.rows = 30;
        spec.bridge_share = 0.1;
        std::filesystem::path path = test::scratch_root() / "hierarchy-grid";
        REQUIRE(write_csv_network(generate_road_grid(spec), (path / "network").string()).ok());
        return path;
    }();
    return folder;
}

struct March {
    std::string origin, post, vehicle;
};
// Corner to corner and across, light trucks and heavy carriers (35 t: over most bridges' limits).
const std::vector<March> kMarches = {{"1", "900", "truck"},    {"30", "871", "truck"},
                                     {"451", "480", "truck"},  {"1", "900", "carrier"},
                                     {"15", "886", "carrier"}, {"871", "30", "carrier"}};

// The scenario on `network_file`, with `network_keys` added to its network section and the road
// `closed` (two node ids) closed from 10 minutes to 6 hours when given.
std::string scenario(const std::string& network_file, const std::string& network_keys,
                     const std::pair<std::string, std::string>* closed) {
    std::ostringstream s;
    s << "scenario: {name: hierarchy, start: 2026-01-05T06:00:00Z, duration: 2d, seed: 3}\n"
      << "network: {file: " << network_file << network_keys << "}\n"
      << "vehicle_types:\n  truck: {speed: 80km/h, length: 10m, weight: 15t, seats: 3}\n"
      << "  carrier: {speed: 50km/h, length: 20m, weight: 35t, seats: 2}\n"
      << "march: {vehicle_interval: 100m, convoy_max_vehicles: 20}\nposts:\n";
    for (std::size_t i = 0; i < kMarches.size(); ++i)
        s << "  P" << i << ": {node: '" << kMarches[i].post << "', setup: 1h}\n";
    s << "units:\n";
    for (std::size_t i = 0; i < kMarches.size(); ++i)
        s << "  - {name: u" << i << ", personnel: 10, vehicles: {" << kMarches[i].vehicle
          << ": 4}, mode: road, origin: '" << kMarches[i].origin << "', posts: [P" << i << "]}\n";
    if (closed)
        s << "disruptions:\n  - {road: ['" << closed->first << "', '" << closed->second
          << "'], closed: true, from: 10min, until: 6h}\n";
    return s.str();
}

LoadedScenario load_in_grid(const std::string& name, const std::string& text) {
    std::string path = (grid_folder() / name).string();
    std::ofstream(path) << text;
    return load_scenario(path);
}

Theatre theatre_of(LoadedScenario loaded) {
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    return std::move(*loaded.theatre);
}

// A road in the middle of unit u0's route: closed from 10 minutes, it is ahead of the convoy.
std::pair<std::string, std::string> road_on_first_route() {
    RoadNetwork network = test::load_or_fail((grid_folder() / "network").string());
    Router router(network);
    Route route = router.route({*network.find_node("1"), *network.find_node("900"), Metric::time, 15.0});
    REQUIRE(route.found);
    ArcIndex middle = route.arcs[route.arcs.size() * 2 / 3];
    return {network.node(network.arc_from(middle)).id, network.node(network.arc_to(middle)).id};
}

std::vector<Time> arrivals(const DeploymentResult& r) {
    std::vector<Time> times;
    for (const UnitOutcome& unit : r.units) times.push_back(unit.arrived);
    return times;
}

}  // namespace

TEST_CASE(
    "convoys arrive at the same second with and without the hierarchy, through a closure and for heavy "
    "vehicles",
    "[hierarchy]") {
    auto closed = road_on_first_route();
    Theatre without =
        theatre_of(load_in_grid("none.yaml", scenario("network", ", hierarchy: none", &closed)));
    Theatre with = theatre_of(load_in_grid("time.yaml", scenario("network", ", hierarchy: time", &closed)));
    Theatre open = theatre_of(load_in_grid("open.yaml", scenario("network", ", hierarchy: time", nullptr)));
    CHECK(without.hierarchy.time == nullptr);
    REQUIRE(with.hierarchy.time != nullptr);
    CHECK(with.hierarchy.origin == RouteHierarchy::Origin::prepared);
    CHECK(with.hierarchy.time->node_count() == 900);

    DeploymentResult a = simulate_deployment(without, without.seed);
    DeploymentResult b = simulate_deployment(with, with.seed);
    DeploymentResult c = simulate_deployment(open, open.seed);
    for (Time t : arrivals(b)) CHECK(t != kNever);
    CHECK(arrivals(a) == arrivals(b));
    CHECK(a.events == b.events);
    CHECK(a.convoy_vehicle_km == b.convoy_vehicle_km);
    // The closure met the first convoy on its way: it went round, later than on open roads.
    CHECK(b.units[0].arrived > c.units[0].arrived);
    // The same questions were asked; the hierarchy answered them, and refused its own answer where
    // a closed road or a bridge too weak for a carrier lay on its path.
    CHECK(a.routing.searched == b.routing.searched);
    CHECK(b.routing.hierarchy_fallbacks > 0);
    CHECK(b.routing.hierarchy_fallbacks < b.routing.searched);
    CHECK(a.routing.hierarchy_fallbacks == 0);
}

TEST_CASE(
    "the hierarchy stored in a prepared network file is used as it is, and refused on a network split by "
    "places",
    "[hierarchy]") {
    std::string source = (grid_folder() / "network").string();
    RoadNetwork network = test::load_or_fail(source);
    std::ostringstream bytes;
    ContractionHierarchy::build(network, Metric::time).write(bytes);
    REQUIRE(save_prepared_network((grid_folder() / "grid.cnet").string(), network, source, {},
                                  {{kContractionHierarchySection, bytes.str()}})
                .ok());

    LoadedScenario stored = load_in_grid("stored.yaml", scenario("grid.cnet", "", nullptr));
    Theatre t = theatre_of(stored);
    CHECK(t.hierarchy.origin == RouteHierarchy::Origin::stored);
    REQUIRE(t.hierarchy.time != nullptr);
    CHECK(stored.diagnostics.items().empty());
    Theatre plain = theatre_of(load_in_grid("plain.yaml", scenario("network", ", hierarchy: none", nullptr)));
    DeploymentResult with = simulate_deployment(t, t.seed);
    CHECK(arrivals(with) == arrivals(simulate_deployment(plain, plain.seed)));
    CHECK(with.routing.hierarchy_fallbacks > 0);  // the carriers' bridges
    // The run's manifest says how its routes were searched.
    auto routes = [](const Theatre& theatre) { return nlohmann::json::parse(manifest_json(theatre, {}))["routes"]; };
    CHECK(routes(t)["hierarchy"] == "stored");
    CHECK(routes(t)["why"] == "stored in the prepared network file");
    CHECK(routes(plain)["hierarchy"] == "none");
    CHECK(routes(plain)["why"] == "hierarchy: none");

    // A post by coordinates halfway along a road splits it: the stored hierarchy does not fit.
    ArcIndex road = static_cast<ArcIndex>(network.arc_count() / 2);
    const NodeInfo& a = network.node(network.arc_from(road));
    const NodeInfo& b = network.node(network.arc_to(road));
    std::string text = scenario("grid.cnet", "", nullptr);
    std::ostringstream post;
    post << "  P0: {lat: " << format_fixed((a.lat + b.lat) / 2, 7)
         << ", lon: " << format_fixed((a.lon + b.lon) / 2, 7) << ", setup: 1h}\n";
    text.replace(text.find("  P0: "), text.find('\n', text.find("  P0: ")) + 1 - text.find("  P0: "),
                 post.str());
    for (std::string rule : {std::string(), std::string(", hierarchy: time")}) {
        std::string keyed = text;
        keyed.replace(keyed.find("grid.cnet"), 9, "grid.cnet" + rule);
        LoadedScenario split = load_in_grid("split.yaml", keyed);
        Theatre s = theatre_of(split);
        CHECK(s.network().node_count() == 901);
        REQUIRE(split.diagnostics.items().size() == 1);
        const Diagnostic& warning = split.diagnostics.items()[0];
        CHECK(warning.severity == Severity::warning);
        CHECK(warning.line == 2);
        CHECK_THAT(warning.message,
                   Catch::Contains("places given by lat/lon split roads, so it does not fit"));
        if (rule.empty()) {  // auto: 901 nodes are too few to prepare one
            CHECK(s.hierarchy.time == nullptr);
            CHECK_THAT(warning.message, Catch::EndsWith("routes are searched without one"));
        } else {
            REQUIRE(s.hierarchy.time != nullptr);
            CHECK(s.hierarchy.origin == RouteHierarchy::Origin::prepared);
            CHECK(s.hierarchy.time->node_count() == 901);
            CHECK(nlohmann::json::parse(manifest_json(s, {}))["routes"]["hierarchy"] == "prepared");
            CHECK_THAT(warning.message,
                       Catch::EndsWith("one is prepared for the network as the scenario has it"));
        }
    }

    // A post by coordinates on a junction splits nothing: the roads are the file's, in a network
    // object of their own, and the stored hierarchy still fits them.
    std::ostringstream on_node;
    on_node << "  P0: {lat: " << format_fixed(a.lat, 7) << ", lon: " << format_fixed(a.lon, 7) << ", setup: 1h}\n";
    std::string at_junction = text;
    at_junction.replace(at_junction.find("  P0: "), post.str().size(), on_node.str());
    LoadedScenario joined = load_in_grid("junction.yaml", at_junction);
    Theatre j = theatre_of(joined);
    CHECK(j.network().node_count() == 900);
    CHECK(j.hierarchy.origin == RouteHierarchy::Origin::stored);
    CHECK(joined.diagnostics.items().empty());
}

TEST_CASE("a sweep's points share one hierarchy per network, prepared once in the cache", "[hierarchy]") {
    std::string path = (grid_folder() / "cached.yaml").string();
    std::ofstream(path) << scenario("network", ", hierarchy: time", nullptr);
    ScenarioCache cache;
    Theatre first = theatre_of(load_scenario(path, {}, &cache));
    Theatre second = theatre_of(load_scenario(path, {{"posts.P1.setup", "2h"}}, &cache));
    REQUIRE(first.hierarchy.time != nullptr);
    CHECK(first.hierarchy.time == second.hierarchy.time);
    CHECK_FALSE(first.hierarchy.reused);
    CHECK(second.hierarchy.reused);
    // A small network under `auto` is searched without one (the golden scenarios' case).
    std::ofstream(path) << scenario("network", "", nullptr);
    Theatre small = theatre_of(load_scenario(path));
    CHECK(small.hierarchy.time == nullptr);
    CHECK(small.hierarchy.why == "hierarchy: auto, and the network has fewer than 20,000 nodes");
}
