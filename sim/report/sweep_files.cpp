// A sweep's exported files: see include/corridor/report/sweep_files.hpp.

#include "corridor/report/sweep_files.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "corridor/engine/format.hpp"
#include "corridor/report/publish.hpp"
#include "corridor/report/replication_files.hpp"
#include "corridor/report/streamed_file.hpp"
#include "corridor/report/sweep_report.hpp"
#include "corridor/sweep/ranking.hpp"
#include "corridor/version.hpp"

namespace corridor {
namespace {

using Json = nlohmann::ordered_json;

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string header_line(const StoreHeader& h, bool per_run) {
    std::string out = per_run ? "point,replication" : "point";
    for (const std::string& c : h.columns) out += "," + csv_field(c);
    if (per_run)
        for (const std::string& k : h.kpis) out += "," + k;
    return out;
}

// Calls `each` with every point's runs, in order.
void for_each_point(const RunStore& store, const std::function<void(const std::vector<RunRow>&)>& each) {
    std::vector<RunRow> point;
    store.for_each([&](const RunRow& row) {
        if (!point.empty() && point.front().point != row.point) {
            each(point);
            point.clear();
        }
        point.push_back(row);
    });
    if (!point.empty()) each(point);
}

// What the point's runs say of each KPI.
std::vector<KpiSummary> summarise_point(const StoreHeader& h, const std::vector<RunRow>& runs) {
    std::vector<std::vector<Kpi>> records;
    for (const RunRow& run : runs) {
        std::vector<Kpi> record;
        for (std::size_t k = 0; k < h.kpis.size(); ++k)
            record.push_back({h.kpis[k], h.units[k], run.kpis[k]});
        records.push_back(std::move(record));
    }
    return summarise(records);
}

// (Row by row into the file: a sweep of a million runs needs no copy of its table in memory.)
void write_runs_csv(const RunStore& store, StreamedFile& out) {
    const StoreHeader& h = store.header();
    out.append(header_line(h, true) + "\n");
    std::string line;
    store.for_each([&](const RunRow& row) {
        line = std::to_string(row.point) + "," + std::to_string(row.replication);
        for (const std::string& p : row.parameters) line += "," + csv_field(p);
        for (const std::optional<double>& k : row.kpis) line += "," + (k ? csv_number(*k) : std::string());
        out.append(line + "\n");
    });
}

void write_summary_csv(const RunStore& store, StreamedFile& out) {
    const StoreHeader& h = store.header();
    out.append(header_line(h, false) + ",kpi,unit,n,mean,sd,ci95_half_width,min,median,p95,max\n");
    for_each_point(store, [&](const std::vector<RunRow>& runs) {
        std::string point = std::to_string(runs.front().point);
        for (const std::string& p : runs.front().parameters) point += "," + csv_field(p);
        for (const KpiSummary& s : summarise_point(h, runs)) {
            std::string line =
                point + "," + std::string(s.name) + "," + std::string(s.unit) + "," + std::to_string(s.n);
            if (s.n == 0) {
                out.append(line + ",,,,,,,\n");
                continue;
            }
            out.append(line + "," + csv_number(s.mean) + "," + csv_number(s.sd) + "," +
                       (s.half_width ? csv_number(*s.half_width) : "") + "," + csv_number(s.min) + "," +
                       csv_number(s.median) + "," + csv_number(s.p95) + "," + csv_number(s.max) + "\n");
        }
    });
}

std::string manifest_json(const RunStore& store, const std::string& command,
                          const std::vector<std::pair<std::string, std::string>>& checksummed) {
    const StoreHeader& h = store.header();
    const auto& f = h.facts;
    auto fact = [&](const char* key) { return f.count(key) ? f.at(key) : std::string(); };
    Json out;
    out["corridor"] = kVersion;
    out["kind"] = fact("shard").empty() ? "sweep" : "sweep shard";
    out["sweep"] = fact("sweep_file");
    out["sweep_hash"] = "fnv1a64:" + fact("sweep_hash");
    out["scenario"] = fact("scenario_file");
    out["scenario_hash"] = "fnv1a64:" + fact("scenario_hash");
    out["design"] = fact("design");
    out["seed"] = std::stoull(fact("seed"));
    out["replications"] = std::stoull(fact("replications"));
    out["points"] = std::stoull(fact("points"));
    if (!fact("sobol_base").empty()) out["sobol_base"] = std::stoull(fact("sobol_base"));
    if (!fact("shard").empty()) out["shard"] = fact("shard");
    out["parameters"] = Json::parse(fact("parameters"));
    out["kpis"] = h.kpis;
    out["command"] = command;
    Json names = Json::array({kManifestName});
    Json checksums = Json::object();
    for (const auto& [name, checksum] : checksummed) {
        names.push_back(name);
        if (!checksum.empty()) checksums[name] = checksum;
    }
    out["files"] = names;
    out["checksums"] = checksums;
    return out.dump(2) + "\n";
}

}  // namespace

Result<bool> export_sweep(const std::string& dir, const RunStore& store, const std::string& command) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, std::string>> files = {
        {"runs.sqlite", ""}};  // (no checksum: it grows)
    for (auto [name, write] :
         {std::pair{"runs.csv", &write_runs_csv}, std::pair{"summary.csv", &write_summary_csv}}) {
        StreamedFile file((fs::path(dir) / name).string());
        write(store, file);
        auto checksum = file.commit();
        if (!checksum) return Error{checksum.error()};
        files.emplace_back(name, checksum.value());
    }
    // The report reads the store once more, a point at a time; it holds a summary per point, not
    // the runs.
    StreamedFile report((fs::path(dir) / "report.html").string());
    report.append(sweep_report_html(store));
    auto checksum = report.commit();
    if (!checksum) return Error{checksum.error()};
    files.emplace_back("report.html", checksum.value());
    return replace_file((fs::path(dir) / kManifestName).string(), manifest_json(store, command, files));
}

Result<bool> write_shard_manifest(const std::string& dir, const RunStore& store, const std::string& command) {
    namespace fs = std::filesystem;
    return replace_file((fs::path(dir) / kManifestName).string(),
                        manifest_json(store, command, {{"runs.sqlite", ""}}));
}

std::string sweep_table(const RunStore& store, std::size_t most_points) {
    const StoreHeader& h = store.header();
    std::string out;
    std::size_t shown = 0, points = 0;
    for_each_point(store, [&](const std::vector<RunRow>& runs) {
        ++points;
        if (shown >= most_points) return;
        ++shown;
        out += "  point " + std::to_string(runs.front().point);
        for (std::size_t c = 0; c < h.columns.size(); ++c)
            out += "  " + h.columns[c] + " = " + runs.front().parameters[c];
        out += "\n";
        for (const KpiSummary& s : summarise_point(h, runs)) {
            char line[200];
            if (s.n == 0)
                std::snprintf(line, sizeof line, "    %-32s no value\n", std::string(s.name).c_str());
            else
                std::snprintf(line, sizeof line, "    %-32s %s%s %s\n", std::string(s.name).c_str(),
                              format_fixed(s.mean, std::abs(s.mean) >= 1000 ? 0
                                                   : std::abs(s.mean) >= 10 ? 1
                                                                            : 3)
                                  .c_str(),
                              s.half_width ? (" +- " + format_fixed(*s.half_width,
                                                                    std::abs(*s.half_width) >= 10 ? 1 : 3))
                                                 .c_str()
                                           : "",
                              std::string(s.unit).c_str());
            out += line;
        }
    });
    if (points > shown)
        out += "  ... and " + std::to_string(points - shown) +
               " more points: see summary.csv, or `corridor compare` to rank them\n";
    return out;
}

std::string road_closure_table(const RunStore& store, std::size_t most_roads) {
    const StoreHeader& h = store.header();
    struct Road {
        std::string name;
        KpiSummary summary;
        std::size_t runs = 0;
    };
    std::vector<std::vector<Road>> per_kpi(h.kpis.size());
    for_each_point(store, [&](const std::vector<RunRow>& runs) {
        std::vector<KpiSummary> summary = summarise_point(h, runs);
        for (std::size_t k = 0; k < summary.size(); ++k)
            per_kpi[k].push_back(
                {runs.front().parameters.empty() ? "" : runs.front().parameters[0], summary[k], runs.size()});
    });
    std::string out;
    for (std::size_t k = 0; k < h.kpis.size(); ++k) {
        std::optional<Better> better = better_direction(h.kpis[k]);
        std::vector<Road>& roads = per_kpi[k];
        if (!better || *better == Better::neither || roads.size() < 2 || roads.front().name != "") continue;
        const Road base = roads.front();
        // How much worse than the base each closure leaves the KPI; a value lost in more runs
        // (a closure never reached) is worse than any number.
        auto lost = [](const Road& r) { return r.runs - static_cast<std::size_t>(r.summary.n); };
        auto worse = [&](const Road& r) {
            double change = r.summary.n ? r.summary.mean - (base.summary.n ? base.summary.mean : 0) : 0;
            return *better == Better::lower ? change : -change;
        };
        std::vector<Road> ranked(roads.begin() + 1, roads.end());
        std::stable_sort(ranked.begin(), ranked.end(), [&](const Road& a, const Road& b) {
            if (lost(a) != lost(b)) return lost(a) > lost(b);
            return worse(a) > worse(b);
        });
        out += "  " + h.kpis[k] + " (" + h.units[k] + "): the closures that hurt most, against " +
               (base.summary.n ? format_fixed(base.summary.mean, 1) : std::string("no value")) +
               " with every road open\n";
        for (std::size_t i = 0; i < ranked.size() && i < most_roads; ++i) {
            const Road& r = ranked[i];
            std::string what =
                lost(r) == r.runs ? "no value in any run"
                : lost(r) > 0
                    ? "no value in " + std::to_string(lost(r)) + " of " + std::to_string(r.runs) + " runs"
                    : (worse(r) >= 0 ? "+" : "") + format_fixed(r.summary.mean - base.summary.mean, 1);
            out += "    " + std::to_string(i + 1) + ". " + r.name + "  " + what + "\n";
        }
    }
    return out;
}

}  // namespace corridor
