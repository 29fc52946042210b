// DIMACS shortest-path format (9th DIMACS Implementation Challenge): `c` comments, one
// `p sp N M` line, then `a U V W` arcs with 1-based node ids; W is read as a length in metres.
// An optional `.co` file beside the `.gr` gives `v ID X Y` coordinates in millionths of a degree
// (X longitude, Y latitude). Arcs of cost 0 are kept (the challenge graphs join coincident points
// with them); negative costs are errors. DIMACS gives no speeds: every arc gets the speed of an unclassified
// road, so that times follow distances (docs/network.md).

#include <charconv>
#include <filesystem>

#include "corridor/network/load.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

// Reads the next whitespace-separated token of `line` from `pos`.
std::string_view token(std::string_view line, std::size_t& pos, int& column) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    std::size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') ++pos;
    column = static_cast<int>(start) + 1;
    return line.substr(start, pos - start);
}

template <class Int>
bool parse_int(std::string_view text, Int& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

void read_coordinates(const std::string& co_path, RoadNetworkBuilder& builder, Diagnostics& diagnostics) {
    auto text = read_text_file(co_path);
    if (!text) {
        diagnostics.error(co_path, 0, 0, text.error());
        return;
    }
    LineCursor lines(text.value());
    std::string_view line;
    while (lines.next(line)) {
        if (line.empty() || line[0] != 'v') continue;
        std::size_t pos = 1;
        int column = 0;
        long long id = 0, x = 0, y = 0;
        std::string_view id_text = token(line, pos, column);
        int id_column = column;
        std::string_view x_text = token(line, pos, column);
        std::string_view y_text = token(line, pos, column);
        if (!parse_int(id_text, id) || !parse_int(x_text, x) || !parse_int(y_text, y)) {
            diagnostics.error(co_path, lines.number(), id_column, "expected 'v ID X Y' with whole numbers");
            continue;
        }
        if (id < 1 || static_cast<std::size_t>(id) > builder.node_count()) {
            diagnostics.error(co_path, lines.number(), id_column,
                              "unknown node " + std::to_string(id) + " (the graph has nodes 1 to " +
                                  std::to_string(builder.node_count()) + ")");
            continue;
        }
        NodeInfo& node = builder.node(static_cast<NodeIndex>(id - 1));
        node.lon = static_cast<double>(x) / 1e6;
        node.lat = static_cast<double>(y) / 1e6;
    }
}

}  // namespace

LoadedNetwork load_dimacs_network(const std::string& path, const LoadOptions& options) {
    LoadedNetwork loaded;
    Diagnostics& diagnostics = loaded.diagnostics;
    auto text = read_text_file(path);
    if (!text) {
        diagnostics.error(path, 0, 0, text.error());
        return loaded;
    }
    RoadNetworkBuilder builder;
    LineCursor lines(text.value());
    std::string_view line;
    long long declared_nodes = -1, declared_arcs = -1, arcs_read = 0, self_loops = 0, zero_cost = 0;
    const double speed_kph = default_speed_kph(RoadClass::unclassified);
    const std::size_t kMaxErrors = 50;
    while (lines.next(line) && diagnostics.error_count() < kMaxErrors) {
        if (line.empty() || line[0] == 'c') continue;
        std::size_t pos = 0;
        int column = 0;
        std::string_view kind = token(line, pos, column);
        if (kind == "p") {
            int first_column = column;
            std::string_view format = token(line, pos, column);
            std::string_view n_text = token(line, pos, column);
            int n_column = column;
            std::string_view m_text = token(line, pos, column);
            if (declared_nodes >= 0) {
                diagnostics.error(path, lines.number(), first_column,
                                  "a second 'p' line; a DIMACS file has one");
            } else if (format != "sp" || !parse_int(n_text, declared_nodes) ||
                       !parse_int(m_text, declared_arcs) || declared_nodes < 1 || declared_arcs < 0) {
                diagnostics.error(path, lines.number(), format != "sp" ? first_column : n_column,
                                  "wrong header: expected 'p sp NODES ARCS' with positive counts, found '" +
                                      std::string(line) + "'");
                declared_nodes = -1;
                break;
            } else {
                for (long long v = 1; v <= declared_nodes; ++v)
                    builder.add_node(NodeInfo{std::to_string(v), "", NodeKind::junction});
            }
        } else if (kind == "a") {
            if (declared_nodes < 0) {
                diagnostics.error(path, lines.number(), column, "an arc before the 'p sp NODES ARCS' line");
                break;
            }
            long long from = 0, to = 0, cost = 0;
            std::string_view fields[3];
            int columns[3];
            for (int f = 0; f < 3; ++f) {
                fields[f] = token(line, pos, column);
                columns[f] = column;
            }
            bool ok = true;
            long long* values[3] = {&from, &to, &cost};
            const char* names[3] = {"tail node", "head node", "cost"};
            for (int f = 0; f < 3 && ok; ++f) {
                if (fields[f].empty()) {
                    diagnostics.error(path, lines.number(), columns[f],
                                      std::string("the arc has no ") + names[f] +
                                          " (expected 'a TAIL HEAD COST')" +
                                          (lines.last_line_ended() ? "" : "; the file looks truncated"));
                    ok = false;
                } else if (!parse_int(fields[f], *values[f])) {
                    diagnostics.error(path, lines.number(), columns[f],
                                      std::string("the ") + names[f] + " '" + std::string(fields[f]) +
                                          "' is not a whole number");
                    ok = false;
                }
            }
            if (!ok) continue;
            for (int f = 0; f < 2; ++f) {
                if (*values[f] < 1 || *values[f] > declared_nodes) {
                    diagnostics.error(path, lines.number(), columns[f],
                                      "unknown node " + std::to_string(*values[f]) +
                                          " (the header declares nodes 1 to " +
                                          std::to_string(declared_nodes) + ")");
                    ok = false;
                }
            }
            if (!ok) continue;
            if (from == to) {
                // A loop from a node to itself never shortens a route (DE.gr has some, of cost 0).
                ++self_loops;
                ++arcs_read;
                continue;
            }
            RoadAttributes road;
            road.length_m = static_cast<double>(cost);
            road.speed_kph = speed_kph;
            road.road_class = RoadClass::unclassified;
            zero_cost += cost == 0;
            if (std::string why = check_road(road, true); !why.empty()) {
                diagnostics.error(path, lines.number(), columns[2], why);
                continue;
            }
            builder.add_road(static_cast<NodeIndex>(from - 1), static_cast<NodeIndex>(to - 1), road,
                             !options.undirected);
            ++arcs_read;
        } else {
            diagnostics.error(
                path, lines.number(), column,
                "unknown line type '" + std::string(kind) + "' (a DIMACS line starts with c, p or a)");
        }
    }
    if (!diagnostics.has_errors()) {
        if (declared_nodes < 0)
            diagnostics.error(path, 0, 0, "no 'p sp NODES ARCS' header: is this a DIMACS .gr file?");
        else if (arcs_read != declared_arcs)
            diagnostics.error(path, lines.number(), 0,
                              "the header declares " + std::to_string(declared_arcs) +
                                  " arcs but the file has " + std::to_string(arcs_read) +
                                  (arcs_read < declared_arcs ? " (truncated?)" : ""));
    }
    std::filesystem::path co_path = std::filesystem::path(path).replace_extension(".co");
    if (!diagnostics.has_errors() && std::filesystem::exists(co_path))
        read_coordinates(co_path.string(), builder, diagnostics);
    if (diagnostics.has_errors()) return loaded;
    if (self_loops > 0)
        diagnostics.note(path, 0, 0, "skipped " + std::to_string(self_loops) + " arcs from a node to itself");
    if (zero_cost > 0)
        diagnostics.note(path, 0, 0,
                         std::to_string(zero_cost) + " arcs have cost 0 (coincident points); kept");
    loaded.network = std::move(builder).build();
    check_connectivity(*loaded.network, path, diagnostics);
    return loaded;
}

}  // namespace corridor
