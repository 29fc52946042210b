#pragma once
// The most corridor reads from a network file (docs/network.md, "Input limits"). A file, a declared
// count or a value beyond these is refused with a message before anything is allocated for it, so
// that a broken or hostile file costs an error, not the machine's memory.

#include <cstddef>
#include <cstdint>

namespace corridor::input_limits {

// Files, checked with std::filesystem::file_size before a byte is read. 4 GiB holds the largest
// DIMACS challenge graph (USA, 24 million nodes, 1.3 GB) and a PBF extract of a large country.
inline constexpr std::uintmax_t kMaxNetworkFileBytes = std::uintmax_t{4} << 30;
// CSV tables are typed or exported by a planner; a network larger than this belongs in PBF or DIMACS.
inline constexpr std::uintmax_t kMaxCsvFileBytes = std::uintmax_t{256} << 20;
// OpenStreetMap XML is read whole (after gunzip or bunzip2) to check its coordinates before
// libosmium parses them; larger extracts are read as PBF (`osmium cat x.osm.gz -o x.osm.pbf`).
inline constexpr std::uintmax_t kMaxOsmXmlBytes = std::uintmax_t{256} << 20;

// Counts. Node and arc indices are 32-bit; these stay well inside and above any theatre.
inline constexpr long long kMaxNodes = 50'000'000;
inline constexpr long long kMaxArcs = 200'000'000;
// A DIMACS arc line `a U V W` takes at least 8 bytes, so a file of B bytes holds at most B / 8 arcs.
inline constexpr long long kMinDimacsArcLineBytes = 8;
// Every place of a road graph is the end of some arc: a DIMACS header may declare at most
// 2 x ARCS + this many nodes, so that a short file cannot make corridor allocate millions of
// nodes that no arc reaches.
inline constexpr long long kSpareDimacsNodes = 1000;
inline constexpr std::size_t kMaxCsvColumns = 64;

// Reporting: after this many errors in one file the reader stops and says so.
inline constexpr std::size_t kMaxErrorsPerFile = 50;

// Values no real road has (check_road): a load per vehicle, a flow per direction.
inline constexpr double kMaxWeightLimitT = 1000;
// A height or width limit a road signs, metres.
inline constexpr double kMaxClearanceM = 100;
inline constexpr double kMaxCapacityVph = 100'000;
inline constexpr int kMaxLanes = 16;

// The least a damaged road keeps of its speed (a disruption's speed_factor, and the product of
// overlapping ones): a slower road is closed in all but name, and a factor near zero drove travel
// times past the clock's range (or, as a product, to zero).
inline constexpr double kMinSpeedFactor = 0.01;

}  // namespace corridor::input_limits
