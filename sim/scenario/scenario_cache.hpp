#pragma once
// What a ScenarioCache keeps (include/corridor/scenario/load.hpp): each file's text and each road
// network, read once, so that the points of a sweep read the same bytes and share one network.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/network/road_network.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor {

struct ScenarioCache::Store {
    struct Network {
        std::shared_ptr<const RoadNetwork> network;  // none when it could not be read
        Diagnostics diagnostics;
    };
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const std::string>> texts;  // by path, as read
    std::map<std::string, std::shared_ptr<const Network>> networks;   // by path
    std::map<std::string, std::string> hashes;                        // by the list of files read
};

}  // namespace corridor
