#include "sweep_points.hpp"

#include <algorithm>
#include <cmath>

#include "corridor/sweep/replications.hpp"

namespace corridor::sweep_report {

double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    double at = q * static_cast<double>(sorted.size() - 1);
    std::size_t below = static_cast<std::size_t>(std::floor(at));
    std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::vector<std::size_t> thinned(std::size_t count, std::size_t most) {
    std::vector<std::size_t> kept;
    if (count <= most) {
        for (std::size_t i = 0; i < count; ++i) kept.push_back(i);
        return kept;
    }
    for (std::size_t i = 0; i < most; ++i)
        kept.push_back(most == 1 ? 0 : (i * (count - 1) + (most - 1) / 2) / (most - 1));
    return kept;
}

namespace {

PointSummary summarise(const StoreHeader& h, const std::vector<RunRow>& runs) {
    PointSummary out{runs.front().point, runs.front().parameters, runs.size(), {}};
    std::vector<std::vector<Kpi>> records;
    for (const RunRow& run : runs) {
        std::vector<Kpi> record;
        for (std::size_t k = 0; k < h.kpis.size(); ++k)
            record.push_back({h.kpis[k], h.units[k], run.kpis[k]});
        records.push_back(std::move(record));
    }
    std::vector<KpiSummary> means = corridor::summarise(records);
    for (std::size_t k = 0; k < h.kpis.size(); ++k) {
        std::vector<double> values;
        for (const RunRow& run : runs)
            if (run.kpis[k]) values.push_back(*run.kpis[k]);
        std::sort(values.begin(), values.end());
        KpiSpread s;
        s.n = static_cast<std::int64_t>(values.size());
        if (!values.empty()) {
            s.mean = means[k].mean;
            s.half_width = means[k].half_width;
            s.min = values.front();
            s.q1 = quantile(values, 0.25);
            s.median = quantile(values, 0.5);
            s.q3 = quantile(values, 0.75);
            s.max = values.back();
        }
        out.kpis.push_back(s);
    }
    return out;
}

}  // namespace

std::vector<PointSummary> summarise_points(const RunStore& store) {
    const StoreHeader& h = store.header();
    std::vector<PointSummary> points;
    std::vector<RunRow> runs;  // one point's, at a time
    store.for_each([&](const RunRow& row) {
        if (!runs.empty() && runs.front().point != row.point) {
            points.push_back(summarise(h, runs));
            runs.clear();
        }
        runs.push_back(row);
    });
    if (!runs.empty()) points.push_back(summarise(h, runs));
    return points;
}

}  // namespace corridor::sweep_report
