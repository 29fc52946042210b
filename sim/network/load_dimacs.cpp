// DIMACS shortest-path format (9th DIMACS Implementation Challenge): `c` comments, one
// `p sp N M` line, then `a U V W` arcs with 1-based node ids; W is read as a length in metres.
// An optional `.co` file beside the `.gr` gives `v ID X Y` coordinates in millionths of a degree
// (X longitude, Y latitude). Arcs of cost 0 are kept (the challenge graphs join coincident points
// with them); negative costs are errors. DIMACS gives no speeds: every arc gets the speed of an unclassified
// road, so that times follow distances (docs/network.md).

#include <charconv>
#include <filesystem>
#include <optional>

#include "corridor/network/input_limits.hpp"
#include "corridor/network/load.hpp"
#include "dimacs_coordinates.hpp"
#include "mapped_file.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

// Reads the next whitespace-separated token of `line` from `pos`.
std::string_view token(std::string_view line, std::size_t& pos, int& column) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    std::size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') ++pos;
    column = column_number(start);
    return line.substr(start, pos - start);
}

// What is wrong with a whole number, or an empty string; `what` names it ("the cost '12x'").
std::string whole_number_problem(std::string_view text, long long& value, const std::string& what) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) return what + " is out of range";
    if (error != std::errc() || end != text.data() + text.size()) return what + " is not a whole number";
    return {};
}

// Millionths of a degree as exact decimal degrees: 91500000 -> "91.5".
std::string format_millionths(long long millionths) {
    // The magnitude as unsigned: the most negative long long has no positive counterpart.
    unsigned long long magnitude = millionths < 0 ? 0ull - static_cast<unsigned long long>(millionths)
                                                  : static_cast<unsigned long long>(millionths);
    std::string fraction = std::to_string(magnitude % 1'000'000);
    fraction.insert(0, 6 - fraction.size(), '0');
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    return (millionths < 0 ? "-" : "") + std::to_string(magnitude / 1'000'000) +
           (fraction.empty() ? "" : "." + fraction);
}

// An arc line 'a TAIL HEAD COST' of plain digits, both nodes declared and the cost a valid
// length; anything else is left to the careful reading that words the message.
struct PlainArc {
    long long from, to, cost;
};
std::optional<PlainArc> read_plain_arc(std::string_view line, long long declared_nodes) {
    const char* p = line.data() + 1;
    const char* end = line.data() + line.size();
    long long values[3];
    for (long long& value : values) {
        if (p == end || (*p != ' ' && *p != '\t')) return std::nullopt;
        while (p != end && (*p == ' ' || *p == '\t')) ++p;
        const char* start = p;
        value = 0;
        // Ten digits at most: no overflow, and larger numbers are errors left to the slow path.
        while (p != end && *p >= '0' && *p <= '9' && p - start < 10) value = value * 10 + (*p++ - '0');
        if (p == start || (p != end && *p >= '0' && *p <= '9')) return std::nullopt;
    }
    while (p != end && (*p == ' ' || *p == '\t')) ++p;
    if (p != end) return std::nullopt;
    auto [from, to, cost] = values;
    if (from < 1 || from > declared_nodes || to < 1 || to > declared_nodes || cost > 2'000'000)
        return std::nullopt;
    return PlainArc{from, to, cost};
}

std::string quoted(std::string_view text) { return "'" + excerpt(text) + "'"; }

void read_coordinates(const std::string& co_path, RoadNetworkBuilder& builder, Diagnostics& diagnostics) {
    using namespace input_limits;
    auto text = read_text_file(co_path, kMaxNetworkFileBytes);
    if (!text) {
        diagnostics.error(co_path, 0, 0, text.error());
        return;
    }
    const std::size_t errors_before = diagnostics.error_count();
    LineCursor lines(text.value());
    std::string_view line;
    while (lines.next(line)) {
        if (diagnostics.error_count() - errors_before >= kMaxErrorsPerFile) {
            diagnostics.note(co_path, lines.number(), 0,
                             "stopped reading after " + std::to_string(kMaxErrorsPerFile) + " errors");
            return;
        }
        if (line.empty() || line[0] != 'v') continue;
        std::size_t pos = 1;
        int column = 0;
        long long values[3] = {0, 0, 0};  // id, X (longitude), Y (latitude) in millionths of a degree
        const char* names[3] = {"node id", "X", "Y"};
        std::string problem;
        int id_column = 0, problem_column = 0;
        for (int f = 0; f < 3 && problem.empty(); ++f) {
            std::string_view field = token(line, pos, column);
            if (f == 0) id_column = column;
            problem_column = column;
            if (field.empty())
                problem =
                    std::string("expected 'v ID X Y' with whole numbers; the ") + names[f] + " is missing";
            else
                problem = whole_number_problem(field, values[f],
                                               std::string("the ") + names[f] + " " + quoted(field));
        }
        if (!problem.empty()) {
            diagnostics.error(co_path, lines.number(), problem_column, problem);
            continue;
        }
        auto [id, x, y] = values;
        if (id < 1 || static_cast<std::size_t>(id) > builder.node_count()) {
            diagnostics.error(co_path, lines.number(), id_column,
                              "unknown node " + std::to_string(id) + " (the graph has nodes 1 to " +
                                  std::to_string(builder.node_count()) + ")");
            continue;
        }
        // Millionths of a degree: the globe spans -90..90 degrees of latitude, -180..180 of longitude.
        if (y < -90'000'000 || y > 90'000'000 || x < -180'000'000 || x > 180'000'000) {
            diagnostics.error(co_path, lines.number(), id_column,
                              "node " + std::to_string(id) + " lies at latitude " + format_millionths(y) +
                                  ", longitude " + format_millionths(x) +
                                  ": outside -90..90, -180..180 degrees");
            continue;
        }
        NodeInfo& node = builder.node(static_cast<NodeIndex>(id - 1));
        node.lon = static_cast<double>(x) / 1e6;
        node.lat = static_cast<double>(y) / 1e6;
    }
}

}  // namespace

LoadedNetwork load_dimacs_network(const std::string& path, const LoadOptions& options) {
    using namespace input_limits;
    LoadedNetwork loaded;
    Diagnostics& diagnostics = loaded.diagnostics;
    auto file = MappedFile::open(path, kMaxNetworkFileBytes);
    if (!file) {
        diagnostics.error(path, 0, 0, file.error());
        return loaded;
    }
    std::string_view text = file.value().bytes();
    if (text.find('\0') != std::string_view::npos) {
        diagnostics.error(path, 0, 0, "this is not a text file (it holds binary data)");
        return loaded;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto file_bytes = static_cast<long long>(text.size());
    RoadNetworkBuilder builder;
    LineCursor lines(text);
    std::string_view line;
    long long declared_nodes = -1, declared_arcs = -1, arcs_read = 0, self_loops = 0, zero_cost = 0;
    const double speed_kph = default_speed_kph(RoadClass::unclassified);
    RoadAttributes plain_road;
    plain_road.speed_kph = speed_kph;
    plain_road.road_class = RoadClass::unclassified;
    // Every arc differs from the next only in its ends and length: those three arrays are all
    // that is kept while reading, reserved from the header (whose counts are checked against the
    // file's size first), and the network is built from them in one go.
    std::vector<NodeIndex> tails, heads;
    std::vector<double> lengths_m;
    auto keep_arc = [&](long long from, long long to, long long cost) {
        tails.push_back(static_cast<NodeIndex>(from - 1));
        heads.push_back(static_cast<NodeIndex>(to - 1));
        lengths_m.push_back(static_cast<double>(cost));
        if (options.undirected) {
            // The way back right after, as add_road adds a two-way road.
            tails.push_back(static_cast<NodeIndex>(to - 1));
            heads.push_back(static_cast<NodeIndex>(from - 1));
            lengths_m.push_back(static_cast<double>(cost));
        }
    };
    while (lines.next(line)) {
        if (diagnostics.error_count() >= kMaxErrorsPerFile) {
            diagnostics.note(path, lines.number(), 0,
                             "stopped reading after " + std::to_string(kMaxErrorsPerFile) + " errors");
            break;
        }
        if (line.empty() || line[0] == 'c') continue;
        if (line[0] == 'a' && declared_nodes >= 0 && arcs_read < declared_arcs) {
            // Most lines of a large graph: read them without the columns and messages below,
            // which see every line this fast path turns down.
            if (auto arc = read_plain_arc(line, declared_nodes)) {
                ++arcs_read;
                if (arc->from == arc->to) {
                    ++self_loops;
                    continue;
                }
                zero_cost += arc->cost == 0;
                keep_arc(arc->from, arc->to, arc->cost);
                continue;
            }
        }
        std::size_t pos = 0;
        int column = 0;
        std::string_view kind = token(line, pos, column);
        if (kind == "p") {
            int first_column = column;
            std::string_view format = token(line, pos, column);
            std::string_view n_text = token(line, pos, column);
            int n_column = column;
            std::string_view m_text = token(line, pos, column);
            int m_column = column;
            if (declared_nodes >= 0) {
                diagnostics.error(path, lines.number(), first_column,
                                  "a second 'p' line; a DIMACS file has one");
                continue;
            }
            long long nodes = 0, arcs = 0;
            std::string n_problem = whole_number_problem(n_text, nodes, "the node count " + quoted(n_text));
            std::string m_problem = whole_number_problem(m_text, arcs, "the arc count " + quoted(m_text));
            // Each count is checked before a node is made: the header alone must not decide how
            // much memory corridor takes (docs/network.md, "Input limits").
            std::string problem;
            int problem_column = n_column;
            if (format != "sp" || n_text.empty() || m_text.empty() || (n_problem.empty() && nodes < 1) ||
                (m_problem.empty() && arcs < 0)) {
                problem = "wrong header: expected 'p sp NODES ARCS' with positive counts, found '" +
                          excerpt(line, 80) + "'";
                problem_column = format != "sp" ? first_column : n_column;
            } else if (!n_problem.empty()) {
                problem = n_problem;
            } else if (!m_problem.empty()) {
                problem = m_problem;
                problem_column = m_column;
            } else if (nodes > kMaxNodes) {
                problem = "the header declares " + std::to_string(nodes) + " nodes; corridor reads at most " +
                          std::to_string(kMaxNodes);
            } else if (arcs > kMaxArcs) {
                problem = "the header declares " + std::to_string(arcs) + " arcs; corridor reads at most " +
                          std::to_string(kMaxArcs);
                problem_column = m_column;
            } else if (arcs > file_bytes / kMinDimacsArcLineBytes) {
                problem = "the header declares " + std::to_string(arcs) + " arcs, but a file of " +
                          std::to_string(file_bytes) + " bytes holds at most " +
                          std::to_string(file_bytes / kMinDimacsArcLineBytes) + " (an arc line takes " +
                          std::to_string(kMinDimacsArcLineBytes) + " bytes or more)";
                problem_column = m_column;
            } else if (nodes > 2 * arcs + kSpareDimacsNodes) {
                problem = "the header declares " + std::to_string(nodes) + " nodes for " +
                          std::to_string(arcs) + " arcs; corridor reads at most 2 x ARCS + " +
                          std::to_string(kSpareDimacsNodes) +
                          " nodes (every place of a road graph is the end of an arc)";
            }
            if (!problem.empty()) {
                diagnostics.error(path, lines.number(), problem_column, problem);
                break;
            }
            declared_nodes = nodes;
            declared_arcs = arcs;
            builder.add_numbered_nodes(static_cast<std::size_t>(declared_nodes));
            const auto kept = static_cast<std::size_t>(declared_arcs) * (options.undirected ? 2 : 1);
            tails.reserve(kept);
            heads.reserve(kept);
            lengths_m.reserve(kept);
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
                } else if (std::string problem =
                               whole_number_problem(fields[f], *values[f],
                                                    std::string("the ") + names[f] + " " + quoted(fields[f]));
                           !problem.empty()) {
                    diagnostics.error(path, lines.number(), columns[f], problem);
                    ok = false;
                }
            }
            if (!ok) continue;
            if (arcs_read == declared_arcs) {
                // Beyond the header's count nothing more is kept: the header bounds the memory.
                diagnostics.error(
                    path, lines.number(), 1,
                    "the header declares " + std::to_string(declared_arcs) + " arcs but the file has more");
                break;
            }
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
            keep_arc(from, to, cost);
            ++arcs_read;
        } else {
            diagnostics.error(path, lines.number(), column,
                              "unknown line type " + quoted(kind) + " (a DIMACS line starts with c, p or a)");
        }
    }
    if (!diagnostics.has_errors()) {
        if (declared_nodes < 0)
            diagnostics.error(path, 0, 0, "no 'p sp NODES ARCS' header: is this a DIMACS .gr file?");
        else if (arcs_read < declared_arcs)
            diagnostics.error(path, lines.number(), 0,
                              "the header declares " + std::to_string(declared_arcs) +
                                  " arcs but the file has " + std::to_string(arcs_read) + " (truncated?)");
    }
    std::filesystem::path co_path = coordinates_beside(path);
    if (!diagnostics.has_errors() && !co_path.empty()) {
        if (co_path.stem() != std::filesystem::path(path).stem())
            diagnostics.note(path, 0, 0,
                             "coordinates from " + co_path.filename().string() +
                                 ", the DIMACS challenge's coordinates for this region");
        read_coordinates(co_path.string(), builder, diagnostics);
    }
    if (diagnostics.has_errors()) return loaded;
    if (self_loops > 0)
        diagnostics.note(path, 0, 0, "skipped " + std::to_string(self_loops) + " arcs from a node to itself");
    if (zero_cost > 0)
        diagnostics.note(path, 0, 0,
                         std::to_string(zero_cost) + " arcs have cost 0 (coincident points); kept");
    loaded.network = std::move(builder).build_uniform(std::move(tails), std::move(heads),
                                                      std::move(lengths_m), plain_road, !options.undirected);
    check_connectivity(*loaded.network, path, diagnostics);
    return loaded;
}

}  // namespace corridor
