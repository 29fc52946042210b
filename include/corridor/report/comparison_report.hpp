#pragma once
// `corridor compare --format html`: the comparison of two folders, or the ranking of one sweep's
// points, as one self-contained page (docs/user-guide.md, "Reading a comparison report").

#include <string>
#include <vector>

#include "corridor/sweep/compare.hpp"
#include "corridor/sweep/ranking.hpp"

namespace corridor {

/// B - A per KPI with its 95% interval as interval bars, flagged where significant (Holm), and the
/// tables with units.
std::string comparison_report_html(const Comparison& comparison, const ResultFolder& a,
                                   const ResultFolder& b);

/// One sweep's points ranked on each KPI: the best points' means with their intervals.
std::string ranking_report_html(const std::vector<KpiRanking>& rankings, const ResultFolder& folder);

}  // namespace corridor
