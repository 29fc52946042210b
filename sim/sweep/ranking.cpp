// Ranking the points of one sweep: see include/corridor/sweep/ranking.hpp.

#include "corridor/sweep/ranking.hpp"

#include <algorithm>
#include <cmath>

#include "corridor/engine/statistics.hpp"

namespace corridor {

std::vector<KpiRanking> rank_points(const ResultFolder& folder) {
    std::vector<KpiRanking> out;
    for (std::size_t k = 0; k < folder.kpis.size(); ++k) {
        KpiRanking ranking{
            folder.kpis[k], folder.units[k], better_direction(folder.kpis[k]).value_or(Better::neither), {}};
        for (std::size_t p = 0; p < folder.points.size(); ++p) {
            Tally tally;
            for (const auto& run : folder.points[p].values)
                if (run[k]) tally.add(*run[k]);
            RankedPoint point{p, tally.count(), tally.mean(), std::nullopt};
            if (tally.count() >= 2) point.half_width = tally.confidence_half_width(0.95);
            ranking.points.push_back(point);
        }
        // Best first; a KPI with no better direction from the highest. Equal means keep point order.
        bool lower_first = ranking.better == Better::lower;
        std::stable_sort(ranking.points.begin(), ranking.points.end(),
                         [&](const RankedPoint& x, const RankedPoint& y) {
                             if ((x.n == 0) != (y.n == 0)) return y.n == 0;
                             return lower_first ? x.mean < y.mean : x.mean > y.mean;
                         });
        out.push_back(std::move(ranking));
    }
    return out;
}

}  // namespace corridor
