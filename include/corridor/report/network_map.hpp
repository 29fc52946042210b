#pragma once
// The map of a run for its report: the network drawn from its coordinates, roads by class and
// width by traffic, closed roads marked, and the places of the theatre with their figures.

#include <string>

#include "corridor/model/deployment.hpp"

namespace corridor {

/// A complete `<figure class="chart" id="map">` holding an SVG map of the theatre and what the run
/// did on it; for a network without coordinates, a figure saying there are none.
std::string network_map_figure(const Theatre& theatre, const DeploymentResult& result);

}  // namespace corridor
