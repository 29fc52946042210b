// Two CSV tables, as a planner would type them from a map: nodes.csv (id, name, kind, lat, lon)
// and edges.csv (from, to, length_km or length_m, road_class, speed_kph, lanes, capacity_vph,
// weight_limit_t, oneway, name). Columns are found by their header names, in any order;
// docs/network.md lists them with their defaults. Files saved by a spreadsheet (a byte-order mark,
// CRLF line ends) read as they are; rows are read one at a time, so memory follows the network,
// not the text.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "corridor/engine/format.hpp"
#include "corridor/engine/suggest.hpp"
#include "corridor/network/input_limits.hpp"
#include "corridor/network/load.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

using input_limits::kMaxCsvColumns;
using input_limits::kMaxErrorsPerFile;

struct Row {
    int line = 0;
    std::vector<CsvField> fields;
};

// One CSV file: its header, then its rows one at a time.
class CsvTable {
  public:
    // Reads the file and checks its header; false when the table cannot be used (the reasons are
    // in `diagnostics`).
    bool open(const std::string& path, const std::vector<std::string>& known,
              const std::vector<std::string>& required, Diagnostics& diagnostics);
    // The next data row; false at the end, or once the file has given kMaxErrorsPerFile errors.
    bool next(Row& row, Diagnostics& diagnostics);
    bool has_column(const std::string& name) const { return column_of_.count(name) > 0; }
    // The field of `row` in column `name`; null when the column or the value is missing.
    const CsvField* field(const Row& row, const std::string& name) const {
        auto it = column_of_.find(name);
        if (it == column_of_.end() || it->second >= row.fields.size()) return nullptr;
        const CsvField& f = row.fields[it->second];
        return f.text.empty() ? nullptr : &f;
    }
    const std::string& path() const { return path_; }

  private:
    bool check_header(const std::vector<CsvField>& header, const std::vector<std::string>& known,
                      const std::vector<std::string>& required, Diagnostics& diagnostics);

    std::string path_;
    std::string text_;
    LineCursor lines_{""};
    std::map<std::string, std::size_t> column_of_;
    std::size_t errors_before_ = 0;
};

// A comment or blank line carries no row.
bool is_blank_or_comment(std::string_view line) {
    return line.empty() || line[0] == '#' || line.find_first_not_of(" \t") == std::string_view::npos;
}

bool CsvTable::open(const std::string& path, const std::vector<std::string>& known,
                    const std::vector<std::string>& required, Diagnostics& diagnostics) {
    path_ = path;
    errors_before_ = diagnostics.error_count();
    auto text = read_text_file(path, input_limits::kMaxCsvFileBytes);
    if (!text) {
        diagnostics.error(path, 0, 0, text.error());
        return false;
    }
    text_ = std::move(text.value());
    lines_ = LineCursor(text_);
    std::string_view line;
    while (lines_.next(line)) {
        if (is_blank_or_comment(line)) continue;
        auto header = split_csv_line(line, kMaxCsvColumns);
        if (!header) {
            diagnostics.error(path, lines_.number(), 0, header.error());
            return false;
        }
        return check_header(header.value(), known, required, diagnostics);
    }
    diagnostics.error(path, 0, 0, "the file is empty: it needs a header line");
    return false;
}

bool CsvTable::check_header(const std::vector<CsvField>& header, const std::vector<std::string>& known,
                            const std::vector<std::string>& required, Diagnostics& diagnostics) {
    const int line = lines_.number();
    // A spreadsheet set to a language with decimal commas saves with ';' (or tabs): one column
    // whose name holds the separators. Say so once instead of calling the header unknown.
    if (header.size() == 1) {
        const std::string& only = header[0].text;
        for (auto [separator, name] : {std::pair{';', "';'"}, std::pair{'\t', "tabs"}}) {
            if (only.find(separator) == std::string::npos) continue;
            diagnostics.error(path_, line, 1,
                              "the header '" + excerpt(only) + "' looks separated by " + name +
                                  "; corridor reads ',' (save as \"CSV UTF-8 (comma delimited)\")");
            return false;
        }
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        const CsvField& f = header[i];
        if (std::find(known.begin(), known.end(), f.text) == known.end()) {
            std::string message = "unknown column '" + excerpt(f.text) + "'";
            // A hint is at most 3 edits away: a long name has none, and its edit distance is slow.
            if (f.text.size() <= 64)
                if (auto hint = closest_match(f.text, known)) message += "; did you mean '" + *hint + "'?";
            diagnostics.error(path_, line, f.column, message);
        } else if (!column_of_.emplace(f.text, i).second) {
            diagnostics.error(path_, line, f.column, "column '" + f.text + "' appears twice");
        }
    }
    for (const std::string& name : required)
        if (!column_of_.count(name))
            diagnostics.error(path_, line, 1, "the header has no '" + name + "' column");
    return diagnostics.error_count() == errors_before_;
}

bool CsvTable::next(Row& row, Diagnostics& diagnostics) {
    std::string_view line;
    while (true) {
        if (diagnostics.error_count() - errors_before_ >= kMaxErrorsPerFile) {
            diagnostics.note(path_, lines_.number(), 0,
                             "stopped reading after " + std::to_string(kMaxErrorsPerFile) + " errors");
            return false;
        }
        if (!lines_.next(line)) return false;
        if (is_blank_or_comment(line)) continue;
        auto fields = split_csv_line(line, kMaxCsvColumns);
        if (!fields) {
            diagnostics.error(path_, lines_.number(), 0, fields.error());
            continue;
        }
        row.line = lines_.number();
        row.fields = std::move(fields.value());
        return true;
    }
}

// Reads column `column` of `row` into `value` if it is given; false (with an error) if it is not
// a finite number. from_chars, unlike strtod, takes no hexadecimal and ignores the locale.
bool parse_number(const CsvTable& table, const Row& row, const std::string& column, double& value,
                  Diagnostics& diagnostics) {
    const CsvField* f = table.field(row, column);
    if (!f) return true;  // keep the default
    double parsed = 0;
    const char* first = f->text.data();
    const char* last = first + f->text.size();
    if (first != last && *first == '+') ++first;
    auto [end, error] = std::from_chars(first, last, parsed);
    std::string problem;
    if (error == std::errc::result_out_of_range)
        problem = "is out of range";
    else if (error != std::errc() || end != last)
        problem = "is not a number";
    else if (!std::isfinite(parsed))
        problem = "must be a finite number";
    if (!problem.empty()) {
        diagnostics.error(table.path(), row.line, f->column,
                          column + " '" + excerpt(f->text) + "' " + problem);
        return false;
    }
    value = parsed;
    return true;
}

// Latitude or longitude of a node: within the globe, or an error at its column.
void check_degrees(const CsvTable& nodes, const Row& row, const std::string& column, double value,
                   double limit, Diagnostics& diagnostics) {
    if (std::isnan(value) || std::abs(value) <= limit) return;
    diagnostics.error(nodes.path(), row.line, nodes.field(row, column)->column,
                      column + " " + format_number(value) + " is outside -" + format_number(limit) + ".." +
                          format_number(limit) + " degrees");
}

void read_nodes(CsvTable& nodes, RoadNetworkBuilder& builder, Diagnostics& diagnostics) {
    Row row;
    while (nodes.next(row, diagnostics)) {
        const CsvField* id = nodes.field(row, "id");
        if (!id) {
            diagnostics.error(nodes.path(), row.line, 1, "the node has no id");
            continue;
        }
        if (builder.find(id->text)) {
            diagnostics.error(nodes.path(), row.line, id->column,
                              "duplicate node id '" + excerpt(id->text) + "'");
            continue;
        }
        if (builder.node_count() >= static_cast<std::size_t>(input_limits::kMaxNodes)) {
            diagnostics.error(nodes.path(), row.line, 1,
                              "more than " + std::to_string(input_limits::kMaxNodes) +
                                  " nodes; corridor reads at most that many");
            return;
        }
        NodeInfo node;
        node.id = id->text;
        if (const CsvField* name = nodes.field(row, "name")) node.name = name->text;
        if (const CsvField* kind = nodes.field(row, "kind")) {
            if (auto parsed = parse_node_kind(kind->text))
                node.kind = parsed.value();
            else
                diagnostics.error(nodes.path(), row.line, kind->column, parsed.error());
        }
        bool lat_ok = parse_number(nodes, row, "lat", node.lat, diagnostics);
        bool lon_ok = parse_number(nodes, row, "lon", node.lon, diagnostics);
        check_degrees(nodes, row, "lat", node.lat, 90, diagnostics);
        check_degrees(nodes, row, "lon", node.lon, 180, diagnostics);
        if (lat_ok && lon_ok && std::isnan(node.lat) != std::isnan(node.lon))
            diagnostics.error(nodes.path(), row.line, 1,
                              "the node has a lat without a lon, or a lon without a lat");
        builder.add_node(std::move(node));
    }
}

// The node a road starts or ends at, by the id in column `end`.
std::optional<NodeIndex> road_end(const CsvTable& edges, const Row& row, const char* end,
                                  const std::string& nodes_csv, const RoadNetworkBuilder& builder,
                                  Diagnostics& diagnostics) {
    const CsvField* f = edges.field(row, end);
    if (!f) {
        diagnostics.error(edges.path(), row.line, 1, std::string("the road has no '") + end + "' node");
        return std::nullopt;
    }
    auto index = builder.find(f->text);
    if (!index)
        diagnostics.error(edges.path(), row.line, f->column,
                          "unknown node '" + excerpt(f->text) + "' (not in " + nodes_csv + ")");
    return index;
}

void read_roads(CsvTable& edges, const std::string& nodes_csv, const LoadOptions& options,
                RoadNetworkBuilder& builder, Diagnostics& diagnostics) {
    const std::string& edges_csv = edges.path();
    Row row;
    while (edges.next(row, diagnostics)) {
        auto from = road_end(edges, row, "from", nodes_csv, builder, diagnostics);
        auto to = road_end(edges, row, "to", nodes_csv, builder, diagnostics);
        bool ok = from && to;
        RoadAttributes road;
        road.road_class = RoadClass::unclassified;
        if (const CsvField* f = edges.field(row, "road_class")) {
            if (auto parsed = parse_road_class(f->text)) {
                road.road_class = parsed.value();
            } else {
                diagnostics.error(edges_csv, row.line, f->column, parsed.error());
                ok = false;
            }
        }
        double length_km = NAN, length_m = NAN, lanes = 1, weight_limit = kNoWeightLimit;
        road.speed_kph = default_speed_kph(road.road_class);
        ok &= parse_number(edges, row, "length_km", length_km, diagnostics);
        ok &= parse_number(edges, row, "length_m", length_m, diagnostics);
        ok &= parse_number(edges, row, "speed_kph", road.speed_kph, diagnostics);
        ok &= parse_number(edges, row, "lanes", lanes, diagnostics);
        ok &= parse_number(edges, row, "capacity_vph", road.capacity_vph, diagnostics);
        ok &= parse_number(edges, row, "weight_limit_t", weight_limit, diagnostics);
        ok &= parse_number(edges, row, "axle_load_limit_t", road.axle_load_limit_t, diagnostics);
        ok &= parse_number(edges, row, "height_limit_m", road.height_limit_m, diagnostics);
        ok &= parse_number(edges, row, "width_limit_m", road.width_limit_m, diagnostics);
        if (const CsvField* f = edges.field(row, "hgv"); f && !f->text.empty()) {
            if (auto parsed = parse_hgv_access(f->text)) {
                road.hgv = parsed.value();
            } else {
                diagnostics.error(edges_csv, row.line, f->column, parsed.error());
                ok = false;
            }
        }
        if (!ok) continue;
        road.length_m = !std::isnan(length_m) ? length_m : length_km * 1000.0;
        if (std::isnan(road.length_m)) {
            diagnostics.error(edges_csv, row.line, 1, "the road has no length");
            continue;
        }
        // Checked before the conversion to int, which a value such as 1e300 would make undefined.
        if (lanes < 1 || lanes > input_limits::kMaxLanes || lanes != std::floor(lanes)) {
            diagnostics.error(
                edges_csv, row.line, edges.field(row, "lanes")->column,
                "lanes must be a whole number from 1 to " + std::to_string(input_limits::kMaxLanes));
            continue;
        }
        road.lanes = static_cast<int>(lanes);
        road.weight_limit_t = weight_limit;
        if (const CsvField* f = edges.field(row, "name")) road.name = f->text;
        bool one_way = false;
        if (const CsvField* f = edges.field(row, "oneway")) {
            if (f->text == "yes" || f->text == "true" || f->text == "1") {
                one_way = true;
            } else if (!(f->text == "no" || f->text == "false" || f->text == "0")) {
                diagnostics.error(edges_csv, row.line, f->column,
                                  "oneway '" + excerpt(f->text) + "' must be yes or no");
                continue;
            }
        }
        if (std::string why = check_road(road); !why.empty()) {
            diagnostics.error(edges_csv, row.line, 1, why);
            continue;
        }
        if (*from == *to) {
            diagnostics.error(edges_csv, row.line, 1, "the road goes from a node to itself");
            continue;
        }
        if (builder.arc_count() + 2 > static_cast<std::size_t>(input_limits::kMaxArcs)) {
            diagnostics.error(edges_csv, row.line, 1,
                              "more than " + std::to_string(input_limits::kMaxArcs) +
                                  " arcs; corridor reads at most that many");
            return;
        }
        builder.add_road(*from, *to, road, one_way && !options.undirected);
    }
}

}  // namespace

LoadedNetwork load_csv_network(const std::string& nodes_csv, const std::string& edges_csv,
                               const LoadOptions& options) {
    LoadedNetwork loaded;
    Diagnostics& diagnostics = loaded.diagnostics;
    CsvTable nodes, edges;
    bool nodes_ok = nodes.open(nodes_csv, {"id", "name", "kind", "lat", "lon"}, {"id"}, diagnostics);
    bool edges_ok = edges.open(edges_csv,
                               {"from", "to", "length_km", "length_m", "road_class", "speed_kph", "lanes",
                                "capacity_vph", "weight_limit_t", "axle_load_limit_t", "height_limit_m", "width_limit_m",
                                "hgv", "oneway", "name"},
                               {"from", "to"}, diagnostics);
    if (!nodes_ok || !edges_ok) return loaded;
    if (!edges.has_column("length_km") && !edges.has_column("length_m"))
        diagnostics.error(edges_csv, 1, 1, "the header needs a 'length_km' or 'length_m' column");
    if (diagnostics.has_errors()) return loaded;

    RoadNetworkBuilder builder;
    read_nodes(nodes, builder, diagnostics);
    read_roads(edges, nodes_csv, options, builder, diagnostics);
    if (diagnostics.has_errors()) return loaded;
    loaded.network = std::move(builder).build();
    check_connectivity(*loaded.network, edges_csv, diagnostics);
    return loaded;
}

}  // namespace corridor
