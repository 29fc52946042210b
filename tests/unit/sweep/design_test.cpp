// Experiment designs: Latin hypercube strata, the published start of the Sobol' sequence,
// Saltelli's block order, and the same points for the same seed.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <set>

#include "corridor/sweep/design.hpp"

namespace corridor {
namespace {

bool same_bytes(const UnitDesign& a, const UnitDesign& b) {
    if (a.dimensions != b.dimensions || a.rows.size() != b.rows.size()) return false;
    for (std::size_t p = 0; p < a.rows.size(); ++p)
        if (std::memcmp(a.rows[p].data(), b.rows[p].data(), a.dimensions * sizeof(double)) != 0) return false;
    return true;
}

}  // namespace

TEST_CASE("a Latin hypercube puts exactly one point in each stratum of every column", "[sweep][design]") {
    const std::size_t points = 50, dimensions = 4;
    UnitDesign design = latin_hypercube(points, dimensions, 7);
    REQUIRE(design.rows.size() == points);
    for (std::size_t j = 0; j < dimensions; ++j) {
        std::set<long> strata;
        for (const auto& row : design.rows) {
            REQUIRE(row.size() == dimensions);
            CHECK(row[j] >= 0.0);
            CHECK(row[j] < 1.0);
            strata.insert(static_cast<long>(std::floor(row[j] * points)));
        }
        CHECK(strata.size() == points);
        CHECK(*strata.begin() == 0);
        CHECK(*strata.rbegin() == static_cast<long>(points) - 1);
    }
    // The columns are shuffled independently: not every column in the same order.
    bool same_order = true;
    for (const auto& row : design.rows)
        if (std::floor(row[0] * points) != std::floor(row[1] * points)) same_order = false;
    CHECK_FALSE(same_order);
}

TEST_CASE("designs are the same bytes for the same seed and differ for another", "[sweep][design]") {
    CHECK(same_bytes(latin_hypercube(20, 3, 42), latin_hypercube(20, 3, 42)));
    CHECK_FALSE(same_bytes(latin_hypercube(20, 3, 42), latin_hypercube(20, 3, 43)));
    CHECK(same_bytes(random_design(20, 3, 42), random_design(20, 3, 42)));
    CHECK_FALSE(same_bytes(random_design(20, 3, 42), random_design(20, 3, 43)));
    // A random design of more points begins with the points of a shorter one.
    UnitDesign longer = random_design(30, 3, 42);
    longer.rows.resize(20);
    CHECK(same_bytes(longer, random_design(20, 3, 42)));
    CHECK(same_bytes(saltelli_design(64, 5), saltelli_design(64, 5)));
}

TEST_CASE("random design points are uniform: each column's mean near 1/2 and variance near 1/12",
          "[sweep][design]") {
    UnitDesign design = random_design(4000, 2, 3);
    for (std::size_t j = 0; j < 2; ++j) {
        double sum = 0, squares = 0;
        for (const auto& row : design.rows) sum += row[j];
        double mean = sum / 4000;
        for (const auto& row : design.rows) squares += (row[j] - mean) * (row[j] - mean);
        // Standard error of the mean: sqrt(1/12 / 4000) = 0.0046; 4 of them.
        CHECK(std::abs(mean - 0.5) < 0.0183);
        CHECK(squares / 3999 == Approx(1.0 / 12).epsilon(0.05));
    }
}

TEST_CASE("the Sobol' sequence starts with the published points, the zero point skipped", "[sweep][design]") {
    // Points 1 .. 7 in Gray-code order with Joe and Kuo's direction numbers (the first three
    // dimensions: van der Corput, then the polynomials x + 1 and x^2 + x + 1 with m = 1 and 1, 3).
    const double expected[7][3] = {{0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},    {0.25, 0.75, 0.75},
                                   {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875},
                                   {0.125, 0.625, 0.375}};
    UnitDesign design = sobol_sequence(7, 3);
    REQUIRE(design.rows.size() == 7);
    for (std::size_t n = 0; n < 7; ++n)
        for (std::size_t j = 0; j < 3; ++j) CHECK(design.rows[n][j] == expected[n][j]);
}

TEST_CASE("the first 2^m - 1 Sobol' points and the skipped zero fill every elementary interval once",
          "[sweep][design]") {
    // A (0, m, 1)-net property of every single dimension: 2^m points, one per interval of 1/2^m.
    const std::size_t points = 1023;
    UnitDesign design = sobol_sequence(points, kSobolMaxDimensions);
    for (std::size_t j = 0; j < kSobolMaxDimensions; ++j) {
        std::set<long> cells = {0};  // the skipped point 0
        for (const auto& row : design.rows) cells.insert(static_cast<long>(row[j] * 1024));
        CHECK(cells.size() == 1024);
    }
    CHECK_THROWS(sobol_sequence(4, kSobolMaxDimensions + 1));
}

TEST_CASE("a Saltelli design lays out A, B and each AB_i in blocks of N", "[sweep][design]") {
    const std::size_t base = 16, k = 3;
    UnitDesign sequence = sobol_sequence(base, 2 * k);
    UnitDesign design = saltelli_design(base, k);
    REQUIRE(design.dimensions == k);
    REQUIRE(design.rows.size() == base * (k + 2));
    for (std::size_t n = 0; n < base; ++n) {
        for (std::size_t j = 0; j < k; ++j) {
            CHECK(design.rows[n][j] == sequence.rows[n][j]);             // A: the first k
            CHECK(design.rows[base + n][j] == sequence.rows[n][k + j]);  // B: the last k
        }
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j)
                CHECK(design.rows[(2 + i) * base + n][j] ==
                      (j == i ? design.rows[base + n][j] : design.rows[n][j]));
    }
}

}  // namespace corridor
