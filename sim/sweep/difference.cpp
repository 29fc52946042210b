// Paired and Welch differences and Holm's adjustment: see include/corridor/sweep/difference.hpp.

#include "corridor/sweep/difference.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "corridor/engine/statistics.hpp"

namespace corridor {
namespace {

Tally tally_of(const std::vector<double>& values) {
    Tally tally;
    for (double x : values) tally.add(x);
    return tally;
}

bool all_equal(const std::vector<double>& values) {
    return std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) == values.end();
}

// The interval and test of a difference whose standard error and df are known; none when values
// near the largest double overflowed them (a damaged file, not a run).
void test(Difference& d, double standard_error, double df) {
    if (!std::isfinite(d.difference) || !std::isfinite(standard_error) || !(standard_error > 0) ||
        !std::isfinite(df) || !(df > 0))
        return;
    d.df = df;
    d.t = d.difference / standard_error;
    d.p = student_t_two_sided_p(*d.t, df);
    d.half_width = student_t_quantile(0.95, df) * standard_error;
}

}  // namespace

Difference paired_difference(const std::vector<double>& a, const std::vector<double>& b) {
    Difference d;
    d.pairing = Pairing::paired;
    std::vector<double> differences(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) differences[i] = b[i] - a[i];
    d.n_a = d.n_b = static_cast<std::int64_t>(a.size());
    d.mean_a = tally_of(a).mean();
    d.mean_b = tally_of(b).mean();
    Tally diff = tally_of(differences);
    d.difference = diff.mean();
    // Every pair differs by the same amount (zero, often, for a KPI the change does not touch):
    // the difference is known exactly and its standard error is zero; a t would divide by it.
    // (One pair says nothing of the spread: too few for an interval, not exact.)
    d.exact = differences.size() >= 2 && all_equal(differences);
    if (d.exact) d.difference = differences.front();
    if (d.exact || diff.count() < 2) return d;
    test(d, diff.stddev() / std::sqrt(static_cast<double>(diff.count())),
         static_cast<double>(diff.count() - 1));
    return d;
}

Difference welch_difference(const std::vector<double>& a, const std::vector<double>& b) {
    Difference d;
    d.pairing = Pairing::welch;
    Tally ta = tally_of(a), tb = tally_of(b);
    d.n_a = ta.count();
    d.n_b = tb.count();
    d.mean_a = ta.mean();
    d.mean_b = tb.mean();
    d.difference = d.mean_b - d.mean_a;
    d.exact = a.size() >= 2 && b.size() >= 2 && all_equal(a) && all_equal(b);
    if (d.exact) d.difference = b.front() - a.front();
    if (d.exact || d.n_a < 2 || d.n_b < 2) return d;
    // Welch (1947); the degrees of freedom are Satterthwaite's (1946) approximation.
    double va = ta.variance() / static_cast<double>(d.n_a), vb = tb.variance() / static_cast<double>(d.n_b);
    double df = (va + vb) * (va + vb) /
                (va * va / static_cast<double>(d.n_a - 1) + vb * vb / static_cast<double>(d.n_b - 1));
    test(d, std::sqrt(va + vb), df);
    return d;
}

std::vector<double> holm_adjusted(const std::vector<double>& p) {
    std::vector<std::size_t> order(p.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Stable: equal p-values keep their given order, so the output is the same bytes every time.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return p[x] < p[y]; });
    std::vector<double> adjusted(p.size());
    double running = 0;
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        double scaled = std::min(1.0, static_cast<double>(p.size() - rank) * p[order[rank]]);
        running = std::max(running, scaled);
        adjusted[order[rank]] = running;
    }
    return adjusted;
}

}  // namespace corridor
