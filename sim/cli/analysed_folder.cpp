// Reading a sweep folder's manifest.json and runs.csv: see analysed_folder.hpp and the sweep contract
// in docs/user-guide.md ("The sweep folder").

#include "analysed_folder.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "corridor/engine/format.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr std::uint64_t kMostPoints = 1'000'000;
// Larger than any manifest corridor writes, small enough to read whole.
constexpr std::uintmax_t kManifestLimit = 1u << 24;

std::optional<std::string> read_text(const fs::path& file, std::uintmax_t limit) {
    std::error_code error;
    if (!fs::is_regular_file(file, error) || fs::file_size(file, error) > limit) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The line of the first `"key":` in the manifest's text, for a message about its value (the JSON
// reader keeps no positions; the keys a sweep writes are unique where they matter).
int line_of_key(const std::string& text, const std::string& key) {
    std::size_t at = text.find("\"" + key + "\"");
    if (at == std::string::npos) return 0;
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::optional<std::uint64_t> whole_number(const Json& value) {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0) return value.get<std::uint64_t>();
    return std::nullopt;
}

}  // namespace

std::optional<SweepFolder> read_sweep_manifest(const std::string& dir, Diagnostics& diagnostics) {
    const std::string file = (fs::path(dir) / "manifest.json").string();
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
        diagnostics.error(dir, 0, 0,
                          std::string(fs::exists(dir, error) ? "not a folder" : "no such folder") +
                              ": give the folder `corridor sweep --out` wrote");
        return std::nullopt;
    }
    std::optional<std::string> text = read_text(file, kManifestLimit);
    if (!text) {
        diagnostics.error(file, 0, 0,
                          "cannot read the manifest: this is not a sweep folder (`corridor sweep` writes "
                          "manifest.json, runs.csv and summary.csv)");
        return std::nullopt;
    }
    Json manifest;
    try {
        manifest = Json::parse(*text);
    } catch (const Json::parse_error& e) {
        // Line and column of the byte where reading stopped.
        std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text->size());
        int line = 1 + static_cast<int>(
                           std::count(text->begin(), text->begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        std::size_t start = text->rfind('\n', at == 0 ? 0 : at - 1);
        int column = static_cast<int>(at - (start == std::string::npos || at == 0 ? 0 : start + 1)) + 1;
        diagnostics.error(file, line, column,
                          "not valid JSON: the manifest is damaged (run the sweep again)");
        return std::nullopt;
    }
    auto fail = [&](const std::string& key, const std::string& message) {
        diagnostics.error(file, line_of_key(*text, key), 0, message);
        return std::nullopt;
    };
    if (!manifest.is_object())
        return fail("", "the manifest is not a JSON object: this is not a sweep folder");
    if (!manifest.contains("kind")) {
        if (manifest.contains("corridor_version") || manifest.contains("scenario_file"))
            return fail(
                "",
                "this is the folder of a run (`corridor run`, design 'single'): one point, nothing to "
                "attribute; corridor analyse reads sweeps of design lhs, random or sobol");
        return fail("", "the manifest has no \"kind\": this is not a sweep folder");
    }
    if (manifest["kind"] != "sweep")
        return fail("kind", "the manifest's \"kind\" is " + manifest["kind"].dump() +
                                ", not \"sweep\": this is "
                                "not a sweep folder");

    SweepFolder folder;
    const Json& design = manifest.value("design", Json());
    if (!design.is_string()) return fail("design", "the manifest has no \"design\" text");
    folder.design = design.get<std::string>();
    static const std::set<std::string> kOtherDesigns = {"grid", "each_road_closed", "single"};
    if (kOtherDesigns.count(folder.design))
        return fail("design", "corridor analyse reads designs lhs, random and sobol, not '" + folder.design +
                                  "' (compare the points of a '" + folder.design +
                                  "' sweep with `corridor compare DIR`)");
    if (folder.design != "lhs" && folder.design != "random" && folder.design != "sobol")
        return fail("design",
                    "unknown design '" + folder.design + "' (corridor analyse reads lhs, random and sobol)");

    auto whole = [&](const char* key, std::uint64_t& value) {
        std::optional<std::uint64_t> number =
            manifest.contains(key) ? whole_number(manifest[key]) : std::nullopt;
        if (!number) {
            diagnostics.error(
                file, line_of_key(*text, key), 0,
                std::string("the manifest's \"") + key + "\" must be a whole number of 0 or more");
            return false;
        }
        value = *number;
        return true;
    };
    std::uint64_t points = 0, base = 0;
    if (!whole("seed", folder.seed) || !whole("points", points)) return std::nullopt;
    // A million points is days of runs of the reference theatre; the cap keeps a damaged manifest
    // from asking for more memory than the machine has.
    if (points == 0 || points > kMostPoints)
        return fail("points", "the manifest's \"points\" must be from 1 to " + std::to_string(kMostPoints) +
                                  ", not " + manifest["points"].dump());
    folder.points = static_cast<std::size_t>(points);

    const Json& parameters = manifest.value("parameters", Json());
    if (!parameters.is_array()) return fail("parameters", "the manifest has no \"parameters\" list");
    std::set<std::string> seen;
    for (const Json& p : parameters) {
        if (!p.is_object() || !p.contains("path") || !p["path"].is_string() ||
            p["path"].get<std::string>().empty())
            return fail("parameters", "each of the manifest's \"parameters\" needs a \"path\" text");
        std::string path = p["path"].get<std::string>();
        std::string kind =
            p.value("kind", Json("number")).is_string() ? p.value("kind", std::string("number")) : "";
        if (kind != "number" && kind != "text")
            return fail("parameters", "parameter '" + path + "' has kind " + p.value("kind", Json()).dump() +
                                          "; the kinds are \"number\" and \"text\"");
        if (!seen.insert(path).second) return fail("parameters", "parameter '" + path + "' is listed twice");
        std::string unit = p.contains("unit") && p["unit"].is_string() ? p["unit"].get<std::string>() : "";
        folder.parameters.push_back({path, kind == "text", unit});
    }
    if (folder.parameters.empty())
        return fail("parameters", "the sweep varies no parameter: nothing to attribute");

    const Json& kpis = manifest.value("kpis", Json());
    if (!kpis.is_array() || kpis.empty()) return fail("kpis", "the manifest has no \"kpis\" list");
    for (const Json& k : kpis) {
        if (!k.is_string() || k.get<std::string>().empty())
            return fail("kpis", "each of the manifest's \"kpis\" is a name");
        if (seen.count(k.get<std::string>()))
            return fail("kpis", "'" + k.get<std::string>() + "' is both a KPI and a parameter");
        folder.kpis.push_back(k.get<std::string>());
    }

    if (folder.design == "sobol") {
        if (!whole("sobol_base", base)) return std::nullopt;
        const std::size_t k = folder.parameters.size();
        if (base < 2 || base > folder.points || base * (k + 2) != folder.points)
            return fail("sobol_base", "a sobol design of base N = " + std::to_string(base) + " and " +
                                          std::to_string(k) + " parameters has N x (k + 2) = " +
                                          std::to_string(base * (k + 2)) + " points, but the manifest says " +
                                          std::to_string(folder.points) + " (and N must be 2 or more)");
        folder.sobol_base = static_cast<std::size_t>(base);
    }
    return folder;
}

namespace {

// One field of a CSV line, and the column (1-based) where it starts. Quotes as RFC 4180 writes
// them ("a,b" and "" for a quote), though corridor writes none.
struct Field {
    std::string text;
    int column = 1;
};

std::optional<std::vector<Field>> split_csv(const std::string& line) {
    std::vector<Field> fields;
    std::size_t i = 0;
    while (true) {
        Field field{"", static_cast<int>(i) + 1};
        if (i < line.size() && line[i] == '"') {
            for (++i;; ++i) {
                if (i >= line.size()) return std::nullopt;  // a quote never closed
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field.text += '"';
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.text += line[i];
            }
            if (i < line.size() && line[i] != ',') return std::nullopt;
        } else {
            std::size_t comma = line.find(',', i);
            field.text = line.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
            i = comma == std::string::npos ? line.size() : comma;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return fields;
        ++i;  // the comma
    }
}

bool read_finite(const std::string& text, double& value) {
    const char* end = read_number(text.data(), text.data() + text.size(), value);
    return !text.empty() && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

bool read_sweep_runs(const std::string& dir, SweepFolder& folder, Diagnostics& diagnostics) {
    const std::string file = (fs::path(dir) / "runs.csv").string();
    std::ifstream in(file, std::ios::binary);
    std::error_code error;
    if (!in || !fs::is_regular_file(file, error)) {
        diagnostics.error(file, 0, 0,
                          "cannot read runs.csv: the sweep folder is incomplete (run the sweep again)");
        return false;
    }
    std::string line;
    int line_number = 1;
    auto next_line = [&] {
        if (!std::getline(in, line)) return false;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    };
    if (!next_line()) {
        diagnostics.error(file, 1, 0, "runs.csv is empty: it has not even its header");
        return false;
    }
    std::optional<std::vector<Field>> header = split_csv(line);
    // Where each column of the manifest is: point, replication, parameters, KPIs.
    std::map<std::string, std::size_t> column_of;
    if (!header) {
        diagnostics.error(file, 1, 0, "a quoted field of the header is not closed");
        return false;
    }
    for (std::size_t c = 0; c < header->size(); ++c)
        if (!column_of.emplace((*header)[c].text, c).second) {
            diagnostics.error(file, 1, (*header)[c].column,
                              "column '" + (*header)[c].text + "' appears twice");
            return false;
        }
    std::vector<std::string> wanted = {"point", "replication"};
    for (const SweepParameter& p : folder.parameters) wanted.push_back(p.path);
    for (const std::string& k : folder.kpis) wanted.push_back(k);
    std::vector<std::size_t> at;
    for (const std::string& name : wanted) {
        auto found = column_of.find(name);
        if (found == column_of.end()) {
            diagnostics.error(file, 1, 0,
                              "the header has no column '" + name + "', which the manifest lists");
            return false;
        }
        at.push_back(found->second);
    }

    const std::size_t n_parameters = folder.parameters.size(), n_kpis = folder.kpis.size();
    folder.has_runs.assign(folder.points, false);
    folder.values.assign(folder.points, std::vector<std::string>(n_parameters));
    folder.numbers.assign(folder.points, std::vector<double>(n_parameters, std::nan("")));
    std::vector<std::vector<double>> sums(folder.points, std::vector<double>(n_kpis, 0.0));
    std::vector<std::vector<std::size_t>> counts(folder.points, std::vector<std::size_t>(n_kpis, 0));
    std::set<std::pair<long long, long long>> runs_seen;
    auto fail = [&](int column, const std::string& message) {
        diagnostics.error(file, line_number, column, message);
        return false;
    };
    while (next_line()) {
        ++line_number;
        if (line.empty()) continue;
        std::optional<std::vector<Field>> fields = split_csv(line);
        if (!fields) return fail(0, "a quoted field is not closed");
        if (fields->size() != header->size())
            return fail(0, "this run has " + std::to_string(fields->size()) + " fields, the header " +
                               std::to_string(header->size()));
        const Field& point_field = (*fields)[at[0]];
        const Field& replication_field = (*fields)[at[1]];
        long long point = -1, replication = -1;
        if (!read_whole(point_field.text, point) || point < 0 ||
            point >= static_cast<long long>(folder.points))
            return fail(point_field.column, "point must be a whole number from 0 to " +
                                                std::to_string(folder.points - 1) +
                                                " (the manifest's points), not '" + point_field.text + "'");
        if (!read_whole(replication_field.text, replication) || replication < 0)
            return fail(replication_field.column, "replication must be a whole number of 0 or more, not '" +
                                                      replication_field.text + "'");
        if (!runs_seen.emplace(point, replication).second)
            return fail(point_field.column, "point " + point_field.text + ", replication " +
                                                replication_field.text + " appears twice");
        const std::size_t p = static_cast<std::size_t>(point);
        for (std::size_t i = 0; i < n_parameters; ++i) {
            const Field& cell = (*fields)[at[2 + i]];
            double value = 0;
            // (A range's values carry its unit: 36.5h reads as 36.5.)
            const std::string& unit = folder.parameters[i].unit;
            std::string number = cell.text;
            if (!unit.empty() && number.size() > unit.size() &&
                number.compare(number.size() - unit.size(), unit.size(), unit) == 0)
                number.resize(number.size() - unit.size());
            if (!folder.parameters[i].text && !read_finite(number, value))
                return fail(cell.column, "parameter '" + folder.parameters[i].path +
                                             "' must be a number, not '" + cell.text + "'");
            if (folder.has_runs[p] && cell.text != folder.values[p][i])
                return fail(cell.column, "parameter '" + folder.parameters[i].path + "' is '" + cell.text +
                                             "' here but '" + folder.values[p][i] +
                                             "' in another run of point " + point_field.text);
            folder.values[p][i] = cell.text;
            if (!folder.parameters[i].text) folder.numbers[p][i] = value;
        }
        folder.has_runs[p] = true;
        for (std::size_t k = 0; k < n_kpis; ++k) {
            const Field& cell = (*fields)[at[2 + n_parameters + k]];
            if (cell.text.empty()) continue;  // not reached in this run
            double value = 0;
            if (!read_finite(cell.text, value))
                return fail(cell.column, "KPI '" + folder.kpis[k] + "' must be a number or empty, not '" +
                                             cell.text + "'");
            sums[p][k] += value;
            ++counts[p][k];
        }
    }
    if (in.bad()) return fail(0, "cannot read further");
    folder.kpi_means.assign(folder.points, std::vector<std::optional<double>>(n_kpis));
    for (std::size_t p = 0; p < folder.points; ++p)
        for (std::size_t k = 0; k < n_kpis; ++k)
            if (counts[p][k] > 0) folder.kpi_means[p][k] = sums[p][k] / static_cast<double>(counts[p][k]);
    return true;
}

}  // namespace corridor::cli
