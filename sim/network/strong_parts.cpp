// Tarjan's strongly connected components with an explicit stack of (node, next arc) frames.

#include "strong_parts.hpp"

#include <algorithm>
#include <limits>

namespace corridor {

std::vector<std::uint32_t> strong_parts(std::span<const std::size_t> first,
                                        std::span<const std::uint32_t> head, std::uint32_t* count) {
    constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();
    std::size_t n = first.size() - 1;
    std::vector<std::uint32_t> index(n, kUnset), low(n, 0), part(n, kUnset);
    std::vector<std::uint32_t> open;  // visited nodes not yet given a part, in visiting order
    struct Frame {
        std::uint32_t node;
        std::size_t next;
    };
    std::vector<Frame> frames;
    std::uint32_t visited = 0, parts = 0;
    auto enter = [&](std::uint32_t v) {
        index[v] = low[v] = visited++;
        open.push_back(v);
        frames.push_back({v, first[v]});
    };
    for (std::uint32_t root = 0; root < n; ++root) {
        if (index[root] != kUnset) continue;
        enter(root);
        while (!frames.empty()) {
            Frame& frame = frames.back();
            std::uint32_t v = frame.node;
            if (frame.next < first[v + 1]) {
                std::uint32_t w = head[frame.next++];
                if (index[w] == kUnset)
                    enter(w);
                else if (part[w] == kUnset)  // still open: on the current path's stack
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            // v's arcs are done: it roots a part when nothing below reached above it.
            if (low[v] == index[v]) {
                std::uint32_t w;
                do {
                    w = open.back();
                    open.pop_back();
                    part[w] = parts;
                } while (w != v);
                ++parts;
            }
            frames.pop_back();
            if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[v]);
        }
    }
    if (count) *count = parts;
    return part;
}

}  // namespace corridor
