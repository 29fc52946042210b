// The points of one sweep ranked on each KPI, as text, CSV or Markdown: see
// include/corridor/report/comparison_tables.hpp.

#include "corridor/report/comparison_tables.hpp"
#include "table_numbers.hpp"
#include "text_table.hpp"

namespace corridor {
namespace {

using namespace table_numbers;

const char* better_text(Better b) {
    switch (b) {
        case Better::lower:
            return "lower is better";
        case Better::higher:
            return "higher is better";
        case Better::neither:
            break;
    }
    return "neither way is better: highest first";
}

const char* better_word(Better b) {
    switch (b) {
        case Better::lower:
            return "lower";
        case Better::higher:
            return "higher";
        case Better::neither:
            break;
    }
    return "neither";
}

TextTable readable_rows(const KpiRanking& ranking, const ResultFolder& folder) {
    TextTable table = {{"rank", "point"}};
    table[0].insert(table[0].end(), folder.parameters.begin(), folder.parameters.end());
    table[0].insert(table[0].end(), {"n", "mean", "95% interval"});
    for (std::size_t r = 0; r < ranking.points.size(); ++r) {
        const RankedPoint& p = ranking.points[r];
        std::vector<std::string> row = {p.n > 0 ? std::to_string(r + 1) : "-", std::to_string(p.point)};
        const std::vector<std::string>& values = folder.points[p.point].parameters;
        row.insert(row.end(), values.begin(), values.end());
        row.push_back(std::to_string(p.n));
        row.push_back(p.n > 0 ? readable(p.mean) : "no value");
        row.push_back(p.half_width ? "[" + readable(p.mean - *p.half_width) + ", " +
                                         readable(p.mean + *p.half_width) + "]"
                                   : "");
        table.push_back(std::move(row));
    }
    return table;
}

std::vector<bool> right_columns(const ResultFolder& folder) {
    std::vector<bool> right = {true, true};
    right.insert(right.end(), folder.parameters.size(), false);
    right.insert(right.end(), {true, true, false});
    return right;
}

std::string heading(const KpiRanking& ranking) {
    return ranking.kpi + " (" + (ranking.unit.empty() ? "" : ranking.unit + "; ") +
           better_text(ranking.better) + ")";
}

std::string as_csv(const std::vector<KpiRanking>& rankings, const ResultFolder& folder) {
    std::string out = "kpi,unit,better,rank,point";
    for (const std::string& name : folder.parameters) out += "," + csv_cell(name);
    out += ",n,mean,ci95_low,ci95_high\n";
    for (const KpiRanking& ranking : rankings)
        for (std::size_t r = 0; r < ranking.points.size(); ++r) {
            const RankedPoint& p = ranking.points[r];
            out += csv_cell(ranking.kpi) + "," + csv_cell(ranking.unit) + "," + better_word(ranking.better) +
                   "," + (p.n > 0 ? std::to_string(r + 1) : "") + "," + std::to_string(p.point);
            for (const std::string& value : folder.points[p.point].parameters) out += "," + csv_cell(value);
            out += "," + std::to_string(p.n) + "," + (p.n > 0 ? exact(p.mean) : "") + ",";
            out += p.half_width ? exact(p.mean - *p.half_width) + "," + exact(p.mean + *p.half_width) : ",";
            out += "\n";
        }
    return out;
}

}  // namespace

std::string ranking_table(const std::vector<KpiRanking>& rankings, const ResultFolder& folder,
                          TableFormat format) {
    if (format == TableFormat::csv) return as_csv(rankings, folder);
    std::string points =
        std::to_string(folder.points.size()) + (folder.points.size() == 1 ? " point" : " points");
    std::string out =
        format == TableFormat::markdown
            ? "The " + points + " of " + folder.path +
                  " ranked on each KPI, best first (mean and 95% "
                  "interval of the mean over the replications, Student's t).\n"
            : "the " + points + " of " + folder.path + " (seed " + std::to_string(folder.seed) +
                  ") ranked on each KPI, best first; mean and 95% interval over the replications\n";
    for (const KpiRanking& ranking : rankings) {
        out += "\n";
        if (format == TableFormat::markdown) {
            out += "**" + heading(ranking) + "**\n\n" +
                   markdown_table(readable_rows(ranking, folder), right_columns(folder));
        } else {
            out += heading(ranking) + "\n" +
                   aligned_table(readable_rows(ranking, folder), right_columns(folder), "  ");
        }
    }
    return out;
}

}  // namespace corridor
