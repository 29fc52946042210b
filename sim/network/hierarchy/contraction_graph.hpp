#pragma once
// The graph of the nodes not yet contracted, while a hierarchy is built, and the bounded witness
// search that decides which shortcuts a contraction needs. Private to sim/network/hierarchy/.

#include <cstdint>
#include <vector>

#include "corridor/network/hierarchy.hpp"

namespace corridor {

/// At most one arc per ordered pair of nodes (the cheapest): parallel roads and shortcuts that
/// duplicate an arc are merged on insertion.
struct ContractionGraph {
    struct Link {
        NodeIndex other;
        std::uint32_t via;  // as ContractionHierarchy::Arc::via (middle as a node index here)
        double cost;
        std::uint32_t roads;  // original arcs the link stands for (1 for a road)
    };
    explicit ContractionGraph(std::size_t n) : out(n), in(n) {}
    /// Adds u -> v, or lowers the cost of the one there (a tie keeps the lower `via`, so that of
    /// parallel roads the lowest arc index stands).
    void add_or_improve(NodeIndex u, NodeIndex v, double cost, std::uint32_t via, std::uint32_t roads);
    /// Removes every arc to and from v (which has just been contracted).
    void detach(NodeIndex v);

    std::vector<std::vector<Link>> out, in;
};

/// Dijkstra from one node over the remaining graph, skipping the node being contracted, stopped
/// at a cost bound, a number of settled nodes and a number of hops. Stopping early only means a
/// witness is missed and a needless shortcut added, which never makes an answer wrong.
class WitnessSearch {
  public:
    explicit WitnessSearch(std::size_t n) : cost_(n), hops_(n), stamp_(n, 0), target_stamp_(n, 0) {}
    /// Stops as soon as every target is settled (their costs are then final).
    void run(const ContractionGraph& graph, NodeIndex source, NodeIndex skipped,
             const std::vector<ContractionGraph::Link>& targets, double bound, int max_settled, int max_hops);
    /// The cost found to v (infinity if none); never below the true cost among remaining nodes.
    double cost(NodeIndex v) const;

  private:
    struct Entry {
        double cost;
        NodeIndex node;
        bool operator>(const Entry& other) const {
            return cost != other.cost ? cost > other.cost : node > other.node;
        }
    };
    std::vector<double> cost_;
    std::vector<std::uint8_t> hops_;
    std::vector<std::uint32_t> stamp_, target_stamp_;
    std::uint32_t epoch_ = 0;
    std::vector<Entry> heap_;
};

}  // namespace corridor
