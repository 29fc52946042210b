#include "map_projection.hpp"

#include <algorithm>
#include <cmath>

namespace corridor {

namespace {
constexpr double kPi = 3.14159265358979323846;
// A degree of latitude on the sphere of radius 6,371,008.8 m (IUGG mean, as great_circle_m).
constexpr double kKmPerDegree = 6371.0088 * kPi / 180;
// A box about 2 km across for a map of one place: something to draw, not a division by zero.
constexpr double kLeastSpanDegrees = 0.02;
}  // namespace

MapProjection MapProjection::fit(double south, double north, double west, double east, double width,
                                 double height, double left, double top) {
    MapProjection p;
    p.cos_mid = std::cos((south + north) / 2 * kPi / 180);
    double span_y = std::max(north - south, kLeastSpanDegrees);
    double span_x = std::max((east - west) * p.cos_mid, kLeastSpanDegrees);
    p.px_per_degree = std::min(width / span_x, height / span_y);
    // The theatre centred across the box's width; the box is as tall as the theatre needs.
    p.height = span_y * p.px_per_degree;
    p.west = (west + east) / 2 - width / 2 / (p.px_per_degree * p.cos_mid);
    p.north = (south + north) / 2 + p.height / 2 / p.px_per_degree;
    p.left = left;
    p.top = top;
    return p;
}

double MapProjection::km_per_px() const { return kKmPerDegree / px_per_degree; }

int traffic_band(std::int64_t vehicles) {
    if (vehicles <= 0) return 0;
    if (vehicles < 100) return 1;
    if (vehicles < 500) return 2;
    if (vehicles < 2000) return 3;
    return 4;
}

std::string_view traffic_band_label(int band) {
    switch (band) {
        case 0:
            return "none";
        case 1:
            return "1-99 vehicles";
        case 2:
            return "100-499 vehicles";
        case 3:
            return "500-1,999 vehicles";
        default:
            return "2,000+ vehicles";
    }
}

}  // namespace corridor
