// replications.csv, summary.csv and the summary table: see
// include/corridor/report/replication_files.hpp.

#include "corridor/report/replication_files.hpp"

#include <cmath>
#include <cstdio>

#include "corridor/engine/format.hpp"

namespace corridor {
namespace {

// For the terminal: as many decimals as the size of the number calls for.
std::string readable(double x) {
    double size = std::abs(x);
    return format_fixed(x, size >= 1000 ? 0 : size >= 10 ? 1 : 3);
}

}  // namespace

std::string csv_number(double x) {
    std::string text = format_fixed(x, 6);
    if (text.find('.') == std::string::npos) return text;
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string replications_csv(const std::vector<std::vector<Kpi>>& records) {
    std::string out = "replication";
    if (!records.empty())
        for (const Kpi& k : records.front()) out += "," + std::string(k.name);
    out += "\n";
    for (std::size_t r = 0; r < records.size(); ++r) {
        out += std::to_string(r);
        for (const Kpi& k : records[r]) out += "," + (k.value ? csv_number(*k.value) : std::string());
        out += "\n";
    }
    return out;
}

std::string summary_csv(const std::vector<KpiSummary>& summary) {
    std::string out = "kpi,unit,n,mean,sd,ci95_half_width,min,median,p95,max\n";
    for (const KpiSummary& s : summary) {
        out += std::string(s.name) + "," + std::string(s.unit) + "," + std::to_string(s.n);
        if (s.n == 0) {
            out += ",,,,,,,\n";
            continue;
        }
        out += "," + csv_number(s.mean) + "," + csv_number(s.sd) + "," + (s.half_width ? csv_number(*s.half_width) : "") + "," +
               csv_number(s.min) + "," + csv_number(s.median) + "," + csv_number(s.p95) + "," + csv_number(s.max) + "\n";
    }
    return out;
}

std::string summary_table(const std::vector<KpiSummary>& summary, std::size_t replications) {
    std::string out = "over " + std::to_string(replications) + " replications (mean +- 95% half-width):\n";
    char line[200];
    for (const KpiSummary& s : summary) {
        if (s.n == 0) {
            std::snprintf(line, sizeof line, "  %-32s no value in any replication\n", std::string(s.name).c_str());
        } else {
            std::string value = readable(s.mean) + (s.half_width ? " +- " + readable(*s.half_width) : "");
            std::string reached =
                s.n < static_cast<std::int64_t>(replications)
                    ? "  (in " + std::to_string(s.n) + " of " + std::to_string(replications) + ")"
                    : "";
            std::snprintf(line, sizeof line, "  %-32s %s %s%s\n", std::string(s.name).c_str(), value.c_str(),
                          std::string(s.unit).c_str(), reached.c_str());
        }
        out += line;
    }
    return out;
}

}  // namespace corridor
