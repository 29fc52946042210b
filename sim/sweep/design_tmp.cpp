// TEMPORARY placeholder, not committed
#include "corridor/sweep/design.hpp"
#include "corridor/engine/random.hpp"
namespace corridor {
UnitDesign random_design(std::size_t n, std::size_t k, std::uint64_t seed) {
    RandomStream s(StreamKey{seed, 0, purpose_id("design"), 0});
    UnitDesign d(n, std::vector<double>(k));
    for (auto& r : d) for (auto& x : r) x = s.uniform01();
    return d;
}
UnitDesign latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed) { return random_design(n, k, seed); }
UnitDesign saltelli_design(std::size_t n, std::size_t k) { return random_design(n * (k + 2), k, 1); }
}
