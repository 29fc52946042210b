// Latin hypercube and random designs: see include/corridor/sweep/design.hpp.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "corridor/sweep/design.hpp"
#include "draw_index.hpp"

namespace corridor {
namespace {

// The largest double below 1: a coordinate that rounding would carry to 1 stays inside [0, 1).
const double kBelowOne = std::nextafter(1.0, 0.0);

// Each column its own stream, keyed by the design's name and the column: the points of one design
// never share draws with those of another kind, or with a run of the same seed.
RandomStream column_stream(std::uint64_t seed, const char* design, std::size_t column) {
    return RandomStream({seed, 0, purpose_id(design), static_cast<std::uint32_t>(column)});
}

UnitDesign empty_design(std::size_t points, std::size_t dimensions) {
    UnitDesign design;
    design.dimensions = dimensions;
    design.rows.assign(points, std::vector<double>(dimensions, 0.0));
    return design;
}

}  // namespace

UnitDesign latin_hypercube(std::size_t points, std::size_t dimensions, std::uint64_t seed) {
    UnitDesign design = empty_design(points, dimensions);
    std::vector<std::size_t> strata(points);
    for (std::size_t j = 0; j < dimensions; ++j) {
        RandomStream stream = column_stream(seed, "design-lhs", j);
        // Fisher-Yates: every order of the strata equally likely.
        std::iota(strata.begin(), strata.end(), std::size_t{0});
        for (std::size_t i = points; i > 1; --i) std::swap(strata[i - 1], strata[draw_index(stream, i)]);
        for (std::size_t i = 0; i < points; ++i) {
            double place =
                (static_cast<double>(strata[i]) + stream.uniform01()) / static_cast<double>(points);
            design.rows[i][j] = std::min(place, kBelowOne);
        }
    }
    return design;
}

UnitDesign random_design(std::size_t points, std::size_t dimensions, std::uint64_t seed) {
    UnitDesign design = empty_design(points, dimensions);
    for (std::size_t j = 0; j < dimensions; ++j) {
        RandomStream stream = column_stream(seed, "design-random", j);
        for (std::size_t i = 0; i < points; ++i) design.rows[i][j] = std::min(stream.uniform01(), kBelowOne);
    }
    return design;
}

}  // namespace corridor
