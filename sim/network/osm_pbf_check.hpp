#pragma once
// An OpenStreetMap PBF file checked before libosmium decodes it. libosmium 2.19 trusts what it
// reads: an empty blob type reaches strncmp as a null pointer, a string with a NUL byte breaks its
// tag lists (a heap overflow), and coordinates, granularity and delta-coded ids can overflow a
// signed 64-bit product or sum. corridor walks the frames and, in each data block, the string
// table, the scales and every coordinate, id and reference, and refuses what would do that.

#include <string>

namespace corridor {

/// What is wrong with the file, or an empty string. Frames: the first an OSMHeader, every type
/// named, headers under 64 KiB, blobs under 32 MiB (the format's own limits), the last ending
/// where the file does. Data blocks: raw or zlib (as libosmium reads them), strings free of NUL,
/// granularity 1 to 10,000, offsets and coordinates within 2^40 units, delta sums within 2^61,
/// tag indices within the string table.
std::string check_pbf_file(const std::string& path);

}  // namespace corridor
