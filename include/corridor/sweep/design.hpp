#pragma once
// Experiment designs: where in the unit hypercube a sweep puts its points (docs/statistics.md,
// "Designs"). The sweep maps each coordinate onto its parameter's range; a design knows nothing of
// scenarios. Every design is a function of its arguments alone (the seed through the engine's keyed
// random streams), so that the same sweep file gives the same points on every machine.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corridor {

/// Points in the unit hypercube: `rows`, each of `dimensions` coordinates in [0, 1).
struct UnitDesign {
    std::size_t dimensions = 0;
    std::vector<std::vector<double>> rows;
};

/// Latin hypercube (McKay, Beckman and Conover 1979): each column cuts [0, 1) into `points` equal
/// strata and puts exactly one point in each, in an order drawn at random, at a uniform place
/// within its stratum.
UnitDesign latin_hypercube(std::size_t points, std::size_t dimensions, std::uint64_t seed);

/// Independent uniform points. Column j draws from its own stream, so a longer design of the same
/// seed begins with the points of a shorter one.
UnitDesign random_design(std::size_t points, std::size_t dimensions, std::uint64_t seed);

/// The most dimensions the Sobol' sequence carries direction numbers for (Joe and Kuo 2008,
/// new-joe-kuo-6.21201, the first 128 rows); a Saltelli design of k parameters needs 2k.
inline constexpr std::size_t kSobolMaxDimensions = 128;

/// Points 1 .. `points` of the Sobol' sequence (Gray-code order, Antonov and Saltykov 1979) in
/// `dimensions` <= kSobolMaxDimensions dimensions. Point 0, all zeros, is skipped, as is common
/// practice: it lies on the corner of the cube, which no other point repeats.
UnitDesign sobol_sequence(std::size_t points, std::size_t dimensions);

/// Saltelli's design for Sobol indices (Saltelli et al. 2010): `base` x (`parameters` + 2) rows in
/// blocks of `base`: A, B, then AB_0 .. AB_{k-1}, where AB_i is A with column i taken from B. A is
/// the first k coordinates of a 2k-dimensional Sobol' sequence (sobol_sequence above), B the last k.
/// `parameters` must be at most kSobolMaxDimensions / 2.
UnitDesign saltelli_design(std::size_t base, std::size_t parameters);

}  // namespace corridor
