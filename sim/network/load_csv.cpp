// Two CSV tables, as a planner would type them from a map: nodes.csv (id, name, kind, lat, lon)
// and edges.csv (from, to, length_km or length_m, road_class, speed_kph, lanes, capacity_vph,
// weight_limit_t, oneway, name). Columns are found by their header names, in any order;
// docs/network.md lists them with their defaults.

#include <algorithm>
#include <cmath>
#include <map>

#include "corridor/engine/suggest.hpp"
#include "corridor/network/load.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

struct Table {
    std::string path;
    std::vector<std::string> header;
    std::map<std::string, std::size_t> column_of;
    struct Row {
        int line;
        std::vector<CsvField> fields;
    };
    std::vector<Row> rows;

    const CsvField* field(const Row& row, const std::string& name) const {
        auto it = column_of.find(name);
        if (it == column_of.end() || it->second >= row.fields.size()) return nullptr;
        const CsvField& f = row.fields[it->second];
        return f.text.empty() ? nullptr : &f;
    }
};

bool read_table(const std::string& path, const std::vector<std::string>& known,
                const std::vector<std::string>& required, Table& table, Diagnostics& diagnostics) {
    table.path = path;
    auto text = read_text_file(path);
    if (!text) {
        diagnostics.error(path, 0, 0, text.error());
        return false;
    }
    LineCursor lines(text.value());
    std::string_view line;
    bool header_seen = false;
    while (lines.next(line)) {
        if (line.empty() || line[0] == '#') continue;
        auto fields = split_csv_line(line);
        if (!fields) {
            diagnostics.error(path, lines.number(), 0, fields.error());
            continue;
        }
        if (!header_seen) {
            header_seen = true;
            for (std::size_t i = 0; i < fields.value().size(); ++i) {
                const CsvField& f = fields.value()[i];
                if (std::find(known.begin(), known.end(), f.text) == known.end()) {
                    std::string message = "unknown column '" + f.text + "'";
                    if (auto hint = closest_match(f.text, known))
                        message += "; did you mean '" + *hint + "'?";
                    diagnostics.error(path, lines.number(), f.column, message);
                } else if (!table.column_of.emplace(f.text, i).second) {
                    diagnostics.error(path, lines.number(), f.column,
                                      "column '" + f.text + "' appears twice");
                }
            }
            for (const std::string& name : required)
                if (!table.column_of.count(name))
                    diagnostics.error(path, lines.number(), 1, "the header has no '" + name + "' column");
            continue;
        }
        table.rows.push_back({lines.number(), std::move(fields.value())});
    }
    if (!header_seen) diagnostics.error(path, 0, 0, "the file is empty: it needs a header line");
    return !diagnostics.has_errors();
}

bool parse_number(const Table& table, const Table::Row& row, const std::string& column, double& value,
                  Diagnostics& diagnostics) {
    const CsvField* f = table.field(row, column);
    if (!f) return true;  // keep the default
    char* end = nullptr;
    value = std::strtod(f->text.c_str(), &end);
    if (end == f->text.c_str() || *end != '\0' || !std::isfinite(value)) {
        diagnostics.error(table.path, row.line, f->column, column + " '" + f->text + "' is not a number");
        return false;
    }
    return true;
}

}  // namespace

LoadedNetwork load_csv_network(const std::string& nodes_csv, const std::string& edges_csv,
                               const LoadOptions& options) {
    LoadedNetwork loaded;
    Diagnostics& diagnostics = loaded.diagnostics;
    Table nodes, edges;
    bool nodes_ok = read_table(nodes_csv, {"id", "name", "kind", "lat", "lon"}, {"id"}, nodes, diagnostics);
    bool edges_ok = read_table(edges_csv,
                               {"from", "to", "length_km", "length_m", "road_class", "speed_kph", "lanes",
                                "capacity_vph", "weight_limit_t", "oneway", "name"},
                               {"from", "to"}, edges, diagnostics);
    if (!nodes_ok || !edges_ok) return loaded;
    if (!edges.column_of.count("length_km") && !edges.column_of.count("length_m"))
        diagnostics.error(edges_csv, 1, 1, "the header needs a 'length_km' or 'length_m' column");
    if (diagnostics.has_errors()) return loaded;

    RoadNetworkBuilder builder;
    for (const Table::Row& row : nodes.rows) {
        const CsvField* id = nodes.field(row, "id");
        if (!id) {
            diagnostics.error(nodes_csv, row.line, 1, "the node has no id");
            continue;
        }
        if (builder.find(id->text)) {
            diagnostics.error(nodes_csv, row.line, id->column, "duplicate node id '" + id->text + "'");
            continue;
        }
        NodeInfo node;
        node.id = id->text;
        if (const CsvField* name = nodes.field(row, "name")) node.name = name->text;
        if (const CsvField* kind = nodes.field(row, "kind")) {
            if (auto parsed = parse_node_kind(kind->text))
                node.kind = parsed.value();
            else
                diagnostics.error(nodes_csv, row.line, kind->column, parsed.error());
        }
        parse_number(nodes, row, "lat", node.lat, diagnostics);
        parse_number(nodes, row, "lon", node.lon, diagnostics);
        if (node.has_coordinates() && (std::abs(node.lat) > 90 || std::abs(node.lon) > 180))
            diagnostics.error(nodes_csv, row.line, nodes.field(row, "lat")->column,
                              "coordinates " + std::to_string(node.lat) + ", " + std::to_string(node.lon) +
                                  " are outside -90..90, -180..180");
        builder.add_node(std::move(node));
    }

    for (const Table::Row& row : edges.rows) {
        NodeIndex ends[2] = {0, 0};
        bool ok = true;
        const char* end_names[2] = {"from", "to"};
        for (int e = 0; e < 2; ++e) {
            const CsvField* f = edges.field(row, end_names[e]);
            if (!f) {
                diagnostics.error(edges_csv, row.line, 1,
                                  std::string("the road has no '") + end_names[e] + "' node");
                ok = false;
                continue;
            }
            auto index = builder.find(f->text);
            if (!index) {
                diagnostics.error(edges_csv, row.line, f->column,
                                  "unknown node '" + f->text + "' (not in " + nodes_csv + ")");
                ok = false;
                continue;
            }
            ends[e] = *index;
        }
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
        if (!ok) continue;
        road.length_m = !std::isnan(length_m) ? length_m : length_km * 1000.0;
        if (std::isnan(road.length_m)) {
            diagnostics.error(edges_csv, row.line, 1, "the road has no length");
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
                                  "oneway '" + f->text + "' must be yes or no");
                continue;
            }
        }
        if (std::string why = check_road(road); !why.empty()) {
            diagnostics.error(edges_csv, row.line, 1, why);
            continue;
        }
        if (lanes < 1 || lanes > 16 || lanes != std::floor(lanes)) {
            diagnostics.error(edges_csv, row.line, edges.field(row, "lanes")->column,
                              "lanes must be a whole number from 1 to 16");
            continue;
        }
        if (ends[0] == ends[1]) {
            diagnostics.error(edges_csv, row.line, 1, "the road goes from a node to itself");
            continue;
        }
        builder.add_road(ends[0], ends[1], road, one_way && !options.undirected);
    }
    if (diagnostics.has_errors()) return loaded;
    loaded.network = std::move(builder).build();
    check_connectivity(*loaded.network, edges_csv, diagnostics);
    return loaded;
}

}  // namespace corridor
