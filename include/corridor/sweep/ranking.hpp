#pragma once
// The points of one sweep ranked on each KPI, best first (docs/user-guide.md, "Comparing
// results"). Which way is better is a property of the KPI: less time, unmet need, waiting and
// fuel is better; more tonnes delivered and people returned is better; a count such as the number
// of posts or sorties is neither, and is listed from the highest.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/sweep/result_folder.hpp"

namespace corridor {

enum class Better { lower, higher, neither };

/// The better direction of a KPI of corridor's list (docs/model.md, "KPIs"); none for a name the
/// list does not have (ranked as `neither`).
std::optional<Better> better_direction(std::string_view kpi);

struct RankedPoint {
    std::size_t point = 0;
    std::int64_t n = 0;  // runs with a value
    double mean = 0;
    std::optional<double> half_width;  // of the 95% interval of the mean; none below two runs
};

struct KpiRanking {
    std::string kpi, unit;
    Better better = Better::neither;
    std::vector<RankedPoint> points;  // best first; ties by point number; points with no value last
};

std::vector<KpiRanking> rank_points(const ResultFolder& folder);

}  // namespace corridor
