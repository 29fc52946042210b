// Weakly connected parts of a road network: which nodes no road joins to the rest (a cut edge
// of an extract, a mistake in a hand-made network).

#include <algorithm>
#include <numeric>

#include "arc_order.hpp"

namespace corridor {

void label_weak_parts(std::size_t n, std::span<const NodeIndex> from, std::span<const NodeIndex> to,
                      std::vector<std::uint32_t>& part, std::vector<std::size_t>& sizes) {
    std::vector<NodeIndex> parent(n);
    std::iota(parent.begin(), parent.end(), NodeIndex{0});
    auto root = [&](NodeIndex v) {
        while (parent[v] != v) v = parent[v] = parent[parent[v]];
        return v;
    };
    for (std::size_t a = 0; a < from.size(); ++a) {
        NodeIndex u = root(from[a]), v = root(to[a]);
        if (u != v) parent[std::max(u, v)] = std::min(u, v);
    }
    std::vector<std::size_t> size(n, 0);
    for (NodeIndex v = 0; v < n; ++v) ++size[root(v)];
    std::vector<NodeIndex> roots;
    for (NodeIndex v = 0; v < n; ++v)
        if (root(v) == v) roots.push_back(v);
    std::stable_sort(roots.begin(), roots.end(), [&](NodeIndex a, NodeIndex b) { return size[a] > size[b]; });
    std::vector<std::uint32_t> number(n, 0);
    sizes.clear();
    for (std::size_t i = 0; i < roots.size(); ++i) {
        number[roots[i]] = static_cast<std::uint32_t>(i);
        sizes.push_back(size[roots[i]]);
    }
    part.resize(n);
    for (NodeIndex v = 0; v < n; ++v) part[v] = number[root(v)];
}

}  // namespace corridor
