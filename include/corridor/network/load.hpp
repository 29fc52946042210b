#pragma once
// Reading a road network from a file: CSV tables, DIMACS shortest-path files, or OpenStreetMap
// (XML, gzip or bzip2 XML, PBF). Every problem is collected with its file and line.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/engine/result.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor {

struct BoundingBox {
    double min_lon = -180, min_lat = -90, max_lon = 180, max_lat = 90;
    bool contains(double lat, double lon) const {
        return lat >= min_lat && lat <= max_lat && lon >= min_lon && lon <= max_lon;
    }
};

struct LoadOptions {
    bool undirected = false;                  // read every arc as a two-way road
    std::optional<BoundingBox> bounding_box;  // OpenStreetMap: keep roads inside only
    std::string profile = "car";              // OpenStreetMap access rules
    // A prepared file: which of the sections it carries besides the network to read, check and
    // keep, by type and first bytes (at most kSectionHeadBytes: a route needs the hierarchy of one
    // metric only, which its header names); all when unset.
    std::function<bool(std::uint32_t type, std::string_view first_bytes)> keep_section;
};
/// How many of a section's first bytes LoadOptions::keep_section is shown.
inline constexpr std::size_t kSectionHeadBytes = 64;

/// A section a prepared network file carries besides the network (a contraction hierarchy), as
/// the bytes its own writer made; `type` is its number in the file (docs/network.md).
struct PreparedSection {
    std::uint32_t type = 0;
    std::string bytes;
};
/// The section number of a contraction hierarchy (ContractionHierarchy::write's bytes).
inline constexpr std::uint32_t kContractionHierarchySection = 16;

struct LoadedNetwork {
    std::optional<RoadNetwork> network;  // empty when there were errors
    Diagnostics diagnostics;
    std::vector<PreparedSection> extra_sections;  // from a prepared file: what it holds besides the network
};

/// Picks the reader by the path (a folder or .csv: CSV; .gr: DIMACS; .osm, .osm.gz, .osm.bz2,
/// .osm.pbf: OpenStreetMap), else by the first bytes of the file.
LoadedNetwork load_network(const std::string& path, const LoadOptions& options = {});

LoadedNetwork load_csv_network(const std::string& nodes_csv, const std::string& edges_csv,
                               const LoadOptions& options);
LoadedNetwork load_dimacs_network(const std::string& gr_path, const LoadOptions& options);
LoadedNetwork load_osm_network(const std::string& path, const LoadOptions& options);

/// Writes `network`, read from `source` with `options`, as a prepared network file: the arrays as
/// they are, the source's content hash, then `extra` sections. Same inputs, same bytes. Returns
/// the bytes written, or why the file could not be written. `input_hash_before_load`, taken by
/// prepared_input_hash() before the network was read, makes a source changed since refused with
/// nothing written: the network would not be the one its recorded hash says. The file is dated
/// a second before the source's last hashing (or just after the source's own date, if later and
/// not in the future), so that a source written while it was prepared is hashed again, not
/// trusted by its date (docs/network.md, "Input hash and staleness").
Result<std::size_t> save_prepared_network(const std::string& path, const RoadNetwork& network,
                                          const std::string& source, const LoadOptions& options,
                                          const std::vector<PreparedSection>& extra = {},
                                          std::optional<std::uint64_t> input_hash_before_load = std::nullopt);
/// The input hash a prepared file of `source` read with `options` records (its files' bytes and
/// the options); an error when a source file cannot be read.
Result<std::uint64_t> prepared_input_hash(const std::string& source, const LoadOptions& options);
/// Reads a prepared network file. Refused, with a message saying why: another format version, a
/// damaged or truncated file, load options other than the defaults or those it was prepared with,
/// and a source that still exists and has changed since (a stale file).
LoadedNetwork load_prepared_network(const std::string& path, const LoadOptions& options = {});
/// True if the file starts with a prepared network's magic bytes, whatever its name.
bool is_prepared_network(const std::string& path);

/// Checks a road's attributes; returns what is wrong, or an empty string. Zero lengths are
/// wrong in a hand-made table but occur in published benchmark graphs between coincident points.
std::string check_road(const RoadAttributes& road, bool allow_zero_length = false);

/// Warnings about a built network: its disconnected parts and their sizes.
void check_connectivity(const RoadNetwork& network, const std::string& file, Diagnostics& diagnostics);

/// Parses `min_lon,min_lat,max_lon,max_lat`.
Result<BoundingBox> parse_bounding_box(const std::string& text);

}  // namespace corridor
