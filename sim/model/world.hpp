#pragma once
// The world of one deployment run, assembled from parts (airlift, deployment, road movement,
// checkpoints, disruptions), each owning its state and starting its own events in its own files.
// Private to sim/model/.

#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/engine/resource.hpp"
#include "corridor/engine/simulator.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/network/router.hpp"
#include "aid/aid.hpp"
#include "movement/mover.hpp"

namespace corridor::model {

struct World;

/// A unit's vehicles and people waiting to leave by road (at its origin, or landed at the arrival
/// airfield), and its plan of convoys: sizes and posts fixed before the first one leaves.
struct Marshalling {
    std::vector<int> available;  // vehicles by type index, here and not yet gone
    int personnel_available = 0;
    int vehicles_landed = 0;
    int personnel_landed = 0;
    bool activated = false;
    std::vector<int> convoy_sizes;  // planned, in order of departure
    std::size_t next_convoy = 0;
    std::vector<int> convoys_left_per_post;  // per entry of unit.posts
    std::size_t first_post_outcome = 0;      // where this unit's posts start in result.posts
    int convoys_on_road = 0;
};

/// A military convoy: the client of a mover (movement/), carrying part of a unit to one of its posts.
struct Convoy {
    std::size_t unit = 0;
    std::size_t post_slot = 0;  // index into the unit's posts
    int personnel = 0;
    std::size_t outcome = 0;  // its row in result.convoys
};

/// A checkpoint's other traffic: Poisson arrivals drawn from the checkpoint's own stream. The
/// lanes' queue copies it to replay the times of arrivals it holds as a count.
class TrafficArrivals : public ReplayableArrivals {
  public:
    TrafficArrivals(RandomStream stream, double mean_gap_s, Time last)
        : stream_(stream), mean_gap_s_(mean_gap_s), last_(last) {}
    Time next() override;
    std::unique_ptr<ReplayableArrivals> clone() const override {
        return std::make_unique<TrafficArrivals>(*this);
    }

  private:
    RandomStream stream_;
    double mean_gap_s_;
    Time last_;
};

/// Vehicles of one mover at a checkpoint, all arrived at `since`; `done` runs when the last is
/// cleared.
struct CheckpointBatch {
    int remaining = 0;
    SmallFunction<void()> done;
    Time since = 0;
    bool aid = false;  // an aid truck's or a return bus's, not the force's
};

/// One aircraft of an airlift fleet and what it carries on the sortie under way.
struct Aircraft {
    std::string id;
    std::size_t fleet = 0;
    struct Load {
        std::size_t unit;
        int type;  // vehicle type, or -1 for people
        int count;
    };
    std::vector<Load> cargo;
    struct AidLoad {
        std::size_t consignment;  // index into Airlift::consignments
        double units;
    };
    std::vector<AidLoad> aid_cargo;
    double cargo_t = 0;
    int apron_slot = -1;
    Time asked_for_apron = 0;
};

/// Aid cargo flown to a depot (one inbound line with `by_air`): lots become ready at the origin
/// airfield at the line's times and wait there, oldest first, for room on a sortie.
struct AirConsignment {
    std::size_t depot = 0, line = 0;
    static constexpr Time kNoMore = std::numeric_limits<Time>::max();
    Time next_ready = kNoMore;  // the next lot's time at the airfield, kNoMore when none is left
    std::deque<std::pair<Time, double>> waiting;  // lots ready and not yet flown: (ready, units)
};

/// What of an air-moved unit is still at its origin airfield, waiting for a seat or a hold.
struct AirCargo {
    std::vector<int> vehicles_left;  // by type
    int personnel_left = 0;
};

// --- the parts of a run, each owning its state and starting its own events ---

/// Movers waiting at one node to enter an escorted stretch (movement/escort.cpp), in the order
/// they came, and the convoy that left last.
struct EscortQueue {
    std::deque<Mover*> waiting;
    bool departure_planned = false;
    Time left_at = -1;      // when the last escorted convoy left here
    int left_vehicles = 0;  // and with how many vehicles
};

/// Road movement (sim/model/movement/): every mover on the road, the gates of the arcs, the
/// movers that wait for a road to open, and those that wait for an escort.
struct RoadMovement {
    std::vector<Time> arc_free_at;  // road gates: when the next mover may enter each arc
    std::vector<int> gate_queue;    // vehicles waiting at each arc's gate
    std::vector<std::unique_ptr<Mover>> movers;  // by slot; a finished mover's slot is reused
    std::vector<std::size_t> free_slots;
    std::vector<Mover*> blocked;  // formed, but no open road leads to their destination yet
    std::vector<int> escort_of_arc;  // the escort (Humanitarian::escorts) of each arc, or -1
    std::map<std::pair<std::size_t, NodeIndex>, EscortQueue> escort_queues;  // by escort and node
};

/// Checkpoints (sim/model/checkpoint.cpp).
struct Checkpoints {
    std::vector<int> of_node;
    std::vector<std::unique_ptr<Resource>> lanes;
    std::vector<std::unique_ptr<RandomStream>> service;     // per checkpoint: the force and traffic
    std::vector<std::unique_ptr<RandomStream>> aid_service;  // per checkpoint: humanitarian vehicles
    std::vector<std::unique_ptr<TrafficArrivals>> traffic;  // per checkpoint with traffic
    std::vector<std::unique_ptr<CheckpointBatch>> batches;  // in use, or free for reuse
    std::vector<CheckpointBatch*> free_batches;
    // Queue waits (seconds) of the force's convoy vehicles and of the humanitarian ones (aid trucks,
    // return buses), per checkpoint.
    std::vector<Tally> force_waits, aid_waits;
};

/// The airlift (sim/model/airlift.cpp).
struct Airlift {
    std::vector<std::unique_ptr<Resource>> aprons;  // per airfield
    std::vector<int> landings;                      // per airfield
    std::vector<std::unique_ptr<Aircraft>> aircraft;
    std::vector<AirCargo> cargo;  // per unit
    std::vector<AirConsignment> consignments;
};

/// Repair teams (sim/model/repairs.cpp): where each is and the job it is on.
struct RepairCrew {
    std::size_t kind = 0;  // index into Theatre::repair_teams
    NodeIndex at = 0;
    bool busy = false;
    std::string id;  // "KIND/team-N", built only when written out
};

/// A job for the teams: a disruption's road, or a town's damaged service.
struct RepairJob {
    bool service = false;
    std::size_t disruption = 0;              // (a road's) index into World::disruptions
    std::size_t town = 0, town_service = 0;  // (a service's) indices into the towns and their services
};

struct Repairs {
    std::vector<RepairCrew> crews;
    std::vector<RepairJob> jobs;  // in the order teams take them: by priority, then the scenario's
    std::vector<int> crew_on;     // per job: the crew on it, or -1
};

/// Towns' services (sim/model/services.cpp): when each works again.
struct Services {
    std::vector<std::vector<Time>> restored_at;  // per town and service: 0 if never down, kNever while down
};

/// Marshalling, convoys and posts (sim/model/deployment.cpp).
struct Deployment {
    std::vector<Marshalling> units;
    std::vector<Convoy> convoys;  // every convoy formed, in order
};

// --- road movement (sim/model/movement/) ---
void open_roads(World& world);
/// Forms a mover and sets it off now (or as soon as its rules and the roads allow).
void start_mover(World& world, const MoverPlan& plan, SmallFunction<void(const Mover&, Time)> on_arrival);
/// Roads closed, reopened, were damaged or repaired: movers on the road plan again from their next
/// node, and when roads `improved`, movers waiting for a route try again.
void roads_changed(World& world, bool improved);

// --- disruptions (sim/model/disruption.cpp) ---
void schedule_disruptions(World& world);

/// Ends disruption `index` now (a team has repaired it) and lets the movers plan again.
void end_disruption(World& world, std::size_t index, std::string_view by);

// --- repairs (sim/model/repairs.cpp) ---
void start_repairs(World& world);
/// A disruption with repair work has begun: idle teams look for work.
void repair_job_appeared(World& world);

// --- towns' services (sim/model/services.cpp) ---
/// Services damaged from the start are down; those restored at a time are scheduled.
void open_services(World& world);
/// Service `service` of town `town` works again now (`by` names the team that restored it).
void restore_service(World& world, std::size_t town, std::size_t service, std::string_view by);
/// "TOWN/SERVICE", for the timeline.
std::string service_label(const World& world, std::size_t town, std::size_t service);

// --- checkpoints (sim/model/checkpoint.cpp) ---
void open_checkpoints(World& world);
/// A duration drawn from `distribution` (a checkpoint's service, a random closure's length).
Time draw_duration(RandomStream& stream, const ServiceTime& distribution);
/// The checkpoint at a node, or -1.
int checkpoint_at(const World& world, NodeIndex node);
/// Passes `vehicles` through checkpoint `index` (an aid truck's when `aid`); `done` runs when the
/// last is cleared.
void pass_checkpoint(World& world, int index, int vehicles, bool aid, SmallFunction<void()> done);

// --- airlift (sim/model/airlift.cpp) ---
void start_airlift(World& world);

// --- marshalling and posts (sim/model/deployment.cpp) ---
/// Cargo of unit `unit` has landed (or is ready at its road origin): form convoys if it may go.
void marshal(World& world, std::size_t unit);

struct World {
    World(const Theatre& t, std::uint64_t seed, std::uint32_t replication, const Sinks& sinks);

    const Theatre& theatre;
    std::uint64_t seed;
    std::uint32_t replication;
    Sinks sinks;
    Simulator sim;
    Overlay overlay;  // closures and damage of the moment (docs/model.md, "Disruptions")
    Router router;
    DeploymentResult result;
    Deployment deployment;
    Airlift airlift;
    RoadMovement roads;
    Checkpoints checkpoints;
    Aid aid;
    // Disruptions (disruption.cpp): the changes at each moment something starts or ends, in time
    // order; each is a list of (disruption, starts) pairs.
    std::vector<std::vector<std::pair<std::size_t, bool>>> disruption_moments;
    // The scenario's disruptions, then those its `random_closures` drew for this replication.
    std::vector<Disruption> disruptions;
    std::vector<Time> disruption_ends;  // per disruption: its `until`, or when it was repaired
    // Per arc, the disruptions in force now: how many close it, and those that slow it.
    std::vector<int> closures_on_arc;
    std::vector<std::vector<std::size_t>> damage_on_arc;
    Repairs repairs;
    Services services;

    /// A row of the timeline, when it is recorded (a place that takes work to name is better
    /// given only when `sinks.timeline` holds).
    /// `event` is a fixed name (a string literal): rows keep it without a copy.
    void log(Time at, std::string_view entity, const char* event, std::string_view place) {
        if (sinks.timeline) result.timeline.push_back({at, std::string(entity), event, std::string(place)});
    }
    /// The same at a node, named only when the row is recorded.
    void log(Time at, std::string_view entity, const char* event, NodeIndex place) {
        if (sinks.timeline) log(at, entity, event, node_id(place));
    }
    std::string node_id(NodeIndex v) const { return theatre.network().node_id(v); }
    /// Time of day of a simulated time (the scenario clock is UTC).
    Time time_of_day(Time t) const {
        // Floor modulo: a start before 1970 has a negative epoch.
        Time start = ((theatre.start_epoch_s % 86400 + 86400) % 86400) * kSecond;
        return ((start + t) % kDay + kDay) % kDay;
    }
};

}  // namespace corridor::model
