#include "corridor/network/router.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "corridor/engine/dary_heap.hpp"
#include "corridor/network/hierarchy.hpp"
#include "epoch_stamps.hpp"
#include "turn_search.hpp"

namespace corridor {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The searches' queue (engine/dary_heap.hpp) of (key, node) with lazy deletion: a node may sit in
// it several times and stale copies are skipped when they surface. No decrease-key, no position
// array.
class NodeHeap {
  public:
    bool empty() const { return heap_.empty(); }
    double top_key() const { return heap_.top().key; }
    void clear() { heap_.clear(); }
    void push(double key, NodeIndex node) { heap_.push({key, node}); }
    std::pair<double, NodeIndex> pop() {
        Item top = heap_.pop();
        return {top.key, top.node};
    }

  private:
    struct Item {
        double key;
        NodeIndex node;
    };
    struct KeyOf {
        double operator()(const Item& item) const { return item.key; }
    };
    DaryHeap<Item, KeyOf> heap_;
};

// The same heap of node indices keyed by an outside cost array, with a position per node so that
// a cheaper path moves the node up in place (decrease-key) instead of adding a copy: the heap
// stays at most one entry per node and 4 bytes an entry.
class IndexedHeap {
  public:
    IndexedHeap(const std::vector<double>& key, std::size_t n)
        : position_(n, kAbsent), heap_(KeyOf{key.data()}, Placed{position_.data()}) {}
    bool empty() const { return heap_.empty(); }
    // (The caller has lowered v's key when v is in the heap already.)
    void push_or_decrease(NodeIndex v) {
        if (position_[v] == kAbsent)
            heap_.push(v);
        else
            heap_.replace_earlier(position_[v], v);
    }
    NodeIndex pop() {
        NodeIndex top = heap_.pop();
        position_[top] = kDone;
        return top;
    }

  private:
    static constexpr std::uint32_t kAbsent = UINT32_MAX, kDone = UINT32_MAX - 1;
    struct KeyOf {
        const double* key;  // the search's cost array, which never grows
        double operator()(NodeIndex v) const { return key[v]; }
    };
    struct Placed {
        std::uint32_t* position;  // position_'s, which never grows
        void operator()(NodeIndex v, std::size_t slot) const { position[v] = static_cast<std::uint32_t>(slot); }
    };
    std::vector<std::uint32_t> position_;
    DaryHeap<NodeIndex, KeyOf, Placed> heap_;
};

enum class Along { arcs, arcs_reversed };

// Plain Dijkstra over every node, along the arcs leaving each node, or the arcs entering it (a
// search from a destination). `cost_of(arc)` is inlined for each caller.
template <class CostOf>
std::vector<double> settle_all(const RoadNetwork& network, Along along, NodeIndex from, CostOf cost_of) {
    const std::size_t n = network.node_count();
    std::vector<double> cost(n, kInfinity);
    IndexedHeap heap(cost, n);
    cost[from] = 0;
    heap.push_or_decrease(from);
    auto relax = [&](NodeIndex v, double c) {
        if (c < cost[v]) {
            cost[v] = c;
            heap.push_or_decrease(v);
        }
    };
    while (!heap.empty()) {
        NodeIndex u = heap.pop();
        double cost_u = cost[u];
        if (along == Along::arcs_reversed) {
            auto [first, last] = network.in_slots(u);
            for (std::uint32_t slot = first; slot < last; ++slot)
                relax(network.in_from(slot), cost_u + cost_of(network.in_arc(slot)));
        } else {
            auto [first, last] = network.out_arcs(u);
            for (ArcIndex a = first; a < last; ++a) relax(network.arc_to(a), cost_u + cost_of(a));
        }
    }
    return cost;
}

}  // namespace

// Distances and parent arcs of one search, reset in O(1) between queries by an epoch stamp.
struct Router::Search {
    explicit Search(std::size_t n) : cost(n), parent(n), stamp(n, 0), settled_stamp(n, 0) {}
    void start() {
        next_epoch(epoch, stamp, settled_stamp);
        heap.clear();
    }
    double get(NodeIndex v) const { return stamp[v] == epoch ? cost[v] : kInfinity; }
    void set(NodeIndex v, double c, ArcIndex via) {
        stamp[v] = epoch;
        cost[v] = c;
        parent[v] = via;
    }
    bool settled(NodeIndex v) const { return settled_stamp[v] == epoch; }
    void settle(NodeIndex v) { settled_stamp[v] = epoch; }

    std::vector<double> cost;
    std::vector<ArcIndex> parent;
    std::vector<std::uint32_t> stamp, settled_stamp;
    std::uint32_t epoch = 0;
    NodeHeap heap;
};

void Overlay::close(ArcIndex a) {
    closed_.at(a) = 1;
    ++version_;
}
void Overlay::reopen(ArcIndex a) {
    closed_.at(a) = 0;
    ++version_;
}
void Overlay::set_speed_factor(ArcIndex a, double factor) {
    if (!(factor > 0 && factor <= 1)) throw std::invalid_argument("a speed factor must be in (0, 1]");
    speed_factor_.at(a) = static_cast<float>(factor);
    ++version_;
}

std::size_t Router::CacheKeyHash::operator()(const CacheKey& k) const {
    std::uint64_t h = (static_cast<std::uint64_t>(k.from) << 32) ^ k.to;
    h ^= static_cast<std::uint64_t>(k.metric) << 63;
    for (double figure : {k.vehicle.weight_t, k.vehicle.axle_load_t, k.vehicle.height_m, k.vehicle.width_m})
        h = (h ^ std::hash<double>{}(figure)) * 0x9E3779B97F4A7C15ull;
    h ^= static_cast<std::uint64_t>(k.vehicle.heavy) << 62;
    return std::hash<std::uint64_t>{}(h);
}

Router::Router(const RoadNetwork& network, const Overlay* overlay)
    : network_(network),
      overlay_(overlay),
      base_time_s_(network.arc_count()),
      forward_(std::make_unique<Search>(network.node_count())),
      backward_(std::make_unique<Search>(network.node_count())) {
    for (ArcIndex a = 0; a < network.arc_count(); ++a) base_time_s_[a] = network.free_flow_time_s(a);
    if (network.has_coordinates()) {
        double metres = kInfinity, seconds = kInfinity;
        for (ArcIndex a = 0; a < network.arc_count(); ++a) {
            NodeIndex u = network.arc_from(a), v = network.arc_to(a);
            double straight = great_circle_m(network.node_lat(u), network.node_lon(u), network.node_lat(v),
                                             network.node_lon(v));
            if (straight <= 0) continue;
            metres = std::min(metres, network.length_m(a) / straight);
            seconds = std::min(seconds, base_time_s_[a] / straight);
        }
        // Shave a little off for rounding, so the bound stays below every true cost.
        metres_per_metre_ = std::isfinite(metres) ? std::min(metres, 1.0) * (1 - 1e-9) : 0;
        seconds_per_metre_ = std::isfinite(seconds) ? seconds * (1 - 1e-9) : 0;
    }
    if (overlay_) cache_version_ = overlay_->version();
}

Router::~Router() = default;

double Router::arc_cost(ArcIndex a, Metric metric, const VehicleLimits& vehicle) const {
    if (!vehicle_may_use(network_, a, vehicle)) return kInfinity;
    if (overlay_ && overlay_->closed(a)) return kInfinity;
    return metric == Metric::distance ? network_.length_m(a) : travel_time_s(a);
}

double Router::heuristic(NodeIndex v, NodeIndex target, Metric metric) const {
    double straight = great_circle_m(network_.node_lat(v), network_.node_lon(v), network_.node_lat(target),
                                     network_.node_lon(target));
    return straight * (metric == Metric::distance ? metres_per_metre_ : seconds_per_metre_);
}

Route Router::route(const RouteQuery& query, Algorithm algorithm) {
    if (query.from >= network_.node_count() || query.to >= network_.node_count())
        throw std::out_of_range("route query names a node outside the network");
    if (overlay_ && overlay_->version() != cache_version_) {
        cache_.clear();
        cache_version_ = overlay_->version();
    }
    CacheKey key{query.from, query.to, query.metric, query.vehicle};
    if (algorithm == Algorithm::automatic) {
        if (auto it = cache_.find(key); it != cache_.end()) {
            ++cache_hits_;
            return it->second;
        }
        ++cache_misses_;
        algorithm = hierarchies_[static_cast<int>(query.metric)] ? Algorithm::hierarchy
                                                                  : search_without_hierarchy(query.metric);
        Route found = route(query, algorithm);
        settled_total_ += found.settled;
        cache_.emplace(key, found);
        return found;
    }
    Route found;
    switch (algorithm) {
        case Algorithm::dijkstra:
            found = dijkstra(query, Bound::none);
            break;
        case Algorithm::astar:
            found = dijkstra(query, network_.has_coordinates() ? Bound::geometric : Bound::none);
            break;
        case Algorithm::landmarks:
            found = dijkstra(query,
                             landmarks_[static_cast<int>(query.metric)].count > 0 ? Bound::landmarks : Bound::none);
            break;
        case Algorithm::hierarchy:
            found = hierarchy_route(query);
            break;
        default:
            found = bidirectional(query);
    }
    // The node-based searches ignore turn restrictions, so their best cost is a lower bound:
    // a path making no forbidden turn is optimal; another needs the search over arcs.
    if (found.found && turns_matter(query) && !path_allowed(query, found.arcs)) {
        std::size_t settled = found.settled;
        found = arc_dijkstra(query);
        found.settled += settled;
    }
    return found;
}

Route Router::dijkstra(const RouteQuery& query, Bound bound) {
    auto estimate = [&](NodeIndex v) {
        switch (bound) {
            case Bound::geometric:
                return heuristic(v, query.to, query.metric);
            case Bound::landmarks:
                return landmark_bound(v, query.to, query.metric);
            default:
                return 0.0;
        }
    };
    Search& s = *forward_;
    s.start();
    s.set(query.from, 0, 0);
    s.heap.push(estimate(query.from), query.from);
    std::size_t settled = 0;
    while (!s.heap.empty()) {
        NodeIndex u = s.heap.pop().second;
        if (s.settled(u)) continue;
        s.settle(u);
        ++settled;
        if (u == query.to) break;
        double cost_u = s.get(u);
        auto [first, last] = network_.out_arcs(u);
        for (ArcIndex a = first; a < last; ++a) {
            double c = cost_u + arc_cost(a, query.metric, query.vehicle);
            NodeIndex v = network_.arc_to(a);
            if (c < s.get(v)) {
                s.set(v, c, a);
                s.heap.push(c + estimate(v), v);
            }
        }
    }
    if (!s.settled(query.to)) return finish(query, {}, settled);
    std::vector<ArcIndex> arcs;
    for (NodeIndex v = query.to; v != query.from; v = network_.arc_from(s.parent[v]))
        arcs.push_back(s.parent[v]);
    std::reverse(arcs.begin(), arcs.end());
    return finish(query, std::move(arcs), settled);
}

Route Router::bidirectional(const RouteQuery& query) {
    // Two Dijkstra searches, from the origin on the graph and from the destination on the
    // reversed graph, alternating by the smaller frontier key. They stop when the two frontier
    // keys together reach the best meeting cost found: no shorter route can remain (Pohl 1971).
    Search& f = *forward_;
    Search& b = *backward_;
    f.start();
    b.start();
    f.set(query.from, 0, 0);
    b.set(query.to, 0, 0);
    f.heap.push(0, query.from);
    b.heap.push(0, query.to);
    double best = query.from == query.to ? 0 : kInfinity;
    NodeIndex meeting = query.from;
    std::size_t settled = 0;
    while (!f.heap.empty() && !b.heap.empty() && f.heap.top_key() + b.heap.top_key() < best) {
        bool forward = f.heap.top_key() <= b.heap.top_key();
        Search& s = forward ? f : b;
        Search& other = forward ? b : f;
        NodeIndex u = s.heap.pop().second;
        if (s.settled(u)) continue;
        s.settle(u);
        ++settled;
        double cost_u = s.get(u);
        // Forward, the arcs leaving u; backward, the arcs entering it, as slots of the reversed graph.
        auto [first, last] = forward ? network_.out_arcs(u) : network_.in_slots(u);
        for (std::uint32_t i = first; i < last; ++i) {
            ArcIndex a = forward ? i : network_.in_arc(i);
            double c = cost_u + arc_cost(a, query.metric, query.vehicle);
            NodeIndex v = forward ? network_.arc_to(a) : network_.in_from(i);
            if (c < s.get(v)) {
                s.set(v, c, a);
                s.heap.push(c, v);
                double through = c + other.get(v);
                if (through < best) {
                    best = through;
                    meeting = v;
                }
            }
        }
    }
    if (!std::isfinite(best)) return finish(query, {}, settled);
    std::vector<ArcIndex> arcs;
    for (NodeIndex v = meeting; v != query.from; v = network_.arc_from(f.parent[v]))
        arcs.push_back(f.parent[v]);
    std::reverse(arcs.begin(), arcs.end());
    for (NodeIndex v = meeting; v != query.to; v = network_.arc_to(b.parent[v])) arcs.push_back(b.parent[v]);
    return finish(query, std::move(arcs), settled);
}

Route Router::finish(const RouteQuery& query, std::vector<ArcIndex> arcs, std::size_t settled) const {
    Route route;
    route.settled = settled;
    route.found = !arcs.empty() || query.from == query.to;
    if (!route.found) return route;
    route.nodes.reserve(arcs.size() + 1);
    route.nodes.push_back(query.from);
    for (ArcIndex a : arcs) {
        route.nodes.push_back(network_.arc_to(a));
        route.distance_m += network_.length_m(a);
        route.time_s += travel_time_s(a);  // (the search checked the arc is open to the vehicle)
    }
    route.arcs = std::move(arcs);
    return route;
}

void Router::prepare_landmarks(Metric metric, int count) {
    // Farthest-point selection: each new landmark is the node farthest (by the smaller of its
    // costs to and from the landmarks so far) from those chosen, so they spread to the edges of
    // the map, where their bounds are tightest.
    Landmarks& marks = landmarks_[static_cast<int>(metric)];
    std::size_t n = network_.node_count();
    marks = Landmarks{};
    // Bounds come from the undamaged network: closures and damage only raise costs later.
    const Overlay* overlay = std::exchange(overlay_, nullptr);
    count = std::max(1, std::min<int>(count, static_cast<int>(n)));
    std::vector<double> nearest(n, kInfinity);
    NodeIndex next = 0;
    {
        std::vector<double> from_first = one_to_all(0, metric);
        double far = -1;
        for (NodeIndex v = 0; v < n; ++v)
            if (std::isfinite(from_first[v]) && from_first[v] > far) far = from_first[v], next = v;
    }
    for (int k = 0; k < count; ++k) {
        std::vector<double> from = one_to_all(next, metric);
        std::vector<double> to = reverse_one_to_all(next, metric);
        marks.from_landmark.insert(marks.from_landmark.end(), from.begin(), from.end());
        marks.to_landmark.insert(marks.to_landmark.end(), to.begin(), to.end());
        ++marks.count;
        double far = -1;
        for (NodeIndex v = 0; v < n; ++v) {
            nearest[v] = std::min({nearest[v], from[v], to[v]});
            if (std::isfinite(nearest[v]) && nearest[v] > far) far = nearest[v], next = v;
        }
        if (far <= 0) break;
    }
    overlay_ = overlay;
}

double Router::landmark_bound(NodeIndex v, NodeIndex target, Metric metric) const {
    // Triangle inequality with landmark L: d(v,t) >= d(L,t) - d(L,v) and d(v,t) >= d(v,L) - d(t,L).
    // Overlay closures and damage only raise costs, so base-graph bounds stay admissible.
    const Landmarks& marks = landmarks_[static_cast<int>(metric)];
    std::size_t n = network_.node_count();
    double bound = 0;
    for (int k = 0; k < marks.count; ++k) {
        const double* from = &marks.from_landmark[k * n];
        const double* to = &marks.to_landmark[k * n];
        if (std::isfinite(from[v]) && std::isfinite(from[target]))
            bound = std::max(bound, from[target] - from[v]);
        if (std::isfinite(to[v]) && std::isfinite(to[target])) bound = std::max(bound, to[v] - to[target]);
    }
    return bound * (1 - 1e-12);
}

std::vector<double> Router::reverse_one_to_all(NodeIndex to, Metric metric) {
    return settle_all(network_, Along::arcs_reversed, to,
                      [&](ArcIndex a) { return arc_cost(a, metric, VehicleLimits{}); });
}

std::vector<double> Router::one_to_all(NodeIndex from, Metric metric, const VehicleLimits& vehicle) {
    if (overlay_ == nullptr && vehicle == VehicleLimits{}) {
        // The common case, without closures or a heavy vehicle: costs straight from one array.
        const double* base = metric == Metric::distance ? network_.lengths_m().data() : base_time_s_.data();
        return settle_all(network_, Along::arcs, from, [base](ArcIndex a) { return base[a]; });
    }
    return settle_all(network_, Along::arcs, from, [&](ArcIndex a) { return arc_cost(a, metric, vehicle); });
}

}  // namespace corridor
