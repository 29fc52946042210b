#pragma once
// Statistics collectors: a tally of observations (Welford's one-pass mean and variance, which
// stays accurate where the textbook sum-of-squares formula cancels) and a time-weighted average
// for quantities that hold a value over time (queue lengths, busy servers).

#include <cstdint>
#include <limits>

#include "corridor/engine/time.hpp"

namespace corridor {

class Tally {
  public:
    void add(double x);
    std::int64_t count() const { return count_; }
    double mean() const { return count_ > 0 ? mean_ : 0.0; }
    /// Sample variance (n - 1 in the denominator); zero below two observations.
    double variance() const { return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0; }
    double stddev() const;
    /// Half-width of the two-sided confidence interval of the mean, Student's t.
    double confidence_half_width(double level) const;
    double min() const { return min_; }
    double max() const { return max_; }

  private:
    std::int64_t count_ = 0;
    double mean_ = 0.0;
    double m2_ = 0.0;
    double min_ = std::numeric_limits<double>::infinity();
    double max_ = -std::numeric_limits<double>::infinity();
};

/// Student's t quantile for the two-sided `level` (0.95: t_{0.975, df}), any df > 0 (Boost.Math).
double student_t_quantile(double level, double degrees_of_freedom);

/// The two-sided p-value of a t statistic with `degrees_of_freedom`: P(|T| >= |t|).
double student_t_two_sided_p(double t, double degrees_of_freedom);

class TimeWeighted {
  public:
    explicit TimeWeighted(Time start = 0, double initial = 0.0)
        : start_(start), last_change_(start), value_(initial), max_(initial) {}

    /// The quantity takes `value` from time `now` on.
    void set(Time now, double value);
    void add(Time now, double delta) { set(now, value_ + delta); }
    double current() const { return value_; }
    double max() const { return max_; }
    /// Average over [start, now].
    double average(Time now) const;

  private:
    Time start_;
    Time last_change_;
    double value_;
    double max_;
    double area_ = 0.0;  // integral of the value, in value x milliseconds
};

}  // namespace corridor
