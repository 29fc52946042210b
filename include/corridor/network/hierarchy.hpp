#pragma once
// A contraction hierarchy (Geisberger, Sanders, Schultes and Delling, WEA 2008) over the network's
// free-flow costs for one metric: nodes are contracted one by one in order of importance, each
// contraction adding the shortcuts that keep shortest-path costs among the remaining nodes; a query
// then searches only upwards in that order from both ends and meets near the top, settling a few
// hundred nodes where Dijkstra settles the whole map. Closures and damage are not in it: the
// Router checks each answer against the overlay (docs/network.md, "Contraction hierarchies").

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor {

enum class Metric;

class ContractionHierarchy {
  public:
    /// Orders and contracts every node; deterministic (one thread, ties broken by node index).
    static ContractionHierarchy build(const RoadNetwork& network, Metric metric);

    ContractionHierarchy(ContractionHierarchy&&) noexcept;
    ContractionHierarchy& operator=(ContractionHierarchy&&) noexcept;
    ~ContractionHierarchy();

    Metric metric() const { return metric_; }
    std::size_t node_count() const { return rank_.size(); }
    /// Arcs of the road network it was built for (a cheap check that it is that network's).
    std::size_t arc_count() const { return arc_count_; }
    /// Shortcuts the contraction added (arcs of the hierarchy that are not roads).
    std::size_t shortcut_count() const { return shortcut_count_; }

    /// The cheapest path by base cost as original arcs (shortcuts unpacked; of parallel arcs the
    /// cheapest, the lowest index on a tie); nullopt if `to` cannot be reached. `settled` gets
    /// the nodes both searches settled. Safe to call from several threads.
    std::optional<std::vector<ArcIndex>> path(NodeIndex from, NodeIndex to,
                                              std::size_t* settled = nullptr) const;
    /// Cost only (seconds or metres), infinity if unreachable. Summed shortcut by shortcut, so it
    /// may differ from the unpacked path's arc-by-arc sum in the last bits (relative 1e-12).
    double distance(NodeIndex from, NodeIndex to) const;

    std::size_t memory_bytes() const;
    /// A hash of the arcs and costs of the network it answers for: another network object with the
    /// same fingerprint (the same roads, read again or copied) can use it as well.
    std::uint64_t fingerprint() const { return fingerprint_; }

    /// A binary section (little-endian, versioned, with a fingerprint of the network's costs).
    void write(std::ostream& out) const;
    /// Reads what write() wrote for this same network; an error names what does not match.
    static Result<ContractionHierarchy> read(std::istream& in, const RoadNetwork& network);
    /// The metric a section written by write() is for, read from its header alone (so that a
    /// loader can skip the others unread); nullopt when the bytes are not such a section.
    static std::optional<Metric> section_metric(std::string_view bytes);

    /// One arc of the hierarchy, kept at its lower-ranked end: `head` is the other end. `via` is
    /// an original ArcIndex, or kShortcut | the contracted middle node of a shortcut.
    struct Arc {
        NodeIndex head;
        std::uint32_t via;
        double cost;
    };
    static constexpr std::uint32_t kShortcut = 0x80000000u;

  private:
    ContractionHierarchy();
    struct Search;  // the two upward searches' scratch arrays (query.cpp)
    friend class HierarchyContractor;

    double search(Search& s, NodeIndex from, NodeIndex to, NodeIndex* meeting, std::size_t* settled) const;
    struct Piece {  // an arc to unpack: its index in up_ or down_
        bool upward;
        std::uint32_t index;
    };
    /// Unpacks the arcs on `stack`, the top first, into original arcs appended to `out`.
    void unpack(std::vector<Piece>& stack, std::vector<ArcIndex>& out) const;
    const Arc* find_arc(NodeIndex lower, NodeIndex higher, bool upward) const;
    /// Finds every shortcut's two halves once (halves_of_up_, halves_of_down_); false when one is
    /// missing (a damaged file).
    bool link_halves();
    void make_pool();
    std::unique_ptr<Search> take_search() const;
    void give_back(std::unique_ptr<Search> s) const;

    Metric metric_{};
    std::size_t arc_count_ = 0;      // of the road network, to check a read file against it
    std::uint64_t fingerprint_ = 0;  // of the network's arcs and costs (serialise.cpp)
    std::size_t shortcut_count_ = 0;
    std::vector<std::uint32_t> rank_;  // contraction order: higher is more important
    // Upward arcs u -> v (rank v > rank u) kept at u; downward arcs v -> u (rank v > rank u) kept
    // at u turned around, so that the backward search also climbs. CSR: node u's are
    // [first[u], first[u + 1]).
    std::vector<std::uint32_t> up_first_, down_first_;
    std::vector<Arc> up_, down_;
    // A shortcut's halves, by the shortcut's index in up_ or down_: the arc into its middle node
    // (an index into down_) and the arc out of it (into up_), so that unpacking follows indices
    // instead of searching the middle node's arcs. Built at preparation and at reading, not stored.
    struct Halves {
        std::uint32_t first = 0, second = 0;
    };
    std::vector<Halves> halves_of_up_, halves_of_down_;
    struct Pool;  // spare Search scratch for concurrent queries
    std::unique_ptr<Pool> pool_;
};

/// The cost a hierarchy uses for arc `a`: free-flow seconds or metres, exactly as the Router's.
double hierarchy_base_cost(const RoadNetwork& network, ArcIndex a, Metric metric);

}  // namespace corridor
