// Replications run in parallel and summarised: see include/corridor/sweep/replications.hpp.

#include "corridor/sweep/replications.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "corridor/engine/statistics.hpp"
#include "corridor/model/deployment.hpp"

namespace corridor {
namespace {

// The p-th percentile (0 <= p <= 1) of sorted values, interpolated between the two order
// statistics around rank p x (n - 1) (Hyndman and Fan's definition 7, as R and NumPy by default).
double percentile(const std::vector<double>& sorted, double p) {
    double rank = p * static_cast<double>(sorted.size() - 1);
    auto below = static_cast<std::size_t>(std::floor(rank));
    std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (rank - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace

std::vector<std::vector<Kpi>> run_replications(const Theatre& theatre, std::uint64_t seed, std::uint32_t first,
                                               std::uint32_t count, int threads) {
    std::vector<std::vector<Kpi>> records(count);
    std::unique_ptr<tbb::global_control> limit;
    if (threads > 0)
        limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                      static_cast<std::size_t>(threads));
    tbb::parallel_for(std::uint32_t{0}, count, [&](std::uint32_t i) {
        records[i] = kpi_record(simulate_deployment(theatre, seed, first + i, Sinks::kpis_only()));
    });
    return records;
}

std::vector<KpiSummary> summarise(const std::vector<std::vector<Kpi>>& records) {
    std::vector<KpiSummary> out;
    if (records.empty()) return out;
    for (std::size_t k = 0; k < records.front().size(); ++k) {
        KpiSummary s{records.front()[k].name, records.front()[k].unit};
        std::vector<double> values;
        Tally tally;
        for (const std::vector<Kpi>& record : records)
            if (record[k].value) {
                values.push_back(*record[k].value);
                tally.add(*record[k].value);
            }
        s.n = static_cast<std::int64_t>(values.size());
        if (!values.empty()) {
            std::sort(values.begin(), values.end());
            s.mean = tally.mean();
            s.sd = tally.stddev();
            if (s.n >= 2) s.half_width = tally.confidence_half_width(0.95);
            s.min = values.front();
            s.max = values.back();
            s.median = percentile(values, 0.5);
            s.p95 = percentile(values, 0.95);
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace corridor
