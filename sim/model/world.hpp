#pragma once
// The state one deployment run shares between its parts (airlift, marshalling, road march,
// checkpoints, posts). Private to sim/model/.

#include <memory>
#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/engine/resource.hpp"
#include "corridor/engine/simulator.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/network/router.hpp"

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

/// A convoy on the road: its head moves arc by arc; the last vehicle follows a pass time later.
struct Convoy {
    std::string id;
    std::size_t unit = 0;
    std::size_t post_slot = 0;  // index into the unit's posts
    int vehicles = 0;
    int personnel = 0;
    double top_speed_kph = 0;  // of its slowest vehicle
    double heaviest_t = 0;
    std::vector<ArcIndex> route;
    std::size_t arc = 0;     // the arc its head is on, or about to enter
    bool on_arc = false;     // entered the current arc's gate
    double remaining_m = 0;  // of the current arc
    Time driving_since_halt = 0;
    Time driving_today = 0;
    int halts = 0;
    Time departed = 0;
    NodeIndex origin = 0;
    double route_m = 0;
    // For convoys.csv: when it formed, first rolled and arrived (its last vehicle), and the time
    // it spent stopped, by cause.
    Time formed = 0;
    Time rolled = kNever;
    Time arrived = kNever;
    Time halted = 0;                                                  // halts, daily rests and night stops
    Time gate_wait = 0;                                               // queued at road gates
    Time checkpoint_wait = 0;                                         // from checkpoint entry to exit
    Time no_route_wait = 0;                                           // every road to its post closed
    Time waiting_since = 0;                                           // start of the wait in progress
    enum class Wait { none, gate, checkpoint } waiting = Wait::none;  // the wait in progress, if any
    // The drive in progress: how long, at what speed, and whether it ends the arc.
    Time step = 0;
    double step_speed_kph = 0;
    bool step_reaches_end = false;
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

/// Vehicles of one convoy at a checkpoint; `done` runs when the last is cleared.
struct CheckpointBatch {
    int remaining = 0;
    SmallFunction<void()> done;
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
    double cargo_t = 0;
    int apron_slot = -1;
    Time asked_for_apron = 0;
};

/// What of an air-moved unit is still at its origin airfield, waiting for a seat or a hold.
struct AirCargo {
    std::vector<int> vehicles_left;  // by type
    int personnel_left = 0;
};

// --- road march (sim/model/convoy.cpp) ---
void start_convoy(World& world, std::size_t unit, std::size_t post_slot,
                  const std::vector<int>& vehicles_by_type, int personnel, NodeIndex from);

// --- disruptions (sim/model/disruption.cpp) ---
void schedule_disruptions(World& world);
/// Convoys that found no open route wait here and try again whenever a road reopens.
void retry_blocked_convoys(World& world);
/// Routes a formed convoy from its origin and sets it moving, or leaves it waiting for a route.
void depart(World& world, Convoy& convoy);

// --- checkpoints (sim/model/checkpoint.cpp) ---
void open_checkpoints(World& world);
/// The checkpoint at a node, or -1.
int checkpoint_at(const World& world, NodeIndex node);
/// Passes `vehicles` through checkpoint `index`; `done` runs when the last is cleared.
void pass_checkpoint(World& world, int index, int vehicles, SmallFunction<void()> done);

// --- airlift (sim/model/airlift.cpp) ---
void start_airlift(World& world);

// --- marshalling and posts (sim/model/deployment.cpp) ---
/// Cargo of unit `unit` has landed (or is ready at its road origin): form convoys if it may go.
void marshal(World& world, std::size_t unit);
void convoy_arrived(World& world, std::size_t unit, std::size_t post_slot, Time last_vehicle_at);

struct World {
    World(const Theatre& t, std::uint64_t seed, std::uint32_t replication);

    const Theatre& theatre;
    std::uint64_t seed;
    std::uint32_t replication;
    Simulator sim;
    Overlay overlay;  // closures and damage of the moment (docs/model.md, "Disruptions")
    Router router;
    DeploymentResult result;
    std::vector<Marshalling> marshalling;
    std::vector<Time> arc_free_at;  // road gates: when the next convoy may enter each arc
    std::vector<int> gate_queue;    // convoy vehicles waiting at each arc's gate
    std::vector<int> checkpoint_of_node;
    std::vector<std::unique_ptr<Resource>> checkpoint_lanes;
    std::vector<std::unique_ptr<RandomStream>> checkpoint_service;     // per checkpoint
    std::vector<std::unique_ptr<TrafficArrivals>> checkpoint_traffic;  // per checkpoint with traffic
    std::vector<std::unique_ptr<CheckpointBatch>> checkpoint_batches;
    std::vector<std::unique_ptr<Resource>> aprons;  // per airfield
    std::vector<int> landings;                      // per airfield
    std::vector<std::unique_ptr<Aircraft>> aircraft;
    std::vector<AirCargo> air_cargo;  // per unit
    std::vector<std::unique_ptr<Convoy>> convoys;
    std::vector<Convoy*> blocked;  // formed, but no open road leads to their post yet

    void log(Time at, std::string entity, std::string event, std::string place) {
        result.timeline.push_back({at, std::move(entity), std::move(event), std::move(place)});
    }
    const std::string& node_id(NodeIndex v) const { return theatre.network.node(v).id; }
    /// Time of day of a simulated time (the scenario clock is UTC).
    Time time_of_day(Time t) const {
        // Floor modulo: a start before 1970 has a negative epoch.
        Time start = ((theatre.start_epoch_s % 86400 + 86400) % 86400) * kSecond;
        return ((start + t) % kDay + kDay) % kDay;
    }
};

}  // namespace corridor::model
