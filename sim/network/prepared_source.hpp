#pragma once
// What a prepared network was made from: its source files and the load options. Their content
// hash is the file's input hash (docs/network.md, "Prepared networks"): the bytes of every source
// file, not its name or date, and the options, so that the same inputs give the same file.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/network/load.hpp"

namespace corridor {

struct PreparedSource {
    std::string options;              // the load options as a command line would give them
    std::vector<std::string> files;   // relative to the prepared file's folder
    std::vector<std::uint64_t> sizes;  // bytes of each file
    std::vector<std::uint64_t> hashes;  // content_hash of each file
    // The latest modification time of the files, taken before they were hashed (not stored).
    std::filesystem::file_time_type newest_write = std::filesystem::file_time_type::min();
    std::uint64_t input_hash() const;
};

/// The load options as `corridor route` takes them: "--undirected --profile car".
std::string describe_options(const LoadOptions& options);

/// The source files behind a network path (a CSV folder's two tables, a DIMACS .gr and its .co,
/// an OpenStreetMap file), hashed; paths are made relative to `prepared_folder`.
Result<PreparedSource> describe_source(const std::string& network_path, const LoadOptions& options,
                                       const std::string& prepared_folder);

/// Why a prepared file beside its source is stale (a source file changed), or an empty string:
/// also when a source file is gone, since a prepared file may travel alone. A source of the
/// recorded size last written before the prepared file (`prepared_path`) is taken as unchanged
/// without hashing its bytes (docs/network.md, "Input hash and staleness").
std::string stale_source(const PreparedSource& source, const std::string& prepared_path);

}  // namespace corridor
