// A sweep's report.html: see include/corridor/report/sweep_report.hpp. This file assembles the page
// and draws the spread of each KPI per point and the best point per KPI; the parameters, the
// sensitivity and the road ranking are in their own files (sweep_report_parts.hpp).

#include "corridor/report/sweep_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "corridor/engine/format.hpp"
#include "corridor/report/run_files.hpp"
#include "corridor/sweep/ranking.hpp"
#include "corridor/version.hpp"
#include "sweep_report_parts.hpp"
#include "table_numbers.hpp"

namespace corridor::sweep_report {

// A box plot past this many points is a smear; the rest are thinned out evenly.
constexpr std::size_t most_boxes = 40;

chart::Axis kpi_axis(const Sweep& s, std::size_t k) { return {s.header.kpis[k], s.header.units[k], {}, {}}; }

std::string point_text(const Sweep& s, const PointSummary& p) {
    std::string text = "point " + std::to_string(p.point);
    for (std::size_t i = 0; i < s.header.columns.size() && i < p.parameters.size(); ++i)
        text += (i ? ", " : ": ") + s.header.columns[i] + " = " +
                (p.parameters[i].empty() ? "(none)" : p.parameters[i]);
    return text;
}

std::string readable(double x) { return table_numbers::readable(x); }

bool same_at_every_point(const Sweep& s, std::size_t k) {
    std::optional<double> first;
    std::size_t with_value = 0;
    for (const PointSummary& p : s.points) {
        if (p.kpis[k].n == 0) continue;
        ++with_value;
        if (!first)
            first = p.kpis[k].mean;
        else if (p.kpis[k].mean != *first)
            return false;
    }
    return with_value >= 2;
}

std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '-';
    return out;
}

namespace {

std::string fact(const StoreHeader& h, const char* key) {
    auto it = h.facts.find(key);
    return it == h.facts.end() ? std::string() : it->second;
}

std::uint64_t whole_fact(const StoreHeader& h, const char* key) {
    long long value = 0;
    return read_whole(fact(h, key), value) && value > 0 ? static_cast<std::uint64_t>(value) : 0;
}

// "72h" reads as 72 with unit "h"; "most_need_first" reads as no number.
std::optional<std::pair<double, std::string>> number_with_unit(const std::string& text) {
    double value = 0;
    const char* end = read_number(text.data(), text.data() + text.size(), value);
    if (end == text.data() || !std::isfinite(value)) return std::nullopt;
    std::string unit(end, text.data() + text.size());
    if (unit.find_first_of(" ,;") != std::string::npos) return std::nullopt;
    return std::pair{value, unit};
}

std::vector<ParameterInfo> read_parameters(const StoreHeader& h, const std::vector<PointSummary>& points) {
    std::vector<ParameterInfo> out;
    nlohmann::json stated = nlohmann::json::parse(fact(h, "parameters"), nullptr, false);
    for (std::size_t i = 0; i < h.columns.size(); ++i) {
        ParameterInfo p{h.columns[i], "", true, {}, 0};
        std::set<std::string> seen;
        std::optional<std::string> unit;
        for (const PointSummary& point : points) {
            const std::string& text = i < point.parameters.size() ? point.parameters[i] : std::string();
            seen.insert(text);
            auto number = number_with_unit(text);
            if (!number || (unit && *unit != number->second)) {
                p.numeric = false;
                continue;
            }
            unit = number->second;
            p.values.push_back(number->first);
        }
        if (!p.numeric) p.values.clear();
        p.unit = unit.value_or("");
        // A range's unit as the sweep file wrote it, when the values carry none of their own.
        if (p.unit.empty() && stated.is_array() && i < stated.size() && stated[i].contains("unit") &&
            stated[i]["unit"].is_string())
            p.unit = stated[i]["unit"].get<std::string>();
        p.distinct = seen.size();
        out.push_back(std::move(p));
    }
    return out;
}

void overview(ReportPage& page, const Sweep& s) {
    std::size_t runs = 0;
    for (const PointSummary& p : s.points) runs += p.runs;
    page.section("The sweep");
    page.paragraph("Design " + s.design + ": " + count_of(s.points.size(), "point", "points") + ", " +
                   std::to_string(s.replications) +
                   (s.replications == 1 ? " replication each (" : " replications each (") +
                   std::to_string(runs) + " runs stored), seed " + std::to_string(s.seed) +
                   ". KPIs kept: " + std::to_string(s.header.kpis.size()) +
                   ". The numbers behind every chart are in runs.csv (one row a run) and summary.csv (one "
                   "row a point and KPI) beside this page.");
    std::vector<TableColumn> columns{{"Point", true}};
    for (const ParameterInfo& p : s.parameters)
        columns.push_back({p.unit.empty() ? p.path : p.path + " (" + p.unit + ")", p.numeric});
    columns.push_back({"Runs", true});
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> shown = thinned(s.points.size(), most_boxes);
    for (std::size_t i : shown) {
        const PointSummary& p = s.points[i];
        std::vector<std::string> row{std::to_string(p.point)};
        for (std::size_t c = 0; c < s.parameters.size(); ++c) {
            const ParameterInfo& info = s.parameters[c];
            row.push_back(info.numeric ? readable(info.values[i])
                                       : (p.parameters[c].empty() ? "(none)" : p.parameters[c]));
        }
        row.push_back(std::to_string(p.runs));
        rows.push_back(std::move(row));
    }
    if (s.parameters.empty()) return;
    std::string caption = "The points and their parameters";
    if (shown.size() < s.points.size())
        caption += " (" + std::to_string(shown.size()) + " of " + std::to_string(s.points.size()) +
                   ", evenly spaced: the points the box plots show)";
    page.table(columns, rows, caption + ".");
}

void distributions(ReportPage& page, const Sweep& s) {
    page.section(
        "Each KPI's spread per point",
        "One box a point: the box spans the first to the third quartile of the point's runs, the line in it "
        "is the median, the whiskers reach the smallest and largest run, the dot is the mean. A tall box is "
        "a point whose outcome depends on chance; boxes that do not overlap are points that truly differ.");
    std::vector<std::size_t> shown = thinned(s.points.size(), most_boxes);
    for (std::size_t k = 0; k < s.header.kpis.size(); ++k) {
        chart::BoxChart c;
        c.id = "spread-" + slug(s.header.kpis[k]);
        c.title = s.header.kpis[k] + " per point";
        c.value = kpi_axis(s, k);
        c.category_label = "Point";
        std::size_t without = 0;
        for (std::size_t i : shown) {
            const PointSummary& p = s.points[i];
            const KpiSpread& v = p.kpis[k];
            if (v.n == 0) {
                ++without;
                continue;
            }
            c.boxes.push_back({std::to_string(p.point), v.min, v.q1, v.median, v.q3, v.max, v.mean});
        }
        c.caption = s.header.kpis[k] + " (" + s.header.units[k] + ") over the runs of each point";
        if (shown.size() < s.points.size())
            c.caption += "; " + std::to_string(shown.size()) + " of " + std::to_string(s.points.size()) +
                         " points shown, evenly spaced by point number (all are in summary.csv)";
        if (s.replications == 1) c.caption += "; one run a point, so each box is a single value";
        if (same_at_every_point(s, k)) c.caption += "; its mean is the same at every point";
        if (without)
            c.caption += "; " + std::to_string(without) + (without == 1 ? " point has" : " points have") +
                         " no value in any run (never reached) and " + (without == 1 ? "is" : "are") +
                         " left out";
        c.caption += ".";
        page.figure(chart::box_chart(c));
    }
}

void best_points(ReportPage& page, const Sweep& s) {
    page.section("The best point per KPI",
                 "For each KPI with a better direction (less time, unmet need and waiting; more delivered "
                 "and returned), the point whose mean over its runs is best, among the points where every "
                 "run reached a value. The interval is the 95% interval of that mean; a neighbour within it "
                 "is as good, as far as these runs can tell.");
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < s.header.kpis.size(); ++k) {
        std::optional<Better> better = better_direction(s.header.kpis[k]);
        if (!better || *better == Better::neither) continue;
        const PointSummary* best = nullptr;
        for (const PointSummary& p : s.points) {
            const KpiSpread& v = p.kpis[k];
            if (v.n == 0 || static_cast<std::size_t>(v.n) < p.runs) continue;
            if (!best ||
                (*better == Better::lower ? v.mean < best->kpis[k].mean : v.mean > best->kpis[k].mean))
                best = &p;
        }
        std::string name = s.header.kpis[k] + " (" + s.header.units[k] + ")";
        std::string direction = *better == Better::lower ? "lower" : "higher";
        if (!best) {
            rows.push_back({name, direction, "none: no point reached a value in every run", "", ""});
            continue;
        }
        const KpiSpread& v = best->kpis[k];
        // Naming the first point would read as a finding; with one mean everywhere there is none.
        std::string which = same_at_every_point(s, k) ? "all points equal" : point_text(s, *best);
        std::string mean = readable(v.mean) + " " + s.header.units[k];
        std::string interval =
            v.half_width ? "\u00b1 " + readable(*v.half_width) + " " + s.header.units[k] : "one run: none";
        rows.push_back({name, direction, which, mean, interval});
    }
    if (rows.empty()) {
        page.paragraph(
            "No KPI kept has a better direction (counts such as sorties are neither), so there is no best "
            "point to name.");
        return;
    }
    page.table({{"KPI (unit)"},
                {"Better"},
                {"Best point"},
                {"Mean (KPI's unit)", true},
                {"95% interval of the mean (KPI's unit)", true}},
               rows, "The best point per KPI, by the mean of its runs.");
}

}  // namespace
}  // namespace corridor::sweep_report

namespace corridor {

std::string sweep_report_html(const RunStore& store) {
    using namespace sweep_report;
    const StoreHeader& h = store.header();
    Sweep s{h,
            fact(h, "design"),
            whole_fact(h, "seed"),
            whole_fact(h, "replications"),
            whole_fact(h, "sobol_base"),
            summarise_points(store),
            {}};
    s.parameters = read_parameters(h, s.points);
    ReportPage page("Sweep report: " + fact(h, "sweep_file"),
                    "Scenario " + fact(h, "scenario_file") + " \u00b7 design " + s.design + " \u00b7 seed " +
                        std::to_string(s.seed) + " \u00b7 corridor " + kVersion);
    overview(page, s);
    if (s.points.empty()) {
        page.paragraph("The store holds no run yet: nothing to draw.");
        return page.html();
    }
    distributions(page, s);
    parameters_against_kpis(page, s);
    sensitivity(page, s);
    road_ranking(page, s);
    best_points(page, s);
    return page.html();
}

}  // namespace corridor
