#pragma once
// Orders and groups of arcs shared by the network builders (arc by arc, and the uniform arrays
// of a DIMACS graph): a stable counting sort, and weakly connected parts.

#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

#include "corridor/network/road_network.hpp"

namespace corridor {

/// A stable counting sort of the arcs [0, m) by key (keys < `key_count`): the order stable_sort
/// would give, in linear time. `row_start`, if given, gets each key's first position.
template <class Key>
std::vector<ArcIndex> order_by_key(std::size_t key_count, std::size_t m, Key key,
                                   std::vector<ArcIndex>* row_start) {
    std::vector<ArcIndex> start(key_count + 1, 0);
    for (std::size_t a = 0; a < m; ++a) ++start[key(a) + 1];
    for (std::size_t v = 0; v < key_count; ++v) start[v + 1] += start[v];
    if (row_start) *row_start = start;
    std::vector<ArcIndex> order(m);
    for (std::size_t a = 0; a < m; ++a) order[start[key(a)]++] = static_cast<ArcIndex>(a);
    return order;
}

/// Row starts of a CSR graph (nodes + 1) from the row of each arc, sorted or not.
inline std::vector<ArcIndex> row_starts(std::size_t n, std::span<const NodeIndex> row_of) {
    std::vector<ArcIndex> start(n + 1, 0);
    for (NodeIndex v : row_of) ++start[v + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    return start;
}

/// Weakly connected parts by union-find, numbered by decreasing size (ties by lowest node).
void label_weak_parts(std::size_t n, std::span<const NodeIndex> from, std::span<const NodeIndex> to,
                      std::vector<std::uint32_t>& part, std::vector<std::size_t>& sizes);

}  // namespace corridor
