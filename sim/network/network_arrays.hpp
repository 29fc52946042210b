#pragma once
// A road network as the sections of a prepared file and back (docs/network.md, "Prepared
// networks"). The one place outside the builder that sees RoadNetwork's arrays: it writes them
// as they are and, on reading, makes the network's columns views of the sections' bytes, after
// checking every index that could reach outside an array.

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"
#include "corridor/network/road_network.hpp"
#include "prepared_format.hpp"

namespace corridor {

struct NetworkArrays {
    using Sections = std::map<prepared::SectionType, std::string>;
    using SectionViews = std::map<prepared::SectionType, std::string_view>;
    /// The nodes, roads, road names, shapes, parts and graphs sections.
    static void write(const RoadNetwork& network, Sections& sections);
    /// The network those sections hold, or what is wrong with them. The sections lie in `bytes`
    /// (`size` of them), each on a multiple of 8 bytes; the network holds them and views its
    /// arrays there.
    static Result<RoadNetwork> read(const SectionViews& sections, std::shared_ptr<const void> bytes,
                                    std::size_t size);

  private:
    static bool rows_agree(const RoadNetwork& network);
};

}  // namespace corridor
