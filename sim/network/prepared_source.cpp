#include "prepared_source.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>

#include "content_hash.hpp"
#include "corridor/network/input_limits.hpp"
#include "dimacs_coordinates.hpp"
#include "mapped_file.hpp"
#include "prepared_format.hpp"

namespace corridor {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::uint64_t> hash_file(const std::string& path, std::uint64_t& size) {
    auto file = MappedFile::open(path, input_limits::kMaxNetworkFileBytes);
    if (!file) return Error{path + ": " + file.error()};
    size = file.value().bytes().size();
    return content_hash(file.value().bytes());
}

// Exact text of a number, so that two boxes differing in the last digit hash differently: the
// shortest text that reads back as the same double (to_chars), which is also what the planner
// typed (7.4, not %.17g's 7.4000000000000004) when the options are quoted in a message.
std::string exact(double value) {
    char text[40];
    auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

}  // namespace

std::string describe_options(const LoadOptions& options) {
    std::string text = "--profile " + options.profile;
    if (options.undirected) text = "--undirected " + text;
    if (options.bounding_box) {
        const BoundingBox& box = *options.bounding_box;
        text += " --bbox " + exact(box.min_lon) + "," + exact(box.min_lat) + "," + exact(box.max_lon) + "," +
                exact(box.max_lat);
    }
    return text;
}

std::uint64_t PreparedSource::input_hash() const {
    prepared::SectionWriter manifest;
    manifest.put_strings({options});
    manifest.put_array(sizes);
    manifest.put_array(hashes);
    return content_hash(std::move(manifest).take());
}

Result<PreparedSource> describe_source(const std::string& network_path, const LoadOptions& options,
                                       const std::string& prepared_folder) {
    std::vector<fs::path> paths;
    std::error_code error;
    if (fs::is_directory(network_path, error)) {
        paths = {fs::path(network_path) / "nodes.csv", fs::path(network_path) / "edges.csv"};
    } else if (ends_with(network_path, ".csv")) {
        fs::path folder = fs::path(network_path).parent_path();
        paths = {folder / "nodes.csv", folder / "edges.csv"};
    } else {
        paths = {fs::path(network_path)};
        // The coordinates the DIMACS loader reads, whatever the graph's extension: a change to
        // them makes the prepared file stale too.
        bool osm = false;
        for (std::string_view suffix : {".osm", ".osm.gz", ".osm.bz2", ".pbf", ".osm.xml"})
            osm = osm || ends_with(network_path, suffix);
        fs::path co = coordinates_beside(network_path);
        if (!osm && !co.empty()) paths.push_back(co);
    }
    PreparedSource source;
    source.options = describe_options(options);
    fs::path folder = fs::absolute(prepared_folder.empty() ? "." : prepared_folder, error);
    for (const fs::path& path : paths) {
        if (auto written = fs::last_write_time(path, error); !error)
            source.newest_write = std::max(source.newest_write, written);
        std::uint64_t size = 0;
        auto hash = hash_file(path.string(), size);
        if (!hash) return Error{hash.error()};
        source.sizes.push_back(size);
        source.hashes.push_back(hash.value());
        fs::path absolute = fs::absolute(path, error).lexically_normal();
        fs::path relative = absolute.lexically_relative(folder.lexically_normal());
        source.files.push_back((relative.empty() ? absolute : relative).generic_string());
    }
    return source;
}

std::string stale_source(const PreparedSource& source, const std::string& prepared_path) {
    std::error_code error;
    const fs::path prepared_folder = fs::path(prepared_path).parent_path();
    const auto prepared_written = fs::last_write_time(prepared_path, error);
    const bool prepared_dated = !error;
    for (std::size_t i = 0; i < source.files.size(); ++i) {
        fs::path path = fs::path(source.files[i]).is_absolute()
                            ? fs::path(source.files[i])
                            : (prepared_folder.empty() ? fs::path(".") : prepared_folder) / source.files[i];
        if (!fs::is_regular_file(path, error)) continue;
        // The size first: a changed size needs no hashing.
        bool changed = fs::file_size(path, error) != source.sizes[i];
        // Hashing reads every byte of the source, which costs more than the rest of loading the
        // prepared file: a source last written strictly before the prepared file was is taken as
        // the one it was prepared from (make's rule). Written at the same time or later, or
        // undated, it is hashed.
        if (!changed) {
            std::error_code dated;
            const auto written = fs::last_write_time(path, dated);
            if (prepared_dated && !dated && written < prepared_written) continue;
            std::uint64_t size = 0;
            auto hash = hash_file(path.string(), size);
            changed = !hash || hash.value() != source.hashes[i];
        }
        if (changed)
            return "the prepared file is stale: its source '" + path.generic_string() +
                   "' has changed since it was prepared; run corridor prepare again";
    }
    return {};
}

}  // namespace corridor
