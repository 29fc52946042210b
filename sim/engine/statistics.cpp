#include "corridor/engine/statistics.hpp"

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

double student_t_quantile(double level, std::int64_t degrees_of_freedom) {
    // Two-sided quantiles t_{1-(1-level)/2, df} for df = 1..30 (standard tables), then the
    // Cornish-Fisher expansion around the normal quantile, accurate to 1e-3 beyond 30.
    static constexpr double k90[30] = {6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
                                       1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
                                       1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697};
    static constexpr double k95[30] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                       2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                       2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    static constexpr double k99[30] = {63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169,
                                       3.106,  3.055, 3.012, 2.977, 2.947, 2.921, 2.898, 2.878, 2.861, 2.845,
                                       2.831,  2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.750};
    const double* table;
    double z;
    if (level == 0.90) {
        table = k90;
        z = 1.6448536269514722;
    } else if (level == 0.95) {
        table = k95;
        z = 1.959963984540054;
    } else if (level == 0.99) {
        table = k99;
        z = 2.5758293035489004;
    } else {
        throw std::invalid_argument("confidence level must be 0.90, 0.95 or 0.99");
    }
    if (degrees_of_freedom < 1) throw std::invalid_argument("t quantile needs df >= 1");
    if (degrees_of_freedom <= 30) return table[degrees_of_freedom - 1];
    double n = static_cast<double>(degrees_of_freedom);
    double z3 = z * z * z, z5 = z3 * z * z;
    return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n);
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
