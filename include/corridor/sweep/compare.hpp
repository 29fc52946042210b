#pragma once
// Two results folders compared KPI by KPI and point by point (docs/user-guide.md, "Comparing
// results"): B - A with its 95% interval, paired by replication when both used the same seed
// (common random numbers), Welch otherwise, and Holm's adjustment over the KPIs of each point.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/sweep/difference.hpp"
#include "corridor/sweep/result_folder.hpp"

namespace corridor {

/// What "significant" means in a comparison: the level of each interval and of Holm's family.
inline constexpr double kSignificance = 0.05;

struct KpiComparison {
    std::string kpi, unit;
    Difference difference;
    std::optional<double> p_holm;  // none when the KPI had no test (exact, or too few runs)
};

struct PointComparison {
    std::size_t point = 0;
    std::vector<std::string> parameters;  // values, in Comparison::parameters' order
    std::vector<KpiComparison> kpis;
    std::size_t family = 0;  // the KPIs with a test at this point: the size of Holm's family
};

struct Comparison {
    Pairing pairing = Pairing::welch;
    std::uint64_t seed_a = 0, seed_b = 0;
    std::vector<std::string> parameters;  // names (empty for runs with replications)
    std::vector<PointComparison> points;
    std::vector<std::string> only_in_a, only_in_b;  // KPIs one folder has and the other not
};

/// The comparison, or why the two cannot be compared (their points differ, or no KPI in common).
Result<Comparison> compare_folders(const ResultFolder& a, const ResultFolder& b);

}  // namespace corridor
