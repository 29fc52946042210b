// The comparison of two folders as text, CSV or Markdown: see
// include/corridor/report/comparison_tables.hpp.

#include <algorithm>
#include <cmath>

#include "corridor/report/comparison_tables.hpp"
#include "table_numbers.hpp"
#include "text_table.hpp"

namespace corridor {
namespace {

using namespace table_numbers;

std::string runs_per_point(const ResultFolder& folder) {
    std::size_t least = SIZE_MAX, most = 0;
    for (const ResultPoint& p : folder.points) {
        least = std::min(least, p.replications.size());
        most = std::max(most, p.replications.size());
    }
    std::string runs =
        least == most ? std::to_string(most) : std::to_string(least) + " to " + std::to_string(most);
    std::string points =
        std::to_string(folder.points.size()) + (folder.points.size() == 1 ? " point" : " points");
    return "seed " + std::to_string(folder.seed) + ", " + points + ", " + runs + " replications" +
           (folder.points.size() > 1 ? " each" : "");
}

std::string method(const Comparison& c) {
    if (c.pairing == Pairing::paired)
        return "paired (same seed " + std::to_string(c.seed_a) +
               ", common random numbers): B - A replication by replication, Student's t with n - 1 df";
    return "Welch, independent seeds (" + std::to_string(c.seed_a) + " and " + std::to_string(c.seed_b) +
           "): Welch's t with Welch-Satterthwaite df";
}

std::string holm_statement(const Comparison& c) {
    std::size_t family = 0;
    for (const PointComparison& p : c.points) family = std::max(family, p.family);
    std::string size =
        c.points.size() == 1 ? std::to_string(family) + " KPIs tested" : "the KPIs tested at each point";
    return "Holm's adjustment across the KPIs of each point (" + size +
           "); the flag: * the 95% interval excludes 0, "
           "** and also Holm-adjusted p < 0.05";
}

// Why a KPI has no interval, or an empty string when it has one.
std::string no_test_reason(const Difference& d) {
    if (d.pairing == Pairing::paired && d.n_a == 0) return "no replication with a value in both";
    if (d.n_a == 0) return "no value in A";
    if (d.n_b == 0) return "no value in B";
    if (d.exact)
        return d.pairing == Pairing::paired ? "exact: the same difference in every pair, no test"
                                            : "exact: every run the same, no test";
    if (!d.half_width)
        return std::min(d.n_a, d.n_b) < 2 ? "too few runs for an interval" : "values too large for a test";
    return "";
}

bool has_means(const Difference& d) { return d.n_a > 0 && d.n_b > 0; }

std::string flag(const KpiComparison& k) {
    const Difference& d = k.difference;
    if (!d.half_width || !k.p_holm) return "";
    bool excludes = std::abs(d.difference) > *d.half_width;
    if (!excludes) return "";
    return *k.p_holm < kSignificance ? "**" : "*";
}

std::string n_text(const Difference& d) {
    return d.pairing == Pairing::paired ? std::to_string(d.n_a)
                                        : std::to_string(d.n_a) + "/" + std::to_string(d.n_b);
}

std::string point_heading(const Comparison& c, const PointComparison& p) {
    std::string text = "point " + std::to_string(p.point);
    for (std::size_t i = 0; i < c.parameters.size(); ++i)
        text += (i == 0 ? ": " : ", ") + c.parameters[i] + " = " + p.parameters[i];
    return text;
}

// The people's table of one point (text and Markdown share it).
TextTable readable_rows(const PointComparison& p) {
    TextTable table = {{"kpi", "unit", "n", "mean A", "mean B", "B - A", "95% interval", "p", "p Holm", ""}};
    for (const KpiComparison& k : p.kpis) {
        const Difference& d = k.difference;
        std::string reason = no_test_reason(d);
        std::vector<std::string> row = {k.kpi, k.unit, n_text(d)};
        row.push_back(d.n_a > 0 ? readable(d.mean_a) : "");
        row.push_back(d.n_b > 0 ? readable(d.mean_b) : "");
        row.push_back(has_means(d) ? readable(d.difference) : "");
        if (!reason.empty()) {
            row.insert(row.end(), {"", "", "", reason});
        } else {
            row.push_back("[" + readable(d.difference - *d.half_width) + ", " +
                          readable(d.difference + *d.half_width) + "]");
            row.insert(row.end(), {p_readable(*d.p), p_readable(*k.p_holm), flag(k)});
        }
        table.push_back(std::move(row));
    }
    return table;
}

const std::vector<bool> kRight = {false, false, true, true, true, true, false, true, true, false};

std::string as_text(const Comparison& c, const ResultFolder& a, const ResultFolder& b) {
    std::string out = "B - A, KPI by KPI\n";
    out += "  A  " + a.path + "  (" + runs_per_point(a) + ")\n";
    out += "  B  " + b.path + "  (" + runs_per_point(b) + ")\n";
    out += "  " + method(c) + "\n  " + holm_statement(c) + "\n";
    for (const std::string& k : c.only_in_a) out += "  " + k + ": only in A, not compared\n";
    for (const std::string& k : c.only_in_b) out += "  " + k + ": only in B, not compared\n";
    for (const PointComparison& p : c.points) {
        out += "\n";
        if (c.points.size() > 1 || !c.parameters.empty()) out += point_heading(c, p) + "\n";
        out += aligned_table(readable_rows(p), kRight, "  ");
    }
    return out;
}

std::string as_markdown(const Comparison& c, const ResultFolder& a, const ResultFolder& b) {
    std::string out = "B - A, KPI by KPI. A: `" + a.path + "` (" + runs_per_point(a) + "); B: `" + b.path +
                      "` (" + runs_per_point(b) + ").\n\n" + "Method: " + method(c) + ". " +
                      holm_statement(c) + ".\n";
    for (const PointComparison& p : c.points) {
        out += "\n";
        if (c.points.size() > 1 || !c.parameters.empty()) out += "**" + point_heading(c, p) + "**\n\n";
        out += markdown_table(readable_rows(p), kRight);
    }
    return out;
}

std::string as_csv(const Comparison& c) {
    std::string out = "point";
    for (const std::string& name : c.parameters) out += "," + csv_cell(name);
    out += ",kpi,unit,method,n_a,n_b,mean_a,mean_b,difference,ci95_low,ci95_high,df,t,p,p_holm,status,flag\n";
    for (const PointComparison& p : c.points)
        for (const KpiComparison& k : p.kpis) {
            const Difference& d = k.difference;
            out += std::to_string(p.point);
            for (const std::string& value : p.parameters) out += "," + csv_cell(value);
            out += "," + csv_cell(k.kpi) + "," + csv_cell(k.unit) + "," +
                   (d.pairing == Pairing::paired ? "paired" : "welch") + "," + std::to_string(d.n_a) + "," +
                   std::to_string(d.n_b) + "," + (d.n_a > 0 ? exact(d.mean_a) : "") + "," +
                   (d.n_b > 0 ? exact(d.mean_b) : "") + "," + (has_means(d) ? exact(d.difference) : "") + ",";
            std::string status = !has_means(d)                ? "no_value"
                                 : d.exact                    ? "exact"
                                 : std::min(d.n_a, d.n_b) < 2 ? "too_few_runs"
                                 : !d.half_width              ? "overflow"
                                                              : "tested";
            if (status == "tested")
                out += exact(d.difference - *d.half_width) + "," + exact(d.difference + *d.half_width) + "," +
                       exact(*d.df) + "," + exact(*d.t) + "," + p_exact(*d.p) + "," + p_exact(*k.p_holm);
            else
                out += ",,,,,";
            out += "," + status + "," + flag(k) + "\n";
        }
    return out;
}

}  // namespace

std::string comparison_table(const Comparison& comparison, const ResultFolder& a, const ResultFolder& b,
                             TableFormat format) {
    switch (format) {
        case TableFormat::csv:
            return as_csv(comparison);
        case TableFormat::markdown:
            return as_markdown(comparison, a, b);
        case TableFormat::text:
            break;
    }
    return as_text(comparison, a, b);
}

}  // namespace corridor
