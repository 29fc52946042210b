// Reading a results folder back: see include/corridor/sweep/result_folder.hpp. The files are
// corridor's own, but a planner may have edited, truncated or mixed them up: every check below
// names the file, line and column, and nothing is assumed about a cell before it is checked.

#include "corridor/sweep/result_folder.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/engine/format.hpp"
#include "csv_table.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;

Error error_at(const std::string& file, int line, int column, const std::string& message) {
    return Error{format(Diagnostic{Severity::error, file, line, column, message})};
}

Error error_in(const std::string& file, const std::string& message) { return error_at(file, 0, 0, message); }

std::optional<std::string> read_whole_file(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The manifest's byte offset of a parse error as a line and column.
std::pair<int, int> position_of(const std::string& text, std::size_t byte) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n')
            ++line, column = 1;
        else
            ++column;
    }
    return {line, column};
}

struct Manifest {
    std::uint64_t seed = 0;
    bool sweep = false;
    std::vector<std::string> parameters;
};

Result<Manifest> read_manifest(const std::string& file) {
    std::optional<std::string> text = read_whole_file(file);
    if (!text) return error_in(file, "missing: the folder is not a corridor results folder");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::parse_error& e) {
        auto [line, column] = position_of(*text, e.byte > 0 ? e.byte - 1 : 0);
        return error_at(file, line, column, "not valid JSON");
    }
    if (!json.is_object()) return error_in(file, "not a JSON object");
    Manifest m;
    auto seed = json.find("seed");
    if (seed == json.end() || !seed->is_number_unsigned())
        return error_in(file,
                        "no \"seed\" (a whole number from 0 up): the seed tells whether runs can be paired");
    m.seed = seed->get<std::uint64_t>();
    auto kind = json.find("kind");
    m.sweep = kind != json.end() && kind->is_string() && kind->get<std::string>() == "sweep";
    if (!m.sweep) return m;
    auto parameters = json.find("parameters");
    if (parameters == json.end() || !parameters->is_array())
        return error_in(file, "a sweep's manifest has no \"parameters\" list");
    for (const nlohmann::json& p : *parameters) {
        auto path = p.is_object() ? p.find("path") : p.end();
        if (!p.is_object() || path == p.end() || !path->is_string())
            return error_in(file, "each of \"parameters\" needs a \"path\" (text)");
        m.parameters.push_back(path->get<std::string>());
    }
    return m;
}

// No KPI of a run comes near this (the largest, fuel in litres, is about 1e6 for the reference
// theatre); beyond it a value is a damaged file, and sums of squares of it could overflow.
constexpr double kLargestKpi = 1e12;

// The value of a KPI cell: none when empty, else a finite number and nothing else.
Result<std::optional<double>> kpi_value(const std::string& file, int line, const CsvCell& cell,
                                        const std::string& kpi) {
    if (cell.text.empty()) return std::optional<double>{};
    double value = 0;
    const char* end = cell.text.data() + cell.text.size();
    if (read_number(cell.text.data(), end, value) != end || !std::isfinite(value))
        return error_at(file, line, cell.column, "'" + cell.text + "' is not a number (KPI '" + kpi + "')");
    if (std::abs(value) > kLargestKpi)
        return error_at(
            file, line, cell.column,
            "'" + cell.text + "' is out of range for a KPI (at most 1e12 in size; KPI '" + kpi + "')");
    return std::optional<double>{value};
}

Result<std::uint32_t> run_number(const std::string& file, int line, const CsvCell& cell, const char* what) {
    long long n = 0;
    if (!read_whole(cell.text, n) || n < 0 || n > 4294967295LL)
        return error_at(file, line, cell.column,
                        std::string(what) + " must be a whole number from 0 up, not '" + cell.text + "'");
    return static_cast<std::uint32_t>(n);
}

// runs.csv (`point,replication,<parameters>,<kpis>`) or replications.csv (`replication,<kpis>`).
Result<ResultFolder> read_runs(const std::string& file, const Manifest& manifest) {
    std::optional<std::string> text = read_whole_file(file);
    if (!text) return error_in(file, "missing");
    auto rows = parse_csv(file, *text);
    if (!rows) return Error{rows.error()};
    if (rows.value().empty()) return error_in(file, "empty: no header and no runs");
    const CsvRow& header = rows.value().front();
    ResultFolder folder;
    folder.seed = manifest.seed;
    folder.sweep = manifest.sweep;
    folder.parameters = manifest.parameters;
    std::vector<std::string> leading = manifest.sweep ? std::vector<std::string>{"point", "replication"}
                                                      : std::vector<std::string>{"replication"};
    leading.insert(leading.end(), manifest.parameters.begin(), manifest.parameters.end());
    for (std::size_t c = 0; c < leading.size(); ++c)
        if (c >= header.cells.size() || header.cells[c].text != leading[c])
            return error_at(file, 1, c < header.cells.size() ? header.cells[c].column : 1,
                            "the header's column " + std::to_string(c + 1) + " must be '" + leading[c] + "'" +
                                (c >= 2 ? " (a parameter of manifest.json)" : ""));
    std::set<std::string> seen;
    for (std::size_t c = leading.size(); c < header.cells.size(); ++c) {
        const CsvCell& cell = header.cells[c];
        if (cell.text.empty() || !seen.insert(cell.text).second)
            return error_at(file, 1, cell.column,
                            cell.text.empty() ? "a KPI column with no name"
                                              : "KPI '" + cell.text + "' twice in the header");
        folder.kpis.push_back(cell.text);
    }
    if (folder.kpis.empty()) return error_at(file, 1, 1, "no KPI columns after '" + leading.back() + "'");
    std::size_t first_kpi = leading.size();
    for (std::size_t r = 1; r < rows.value().size(); ++r) {
        const CsvRow& row = rows.value()[r];
        if (row.cells.size() != header.cells.size())
            return error_at(file, row.line, 1,
                            "this row has " + std::to_string(row.cells.size()) + " cells, the header " +
                                std::to_string(header.cells.size()));
        std::uint32_t point = 0;
        if (manifest.sweep) {
            auto n = run_number(file, row.line, row.cells[0], "point");
            if (!n) return Error{n.error()};
            point = n.value();
            std::size_t expected = folder.points.size();
            bool same = expected > 0 && point == expected - 1, next = point == expected;
            if (!same && !next)
                return error_at(
                    file, row.line, row.cells[0].column,
                    "point " + std::to_string(point) +
                        " out of order: runs are in point order from 0, "
                        "so this row must be point " +
                        (expected == 0 ? std::string("0")
                                       : std::to_string(expected - 1) + " or " + std::to_string(expected)));
        }
        if (point == folder.points.size()) {
            ResultPoint p;
            for (std::size_t c = manifest.sweep ? 2 : 1; c < first_kpi; ++c)
                p.parameters.push_back(row.cells[c].text);
            folder.points.push_back(std::move(p));
        }
        ResultPoint& p = folder.points[point];
        for (std::size_t c = manifest.sweep ? 2 : 1, i = 0; c < first_kpi; ++c, ++i)
            if (row.cells[c].text != p.parameters[i])
                return error_at(file, row.line, row.cells[c].column,
                                "parameter '" + folder.parameters[i] + "' of point " + std::to_string(point) +
                                    " is '" + row.cells[c].text + "' here but '" + p.parameters[i] +
                                    "' in the point's first run");
        const CsvCell& replication_cell = row.cells[manifest.sweep ? 1 : 0];
        auto replication = run_number(file, row.line, replication_cell, "replication");
        if (!replication) return Error{replication.error()};
        if (!p.replications.empty() && replication.value() <= p.replications.back())
            return error_at(file, row.line, replication_cell.column,
                            "replication " + std::to_string(replication.value()) +
                                " repeated or out of order (runs are in replication order)");
        p.replications.push_back(replication.value());
        std::vector<std::optional<double>> values;
        for (std::size_t c = first_kpi; c < row.cells.size(); ++c) {
            auto value = kpi_value(file, row.line, row.cells[c], folder.kpis[c - first_kpi]);
            if (!value) return Error{value.error()};
            values.push_back(value.value());
        }
        p.values.push_back(std::move(values));
    }
    if (folder.points.empty()) return error_in(file, "no runs: a header and nothing under it");
    return folder;
}

// Units from summary.csv's `kpi` and `unit` columns, when the file is there (it is optional: the
// comparison needs only the runs).
Result<std::vector<std::string>> read_units(const std::string& file, const std::vector<std::string>& kpis) {
    std::vector<std::string> units(kpis.size());
    std::optional<std::string> text = read_whole_file(file);
    if (!text) return units;
    auto rows = parse_csv(file, *text);
    if (!rows) return Error{rows.error()};
    if (rows.value().empty()) return units;
    const std::vector<CsvCell>& header = rows.value().front().cells;
    std::size_t kpi_column = header.size(), unit_column = header.size();
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c].text == "kpi") kpi_column = c;
        if (header[c].text == "unit") unit_column = c;
    }
    if (kpi_column == header.size() || unit_column == header.size())
        return error_at(file, 1, 1, "the header has no 'kpi' and 'unit' columns");
    for (std::size_t r = 1; r < rows.value().size(); ++r) {
        const CsvRow& row = rows.value()[r];
        if (row.cells.size() != header.size())
            return error_at(file, row.line, 1,
                            "this row has " + std::to_string(row.cells.size()) + " cells, the header " +
                                std::to_string(header.size()));
        for (std::size_t k = 0; k < kpis.size(); ++k)
            if (kpis[k] == row.cells[kpi_column].text) units[k] = row.cells[unit_column].text;
    }
    return units;
}

}  // namespace

Result<ResultFolder> read_result_folder(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return error_in(path, "no such folder");
    if (!fs::is_directory(path, ec))
        return error_in(path, "not a folder (give the folder a run or sweep wrote)");
    fs::path dir(path);
    auto manifest = read_manifest((dir / "manifest.json").string());
    if (!manifest) return Error{manifest.error()};
    std::string runs = (dir / (manifest.value().sweep ? "runs.csv" : "replications.csv")).string();
    if (!manifest.value().sweep && !fs::exists(runs, ec))
        return error_in(path,
                        fs::exists(dir / "kpis.json", ec)
                            ? "a run without replications (no replications.csv): one run has no interval; "
                              "run the scenario with --replications N (N >= 2) or sweep it"
                            : "no replications.csv: not the folder of a run with replications or of a sweep");
    auto folder = read_runs(runs, manifest.value());
    if (!folder) return folder;
    auto units = read_units((dir / "summary.csv").string(), folder.value().kpis);
    if (!units) return Error{units.error()};
    folder.value().units = std::move(units.value());
    folder.value().path = path;
    return folder;
}

}  // namespace corridor
