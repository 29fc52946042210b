#pragma once
// The map of a run (owner: the geo part, sim/report/network_map.cpp): the network drawn from its
// coordinates, roads by class and width by traffic, closed roads marked, with posts, depots, towns,
// airfields and checkpoints; a complete <figure class="chart">.

#include <string>

#include "corridor/model/deployment.hpp"

namespace corridor {

std::string network_map_figure(const Theatre& theatre, const DeploymentResult& result);

}  // namespace corridor
