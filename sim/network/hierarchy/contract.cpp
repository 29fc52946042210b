// Node ordering and contraction (Geisberger et al. 2008, sections 3 and 4). A node's priority is
// its edge difference (shortcuts its contraction would add less the arcs it removes) plus the
// number of its neighbours already contracted (spreads contraction evenly over the map) plus its
// level (depth in the hierarchy so far; keeps the hierarchy shallow). Priorities are updated
// lazily: the node on top of the queue is re-evaluated and contracted only if it stays on top; the
// neighbours of a contracted node are re-evaluated at once. Ties go to the lower node index, so
// the order, and every byte of the hierarchy, depends on the network only.

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "contraction_graph.hpp"
#include "corridor/network/router.hpp"
#include "fingerprint.hpp"

namespace corridor {

double hierarchy_base_cost(const RoadNetwork& network, ArcIndex a, Metric metric) {
    // The Router's own costs (router.cpp: base_time_s_ and lengths), so that sums agree exactly.
    return metric == Metric::distance ? network.length_m(a) : network.free_flow_time_s(a);
}

namespace {

// Witness searches stop after this many settled nodes or hops: enough to find the local detours
// that make most shortcuts needless, cheap enough for a million nodes.
constexpr int kMaxSettled = 400;
constexpr int kMaxHops = 12;
// Estimating a priority needs only a count, so its searches stop sooner.
constexpr int kMaxSettledEstimate = 60;
constexpr double kEdgeWeight = 2;
constexpr double kNeighbourWeight = 0;

}  // namespace

class HierarchyContractor {
  public:
    HierarchyContractor(const RoadNetwork& network, Metric metric)
        : network_(network),
          n_(network.node_count()),
          graph_(n_),
          witness_(n_),
          contracted_neighbours_(n_, 0),
          level_(n_, 0),
          priority_(n_, 0) {
        for (ArcIndex a = 0; a < network.arc_count(); ++a) {
            NodeIndex u = network.arc_from(a), v = network.arc_to(a);
            double cost = hierarchy_base_cost(network, a, metric);
            if (u == v || !std::isfinite(cost)) continue;  // a loop is never on a cheapest path
            graph_.add_or_improve(u, v, cost, a, 1);
        }
    }

    ContractionHierarchy run(Metric metric) {
        ContractionHierarchy ch;
        ch.make_pool();
        ch.metric_ = metric;
        ch.arc_count_ = network_.arc_count();
        ch.fingerprint_ = network_fingerprint(network_, metric);
        ch.rank_.assign(n_, 0);
        ch.up_first_.assign(1, 0);
        ch.down_first_.assign(1, 0);
        for (NodeIndex v = 0; v < n_; ++v) {
            priority_[v] = evaluate(v);
            queue_.push_back({priority_[v], v});
        }
        std::make_heap(queue_.begin(), queue_.end(), std::greater<>{});
        std::vector<NodeIndex> order;
        order.reserve(n_);
        std::vector<bool> contracted(n_, false);
        while (!queue_.empty()) {
            Entry top = pop();
            if (contracted[top.node] || top.priority != priority_[top.node]) continue;  // stale
            std::int64_t now = evaluate(top.node);
            if (now != top.priority) {
                priority_[top.node] = now;
                if (!queue_.empty() && Entry{now, top.node} > queue_.front()) {
                    push({now, top.node});
                    continue;
                }
            }
            NodeIndex v = top.node;
            ch.rank_[v] = static_cast<std::uint32_t>(order.size());
            order.push_back(v);
            contracted[v] = true;
            // v's remaining arcs all lead to nodes contracted later: they are its final up and
            // down arcs (heads still node indices; turned into ranks below).
            for (const auto& link : graph_.out[v]) ch.up_.push_back({link.other, link.via, link.cost});
            for (const auto& link : graph_.in[v]) ch.down_.push_back({link.other, link.via, link.cost});
            ch.up_first_.push_back(static_cast<std::uint32_t>(ch.up_.size()));
            ch.down_first_.push_back(static_cast<std::uint32_t>(ch.down_.size()));
            contract(v);
            std::vector<NodeIndex> neighbours;
            for (const auto& link : graph_.out[v]) neighbours.push_back(link.other);
            for (const auto& link : graph_.in[v]) neighbours.push_back(link.other);
            std::sort(neighbours.begin(), neighbours.end());
            neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
            graph_.detach(v);
            for (NodeIndex x : neighbours) {
                ++contracted_neighbours_[x];
                level_[x] = std::max(level_[x], level_[v] + 1);
                priority_[x] = evaluate(x);
                push({priority_[x], x});
            }
        }
        auto to_rank = [&](std::vector<ContractionHierarchy::Arc>& arcs) {
            for (auto& arc : arcs) {
                arc.head = ch.rank_[arc.head];
                if (arc.via & ContractionHierarchy::kShortcut)
                    arc.via = ContractionHierarchy::kShortcut |
                              ch.rank_[arc.via & ~ContractionHierarchy::kShortcut];
            }
        };
        to_rank(ch.up_);
        to_rank(ch.down_);
        ch.up_.shrink_to_fit();
        ch.down_.shrink_to_fit();
        ch.link_halves();  // (every shortcut's halves exist: the contraction made them)
        for (const auto* arcs : {&ch.up_, &ch.down_})
            for (const auto& arc : *arcs)
                ch.shortcut_count_ += (arc.via & ContractionHierarchy::kShortcut) != 0;
        return ch;
    }

  private:
    struct Entry {
        std::int64_t priority;
        NodeIndex node;
        bool operator>(const Entry& other) const {
            return priority != other.priority ? priority > other.priority : node > other.node;
        }
    };
    void push(Entry e) {
        queue_.push_back(e);
        std::push_heap(queue_.begin(), queue_.end(), std::greater<>{});
    }
    Entry pop() {
        std::pop_heap(queue_.begin(), queue_.end(), std::greater<>{});
        Entry e = queue_.back();
        queue_.pop_back();
        return e;
    }

    // For each arc u -> v -> w, a shortcut u -> w unless a witness path avoiding v costs no more.
    // Simulated (counted only) when `add` is false.
    template <class Found>
    void shortcuts_of(NodeIndex v, int max_settled, Found found) {
        for (const auto& in : graph_.in[v]) {
            double bound = -1;
            for (const auto& out : graph_.out[v])
                if (out.other != in.other) bound = std::max(bound, in.cost + out.cost);
            if (bound < 0) continue;  // v leads nowhere else from here
            witness_.run(graph_, in.other, v, graph_.out[v], bound, max_settled, kMaxHops);
            for (const auto& out : graph_.out[v]) {
                if (out.other == in.other) continue;
                double via_v = in.cost + out.cost;
                if (witness_.cost(out.other) <= via_v) continue;
                found(in.other, out.other, via_v, in.roads + out.roads);
            }
        }
    }

    std::int64_t evaluate(NodeIndex v) {
        double added = 0, removed = 0, added_roads = 0, removed_roads = 0;
        shortcuts_of(v, kMaxSettledEstimate, [&](NodeIndex, NodeIndex, double, std::uint32_t roads) {
            ++added;
            added_roads += roads;
        });
        for (const auto* links : {&graph_.in[v], &graph_.out[v]})
            for (const auto& link : *links) ++removed, removed_roads += link.roads;
        double edge_quotient = removed > 0 ? added / removed : 0;
        double road_quotient = removed_roads > 0 ? added_roads / removed_roads : 0;
        // Fixed point, so that the order is exact integers with ties by node index.
        return std::llround(1024 * (kEdgeWeight * edge_quotient + road_quotient + level_[v] +
                                    kNeighbourWeight * static_cast<double>(contracted_neighbours_[v])));
    }

    void contract(NodeIndex v) {
        struct Shortcut {
            NodeIndex from, to;
            double cost;
            std::uint32_t roads;
        };
        std::vector<Shortcut> found;
        shortcuts_of(v, kMaxSettled, [&](NodeIndex from, NodeIndex to, double cost, std::uint32_t roads) {
            found.push_back({from, to, cost, roads});
        });
        for (const Shortcut& s : found)
            graph_.add_or_improve(s.from, s.to, s.cost, ContractionHierarchy::kShortcut | v, s.roads);
    }

    const RoadNetwork& network_;
    std::size_t n_;
    ContractionGraph graph_;
    WitnessSearch witness_;
    std::vector<std::int64_t> contracted_neighbours_, level_, priority_;
    std::vector<Entry> queue_;
};

ContractionHierarchy ContractionHierarchy::build(const RoadNetwork& network, Metric metric) {
    if (network.node_count() >= kShortcut || network.arc_count() >= kShortcut)
        throw std::length_error("a contraction hierarchy holds at most 2^31 nodes and arcs");
    return HierarchyContractor(network, metric).run(metric);
}

}  // namespace corridor
