// A sweep's parameters against its KPIs: lines over a grid, a scatter of points for lhs, random and
// sobol designs; and how much of each KPI's spread each parameter carries (standardised regression
// and partial rank correlation, or Sobol indices), computed as `corridor analyse` does.

#include <algorithm>
#include <limits>
#include <map>

#include "corridor/sweep/analysis.hpp"
#include "sweep_report_parts.hpp"

namespace corridor::sweep_report {
namespace {

// Dots a page can carry: a 1,000-point lhs sweep of 8 parameters and 30 KPIs stays a few MB.
constexpr std::size_t dot_budget = 30000;
constexpr std::size_t most_lines = 12;

// The numeric parameters that take more than one value: the ones a chart or a fit can use.
std::vector<std::size_t> varying_numbers(const Sweep& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.parameters.size(); ++i)
        if (s.parameters[i].numeric && s.parameters[i].distinct > 1) out.push_back(i);
    return out;
}

chart::Axis parameter_axis(const ParameterInfo& p) { return {p.path, p.unit, {}, {}}; }

// Grid: the KPI's mean against the parameter with the most values, one line for each combination
// of the others.
void grid_lines(ReportPage& page, const Sweep& s, std::size_t along) {
    const ParameterInfo& x = s.parameters[along];
    for (std::size_t k = 0; k < s.header.kpis.size(); ++k) {
        std::map<std::string, chart::Series> lines;  // keyed by the other parameters' values
        std::vector<std::string> order;
        for (std::size_t p = 0; p < s.points.size(); ++p) {
            std::string key;
            for (std::size_t i = 0; i < s.parameters.size(); ++i)
                if (i != along)
                    key +=
                        (key.empty() ? "" : ", ") + s.parameters[i].path + " = " + s.points[p].parameters[i];
            if (!lines.count(key))
                order.push_back(key), lines[key].name = key.empty() ? "mean over runs" : key;
            const KpiSpread& v = s.points[p].kpis[k];
            lines[key].x.push_back(x.values[p]);
            lines[key].y.push_back(v.n ? v.mean : std::numeric_limits<double>::quiet_NaN());
        }
        chart::XyChart c;
        c.id = "grid-" + slug(s.header.kpis[k]);
        c.title = s.header.kpis[k] + " against " + x.path;
        c.x = parameter_axis(x);
        c.y = kpi_axis(s, k);
        for (std::size_t i = 0; i < order.size() && i < most_lines; ++i) {
            chart::Series line = lines[order[i]];
            // Grid order varies the first parameter slowest: sort each line along its x.
            std::vector<std::size_t> by_x(line.x.size());
            for (std::size_t j = 0; j < by_x.size(); ++j) by_x[j] = j;
            std::stable_sort(by_x.begin(), by_x.end(),
                             [&](std::size_t a, std::size_t b) { return line.x[a] < line.x[b]; });
            chart::Series sorted{line.name, {}, {}};
            for (std::size_t j : by_x) sorted.x.push_back(line.x[j]), sorted.y.push_back(line.y[j]);
            c.series.push_back(std::move(sorted));
        }
        c.caption = "The mean of " + s.header.kpis[k] + " over each point's runs against " + x.path +
                    (order.size() > 1 ? ", one line for each value of the other parameters" : "");
        if (order.size() > most_lines)
            c.caption += " (the first " + std::to_string(most_lines) + " of " + std::to_string(order.size()) +
                         " lines)";
        c.caption += "; a gap is a point with no value in any run";
        if (same_at_every_point(s, k)) c.caption += "; the same at every point, so a flat line";
        c.caption += ".";
        page.figure(chart::xy_chart(c));
    }
}

// lhs, random, sobol: each point's mean as a dot against each parameter.
void scatters(ReportPage& page, const Sweep& s, const std::vector<std::size_t>& used) {
    std::size_t charts = used.size() * s.header.kpis.size();
    std::size_t per_chart = std::clamp<std::size_t>(dot_budget / std::max<std::size_t>(charts, 1), 50, 500);
    std::vector<std::size_t> shown = thinned(s.points.size(), per_chart);
    for (std::size_t k = 0; k < s.header.kpis.size(); ++k)
        for (std::size_t i : used) {
            const ParameterInfo& x = s.parameters[i];
            chart::Series dots{"points", {}, {}, chart::Series::Style::points};
            for (std::size_t p : shown)
                if (s.points[p].kpis[k].n)
                    dots.x.push_back(x.values[p]), dots.y.push_back(s.points[p].kpis[k].mean);
            chart::XyChart c;
            c.id = "scatter-" + slug(s.header.kpis[k]) + "-" + slug(x.path);
            c.title = s.header.kpis[k] + " against " + x.path;
            c.x = parameter_axis(x);
            c.y = kpi_axis(s, k);
            c.series = {std::move(dots)};
            c.caption = "Each dot a point: its mean of " + s.header.kpis[k] +
                        " over its runs. A cloud that slopes is a parameter that matters; a flat band, one "
                        "that does not";
            if (shown.size() < s.points.size())
                c.caption += " (" + std::to_string(shown.size()) + " of " + std::to_string(s.points.size()) +
                             " points, evenly spaced by point number, to keep the page light)";
            if (same_at_every_point(s, k)) c.caption += "; the same at every point";
            c.caption += ".";
            page.figure(chart::xy_chart(c));
        }
}

void regression_bars(ReportPage& page, const Sweep& s, const std::vector<std::size_t>& used) {
    for (std::size_t k = 0; k < s.header.kpis.size(); ++k) {
        std::vector<std::vector<double>> xs;
        std::vector<double> ys;
        for (std::size_t p = 0; p < s.points.size(); ++p) {
            if (!s.points[p].kpis[k].n) continue;
            std::vector<double> row;
            for (std::size_t i : used) row.push_back(s.parameters[i].values[p]);
            xs.push_back(std::move(row));
            ys.push_back(s.points[p].kpis[k].mean);
        }
        std::optional<Regression> src = standardised_regression(xs, ys);
        std::optional<std::vector<std::optional<double>>> prcc = partial_rank_correlation(xs, ys);
        if (!src || !prcc) {
            // Worded as `corridor analyse` words it, from the same threshold.
            page.paragraph(s.header.kpis[k] +
                           ": no estimate: it is the same at every point, or there are fewer than " +
                           std::to_string(fewest_points_for_fit(used.size())) +
                           " points with a value, or parameters move together.");
            continue;
        }
        chart::BarChart c;
        c.id = "regression-" + slug(s.header.kpis[k]);
        c.title = "What moves " + s.header.kpis[k];
        c.value = {"Coefficient", "standardised, -1 to 1", -1.0, 1.0};
        chart::BarGroup src_bars{"SRC (linear)", {}}, prcc_bars{"PRCC (monotone)", {}};
        for (std::size_t j = 0; j < used.size(); ++j) {
            src_bars.bars.push_back({s.parameters[used[j]].path, src->src[j], {}, {}});
            if ((*prcc)[j]) prcc_bars.bars.push_back({s.parameters[used[j]].path, *(*prcc)[j], {}, {}});
        }
        c.groups = {src_bars, prcc_bars};
        c.caption = "Standardised regression coefficients (SRC) and partial rank correlations (PRCC) of " +
                    s.header.kpis[k] + " on the parameters, over " + std::to_string(ys.size()) +
                    " points; R\u00b2 " + readable(src->r2) +
                    (src->r2 < 0.7 ? ": the linear fit explains little, read PRCC." : ".");
        page.figure(chart::bar_chart(c));
    }
}

void sobol_bars(ReportPage& page, const Sweep& s) {
    const std::size_t base = s.sobol_base, k = s.parameters.size();
    for (std::size_t q = 0; q < s.header.kpis.size(); ++q) {
        // A base row is kept with all its blocks or not at all, as `corridor analyse` does.
        std::vector<std::size_t> kept;
        for (std::size_t n = 0; n < base; ++n) {
            bool complete = true;
            for (std::size_t b = 0; b < k + 2 && complete; ++b)
                complete = b * base + n < s.points.size() && s.points[b * base + n].kpis[q].n > 0;
            if (complete) kept.push_back(n);
        }
        std::vector<double> values;
        for (std::size_t b = 0; b < k + 2; ++b)
            for (std::size_t n : kept) values.push_back(s.points[b * base + n].kpis[q].mean);
        std::optional<SobolIndices> indices = sobol_indices(values, kept.size(), k, s.seed);
        if (!indices) {
            page.paragraph(s.header.kpis[q] +
                           ": no Sobol estimate (the same over A and B, or fewer than 2 base rows with a "
                           "value in every block).");
            continue;
        }
        chart::BarChart c;
        c.id = "sobol-" + slug(s.header.kpis[q]);
        c.title = "Sobol indices of " + s.header.kpis[q];
        c.value = {"Share of the variance", "0 to 1", {}, {}};
        chart::BarGroup first{"first order S1 (alone)", {}}, total{"total ST (with interactions)", {}};
        for (std::size_t i = 0; i < k; ++i) {
            const Estimate& s1 = indices->first[i];
            const Estimate& st = indices->total[i];
            first.bars.push_back({s.parameters[i].path, s1.value, s1.low, s1.high});
            total.bars.push_back({s.parameters[i].path, st.value, st.low, st.high});
        }
        c.groups = {first, total};
        c.caption = "The share of " + s.header.kpis[q] +
                    "'s variance each parameter explains alone (S1) and with its interactions (ST), over " +
                    std::to_string(kept.size()) +
                    " base rows; whiskers are 95% bootstrap intervals (as corridor analyse).";
        page.figure(chart::bar_chart(c));
    }
}

}  // namespace

void parameters_against_kpis(ReportPage& page, const Sweep& s) {
    if (s.design == "each_road_closed" || s.design == "single") return;
    std::vector<std::size_t> used = varying_numbers(s);
    page.section("Parameters against KPIs");
    if (used.empty()) {
        page.paragraph(
            "No parameter is a number that varies (text parameters such as a dispatch policy are compared in "
            "the box plots above): nothing to plot against.");
        return;
    }
    if (s.design == "grid") {
        std::size_t along = used.front();
        for (std::size_t i : used)
            if (s.parameters[i].distinct > s.parameters[along].distinct) along = i;
        grid_lines(page, s, along);
    } else {
        scatters(page, s, used);
    }
}

void sensitivity(ReportPage& page, const Sweep& s) {
    if (s.design == "each_road_closed" || s.design == "single") return;
    if (s.design == "sobol") {
        page.section(
            "Which parameters matter: Sobol indices",
            "S1 is the share of a KPI's variance a parameter explains alone; ST adds its interactions with "
            "the others. A parameter with ST near 0 can be fixed at any value of its range.");
        if (s.sobol_base < 2 || s.parameters.empty())
            page.paragraph("The sweep's Sobol base is too small for indices.");
        else
            sobol_bars(page, s);
        return;
    }
    std::vector<std::size_t> used = varying_numbers(s);
    if (used.empty()) return;
    page.section("Which parameters matter: regression",
                 "SRC: the KPI's change, in its standard deviations, for one standard deviation of the "
                 "parameter, from a linear fit over the points' means. PRCC: the same on ranks, for any "
                 "monotone effect. Near 0, the parameter does not move the KPI over the range swept.");
    regression_bars(page, s, used);
}

}  // namespace corridor::sweep_report
