#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "corridor/engine/random.hpp"

using namespace corridor;

TEST_CASE("Philox4x32-10 matches Random123's published known-answer vectors") {
    // kat_vectors of the Random123 1.14 distribution, lines "philox4x32 10 ...".
    struct Vector {
        std::array<std::uint32_t, 4> counter;
        std::array<std::uint32_t, 2> key;
        std::array<std::uint32_t, 4> expected;
    };
    const Vector vectors[] = {
        {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
        {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
         {0xffffffff, 0xffffffff},
         {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
        {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
         {0xa4093822, 0x299f31d0},
         {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
    };
    for (const Vector& v : vectors) CHECK(philox4x32_10(v.counter, v.key) == v.expected);
}

TEST_CASE("the same key gives the same numbers") {
    StreamKey key{42, 3, purpose_id("service"), 17};
    RandomStream a(key), b(key);
    for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u32() == b.next_u32());
}

namespace {
double correlation(RandomStream a, RandomStream b, int n) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; ++i) {
        double x = a.uniform01(), y = b.uniform01();
        sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
    }
    double cov = sxy / n - (sx / n) * (sy / n);
    return cov / std::sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
}
}  // namespace

TEST_CASE("streams with neighbouring keys are uncorrelated and different") {
    const int n = 100'000;  // the standard error of a correlation is 1/sqrt(n) = 0.0032
    StreamKey base{7, 0, purpose_id("arrival"), 0};
    StreamKey next_entity = base, next_replication = base, next_seed = base, other_purpose = base;
    next_entity.entity = 1;
    next_replication.replication = 1;
    next_seed.seed = 8;
    other_purpose.purpose = purpose_id("service");
    for (StreamKey other : {next_entity, next_replication, next_seed, other_purpose}) {
        CHECK(std::abs(correlation(RandomStream(base), RandomStream(other), n)) < 0.015);
        RandomStream a(base), b(other);
        int equal = 0;
        for (int i = 0; i < 1000; ++i) equal += a.next_u32() == b.next_u32();
        CHECK(equal < 3);
    }
    // Lag-1 correlation within one stream.
    RandomStream one(base), lagged(base);
    lagged.uniform01();
    CHECK(std::abs(correlation(one, lagged, n)) < 0.015);
}

TEST_CASE("uniform01 stays strictly inside (0, 1) with the right mean and variance") {
    RandomStream stream({1, 0, 0, 0});
    double sum = 0, sum_sq = 0, low = 1, high = 0;
    const int n = 200'000;
    for (int i = 0; i < n; ++i) {
        double u = stream.uniform01();
        sum += u, sum_sq += u * u;
        low = std::min(low, u), high = std::max(high, u);
    }
    CHECK(low > 0.0);
    CHECK(high < 1.0);
    CHECK(sum / n == Approx(0.5).margin(0.003));
    CHECK(sum_sq / n - (sum / n) * (sum / n) == Approx(1.0 / 12).margin(0.001));
}

TEST_CASE("purpose ids are stable FNV-1a hashes") {
    CHECK(purpose_id("") == 2166136261u);
    CHECK(purpose_id("a") == 0xe40c292cu);
    CHECK(purpose_id("service") != purpose_id("arrival"));
}
