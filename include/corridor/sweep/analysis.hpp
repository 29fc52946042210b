#pragma once
// What a sweep's points say about its parameters (docs/statistics.md, "Analysis"): how much of a
// KPI's spread each parameter carries. Regression and rank correlation read any design; Sobol
// indices need Saltelli's blocks (design.hpp). Plain vectors in, plain numbers out: the command
// line reads the sweep folder and writes the table.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace corridor {

/// Standardised regression coefficients: the least-squares fit of the KPI on the parameters, all
/// scaled to mean 0 and standard deviation 1, so that a coefficient is the KPI's change, in its
/// standard deviations, for one standard deviation of the parameter (b_i sd_i / sd_y).
struct Regression {
    std::vector<double> src;  // one per parameter, in the order of the columns
    double r2 = 0;            // the share of the KPI's variance the linear fit explains
};

/// The fewest points with a value a fit on `parameters` parameters needs: one more than the
/// coefficients and intercept, to leave a residual degree of freedom. `corridor analyse` and the
/// sweep report both state it from here.
constexpr std::size_t fewest_points_for_fit(std::size_t parameters) { return parameters + 2; }

/// `points[p][i]`: parameter i at point p; `kpi[p]` the KPI there. Nothing when the fit is not
/// defined: fewer points than parameters + 2, a constant KPI or parameter, or parameters that
/// are linear combinations of each other.
std::optional<Regression> standardised_regression(const std::vector<std::vector<double>>& points,
                                                  const std::vector<double>& kpi);

/// Partial rank correlation coefficients (Marino et al. 2008): parameters and KPI replaced by their
/// ranks (ties by their mean rank), the other parameters' linear effect on ranks removed from
/// both, and the residuals correlated. Near +1 or -1 when the KPI rises or falls with the parameter
/// whatever the shape, as long as it is monotone. Nothing under the same conditions as above; one
/// parameter's entry is empty when its coefficient is not defined: the other parameters' ranks
/// account for the KPI's ranks (or for the parameter's) entirely, leaving nothing to correlate.
std::optional<std::vector<std::optional<double>>> partial_rank_correlation(
    const std::vector<std::vector<double>>& points, const std::vector<double>& kpi);

/// An estimate and the bounds of its bootstrap 95% interval.
struct Estimate {
    double value = 0, low = 0, high = 0;
};

struct SobolIndices {
    std::vector<Estimate> first;  // S1_i: the share of the variance that parameter i alone explains
    std::vector<Estimate> total;  // ST_i: the share that vanishes when parameter i is fixed
};

/// Sobol indices from the KPI over a Saltelli design of `base` rows and `parameters` k (kpi in the
/// design's block order: A, B, AB_0 .. AB_{k-1}, each `base` long). S1 by Saltelli et al. (2010),
/// ST by Jansen (1999), the variance from A and B together. The interval: percentiles 2.5 and 97.5
/// of `resamples` bootstrap estimates, each over `base` rows drawn with replacement from stream
/// `seed` (the same bytes every time). Nothing when the KPI is constant over A and B, or base < 2.
std::optional<SobolIndices> sobol_indices(const std::vector<double>& kpi, std::size_t base,
                                          std::size_t parameters, std::uint64_t seed, int resamples = 1000);

}  // namespace corridor
