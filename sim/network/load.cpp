#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corridor/engine/format.hpp"
#include "corridor/network/input_limits.hpp"
#include "corridor/network/load.hpp"
#include "prepared_format.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

LoadedNetwork load_network(const std::string& path, const LoadOptions& options) {
    namespace fs = std::filesystem;
    // Longest first, so that the message names '.osm.pbf' rather than '.pbf'.
    const std::string_view file_suffixes[] = {".osm.bz2", ".osm.pbf", ".osm.xml", ".osm.gz", ".osm",
                                              ".csv",     ".pbf",     ".gr",      ".co"};
    std::error_code error;
    if (fs::is_directory(path, error)) {
        // A folder named like a file is a mistake (an unpacked archive, a wrong path), not a CSV
        // network: say so rather than complain of a missing nodes.csv.
        for (std::string_view suffix : file_suffixes) {
            if (ends_with(path, suffix)) {
                LoadedNetwork loaded;
                loaded.diagnostics.error(path, 0, 0,
                                         "this is a folder, not a file; a network ending in '" +
                                             std::string(suffix) +
                                             "' is a file (only a CSV network is a folder, holding "
                                             "nodes.csv and edges.csv)");
                return loaded;
            }
        }
        return load_csv_network((fs::path(path) / "nodes.csv").string(),
                                (fs::path(path) / "edges.csv").string(), options);
    }
    if (!fs::exists(path, error)) {
        LoadedNetwork loaded;
        loaded.diagnostics.error(path, 0, 0, "no such file or folder");
        return loaded;
    }
    // A prepared network whatever its name: its first bytes say what it is.
    if (is_prepared_network(path)) return load_prepared_network(path, options);
    if (ends_with(path, ".csv")) {
        fs::path folder = fs::path(path).parent_path();
        return load_csv_network((folder / "nodes.csv").string(), (folder / "edges.csv").string(), options);
    }
    if (auto size = check_input_file(path, input_limits::kMaxNetworkFileBytes); !size) {
        LoadedNetwork loaded;
        loaded.diagnostics.error(path, 0, 0, size.error());
        return loaded;
    }
    if (ends_with(path, ".gr")) return load_dimacs_network(path, options);
    for (std::string_view suffix : {".osm", ".osm.gz", ".osm.bz2", ".osm.pbf", ".pbf", ".osm.xml"})
        if (ends_with(path, suffix)) return load_osm_network(path, options);

    // No telling extension: look at the first bytes.
    std::ifstream in(path, std::ios::binary);
    char head[64] = {};
    in.read(head, sizeof head - 1);
    std::string start(head, static_cast<std::size_t>(in.gcount()));
    if (start.rfind("c ", 0) == 0 || start.rfind("p sp", 0) == 0) return load_dimacs_network(path, options);
    if (start.find("<?xml") != std::string::npos || start.find("<osm") != std::string::npos)
        return load_osm_network(path, options);
    LoadedNetwork loaded;
    // A prepared file cut short of its 16-byte magic (a copy stopped early): say so, not "unknown".
    if (start.size() >= 4 && prepared::kMagic.substr(0, start.size()) == start) {
        loaded.diagnostics.error(path, 0, 0,
                                 "a prepared network (it starts with CORRIDOR-NET) truncated to " +
                                     std::to_string(start.size()) +
                                     " bytes; copy it again or prepare it again with corridor prepare");
        return loaded;
    }
    loaded.diagnostics.error(
        path, 0, 0,
        "unknown network format: expected a folder with nodes.csv and edges.csv, a DIMACS "
        ".gr file, or an OpenStreetMap .osm, .osm.gz, .osm.bz2 or .osm.pbf file");
    return loaded;
}

Result<BoundingBox> parse_bounding_box(const std::string& text) {
    double values[4];
    std::stringstream in(text);
    std::string part;
    int count = 0;
    while (std::getline(in, part, ',')) {
        if (count == 4) return Error{"bounding box '" + text + "' has more than four numbers"};
        const char* last = part.data() + part.size();
        const char* end = read_number(part.data(), last, values[count]);
        if (end == part.data() || end != last || !std::isfinite(values[count]))
            return Error{"bounding box '" + text + "': '" + part + "' is not a number"};
        ++count;
    }
    if (count != 4) return Error{"bounding box '" + text + "' must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"};
    BoundingBox box{values[0], values[1], values[2], values[3]};
    if (box.min_lon >= box.max_lon || box.min_lat >= box.max_lat || std::abs(box.min_lat) > 90 ||
        std::abs(box.max_lat) > 90 || std::abs(box.min_lon) > 180 || std::abs(box.max_lon) > 180)
        return Error{"bounding box '" + text +
                     "' is empty or outside the globe (MIN_LON,MIN_LAT,MAX_LON,MAX_LAT)"};
    return box;
}

}  // namespace corridor
