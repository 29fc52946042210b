#include <catch2/catch.hpp>
#include <cmath>

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
    // Student's t has closed-form quantiles for 2 and 4 degrees of freedom (Shaw 2006, "Sampling
    // Student's T distribution", J. Computational Finance 9(4)): df 2: t = (2p - 1) / sqrt(2p(1 - p));
    // df 4: t = 2 sqrt(q - 1) with q = cos(acos(sqrt(a)) / 3) / sqrt(a), a = 4p(1 - p).
    // Tables: 4.303, 2.776.
    double p = 0.975;
    double t2 = (2 * p - 1) / std::sqrt(2 * p * (1 - p));
    double a = 4 * p * (1 - p);
    double t4 = 2 * std::sqrt(std::cos(std::acos(std::sqrt(a)) / 3) / std::sqrt(a) - 1);
    CHECK(t2 == Approx(4.303).margin(0.0005));
    CHECK(t4 == Approx(2.776).margin(0.0005));
    CHECK(student_t_quantile(0.95, 2) == Approx(t2).epsilon(1e-12));
    CHECK(student_t_quantile(0.95, 4) == Approx(t4).epsilon(1e-12));
    // s = sqrt(2.5); n = 5.
    CHECK(t.confidence_half_width(0.95) == Approx(t4 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-12));
    CHECK(student_t_quantile(0.99, 1000) == Approx(2.5808).margin(0.0001));
    CHECK(student_t_quantile(0.95, 60) == Approx(2.0003).margin(0.0001));
    // Fractional degrees of freedom (Welch's): between the neighbouring whole ones.
    CHECK(student_t_quantile(0.95, 4.5) < t4);
    CHECK(student_t_quantile(0.95, 4.5) > student_t_quantile(0.95, 5));
}

TEST_CASE("the two-sided p-value of t is the tail beyond |t| on both sides") {
    // With df 2 the t distribution's CDF is closed: F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
    for (double t : {0.5, 1.0, 3.0, -3.0}) {
        double upper = 0.5 - std::abs(t) / (2 * std::sqrt(2 + t * t));
        CHECK(student_t_two_sided_p(t, 2) == Approx(2 * upper).epsilon(1e-12));
    }
    CHECK(student_t_two_sided_p(student_t_quantile(0.95, 7), 7) == Approx(0.05).epsilon(1e-10));
    CHECK(student_t_two_sided_p(0, 7) == 1.0);
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
