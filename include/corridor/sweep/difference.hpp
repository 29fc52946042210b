#pragma once
// The difference of a KPI's mean between two sets of runs, B - A, with its 95% interval and the
// p-value of "no difference" (docs/statistics.md, "Comparing two results"): paired by replication
// when both used the same seed, so that common random numbers cancel the noise they share (Law,
// Simulation Modeling and Analysis, 5th ed., section 11.2); Welch's unequal-variance t otherwise
// (Welch 1947). Holm's step-down adjustment (Holm 1979) keeps a family of such tests at 5%.

#include <cstdint>
#include <optional>
#include <vector>

namespace corridor {

enum class Pairing { paired, welch };

struct Difference {
    Pairing pairing = Pairing::welch;
    std::int64_t n_a = 0, n_b = 0;  // runs with a value; paired: both the number of pairs
    double mean_a = 0, mean_b = 0;
    double difference = 0;  // mean_b - mean_a
    /// True when every value is the same on each side (paired: every difference the same), with
    /// at least two on each: the difference is then exact, with no test to make and no interval.
    bool exact = false;
    std::optional<double> half_width;  // of the 95% interval of the difference
    std::optional<double> df, t, p;    // degrees of freedom, statistic, two-sided p-value
};

/// B - A from pairs (a[i], b[i]): the mean difference, its t interval with n - 1 df.
Difference paired_difference(const std::vector<double>& a, const std::vector<double>& b);

/// B - A from independent samples: Welch's t, with the Welch-Satterthwaite degrees of freedom.
Difference welch_difference(const std::vector<double>& a, const std::vector<double>& b);

/// Holm's adjusted p-values, in the order given: the i-th smallest p times (m - i + 1), never
/// below the adjusted value before it, at most 1.
std::vector<double> holm_adjusted(const std::vector<double>& p);

}  // namespace corridor
