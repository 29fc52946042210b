#pragma once
// The readers of each top-level section of a scenario (sim/scenario/read_*.cpp), sharing the
// theatre being filled in and the name tables that later sections refer to.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "corridor/model/theatre.hpp"
#include "corridor/scenario/load.hpp"
#include "yaml_reader.hpp"

namespace corridor::scenario {

struct Section {
    YAML::Node node;
    Source source;
    int key_line = 0;  // 1-based line of the section's name
};

struct Build {
    Theatre theatre;
    bool network_ok = false;
    std::map<std::string, std::size_t> vehicle_type, aircraft_type, airfield, post;
    std::map<std::string, std::size_t> repair_team;                           // kinds of repair team
    std::map<std::string, std::size_t> commodity, organisation, depot, town, escort;  // the aid part
    Diagnostics* diagnostics = nullptr;
    ScenarioCache::Store* cache = nullptr;  // networks read once for every point of a sweep
    std::set<std::string> airfields_naming_a_node;
    double max_snap_m = 1000;  // network: {max_snap}: a place farther from a road gets a warning
    // Places given by `lat`/`lon` (their YAML map) and the node each snapped to: none if wrong.
    std::vector<std::pair<YAML::Node, std::optional<NodeIndex>>> snapped_places;
    // A network read from a file: that file's network, the travel-time hierarchy it stores (a
    // prepared file) or why that cannot be used, and its `file` key for messages
    // (sim/scenario/network_hierarchy.cpp).
    std::shared_ptr<const RoadNetwork> file_network;
    std::shared_ptr<const ContractionHierarchy> stored_hierarchy;
    std::string stored_hierarchy_problem;
    std::optional<std::pair<Source, YAML::Node>> network_file;
    std::set<std::size_t> seats_given;  // vehicle types whose `seats` the scenario gives  // found or not: a wrong one was reported already

    /// The scenario's duration: what happens later never happens in the run, so a time past it
    /// is an error where it is read (the longest scenario's while the duration is unknown).
    Time horizon() const { return theatre.duration > 0 ? theatre.duration : kLongestScenario; }
};

/// Looks a name up in `table`, reporting an unknown one at `at` with a hint.
std::optional<std::size_t> find_name(const std::map<std::string, std::size_t>& table, const std::string& name,
                                     const char* kind, const YAML::Node& at, const Source& source);
/// Looks a node id up in the network, reporting an unknown one at `at` with a hint.
std::optional<NodeIndex> find_node(const Build& build, const std::string& id, const YAML::Node& at,
                                   const Source& source);

/// Puts each override's value at its path in the sections read (`known_sections`: the names a
/// scenario may have), reporting a path that leads nowhere where the sweep file gives it.
void apply_overrides(std::map<std::string, Section>& sections, const std::vector<Override>& overrides,
                     const std::vector<std::string>& known_sections, Diagnostics& diagnostics,
                     std::vector<Graft>& grafts);

/// Puts the places given by `lat`/`lon` (airfields, posts, checkpoints, depots, towns, in that
/// order and in file order) on the network, splitting roads, before any reader uses node indices.
void snap_places(const std::map<std::string, Section>& sections, Build& build);
/// When `name` is the name of a place given by `lat`/`lon`, its kind ("depot") and the node it
/// became ("@depot:NAME"): for a message to the planner who named the place where a node is asked.
std::optional<std::pair<std::string, std::string>> snapped_place_named(const RoadNetwork& network,
                                                                       const std::string& name);
/// The node of the place described by `entry` (read by `m`): its `node`, or the node its
/// `lat`/`lon` snapped to. A missing one is reported when `required`.
std::optional<NodeIndex> read_place_node(MapReader& m, const YAML::Node& entry, const Build& build, bool required);

void read_scenario_section(const Section& s, Build& build);
void read_network_section(const Section& s, Build& build, std::vector<std::string>& files);
void read_vehicle_types(const Section& s, Build& build);
void read_aircraft_types(const Section& s, Build& build);
void read_airfields(const Section& s, Build& build);
void read_airlift(const Section& s, Build& build);
void read_march(const Section& s, Build& build);
/// March rules from `node` over `d`: the theatre's march section, or a unit's own `march` keys
/// (`what` names them in messages).
void read_march_rules(const YAML::Node& node, const Source& source, MarchDoctrine& d,
                      const std::string& what);
void read_posts(const Section& s, Build& build);
void read_units(const Section& s, Build& build, bool have_airlift);
void read_checkpoints(const Section& s, Build& build);
void read_disruptions(const Section& s, Build& build);
void read_repair_teams(const Section& s, Build& build);
void read_random_closures(const Section& s, Build& build);
void read_incidents(const Section& s, Build& build);
// The aid part (docs/scenario-reference.md, sections `commodities` to `fleets`).
void read_commodities(const Section& s, Build& build);
void read_organisations(const Section& s, Build& build);
void read_depots(const Section& s, Build& build);
void read_towns(const Section& s, Build& build);
void read_escorts(const Section& s, Build& build);
/// The `escort` key of a fleet or a flow of returns (`what`): the escorts it names.
std::vector<std::size_t> read_escort_names(MapReader& m, const Build& build, const std::string& what);
void read_fleets(const Section& s, Build& build);
void read_returns(const Section& s, Build& build);
/// Every flow of returns must reach its town by road from its origin, for its buses' weight.
void check_return_routes(const Section& returns, Build& build);
/// Every fleet's base depot must reach each town it serves by road, for its trucks' weight.
void check_aid_reachability(const Section& fleets, Build& build);
/// Every air unit's vehicles and people must fit some aircraft flying its route.
void check_air_loads(const Section& units, Build& build);
/// Every unit's posts must be reachable by road, for its heaviest vehicle, from where it starts.
void check_reachability(const Section& units, Build& build);

}  // namespace corridor::scenario
