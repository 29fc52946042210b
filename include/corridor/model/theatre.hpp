#pragma once
// The theatre a deployment is simulated in, as plain data: what the scenario layer reads from YAML
// and checks, and what the model runs. Names are resolved to indices here; nothing refers back to
// the YAML.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/resource.hpp"
#include "corridor/engine/time.hpp"
#include "corridor/model/distribution.hpp"
#include "corridor/model/humanitarian.hpp"
#include "corridor/model/march.hpp"
#include "corridor/network/road_network.hpp"
#include "corridor/network/vehicle_limits.hpp"

namespace corridor {

struct VehicleType {
    std::string name;
    double speed_kph = 0;
    double length_m = 8;
    double weight_t = 0;
    // Against the roads' signed limits (docs/network.md, "Heavy vehicles"); 0: not given, not checked.
    double height_m = 0;
    double width_m = 0;
    double axle_load_t = 0;
    int seats = 2;
    double payload_t = 0;  // what it carries as aid cargo; 0: it carries none
    double volume_m3 = 0;  // its cargo space; 0: volume never limits a load
    /// Breakdowns of aid trucks of this type (docs/model.md, "Breakdowns"): the mean time and the
    /// mean distance driven between failures (exponential, whichever falls due first) and the
    /// time a repair takes; 0: it never fails that way.
    Time mtbf = 0;
    double mdbf_m = 0;
    Time repair_time = 0;
    /// Recovery: the share of breakdowns that cannot be repaired where they happen. Such a truck
    /// is taken to its base depot in `recovery_time` and repaired there, unless it is among the
    /// `written_off` share of them, lost for the rest of the run. 0: all repaired on the spot.
    double recovery_share = 0;
    Time recovery_time = 0;
    double written_off_share = 0;
    /// Fuel (docs/model.md, "Fuel"): litres one vehicle burns per 100 km and what its tank holds;
    /// 0: its fuel is not modelled.
    double fuel_per_100km = 0;
    double tank_l = 0;

    /// What routes must allow for one vehicle of this type; heavy above 3.5 t (vehicle_limits.hpp).
    VehicleLimits limits() const {
        return {weight_t, axle_load_t, height_m, width_m, weight_t > kHeavyVehicleAboveT};
    }
};

struct AircraftType {
    std::string name;
    double payload_t = 0;
    int seats = 0;
    int max_vehicles = 1;
    double cruise_speed_kph = 0;
    Time taxi_allowance = 30 * kMinute;  // added to cruise time for a block time given by distance
};

struct Airfield {
    std::string name;
    std::string long_name;
    std::optional<NodeIndex> node;
    int apron_slots = 2;
    Time turnaround = 2 * kHour;
    Time opens = 0;      // time of day
    Time closes = kDay;  // time of day; opens == 0 and closes == kDay: always open
};

struct AirliftFleet {
    std::size_t aircraft = 0;  // index into aircraft_types
    int count = 1;
    std::size_t from = 0;  // index into airfields
    std::size_t to = 0;
    Time block_time = 0;
};

struct Post {
    std::string name;
    NodeIndex node = 0;
    Time setup = 2 * kHour;
};

enum class MoveMode { road, air };

struct UnitVehicles {
    std::size_t type = 0;  // index into vehicle_types
    int count = 0;
};

struct Unit {
    std::string name;
    int personnel = 0;
    std::vector<UnitVehicles> vehicles;
    MoveMode mode = MoveMode::road;
    NodeIndex origin_node = 0;         // mode road
    std::size_t origin_airfield = 0;   // mode air
    std::size_t arrival_airfield = 0;  // mode air: where its airlift lands
    Time ready = 0;
    std::vector<std::size_t> posts;  // indices into posts
    int priority = 1;
    double person_t = 0.1;  // a person with personal kit, on the airlift (estimate: 100 kg)
    /// The unit's own march rules (the theatre's, with its `march` keys over them), or none: the
    /// theatre's apply.
    std::optional<MarchDoctrine> march;
    int vehicle_count() const {
        int n = 0;
        for (const UnitVehicles& v : vehicles) n += v.count;
        return n;
    }
};

struct Checkpoint {
    std::string name;
    NodeIndex node = 0;
    int lanes = 1;                         // open at the start
    std::vector<StaffingChange> staffing;  // later changes, in increasing time after 0
    ServiceTime service;
    double traffic_per_h = 0;

    /// The share of the lanes' time that the other traffic alone takes, with every lane the
    /// staffing ever opens on duty: at 1 or more the queue grows without bound.
    double traffic_utilisation() const;
};

/// A road closed, or slowed by damage, for a while. Closures and damage only make roads worse.
struct Disruption {
    std::string road;            // "FROM-TO", for reports
    std::string label;           // who made it, for the timeline: empty for the scenario's own
    std::vector<ArcIndex> arcs;  // both directions of the road
    bool closed = false;
    double speed_factor = 1.0;  // 0 < factor <= 1 when not closed
    Time from = 0;
    Time until = 0;  // kForever-like: the theatre's duration when not given
    /// Team-hours of work that end it (a repair team at 100% works one team-hour an hour); 0: it
    /// ends at `until`. With work, it lasts until a team has done it (docs/model.md, "Repairs").
    Time repair_work = 0;
    int priority = kNoRepairPriority;  // of its repair job: lower first (docs/model.md, "Repairs")
    std::optional<std::size_t> team;   // the kind of team (Theatre::repair_teams) for it; any when none
    bool incident = false;  // an incident's: every road of an area, `road` naming the area
};

/// A circle on the map (docs/model.md, "Incidents"): the roads with at least one end within
/// `radius_m` of node `around`, by great-circle distance; nodes without coordinates are outside.
struct Area {
    NodeIndex around = 0;
    double radius_m = 0;
    std::vector<ArcIndex> arcs;  // of the roads in it, both directions, in arc order
};

/// Closures that happen at random (docs/model.md, "Random closures"): on every road of the given
/// classes, at `per_km_day` closures per km of road per day (a Poisson process), each lasting a
/// drawn duration. Drawn from streams keyed by the rule's name and the road's, so that a variant
/// of the scenario sees the same closures in the same replication.
struct RandomClosures {
    std::string name;
    std::vector<RoadClass> classes;  // empty: every road
    std::optional<Area> area;        // only the roads in it
    double per_km_day = 0;
    ServiceTime duration;  // the distribution of a closure's length (seconds)
    Time from = 0;
    Time until = 0;  // the theatre's duration when not given
};

/// Incidents that halt movement in an area for a while (docs/model.md, "Incidents"): a Poisson
/// process of `per_day` incidents, each closing every road of the area for a drawn duration, from
/// a stream keyed by the rule's name (the same incidents in a variant, as random closures).
struct Incidents {
    std::string name;
    Area area;
    double per_day = 0;
    ServiceTime duration;  // the distribution of an incident's length (seconds)
    Time from = 0;
    Time until = 0;  // the theatre's duration when not given
};

/// Repair and demining teams (docs/model.md, "Repairs"): they drive from their base to damaged
/// roads and towns' damaged services, in priority order (then the scenario's), and end each by
/// working on it.
struct RepairTeam {
    std::string name;
    NodeIndex base = 0;
    std::size_t vehicle_type = 0;  // what a team drives
    int count = 1;                 // teams, each on one job at a time
    double rate = 1.0;             // team-hours of work done in an hour
    std::optional<MarchDoctrine> march;
};

/// A place given by coordinates (`lat`/`lon`) and where it was put on the road network, for
/// `corridor validate` to show (sim/scenario/place_snaps.cpp).
struct PlaceSnap {
    std::string what;  // "post 'OP-1'"
    GeoPoint given, snapped;
    double distance_m = 0;
    std::string road;     // the road it snapped to, as the file had it
    std::string node_id;  // its node: a new one ("@post:OP-1") or a road's end node
};

class ContractionHierarchy;  // corridor/network/hierarchy.hpp

/// `network: {hierarchy: ...}`: whether the runs' routes use a contraction hierarchy
/// (docs/network.md, "Contraction hierarchies in a scenario").
enum class HierarchyRule { automatic, none, time };

/// The contraction hierarchy every run of the scenario shares read-only, and where it came from,
/// for `corridor validate` and `corridor run` to say (sim/scenario/network_hierarchy.cpp).
struct RouteHierarchy {
    enum class Origin { none, stored, prepared };
    HierarchyRule rule = HierarchyRule::automatic;
    std::shared_ptr<const ContractionHierarchy> time;  // by travel time; null: routes searched without
    Origin origin = Origin::none;
    bool reused = false;  // prepared for an earlier scenario read through the same cache (a sweep)
    double seconds = 0;   // wall clock to prepare it: shown in logs, never written to a result file
    std::string why;      // in a few words, why it is used or not
};

/// The largest seed a scenario or `--seed` may give (seeds are never wrapped or truncated).
inline constexpr std::uint64_t kMaxSeed = std::uint64_t{1} << 62;

struct Theatre {
    std::string name;
    std::string start_text;  // as written, ISO 8601
    std::int64_t start_epoch_s = 0;
    Time duration = 0;
    std::uint64_t seed = 1;
    std::vector<VehicleType> vehicle_types;
    std::vector<AircraftType> aircraft_types;
    std::vector<Airfield> airfields;
    std::vector<AirliftFleet> airlift;
    MarchDoctrine march;
    std::vector<Post> posts;
    std::vector<Unit> units;
    std::vector<Checkpoint> checkpoints;
    std::vector<Disruption> disruptions;
    std::vector<RepairTeam> repair_teams;
    std::vector<RandomClosures> random_closures;
    std::vector<Incidents> incidents;
    std::vector<PlaceSnap> place_snaps;  // in the order they were put on the network
    Humanitarian aid;  // commodities, depots, towns and truck fleets (docs/model.md, "Aid delivery")
    RouteHierarchy hierarchy;  // for the network as the runs see it (places by coordinates split in)

    /// The road network, shared read-only: the points of a sweep read one network, loaded once.
    const RoadNetwork& network() const { return *network_; }
    void set_network(std::shared_ptr<const RoadNetwork> network) { network_ = std::move(network); }
    const std::shared_ptr<const RoadNetwork>& shared_network() const { return network_; }

    /// The march rules a unit's convoys follow.
    const MarchDoctrine& march_of(const Unit& unit) const { return unit.march ? *unit.march : march; }

  private:
    std::shared_ptr<const RoadNetwork> network_ = std::make_shared<const RoadNetwork>();
};

}  // namespace corridor
