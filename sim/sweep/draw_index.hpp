#pragma once
// A whole number drawn uniformly from 0 .. count - 1, for shuffles and bootstrap resamples.

#include <cstdint>

#include "corridor/engine/random.hpp"

namespace corridor {

/// Rejection keeps every value exactly equally likely: a plain `% count` would favour the small
/// values whenever 2^64 is not a multiple of `count`. `count` must be at least 1.
inline std::uint64_t draw_index(RandomStream& stream, std::uint64_t count) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % count;  // a multiple of count
    std::uint64_t bits = stream.next_u64();
    while (bits >= limit) bits = stream.next_u64();
    return bits % count;
}

}  // namespace corridor
