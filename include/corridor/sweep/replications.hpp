#pragma once
// Replications of one scenario (docs/user-guide.md, "Replications"): the same theatre and seed
// run with replication numbers 0, 1, ..., each drawing its own random streams, and what their
// KPIs say together. The runs go in parallel on oneTBB; their records are kept in replication
// order, so the figures are the same bytes at any thread count.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "corridor/model/kpis.hpp"
#include "corridor/model/theatre.hpp"

namespace corridor {

/// The KPI records of replications `first` to `first + count - 1`, in that order, computed with
/// KPIs only. `threads`: at most that many at once (0: as many as the machine has).
std::vector<std::vector<Kpi>> run_replications(const Theatre& theatre, std::uint64_t seed, std::uint32_t first,
                                               std::uint32_t count, int threads = 0);

/// One KPI over the replications where it has a value (a time not reached within a run has none).
struct KpiSummary {
    std::string_view name, unit;
    std::int64_t n = 0;  // replications with a value
    double mean = 0, sd = 0;
    std::optional<double> half_width{};  // of the 95% interval of the mean (Student's t); none below n = 2
    double min = 0, median = 0, p95 = 0, max = 0;  // percentiles interpolated between order statistics
};

/// Every KPI of the records (all of one run's names, in order), summarised.
std::vector<KpiSummary> summarise(const std::vector<std::vector<Kpi>>& records);

}  // namespace corridor
