#pragma once
// Shortest routes over the road network by travel time or by distance, with the closures and
// damage of the moment (an overlay read through the weight) and the vehicle's weight against
// bridge limits. Point-to-point queries use A* where the network has coordinates and
// bidirectional Dijkstra where it has not; answers are cached per (origin, destination, metric,
// vehicle weight) and forgotten when the overlay changes (docs/architecture.md, decision 5).

#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_map>
#include <vector>

#include <span>

#include "corridor/network/road_network.hpp"
#include "corridor/network/vehicle_limits.hpp"

namespace corridor {

enum class Metric { time, distance };

/// Closed arcs and speed factors (0 < factor <= 1: damage slows, nothing speeds up) that change
/// over a run. Every change bumps the version, which invalidates cached routes.
class Overlay {
  public:
    explicit Overlay(std::size_t arc_count) : closed_(arc_count, 0), speed_factor_(arc_count, 1.0f) {}
    void close(ArcIndex a);
    void reopen(ArcIndex a);
    /// Throws std::invalid_argument unless 0 < factor <= 1.
    void set_speed_factor(ArcIndex a, double factor);
    bool closed(ArcIndex a) const { return closed_[a] != 0; }
    double speed_factor(ArcIndex a) const { return speed_factor_[a]; }
    std::uint64_t version() const { return version_; }

  private:
    std::vector<std::uint8_t> closed_;
    std::vector<float> speed_factor_;
    std::uint64_t version_ = 0;
};

struct RouteQuery {
    NodeIndex from = 0;
    NodeIndex to = 0;
    Metric metric = Metric::time;
    // Arcs whose limits are lower than the vehicle's are not used. Its first field is the
    // weight, so `{from, to, metric, 40.0}` still reads as a 40 t vehicle.
    VehicleLimits vehicle{};
};

struct Route {
    bool found = false;
    std::vector<NodeIndex> nodes;  // from .. to
    std::vector<ArcIndex> arcs;
    double distance_m = 0;
    double time_s = 0;
    std::size_t settled = 0;  // nodes the search settled: its work
};

enum class Algorithm { automatic, dijkstra, bidirectional, astar, landmarks, hierarchy };

class ContractionHierarchy;  // corridor/network/hierarchy.hpp

class Router {
  public:
    explicit Router(const RoadNetwork& network, const Overlay* overlay = nullptr);
    ~Router();
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

    /// Prepares landmark lower bounds for `metric` (ALT: A*, landmarks and the triangle
    /// inequality; Goldberg and Harrelson 2005): 2 x `count` one-to-all searches, then
    /// point-to-point queries settle a small part of the graph. Worth it for many queries.
    void prepare_landmarks(Metric metric, int count = 16);

    /// Builds a contraction hierarchy for `metric` (corridor/network/hierarchy.hpp): seconds on a
    /// country's network, then a point-to-point query settles a few hundred nodes.
    void prepare_hierarchy(Metric metric);
    /// Uses a hierarchy built (or read from a prepared-network file) for this network.
    void use_hierarchy(ContractionHierarchy hierarchy);
    /// Uses a hierarchy shared with other routers (every run of a scenario, every point of a
    /// sweep): queries on it are safe from several threads, each taking its own scratch arrays.
    /// Throws std::invalid_argument if it was built for a network of other node or arc counts;
    /// the caller vouches for the rest (the scenario loader matches it by the network's
    /// fingerprint, sim/scenario/network_hierarchy.cpp).
    void use_hierarchy(std::shared_ptr<const ContractionHierarchy> hierarchy);
    /// The hierarchy prepared for `metric`, or null.
    const ContractionHierarchy* hierarchy(Metric metric) const;

    /// The best route. `automatic` uses the hierarchy where prepared, else landmarks where
    /// prepared, else A* with coordinates, else bidirectional Dijkstra. A hierarchy's answer
    /// stands only where the overlay and the vehicle leave its path as cheap as on the bare
    /// network; otherwise the query falls back to the search `automatic` would use without it.
    Route route(const RouteQuery& query, Algorithm algorithm = Algorithm::automatic);
    /// Cost (seconds or metres) from `from` to every node; infinity where unreachable. Node
    /// labels cannot see turn restrictions: these costs ignore them (a lower bound where the
    /// network has some; docs/network.md, "Turn restrictions").
    std::vector<double> one_to_all(NodeIndex from, Metric metric, const VehicleLimits& vehicle);
    std::vector<double> one_to_all(NodeIndex from, Metric metric, double vehicle_weight_t = 0) {
        return one_to_all(from, metric, VehicleLimits{vehicle_weight_t});
    }
    /// Cost of one arc under the current overlay; infinity if closed or if the vehicle may not
    /// use it (vehicle_may_use).
    double arc_cost(ArcIndex a, Metric metric, const VehicleLimits& vehicle) const;
    /// Seconds to drive arc `a` under the overlay's damage, for an arc a route may use.
    double travel_time_s(ArcIndex a) const {
        return overlay_ ? base_time_s_[a] / overlay_->speed_factor(a) : base_time_s_[a];
    }
    double arc_cost(ArcIndex a, Metric metric, double vehicle_weight_t) const {
        return arc_cost(a, metric, VehicleLimits{vehicle_weight_t});
    }
    /// True when the query's vehicle may drive every arc of the path and make every turn in it
    /// (closures and damage are not looked at). A search that cannot see turn restrictions (the
    /// node-based ones, a contraction hierarchy) finds a lower bound; when its path is allowed,
    /// it is the answer.
    bool path_allowed(const RouteQuery& query, std::span<const ArcIndex> arcs) const;

    const RoadNetwork& network() const { return network_; }
    std::uint64_t cache_hits() const { return cache_hits_; }
    std::uint64_t cache_misses() const { return cache_misses_; }
    /// Nodes settled by every search route() made for a miss of its cache: the routing's work.
    std::uint64_t settled_total() const { return settled_total_; }
    /// Hierarchy answers refused by hierarchy_answer_valid (answered by another search).
    std::uint64_t hierarchy_fallbacks() const { return hierarchy_fallbacks_; }

  private:
    struct Search;  // per-query arrays, reused (sim/network/router.cpp)
    struct CacheKey {
        NodeIndex from, to;
        Metric metric;
        VehicleLimits vehicle;
        bool operator==(const CacheKey&) const = default;
    };
    struct CacheKeyHash {
        std::size_t operator()(const CacheKey& k) const;
    };

    enum class Bound { none, geometric, landmarks };
    Route dijkstra(const RouteQuery& query, Bound bound);
    std::vector<double> reverse_one_to_all(NodeIndex to, Metric metric);
    double landmark_bound(NodeIndex v, NodeIndex target, Metric metric) const;
    Route bidirectional(const RouteQuery& query);
    Route hierarchy_route(const RouteQuery& query);
    /// True when every arc of a hierarchy path (a cheapest path on the bare network) costs the
    /// query exactly its base cost: then no other path can be cheaper, since closures, damage
    /// and limits only raise costs. The one place to add any rule that forbids or slows an arc.
    bool hierarchy_answer_valid(const RouteQuery& query, const std::vector<ArcIndex>& arcs) const;
    Algorithm search_without_hierarchy(Metric metric) const;
    // Turn-aware search (sim/network/turn_search.cpp): labels on arcs, not nodes.
    struct ArcSearch;
    bool turns_matter(const RouteQuery& query) const;
    Route arc_dijkstra(const RouteQuery& query);
    Route finish(const RouteQuery& query, std::vector<ArcIndex> arcs, std::size_t settled) const;
    double heuristic(NodeIndex v, NodeIndex target, Metric metric) const;

    const RoadNetwork& network_;
    const Overlay* overlay_;
    std::vector<double> base_time_s_;
    // Lower bounds of cost per great-circle metre over all arcs: they keep A* admissible even
    // where a file's coordinates and lengths disagree.
    double metres_per_metre_ = 0;
    double seconds_per_metre_ = 0;
    std::unique_ptr<Search> forward_, backward_;
    std::unique_ptr<ArcSearch> arc_search_;  // made on the first turn-aware query
    // Per metric: landmark-major arrays of costs from (to) each landmark to (from) every node.
    struct Landmarks {
        int count = 0;
        std::vector<double> from_landmark, to_landmark;
    };
    Landmarks landmarks_[2];
    std::shared_ptr<const ContractionHierarchy> hierarchies_[2];  // per metric, or null; read-only
    std::uint64_t hierarchy_fallbacks_ = 0;
    std::unordered_map<CacheKey, Route, CacheKeyHash> cache_;
    std::uint64_t cache_version_ = 0;
    std::uint64_t cache_hits_ = 0, cache_misses_ = 0, settled_total_ = 0;
};

}  // namespace corridor
