// each_road_closed sweeps: the roads ranked by how much their closure worsens each KPI against the
// base (point 0, every road open), as road_closure_table() ranks them for the terminal.

#include <algorithm>

#include "corridor/sweep/ranking.hpp"
#include "sweep_report_parts.hpp"

namespace corridor::sweep_report {
namespace {

constexpr std::size_t most_roads = 15;

struct Closure {
    const PointSummary* point;
    std::size_t lost;  // runs with no value: the closure kept the KPI from being reached
    double worse;      // the change against the base, signed so that more is worse
};

}  // namespace

void road_ranking(ReportPage& page, const Sweep& s) {
    if (s.design != "each_road_closed" || s.points.size() < 2) return;
    const PointSummary& base = s.points.front();
    page.section(
        "Roads ranked by the harm their closure causes",
        "Each road closed in turn for the whole run, against the base with every road open (point 0). The "
        "bars are the change of the KPI's mean, worse to the right; the whiskers, the 95% interval of the "
        "closed road's mean. A closure that keeps a KPI from being reached in some runs (a post never "
        "established) is worse than any number and is listed first, in the table.");
    for (std::size_t k = 0; k < s.header.kpis.size(); ++k) {
        std::optional<Better> better = better_direction(s.header.kpis[k]);
        if (!better || *better == Better::neither) continue;
        const std::string& unit = s.header.units[k];
        const KpiSpread& b = base.kpis[k];
        std::vector<Closure> closures;
        for (std::size_t p = 1; p < s.points.size(); ++p) {
            const KpiSpread& v = s.points[p].kpis[k];
            double change = v.n && b.n ? v.mean - b.mean : 0;
            closures.push_back({&s.points[p], s.points[p].runs - static_cast<std::size_t>(v.n),
                                *better == Better::lower ? change : -change});
        }
        std::stable_sort(closures.begin(), closures.end(), [](const Closure& x, const Closure& y) {
            if (x.lost != y.lost) return x.lost > y.lost;
            return x.worse > y.worse;
        });
        chart::BarChart c;
        c.id = "roads-" + slug(s.header.kpis[k]);
        c.title = s.header.kpis[k] + ": the closures that hurt most";
        c.value = {"Worsening against every road open", unit, {}, {}};
        c.category_label = "Road closed";
        chart::BarGroup bars{"closure", {}};
        std::vector<std::vector<std::string>> rows;
        for (const Closure& r : closures) {
            const std::string& road = r.point->parameters.empty() ? std::string("?") : r.point->parameters[0];
            const KpiSpread& v = r.point->kpis[k];
            if (rows.size() < most_roads)
                rows.push_back({std::to_string(rows.size() + 1), road, v.n ? readable(v.mean) : "no value",
                                v.n && b.n ? readable(r.worse) : "",
                                std::to_string(r.lost) + " of " + std::to_string(r.point->runs)});
            if (r.lost || !b.n || bars.bars.size() >= most_roads) continue;
            chart::Bar bar{road, r.worse, {}, {}};
            if (v.half_width) bar.low = r.worse - *v.half_width, bar.high = r.worse + *v.half_width;
            bars.bars.push_back(bar);
        }
        c.groups = {bars};
        std::size_t lost =
            std::count_if(closures.begin(), closures.end(), [](const Closure& r) { return r.lost > 0; });
        c.caption = "The " + std::to_string(bars.bars.size()) + " closures that worsen " + s.header.kpis[k] +
                    " most, of " + std::to_string(closures.size()) + " roads; every road open gives " +
                    (b.n ? readable(b.mean) + " " + unit : std::string("no value")) + " (" +
                    (*better == Better::lower ? "lower" : "higher") + " is better)." +
                    (lost ? " " + std::to_string(lost) +
                                " more closures keep it from being reached in some runs: worse than any bar, "
                                "first in the table."
                          : "");
        page.figure(chart::bar_chart(c));
        page.table(
            {{"Rank", true},
             {"Road closed"},
             {"Mean (" + unit + ")", true},
             {"Worse by (" + unit + ")", true},
             {"Runs with no value (runs)", true}},
            rows,
            s.header.kpis[k] + ": the closures that hurt most, first those that keep it from being reached.");
    }
}

}  // namespace corridor::sweep_report
