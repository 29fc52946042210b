#pragma once
// TEMPORARY (lead's placeholder until the analyse branch lands; not committed)
#include <cstdint>
#include <vector>
namespace corridor {
using UnitDesign = std::vector<std::vector<double>>;
UnitDesign latin_hypercube(std::size_t points, std::size_t dimensions, std::uint64_t seed);
UnitDesign random_design(std::size_t points, std::size_t dimensions, std::uint64_t seed);
UnitDesign saltelli_design(std::size_t base, std::size_t parameters);
}
