#pragma once
// How the run report's map puts the globe on the page: an equirectangular projection with east-west
// distances shrunk by the cosine of the map's middle latitude, so that a small theatre keeps its
// shape (a kilometre is as long across as up); north up. Good to a few percent over a theatre a few
// hundred kilometres across, which is all a planner's sketch map needs.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace corridor {

struct MapProjection {
    double west = 0, north = 0;  // degrees at the box's top-left corner
    double cos_mid = 1;          // cosine of the middle latitude
    double px_per_degree = 1;    // pixels per degree of latitude
    double left = 0, top = 0;    // the box's corner on the page, pixels
    double height = 0;           // the box's height: the theatre's, at most the height asked

    /// The projection that fits [south, north] x [west, east] into a box `width` wide and at most
    /// `height` tall at (left, top), keeping the shape, centred across; a single point gets a box
    /// about 2 km across.
    static MapProjection fit(double south, double north, double west, double east, double width,
                             double height, double left, double top);
    /// Page position of a point: x grows east, y grows south.
    std::pair<double, double> operator()(double lat, double lon) const {
        return {left + (lon - west) * cos_mid * px_per_degree, top + (north - lat) * px_per_degree};
    }
    /// Kilometres a pixel spans, for the scale bar.
    double km_per_px() const;
};

/// The traffic band of a road by the vehicles that used it (both ways, every mover: roads.csv): 0 for none,
/// then 1: 1-99, 2: 100-499, 3: 500-1,999, 4: 2,000 or more. The map draws band n with class map-wN.
int traffic_band(std::int64_t vehicles);
/// The band's legend label ("100-499 vehicles").
std::string_view traffic_band_label(int band);

}  // namespace corridor
