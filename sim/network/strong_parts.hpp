#pragma once
// Strongly connected parts of a directed graph given as adjacency arrays: the generator keeps its
// grid strongly connected with them and the tests check it.

#include <cstdint>
#include <span>
#include <vector>

namespace corridor {

/// Part number of every node (Tarjan 1972, iterative so that a long path does not overflow the call
/// stack); arcs leaving v are head[first[v] .. first[v + 1]). `count` receives the number of parts.
std::vector<std::uint32_t> strong_parts(std::span<const std::size_t> first,
                                        std::span<const std::uint32_t> head, std::uint32_t* count);

}  // namespace corridor
