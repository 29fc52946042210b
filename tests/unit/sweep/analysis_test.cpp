// Sensitivity analysis against known answers: the Ishigami function's Sobol indices, a linear
// model's standardised coefficients, a monotone model's rank correlations.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <numbers>

#include "corridor/engine/random.hpp"
#include "corridor/sweep/analysis.hpp"
#include "corridor/sweep/design.hpp"

namespace corridor {
namespace {

constexpr double kPi = std::numbers::pi;

// Ishigami and Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi].
double ishigami(const std::vector<double>& unit, double a, double b) {
    double x1 = -kPi + 2 * kPi * unit[0], x2 = -kPi + 2 * kPi * unit[1], x3 = -kPi + 2 * kPi * unit[2];
    return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

// Its partial variances (Sobol' and Levitan 1999): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8,
// V13 = b^2 pi^8 (1/18 - 1/50), and no other term.
struct IshigamiIndices {
    double s1, s2, s3, st1, st2, st3;
};
IshigamiIndices ishigami_indices(double a, double b) {
    double pi4 = std::pow(kPi, 4), pi8 = std::pow(kPi, 8);
    double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5);
    double v2 = a * a / 8;
    double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
    double v = v1 + v2 + v13;
    return {v1 / v, v2 / v, 0, (v1 + v13) / v, v2 / v, v13 / v};
}

void check_index(const Estimate& e, double known) {
    INFO("estimate " << e.value << " in [" << e.low << ", " << e.high << "], known " << known);
    CHECK(std::abs(e.value - known) < 0.02);
    CHECK(e.low <= known);
    CHECK(known <= e.high);
    CHECK(e.low <= e.value);
    CHECK(e.value <= e.high);
    CHECK(e.high - e.low < 0.1);  // half-width below 0.05: an interval that says something
}

}  // namespace

TEST_CASE("the Ishigami function's analytic indices are the published ones", "[sweep][analysis]") {
    IshigamiIndices known = ishigami_indices(7, 0.1);
    CHECK(known.s1 == Approx(0.314).margin(0.0005));
    CHECK(known.s2 == Approx(0.442).margin(0.0005));
    CHECK(known.st1 == Approx(0.558).margin(0.0005));
    CHECK(known.st3 == Approx(0.244).margin(0.0005));
}

TEST_CASE("Sobol indices of the Ishigami function over a Saltelli design contain the published values",
          "[sweep][analysis]") {
    const std::size_t base = 8192, k = 3;
    UnitDesign design = saltelli_design(base, k);
    std::vector<double> kpi;
    for (const auto& row : design.rows) kpi.push_back(ishigami(row, 7, 0.1));
    std::optional<SobolIndices> indices = sobol_indices(kpi, base, k, 1, 1000);
    REQUIRE(indices.has_value());
    IshigamiIndices known = ishigami_indices(7, 0.1);
    check_index(indices->first[0], known.s1);
    check_index(indices->first[1], known.s2);
    check_index(indices->first[2], known.s3);
    check_index(indices->total[0], known.st1);
    check_index(indices->total[1], known.st2);
    check_index(indices->total[2], known.st3);

    // The bootstrap is seeded: the same bytes every time, other bounds for another seed.
    std::optional<SobolIndices> again = sobol_indices(kpi, base, k, 1, 1000);
    std::optional<SobolIndices> other = sobol_indices(kpi, base, k, 2, 1000);
    REQUIRE(again.has_value());
    REQUIRE(other.has_value());
    for (std::size_t i = 0; i < k; ++i) {
        CHECK(std::memcmp(&again->first[i], &indices->first[i], sizeof(Estimate)) == 0);
        CHECK(std::memcmp(&again->total[i], &indices->total[i], sizeof(Estimate)) == 0);
        CHECK(other->first[i].value == indices->first[i].value);
    }
    CHECK(other->first[0].low != indices->first[0].low);
}

TEST_CASE("Sobol indices need a KPI that varies and the whole block layout", "[sweep][analysis]") {
    CHECK_FALSE(sobol_indices(std::vector<double>(5 * 8, 3.0), 8, 3, 1).has_value());
    CHECK_FALSE(sobol_indices(std::vector<double>(5 * 8 - 1, 3.0), 8, 3, 1).has_value());
    std::vector<double> with_nan(5 * 8, 1.0);
    with_nan[3] = std::nan("");
    CHECK_FALSE(sobol_indices(with_nan, 8, 3, 1).has_value());
}

TEST_CASE("standardised regression coefficients of a linear model are b_i sd_i / sd_y", "[sweep][analysis]") {
    // y = 3 x1 - 2 x2 + 0 x3 + noise over a Latin hypercube of [0, 1)^3; noise normal-ish with
    // sd 0.05 (a sum of 12 uniforms less 6, times 0.05).
    const std::size_t points = 400;
    UnitDesign design = latin_hypercube(points, 3, 11);
    RandomStream noise({11, 0, purpose_id("test-noise"), 0});
    std::vector<double> kpi;
    for (const auto& row : design.rows) {
        double e = -6;
        for (int i = 0; i < 12; ++i) e += noise.uniform01();
        kpi.push_back(3 * row[0] - 2 * row[1] + 0.05 * e);
    }
    std::optional<Regression> fit = standardised_regression(design.rows, kpi);
    REQUIRE(fit.has_value());
    double sd_x = std::sqrt(1.0 / 12), sd_y = std::sqrt((9.0 + 4.0) / 12 + 0.05 * 0.05);
    CHECK(fit->src[0] == Approx(3 * sd_x / sd_y).margin(0.01));   // 0.831
    CHECK(fit->src[1] == Approx(-2 * sd_x / sd_y).margin(0.01));  // -0.554
    CHECK(fit->src[2] == Approx(0).margin(0.01));
    CHECK(fit->r2 == Approx(1 - 0.05 * 0.05 / (sd_y * sd_y)).margin(0.002));  // 0.998
}

TEST_CASE("regression and rank correlation refuse a constant KPI, a constant parameter, or too few points",
          "[sweep][analysis]") {
    std::vector<std::vector<double>> points = {{0, 1}, {1, 3}, {2, 2}, {3, 0}, {4, 5}};
    CHECK_FALSE(standardised_regression(points, {1, 1, 1, 1, 1}).has_value());
    CHECK_FALSE(partial_rank_correlation(points, {1, 1, 1, 1, 1}).has_value());
    std::vector<std::vector<double>> fixed = {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}};
    CHECK_FALSE(standardised_regression(fixed, {1, 2, 3, 4, 6}).has_value());
    CHECK_FALSE(standardised_regression({{0, 1}, {1, 3}, {2, 2}}, {1, 2, 3}).has_value());
    std::vector<std::vector<double>> twins = {{0, 0}, {1, 2}, {2, 4}, {3, 6}, {4, 8}};
    CHECK_FALSE(standardised_regression(twins, {1, 3, 2, 5, 4}).has_value());
    CHECK(standardised_regression(points, {1, 2, 3, 4, 6}).has_value());
}

TEST_CASE("partial rank correlation sees a monotone non-linear effect and an inert parameter",
          "[sweep][analysis]") {
    // y = exp(3 (x1 - x2)), x3 inert: rises with x1, falls with x2, far from linear. The linear fit
    // explains two thirds of the variance; the ranks see the monotone effects whole.
    const std::size_t points = 300;
    UnitDesign design = latin_hypercube(points, 3, 5);
    std::vector<double> kpi;
    for (const auto& row : design.rows) kpi.push_back(std::exp(3 * (row[0] - row[1])));
    std::optional<std::vector<std::optional<double>>> prcc = partial_rank_correlation(design.rows, kpi);
    std::optional<Regression> fit = standardised_regression(design.rows, kpi);
    REQUIRE(prcc.has_value());
    REQUIRE(fit.has_value());
    CHECK(fit->r2 < 0.8);
    REQUIRE((*prcc)[0].has_value());
    REQUIRE((*prcc)[1].has_value());
    REQUIRE((*prcc)[2].has_value());
    CHECK(*(*prcc)[0] > 0.95);
    CHECK(*(*prcc)[1] < -0.95);
    // An inert parameter: |PRCC| within about 2.6 standard errors (1 / sqrt(n - 3) = 0.058).
    CHECK(std::abs(*(*prcc)[2]) < 0.15);
    // With one parameter, PRCC is Spearman's rank correlation: 1 for any increasing function.
    std::vector<std::vector<double>> one = {{0.1}, {0.5}, {0.2}, {0.9}, {0.3}};
    std::optional<std::vector<std::optional<double>>> spearman =
        partial_rank_correlation(one, {1, 40, 2, 1000, 3});
    REQUIRE(spearman.has_value());
    REQUIRE((*spearman)[0].has_value());
    CHECK(*(*spearman)[0] == Approx(1));
}

TEST_CASE("a KPI whose ranks one parameter fixes leaves the others' partial rank correlation undefined",
          "[sweep][analysis]") {
    // y = x1^3: the ranks of y are those of x1, so nothing of them is left for x2 to explain.
    std::vector<std::vector<double>> points = {{0.1, 0.7}, {0.5, 0.2}, {0.3, 0.9},
                                               {0.9, 0.4}, {0.7, 0.1}, {0.2, 0.5}};
    std::vector<double> kpi;
    for (const auto& p : points) kpi.push_back(p[0] * p[0] * p[0]);
    std::optional<std::vector<std::optional<double>>> prcc = partial_rank_correlation(points, kpi);
    REQUIRE(prcc.has_value());
    REQUIRE((*prcc)[0].has_value());
    CHECK(*(*prcc)[0] == Approx(1));
    CHECK_FALSE((*prcc)[1].has_value());
}

}  // namespace corridor
