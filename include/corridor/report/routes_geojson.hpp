#pragma once
// routes.geojson: a run on a map, for a GIS (QGIS, GDAL). RFC 7946 GeoJSON: WGS 84 longitude then
// latitude, 6 decimals (about 0.1 m). Roads are LineStrings along their shape points, one a road
// (a two-way road's directions together); posts, depots, towns, airfields and checkpoints are Points
// with the run's figures. The properties are listed in docs/user-guide.md ("routes.geojson").

#include <string>

#include "corridor/model/deployment.hpp"

namespace corridor {

/// The file's text. The theatre's network must have coordinates (RoadNetwork::has_coordinates):
/// a network without them has no place on a map, and a run writes no routes.geojson.
std::string routes_geojson(const Theatre& theatre, const DeploymentResult& result);

}  // namespace corridor
