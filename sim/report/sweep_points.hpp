#pragma once
// A sweep's points as its report draws them: per point and KPI the quartiles and the mean of its
// runs. Read from the store one point at a time, so that memory grows with the points, not with
// the runs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/sweep/store.hpp"

namespace corridor::sweep_report {

struct KpiSpread {
    std::int64_t n = 0;  // runs with a value
    double mean = 0, min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    std::optional<double> half_width;  // of the mean's 95% interval (as summary.csv); none below 2 runs
};

struct PointSummary {
    std::uint32_t point = 0;
    std::vector<std::string> parameters;  // as applied
    std::size_t runs = 0;
    std::vector<KpiSpread> kpis;  // in the store's KPI order
};

/// Every point of the store, in order.
std::vector<PointSummary> summarise_points(const RunStore& store);

/// The q-quantile of sorted values, interpolated between order statistics (Hyndman and Fan's
/// type 7, as summary.csv's median and p95).
double quantile(const std::vector<double>& sorted, double q);

/// At most `most` indices of [0, count), evenly spaced, first and last kept: which points a chart
/// shows when there are too many to draw (the same ones every time).
std::vector<std::size_t> thinned(std::size_t count, std::size_t most);

}  // namespace corridor::sweep_report
