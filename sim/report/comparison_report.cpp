// `corridor compare --format html`: see include/corridor/report/comparison_report.hpp. The
// numbers are those of the text table (comparison_tables.cpp): the same Difference, the same flag.

#include "corridor/report/comparison_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "corridor/report/charts.hpp"
#include "corridor/report/report_page.hpp"
#include "corridor/version.hpp"
#include "table_numbers.hpp"

namespace corridor {
namespace {

using table_numbers::p_readable;
using table_numbers::readable;

// Past this many points the page lists the first ones and says so: the CSV has them all.
constexpr std::size_t most_points = 50;
constexpr std::size_t most_ranked = 15;

std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '-';
    return out;
}

std::string with_unit(const std::string& kpi, const std::string& unit) {
    return unit.empty() ? kpi : kpi + " (" + unit + ")";
}

// The two flags of the text table: the interval excludes 0, and Holm's p is below 5% too.
bool excludes_zero(const KpiComparison& k) {
    return k.difference.half_width && k.p_holm &&
           std::abs(k.difference.difference) > *k.difference.half_width;
}
bool significant(const KpiComparison& k) { return excludes_zero(k) && *k.p_holm < kSignificance; }

std::string method(const Comparison& c) {
    if (c.pairing == Pairing::paired)
        return "Paired: both used seed " + std::to_string(c.seed_a) +
               ", so replication i of A and of B share their random numbers; the difference is taken "
               "replication by replication (Student's t with n - 1 degrees of freedom).";
    return "Welch: the seeds differ (" + std::to_string(c.seed_a) + " and " + std::to_string(c.seed_b) +
           "), so the runs are independent; Welch's t with Welch-Satterthwaite degrees of freedom.";
}

std::string point_heading(const Comparison& c, const PointComparison& p) {
    std::string text = "Point " + std::to_string(p.point);
    for (std::size_t i = 0; i < c.parameters.size() && i < p.parameters.size(); ++i)
        text += (i == 0 ? ": " : ", ") + c.parameters[i] + " = " + p.parameters[i];
    return text;
}

// The relative difference, (B - A) / |A| in percent, puts KPIs of different units on one axis.
chart::IntervalChart relative_chart(const Comparison& c, const PointComparison& p,
                                    std::vector<std::string>& left_out) {
    chart::IntervalChart chart;
    chart.id = "difference-" + std::to_string(p.point);
    chart.title = c.points.size() > 1 ? "B - A at point " + std::to_string(p.point) : "B - A, KPI by KPI";
    chart.value = {"Difference B - A relative to A's mean", "%", {}, {}};
    chart.flagged_name = "significant: the interval excludes 0 and Holm-adjusted p < 0.05";
    chart.plain_name = "not significant";
    for (const KpiComparison& k : p.kpis) {
        const Difference& d = k.difference;
        if (d.n_a == 0 || d.n_b == 0 || d.mean_a == 0) {
            left_out.push_back(k.kpi);
            continue;
        }
        double scale = 100 / std::abs(d.mean_a);
        chart::Interval row{k.kpi, d.difference * scale, {}, {}, significant(k)};
        if (d.half_width)
            row.low = (d.difference - *d.half_width) * scale,
            row.high = (d.difference + *d.half_width) * scale;
        chart.rows.push_back(row);
    }
    // The axis spans every estimate with room to spare; an interval much wider than every estimate
    // (a noisy KPI) would otherwise squash the others to the zero line, so it is cut at the edge.
    double widest = 5;
    for (const chart::Interval& row : chart.rows) widest = std::max(widest, std::abs(row.value) * 1.5);
    bool cut = std::any_of(chart.rows.begin(), chart.rows.end(), [&](const chart::Interval& row) {
        return (row.low && *row.low < -widest) || (row.high && *row.high > widest);
    });
    if (cut) chart.value.min = -widest, chart.value.max = widest;
    return chart;
}

std::string reason(const Difference& d) {
    if (d.n_a == 0 || d.n_b == 0) return "no value on one side";
    if (d.exact) return "exact";
    if (!d.half_width) return "too few runs";
    return "";
}

void point_section(ReportPage& page, const Comparison& c, const PointComparison& p) {
    if (c.points.size() > 1 || !c.parameters.empty()) page.section(point_heading(c, p));
    std::vector<std::string> left_out;
    chart::IntervalChart chart = relative_chart(c, p, left_out);
    chart.caption =
        "Each row a KPI: the dot is B - A as a percentage of A's mean, the bar its 95% interval. A bar clear "
        "of the dashed zero line is a difference these runs show; bold orange, one that also survives Holm's "
        "adjustment over the " +
        std::to_string(p.family) + " KPIs tested here.";
    if (chart.value.min)
        chart.caption +=
            " Intervals wider than the axis are cut at its edge (no end mark): the table has them whole.";
    if (!left_out.empty()) {
        chart.caption += " Not drawn (no value on one side, or A's mean is 0):";
        for (std::size_t i = 0; i < left_out.size(); ++i) chart.caption += (i ? ", " : " ") + left_out[i];
        chart.caption += ".";
    }
    page.figure(chart::interval_chart(chart));
    std::vector<std::vector<std::string>> rows;
    for (const KpiComparison& k : p.kpis) {
        const Difference& d = k.difference;
        bool means = d.n_a > 0 && d.n_b > 0;
        std::string why = reason(d);
        rows.push_back({with_unit(k.kpi, k.unit),
                        d.pairing == Pairing::paired ? std::to_string(d.n_a)
                                                     : std::to_string(d.n_a) + "/" + std::to_string(d.n_b),
                        d.n_a ? readable(d.mean_a) : "", d.n_b ? readable(d.mean_b) : "",
                        means ? readable(d.difference) : "",
                        why.empty() ? "[" + readable(d.difference - *d.half_width) + ", " +
                                          readable(d.difference + *d.half_width) + "]"
                                    : why,
                        why.empty() ? p_readable(*k.p_holm) : "",
                        significant(k)     ? "significant"
                        : excludes_zero(k) ? "interval excludes 0 only"
                                           : ""});
    }
    page.table({{"KPI (unit)"},
                {"Runs (n or A/B)", true},
                {"Mean A (unit)", true},
                {"Mean B (unit)", true},
                {"B - A (unit)", true},
                {"95% interval (unit)", true},
                {"p Holm", true},
                {"Flag"}},
               rows,
               "B - A per KPI, each in the KPI's own unit (first column); the interval is that of B - A.");
}

}  // namespace

std::string comparison_report_html(const Comparison& c, const ResultFolder& a, const ResultFolder& b) {
    ReportPage page("Comparison: B - A",
                    "A: " + a.path + " \u00b7 B: " + b.path + " \u00b7 corridor " + kVersion);
    page.section("How the two were compared");
    page.paragraph(method(c));
    page.paragraph(
        "Significance: a KPI is flagged when the 95% interval of B - A excludes 0 and Holm's step-down "
        "adjustment over the KPIs tested at the same point keeps its p-value below 0.05; Holm keeps the "
        "chance of any false flag among them at 5%.");
    for (const std::string& k : c.only_in_a) page.paragraph(k + " is only in A: not compared.");
    for (const std::string& k : c.only_in_b) page.paragraph(k + " is only in B: not compared.");
    std::size_t shown = std::min(c.points.size(), most_points);
    if (shown < c.points.size())
        page.paragraph("The first " + std::to_string(shown) + " of " + std::to_string(c.points.size()) +
                       " points are shown; `corridor compare A B --format csv` lists them all.");
    if (c.points.size() == 1 && c.parameters.empty()) page.section("The differences");
    for (std::size_t i = 0; i < shown; ++i) point_section(page, c, c.points[i]);
    return page.html();
}

std::string ranking_report_html(const std::vector<KpiRanking>& rankings, const ResultFolder& folder) {
    ReportPage page("Ranking of the points of " + folder.path,
                    std::to_string(folder.points.size()) + " points \u00b7 seed " +
                        std::to_string(folder.seed) + " \u00b7 corridor " + kVersion);
    page.section(
        "How to read it",
        "Each KPI's points, best first: the bar is the mean over the point's replications, the whisker its "
        "95% interval (Student's t). Points whose whiskers overlap the best one's are not shown to be worse "
        "by these runs. KPIs such as counts have no better direction and are listed from the highest.");
    for (const KpiRanking& r : rankings) {
        page.section(with_unit(r.kpi, r.unit));
        chart::BarChart c;
        c.id = "ranking-" + slug(r.kpi);
        c.title = r.kpi + ": " +
                  (r.better == Better::lower    ? "lowest first"
                   : r.better == Better::higher ? "highest first"
                                                : "highest first (neither is better)");
        c.value = {r.kpi, r.unit, {}, {}};
        c.category_label = "Point";
        chart::BarGroup bars{"mean", {}};
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < r.points.size() && i < most_ranked; ++i) {
            const RankedPoint& p = r.points[i];
            std::string label = "point " + std::to_string(p.point);
            const std::vector<std::string>& values = folder.points[p.point].parameters;
            std::string parameters;
            for (std::size_t j = 0; j < folder.parameters.size() && j < values.size(); ++j)
                parameters += (j ? ", " : "") + folder.parameters[j] + " = " + values[j];
            rows.push_back({p.n > 0 ? std::to_string(i + 1) : "-", std::to_string(p.point), parameters,
                            std::to_string(p.n), p.n > 0 ? readable(p.mean) : "no value",
                            p.half_width ? "[" + readable(p.mean - *p.half_width) + ", " +
                                               readable(p.mean + *p.half_width) + "]"
                                         : ""});
            if (p.n == 0) continue;
            chart::Bar bar{label, p.mean, {}, {}};
            if (p.half_width) bar.low = p.mean - *p.half_width, bar.high = p.mean + *p.half_width;
            bars.bars.push_back(bar);
        }
        c.groups = {bars};
        c.caption = "The " + std::to_string(bars.bars.size()) + " best of " +
                    std::to_string(r.points.size()) + " points on " + r.kpi +
                    ", with the 95% interval of each mean.";
        page.figure(chart::bar_chart(c));
        page.table({{"Rank", true},
                    {"Point", true},
                    {"Parameters"},
                    {"Runs with a value (runs)", true},
                    {"Mean (" + r.unit + ")", true},
                    {"95% interval (" + r.unit + ")", true}},
                   rows, r.kpi + ", best first.");
    }
    return page.html();
}

}  // namespace corridor
