#include <catch2/catch.hpp>
#include <cmath>

#include "corridor/engine/distributions.hpp"
#include "corridor/engine/statistics.hpp"
#include "engine/ziggurat_tables.hpp"

using namespace corridor;

namespace {
template <class Draw>
Tally sample(Draw draw, int n = 200'000) {
    RandomStream stream({2026, 0, purpose_id("test"), 0});
    Tally tally;
    for (int i = 0; i < n; ++i) tally.add(draw(stream));
    return tally;
}
}  // namespace

TEST_CASE("uniform draws have the mean and variance of the interval") {
    Tally t = sample([](RandomStream& s) { return draw_uniform(s, 2.0, 6.0); });
    CHECK(t.mean() == Approx(4.0).margin(0.01));
    CHECK(t.variance() == Approx(16.0 / 12).margin(0.01));
    CHECK(t.min() >= 2.0);
    CHECK(t.max() <= 6.0);
}

TEST_CASE("exponential draws have the mean and variance of the rate") {
    Tally t = sample([](RandomStream& s) { return draw_exponential(s, 3.0); });
    CHECK(t.mean() == Approx(3.0).margin(0.02));
    CHECK(t.variance() == Approx(9.0).margin(0.15));
    CHECK(t.min() > 0.0);
}

TEST_CASE("normal draws have the mean and standard deviation asked for") {
    Tally t = sample([](RandomStream& s) { return draw_normal(s, -1.0, 2.0); });
    CHECK(t.mean() == Approx(-1.0).margin(0.015));
    CHECK(t.stddev() == Approx(2.0).margin(0.015));
}

TEST_CASE("lognormal draws have mean exp(mu + sigma^2/2)") {
    Tally t = sample([](RandomStream& s) { return draw_lognormal(s, 0.5, 0.4); });
    CHECK(t.mean() == Approx(std::exp(0.5 + 0.08)).margin(0.01));
    CHECK(t.min() > 0.0);
}

TEST_CASE("triangular draws have mean (low + mode + high) / 3 and stay in range") {
    Tally t = sample([](RandomStream& s) { return draw_triangular(s, 1.0, 2.0, 6.0); });
    CHECK(t.mean() == Approx(3.0).margin(0.01));
    // Variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = (1 + 4 + 36 - 2 - 6 - 12) / 18.
    CHECK(t.variance() == Approx(21.0 / 18).margin(0.015));
    CHECK(t.min() >= 1.0);
    CHECK(t.max() <= 6.0);
}

TEST_CASE("a discrete distribution draws each outcome in proportion to its weight") {
    auto distribution = DiscreteDistribution::from_weights({1.0, 0.0, 3.0, 6.0});
    REQUIRE(distribution.ok());
    RandomStream stream({5, 0, 0, 0});
    int counts[4] = {0, 0, 0, 0};
    const int n = 100'000;
    for (int i = 0; i < n; ++i) ++counts[distribution.value().draw(stream)];
    CHECK(counts[0] / double(n) == Approx(0.1).margin(0.005));
    CHECK(counts[1] == 0);
    CHECK(counts[2] / double(n) == Approx(0.3).margin(0.005));
    CHECK(counts[3] / double(n) == Approx(0.6).margin(0.005));
}

TEST_CASE("bad discrete weights are errors") {
    CHECK(DiscreteDistribution::from_weights({}).error() ==
          "a discrete distribution needs at least one weight");
    CHECK(DiscreteDistribution::from_weights({1.0, -2.0}).error() == "weight 2 is negative or not a number");
    CHECK(DiscreteDistribution::from_weights({0.0, 0.0}).error() ==
          "the weights of a discrete distribution add up to zero");
}

TEST_CASE("exponential draws follow 1 - exp(-x) across the body and the tail of the ziggurat") {
    RandomStream stream({99, 0, purpose_id("ziggurat"), 0});
    const int n = 1'000'000;
    const double points[] = {0.01, 0.1, 0.5, 1.0, 2.0, 4.0, 7.0, 7.69711747013104972, 9.0};
    int below[9] = {0};
    int negative = 0;
    for (int k = 0; k < n; ++k) {
        double x = draw_exponential(stream, 1.0);
        negative += x < 0.0;
        for (int p = 0; p < 9; ++p) below[p] += x < points[p];
    }
    CHECK(negative == 0);
    for (int p = 0; p < 9; ++p) {
        double expected = 1.0 - std::exp(-points[p]);
        // Four standard errors of a proportion.
        double margin = 4.0 * std::sqrt(expected * (1 - expected) / n) + 1e-6;
        INFO("P(X < " << points[p] << ")");
        CHECK(below[p] / double(n) == Approx(expected).margin(margin));
    }
    // The tail beyond x = 9 (probability 1.2e-4): about 123 draws of a million.
    int tail = n - below[8];
    CHECK(tail > 80);
    CHECK(tail < 170);
}

TEST_CASE("the ziggurat's literal tables are Marsaglia and Tsang's recurrence, to the last bits") {
    // Recomputed here with this machine's exp and log; the literal tables are what every machine
    // draws with, so a machine whose libm differs in the last bit still draws the same numbers.
    constexpr int kStrips = 256;
    const double r = 7.69711747013104972, v = 0.0039496598225815571993;
    double x[kStrips + 1];
    x[0] = v / std::exp(-r);
    x[1] = r;
    for (int i = 1; i < kStrips - 1; ++i) x[i + 1] = -std::log(v / x[i] + std::exp(-x[i]));
    x[kStrips] = 0.0;
    for (int i = 0; i <= kStrips; ++i) {
        INFO("strip " << i);
        CHECK(detail::kZigguratX[i] == Approx(x[i]).epsilon(1e-13).margin(1e-300));
        CHECK(detail::kZigguratF[i] == Approx(std::exp(-x[i])).epsilon(1e-13));
    }
    // Strips shrink towards the mode and the last is zero wide.
    for (int i = 1; i < kStrips; ++i) CHECK(detail::kZigguratX[i + 1] < detail::kZigguratX[i]);
    CHECK(detail::kZigguratX[kStrips] == 0.0);
    CHECK(detail::kZigguratF[kStrips] == 1.0);
}
