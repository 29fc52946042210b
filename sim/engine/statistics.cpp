#include "corridor/engine/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace corridor {

void Tally::add(double x) {
    ++count_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
}

double Tally::stddev() const { return std::sqrt(variance()); }

double Tally::confidence_half_width(double level) const {
    if (count_ < 2) return std::numeric_limits<double>::infinity();
    return student_t_quantile(level, count_ - 1) * stddev() / std::sqrt(static_cast<double>(count_));
}

// Student's t from Boost.Math (exact to double precision for any level and any degrees of
// freedom, fractional ones too, which Welch's interval needs); it replaced a table for df 1..30
// with a Cornish-Fisher expansion beyond, good to three decimals only.
double student_t_quantile(double level, double degrees_of_freedom) {
    if (!(level > 0 && level < 1)) throw std::invalid_argument("confidence level must be between 0 and 1");
    if (!(degrees_of_freedom > 0)) throw std::invalid_argument("t quantile needs df > 0");
    boost::math::students_t t(degrees_of_freedom);
    return boost::math::quantile(t, 1 - (1 - level) / 2);
}

double student_t_two_sided_p(double t, double degrees_of_freedom) {
    if (!(degrees_of_freedom > 0)) throw std::invalid_argument("t p-value needs df > 0");
    if (std::isinf(t)) return 0.0;
    boost::math::students_t dist(degrees_of_freedom);
    // 2 x the upper tail, computed as the complement so that small p-values keep their digits.
    return std::min(1.0, 2 * boost::math::cdf(boost::math::complement(dist, std::abs(t))));
}

void TimeWeighted::set(Time now, double value) {
    area_ += value_ * static_cast<double>(now - last_change_);
    last_change_ = now;
    value_ = value;
    max_ = std::max(max_, value);
}

double TimeWeighted::average(Time now) const {
    Time span = now - start_;
    if (span <= 0) return value_;
    double area = area_ + value_ * static_cast<double>(now - last_change_);
    return area / static_cast<double>(span);
}

}  // namespace corridor
