#include <catch2/catch.hpp>

#include "corridor/engine/statistics.hpp"

using namespace corridor;

TEST_CASE("a tally gives the mean, sample variance, minimum and maximum") {
    Tally t;
    for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) t.add(x);
    CHECK(t.count() == 8);
    CHECK(t.mean() == Approx(5.0));
    CHECK(t.variance() == Approx(32.0 / 7));
    CHECK(t.min() == 2.0);
    CHECK(t.max() == 9.0);
}

TEST_CASE("Welford's variance survives a large offset where sum of squares would not") {
    Tally t;
    for (double x : {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}) t.add(x);
    CHECK(t.variance() == Approx(30.0).epsilon(1e-9));
}

TEST_CASE("the confidence interval uses Student's t") {
    Tally t;
    for (double x : {1.0, 2.0, 3.0, 4.0, 5.0}) t.add(x);
    // t(0.975, 4) = 2.776; s = sqrt(2.5); n = 5.
    CHECK(t.confidence_half_width(0.95) == Approx(2.776 * std::sqrt(2.5) / std::sqrt(5.0)));
    CHECK(student_t_quantile(0.99, 1000) == Approx(2.5808).margin(0.001));
    CHECK(student_t_quantile(0.95, 60) == Approx(2.0003).margin(0.001));
}

TEST_CASE("a time-weighted average weighs each value by how long it held") {
    TimeWeighted queue(0, 0.0);
    queue.set(10, 2.0);  // 0 for 10 ms
    queue.set(40, 1.0);  // 2 for 30 ms
    // then 1 for 60 ms, up to t = 100
    CHECK(queue.average(100) == Approx((0 * 10 + 2 * 30 + 1 * 60) / 100.0));
    CHECK(queue.max() == 2.0);
    CHECK(queue.current() == 1.0);
}
