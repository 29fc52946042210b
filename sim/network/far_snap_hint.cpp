// Why a coordinate lies far from every road. The slips a planner makes copying a position are
// latitude and longitude swapped (GeoJSON and many GIS tools write lon,lat) and a lost minus sign;
// when undoing one of them lands inside the network's area, that is the likely cause, and the
// message says so instead of leaving the planner to guess.

#include <algorithm>
#include <cmath>

#include "corridor/engine/format.hpp"
#include "corridor/network/snap.hpp"

namespace corridor {
namespace {

struct Area {
    double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
    // A margin of 0.1 degree (about 11 km): a swapped point near the edge of the map still counts.
    bool holds(GeoPoint p) const {
        return p.lat >= min_lat - 0.1 && p.lat <= max_lat + 0.1 && p.lon >= min_lon - 0.1 &&
               p.lon <= max_lon + 0.1;
    }
};

// Degrees to 4 decimals (about 10 m), without the float noise of a sum such as 42.50000000001.
std::string degrees(double x) { return format_number(std::round(x * 1e4) / 1e4); }

std::string lat_lon(GeoPoint p) { return degrees(p.lat) + "," + degrees(p.lon); }

}  // namespace

std::string far_snap_hint(const RoadNetwork& network, GeoPoint given) {
    Area area;
    for (NodeIndex v = 0; v < network.node_count(); ++v) {
        if (!network.node_has_coordinates(v)) continue;
        const double lat = network.node_lat(v), lon = network.node_lon(v);
        area.min_lat = std::min(area.min_lat, lat), area.max_lat = std::max(area.max_lat, lat);
        area.min_lon = std::min(area.min_lon, lon), area.max_lon = std::max(area.max_lon, lon);
    }
    // Inside the area a far point is not a slip of this kind (a place in a roadless valley).
    if (area.min_lat > area.max_lat || area.holds(given)) return {};
    const GeoPoint swapped{given.lon, given.lat};
    if (std::abs(swapped.lat) <= 90 && area.holds(swapped))
        return "latitude and longitude swapped? " + lat_lon(swapped) + " lies within the network's area";
    for (GeoPoint flipped :
         {GeoPoint{-given.lat, given.lon}, GeoPoint{given.lat, -given.lon}, GeoPoint{-given.lat, -given.lon}})
        if (area.holds(flipped))
            return "a sign slipped? " + lat_lon(flipped) + " lies within the network's area";
    return "it lies outside the network's area (lat " + degrees(area.min_lat) + ".." + degrees(area.max_lat) +
           ", lon " + degrees(area.min_lon) + ".." + degrees(area.max_lon) + ")";
}

}  // namespace corridor
