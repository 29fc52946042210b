#pragma once
// What every fuzz target shares: a private temporary folder per process, and the "bundle" form
// of an input that holds several files. A bundle is the first file's bytes, then for each further
// file a marker line `#### NAME` followed by its bytes:
//
//     scenario: {name: split, ...}
//     include: [forces.yaml]
//     #### forces.yaml
//     units: [...]
//
// `#` starts a comment in YAML, CSV and OpenStreetMap-free text alike, so a mutated marker is
// harmless. NAME may hold letters, digits, `.`, `_`, `-` and one `/` (a file in a subfolder);
// other names are ignored, so a fuzz input can never write outside its folder.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::fuzz {

struct BundleFile {
    std::string name;  // relative to the input's folder
    std::string_view bytes;
};

/// Splits a bundle; the first file is named `first_name`.
std::vector<BundleFile> split_bundle(std::string_view input, const std::string& first_name);

/// This process's own folder under $TMPDIR (or /tmp), created on first use and emptied by
/// `fresh_folder`; removed at a normal exit.
const std::string& work_folder();

/// Empties the work folder and writes the files into it; returns the folder.
const std::string& fresh_folder(const std::vector<BundleFile>& files);

/// The input as a string_view.
inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace corridor::fuzz
