#pragma once
// What `corridor compare` prints (docs/user-guide.md, "Comparing results"): the difference of
// two folders, or the ranking of one sweep's points, as aligned text, CSV (one row per point and
// KPI, fixed columns) or a Markdown table. Fixed formats: the same folders give the same bytes.

#include <string>
#include <vector>

#include "corridor/sweep/compare.hpp"
#include "corridor/sweep/ranking.hpp"

namespace corridor {

enum class TableFormat { text, csv, markdown };

std::string comparison_table(const Comparison& comparison, const ResultFolder& a, const ResultFolder& b,
                             TableFormat format);

std::string ranking_table(const std::vector<KpiRanking>& rankings, const ResultFolder& folder,
                          TableFormat format);

}  // namespace corridor
