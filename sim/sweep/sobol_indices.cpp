// First-order and total Sobol indices from Saltelli's blocks, with bootstrap intervals: see
// include/corridor/sweep/analysis.hpp and docs/statistics.md.

#include <algorithm>
#include <cmath>

#include "corridor/engine/random.hpp"
#include "corridor/sweep/analysis.hpp"
#include "draw_index.hpp"

namespace corridor {
namespace {

// The estimators over the base rows `rows` (indices into 0 .. base - 1, repeats allowed).
// f_A, f_B, f_AB_i: the KPI at row n of block A, B, AB_i.
//   V    = the variance of f_A and f_B together (2N values), m their mean,
// f_B centred on m: the estimator's expectation is the same, but a KPI whose spread is small
// next to its level (a closure time of 87.7 h +- 0.1 h) no longer drowns S1 in m's noise.
//   S1_i = mean((f_B - m) (f_AB_i - f_A)) / V       (Saltelli et al. 2010, Table 2 (b)),
//   ST_i = mean((f_A - f_AB_i)^2) / 2 / V           (Jansen 1999; Saltelli et al. 2010, Table 2 (f)).
struct Point {
    std::vector<double> first, total;
    bool defined = false;
};

Point estimate(const std::vector<double>& kpi, std::size_t base, std::size_t k,
               const std::vector<std::size_t>& rows) {
    const double count = static_cast<double>(rows.size());
    double sum = 0;
    for (std::size_t n : rows) sum += kpi[n] + kpi[base + n];
    const double mean = sum / (2 * count);
    double squares = 0;
    for (std::size_t n : rows)
        squares += (kpi[n] - mean) * (kpi[n] - mean) + (kpi[base + n] - mean) * (kpi[base + n] - mean);
    const double variance = squares / (2 * count - 1);
    Point point;
    if (!(variance > 0) || !std::isfinite(variance)) return point;  // constant, or overflowing
    point.defined = true;
    for (std::size_t i = 0; i < k; ++i) {
        const double* ab = kpi.data() + (2 + i) * base;
        double first = 0, total = 0;
        for (std::size_t n : rows) {
            first += (kpi[base + n] - mean) * (ab[n] - kpi[n]);
            total += (kpi[n] - ab[n]) * (kpi[n] - ab[n]);
        }
        point.first.push_back(first / count / variance);
        point.total.push_back(total / (2 * count) / variance);
    }
    return point;
}

// Percentile q of sorted values, interpolated between order statistics (as summary.csv's).
double percentile(const std::vector<double>& sorted, double q) {
    double rank = q * static_cast<double>(sorted.size() - 1);
    std::size_t below = static_cast<std::size_t>(std::floor(rank));
    std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (rank - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

Estimate with_interval(double value, std::vector<double> resampled) {
    std::sort(resampled.begin(), resampled.end());
    return {value, percentile(resampled, 0.025), percentile(resampled, 0.975)};
}

}  // namespace

std::optional<SobolIndices> sobol_indices(const std::vector<double>& kpi, std::size_t base,
                                          std::size_t parameters, std::uint64_t seed, int resamples) {
    const std::size_t k = parameters;
    if (base < 2 || k == 0 || resamples < 1 || kpi.size() != base * (k + 2)) return std::nullopt;
    if (std::any_of(kpi.begin(), kpi.end(), [](double y) { return !std::isfinite(y); })) return std::nullopt;
    std::vector<std::size_t> all(base);
    for (std::size_t n = 0; n < base; ++n) all[n] = n;
    Point whole = estimate(kpi, base, k, all);
    if (!whole.defined) return std::nullopt;

    // Resample the base rows: a row takes its A, B and every AB_i value with it, so that each
    // resample is itself a Saltelli design. One stream for the whole bootstrap: the same bytes
    // every time, at any thread count.
    RandomStream stream({seed, 0, purpose_id("sobol-bootstrap"), 0});
    std::vector<std::vector<double>> first(k), total(k);
    std::vector<std::size_t> rows(base);
    for (int b = 0; b < resamples; ++b) {
        for (std::size_t& n : rows) n = static_cast<std::size_t>(draw_index(stream, base));
        Point point = estimate(kpi, base, k, rows);
        if (!point.defined) continue;  // every drawn row alike: this resample says nothing
        for (std::size_t i = 0; i < k; ++i) {
            first[i].push_back(point.first[i]);
            total[i].push_back(point.total[i]);
        }
    }
    if (first.front().empty()) return std::nullopt;
    SobolIndices indices;
    for (std::size_t i = 0; i < k; ++i) {
        indices.first.push_back(with_interval(whole.first[i], first[i]));
        indices.total.push_back(with_interval(whole.total[i], total[i]));
    }
    return indices;
}

}  // namespace corridor
