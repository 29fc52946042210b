#pragma once
// A road network as the sections of a prepared file and back (docs/network.md, "Prepared
// networks"). The one place outside the builder that sees RoadNetwork's arrays: it writes them
// as they are and checks, on reading, every index that could reach outside an array.

#include <map>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"
#include "corridor/network/road_network.hpp"
#include "prepared_format.hpp"

namespace corridor {

struct NetworkArrays {
    using Sections = std::map<prepared::SectionType, std::string>;
    using SectionViews = std::map<prepared::SectionType, std::string_view>;
    /// The nodes, roads, road names, shapes and parts sections.
    static void write(const RoadNetwork& network, Sections& sections);
    /// The network those sections hold, or what is wrong with them.
    static Result<RoadNetwork> read(const SectionViews& sections);
};

}  // namespace corridor
