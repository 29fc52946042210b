#pragma once
// Epoch stamps: a search's arrays are reset in O(1) between queries by raising one counter, an
// entry being current only while its stamp equals the counter. After 2^32 - 1 searches the counter
// would come back to stamps written four billion searches before and take them for current (a
// sweep's router can answer that many); on that wrap the stamps are cleared once instead.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace corridor {

/// Starts the next search's epoch; `stamps` are the arrays stamped with it.
template <class... Stamps>
void next_epoch(std::uint32_t& epoch, Stamps&... stamps) {
    if (++epoch != 0) return;
    (std::fill(stamps.begin(), stamps.end(), std::uint32_t{0}), ...);
    epoch = 1;
}

}  // namespace corridor
