#pragma once
// The frames of an OpenStreetMap PBF file, walked before libosmium decodes it: each a 4-byte
// length, a BlobHeader (its type and the size of the blob that follows) and the blob. libosmium
// 2.19 trusts these: an empty type reaches strncmp as a null pointer (undefined behaviour) and a
// size past the end is read as far as the file goes. Checking them costs one seek a blob.

#include <string>

namespace corridor {

/// What is wrong with the file's frames, or an empty string: the first is an OSMHeader, every
/// type is named, headers are under 64 KiB and blobs under 32 MiB (the format's own limits), and
/// the last blob ends where the file does.
std::string check_pbf_frames(const std::string& path);

}  // namespace corridor
