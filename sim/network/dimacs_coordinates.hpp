#pragma once
// Which `.co` file gives a DIMACS graph its coordinates: NAME.co beside NAME.gr (whatever the
// graph's extension), or, for the 9th DIMACS Challenge's travel-time graphs
// (`USA-road-t.NY.gr`), the challenge's one coordinate file for both graphs of a region,
// `USA-road-d.NY.co`, which the challenge's download page pairs with either (docs/network.md).

#include <filesystem>
#include <string>

namespace corridor {

/// The coordinate file for `graph_path`, or an empty path when there is none.
inline std::filesystem::path coordinates_beside(const std::string& graph_path) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::path co = fs::path(graph_path).replace_extension(".co");
    if (fs::exists(co, error)) return co;
    std::string name = co.filename().string();
    if (auto at = name.find("-road-t."); at != std::string::npos) {
        name.replace(at, 8, "-road-d.");
        fs::path shared = co.parent_path() / name;
        if (fs::exists(shared, error)) return shared;
    }
    return {};
}

}  // namespace corridor
