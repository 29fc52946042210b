#pragma once
// What a ScenarioCache keeps (include/corridor/scenario/load.hpp): each file's text and each road
// network, read once, so that the points of a sweep read the same bytes and share one network.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/network/hierarchy.hpp"
#include "corridor/network/road_network.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor {

struct ScenarioCache::Store {
    struct Network {
        std::shared_ptr<const RoadNetwork> network;  // none when it could not be read
        Diagnostics diagnostics;
        // A prepared file's travel-time hierarchy, read against `network` (sim/scenario/network_hierarchy.cpp),
        // or why the one it holds cannot be used; neither when it holds none.
        std::shared_ptr<const ContractionHierarchy> stored_hierarchy;
        std::string stored_hierarchy_problem;
    };
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const std::string>> texts;  // by path, as read
    std::map<std::string, std::shared_ptr<const Network>> networks;   // by path
    std::map<std::string, std::string> hashes;                        // by the list of files read
    // Hierarchies prepared at load, by the fingerprint of the network they were built for (a
    // network split by places is rebuilt per point, but split the same way it is the same network).
    // Their own lock: a preparation takes minutes on a country's network.
    std::mutex hierarchy_mutex;
    std::map<std::uint64_t, std::shared_ptr<const ContractionHierarchy>> hierarchies;
};

}  // namespace corridor
