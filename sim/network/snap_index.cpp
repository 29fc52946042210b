// The grid of road segments that coordinates snap to. Each segment (between two consecutive points
// of an arc's course) is listed in every cell its bounding box touches; a query searches rings of
// cells outward from its own until no nearer segment can lie further out. Distances to a segment
// are measured in a local equirectangular projection centred on the query point (exact enough at
// the scale of a snap: under 0.1% error within tens of kilometres), the reported one great-circle.

#include <algorithm>
#include <cmath>
#include <limits>

#include "corridor/network/snap.hpp"
#include "corridor/network/vehicle_limits.hpp"

namespace corridor {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMetresPerDegree = 6371008.8 * kPi / 180.0;
// Below this difference two distances are the same, and the lower arc index wins: reversed
// copies of a two-way road's segments give distances that differ only by rounding.
constexpr double kTieM = 1e-6;

struct Segment {
    ArcIndex arc;
    std::uint32_t index;  // 0: from the arc's start node to its first shape point (or end node)
};

}  // namespace

struct SnapIndex::Grid {
    double min_lat = 0, min_lon = 0, cell_deg = 1;
    std::size_t rows = 0, cols = 0;
    double cell_min_m = 0;  // a lower bound of a cell's side on the ground, metres
    std::vector<std::size_t> cell_start;
    std::vector<Segment> segments;
    std::vector<std::vector<GeoPoint>> courses;  // per arc; empty if not indexed

    std::size_t row_of(double lat) const {
        double r = std::floor((lat - min_lat) / cell_deg);
        return static_cast<std::size_t>(std::clamp(r, 0.0, static_cast<double>(rows - 1)));
    }
    std::size_t col_of(double lon) const {
        double c = std::floor((lon - min_lon) / cell_deg);
        return static_cast<std::size_t>(std::clamp(c, 0.0, static_cast<double>(cols - 1)));
    }
};

SnapIndex::SnapIndex(const RoadNetwork& network) : network_(&network), grid_(std::make_unique<Grid>()) {
    Grid& g = *grid_;
    if (!network.has_coordinates() || network.arc_count() == 0) return;
    g.courses.resize(network.arc_count());
    double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
    std::size_t segment_count = 0;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        if (network.part(network.arc_from(a)) != 0) continue;
        g.courses[a] = network.arc_course(a);
        for (const GeoPoint& p : g.courses[a]) {
            min_lat = std::min(min_lat, p.lat), max_lat = std::max(max_lat, p.lat);
            min_lon = std::min(min_lon, p.lon), max_lon = std::max(max_lon, p.lon);
        }
        segment_count += g.courses[a].size() - 1;
    }
    if (segment_count == 0) return;
    // About one segment a cell, no smaller than 0.0001 degrees (11 m).
    double area = std::max(max_lat - min_lat, 1e-4) * std::max(max_lon - min_lon, 1e-4);
    g.cell_deg = std::max(1e-4, std::sqrt(area / static_cast<double>(segment_count)));
    g.min_lat = min_lat, g.min_lon = min_lon;
    g.rows = static_cast<std::size_t>((max_lat - min_lat) / g.cell_deg) + 1;
    g.cols = static_cast<std::size_t>((max_lon - min_lon) / g.cell_deg) + 1;
    double widest_lat = std::max(std::abs(min_lat), std::abs(max_lat));
    g.cell_min_m = g.cell_deg * kMetresPerDegree * std::cos(std::min(widest_lat, 89.9) * kPi / 180);

    std::vector<std::pair<std::size_t, Segment>> listed;
    listed.reserve(segment_count * 2);
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        const auto& course = g.courses[a];
        for (std::size_t i = 0; i + 1 < course.size(); ++i) {
            const GeoPoint &p = course[i], &q = course[i + 1];
            std::size_t r0 = g.row_of(std::min(p.lat, q.lat)), r1 = g.row_of(std::max(p.lat, q.lat));
            std::size_t c0 = g.col_of(std::min(p.lon, q.lon)), c1 = g.col_of(std::max(p.lon, q.lon));
            for (std::size_t r = r0; r <= r1; ++r)
                for (std::size_t c = c0; c <= c1; ++c)
                    listed.push_back({r * g.cols + c, Segment{a, static_cast<std::uint32_t>(i)}});
        }
    }
    std::stable_sort(listed.begin(), listed.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    g.cell_start.assign(g.rows * g.cols + 1, 0);
    for (const auto& [cell, segment] : listed) ++g.cell_start[cell + 1];
    for (std::size_t c = 0; c < g.rows * g.cols; ++c) g.cell_start[c + 1] += g.cell_start[c];
    g.segments.reserve(listed.size());
    for (const auto& entry : listed) g.segments.push_back(entry.second);
}

SnapIndex::~SnapIndex() = default;
SnapIndex::SnapIndex(SnapIndex&&) noexcept = default;

std::optional<RoadSnap> SnapIndex::snap(double lat, double lon) const { return nearest(lat, lon, nullptr); }

std::optional<RoadSnap> SnapIndex::snap(double lat, double lon, const VehicleLimits& vehicle) const {
    return nearest(lat, lon, &vehicle);
}

std::optional<RoadSnap> SnapIndex::nearest(double lat, double lon, const VehicleLimits* vehicle) const {
    const Grid& g = *grid_;
    if (g.segments.empty()) return std::nullopt;
    const double x_scale = kMetresPerDegree * std::cos(lat * kPi / 180);
    struct Best {
        double distance = std::numeric_limits<double>::infinity();
        Segment segment{0, 0};
        double t = 0;
    } best;
    auto consider = [&](const Segment& s) {
        if (vehicle && !vehicle_may_use(*network_, s.arc, *vehicle)) return;
        const GeoPoint &p = g.courses[s.arc][s.index], &q = g.courses[s.arc][s.index + 1];
        double px = (p.lon - lon) * x_scale, py = (p.lat - lat) * kMetresPerDegree;
        double dx = (q.lon - p.lon) * x_scale, dy = (q.lat - p.lat) * kMetresPerDegree;
        double length2 = dx * dx + dy * dy;
        double t = length2 > 0 ? std::clamp(-(px * dx + py * dy) / length2, 0.0, 1.0) : 0.0;
        double distance = std::hypot(px + t * dx, py + t * dy);
        bool nearer = distance < best.distance - kTieM;
        bool tie = !nearer && distance <= best.distance + kTieM &&
                   std::pair(s.arc, s.index) < std::pair(best.segment.arc, best.segment.index);
        if (nearer || tie) best = {nearer ? distance : best.distance, s, t};
    };
    const std::size_t row = g.row_of(lat), col = g.col_of(lon);
    const double cell_m = std::min(g.cell_min_m, g.cell_deg * x_scale) * 0.99;
    const std::size_t widest = std::max(g.rows, g.cols);
    for (std::size_t ring = 0; ring <= widest; ++ring) {
        // Cells of this ring: Chebyshev distance `ring` from (row, col).
        long r_lo = static_cast<long>(row) - static_cast<long>(ring), r_hi = static_cast<long>(row + ring);
        long c_lo = static_cast<long>(col) - static_cast<long>(ring), c_hi = static_cast<long>(col + ring);
        for (long r = std::max(r_lo, 0L); r <= std::min(r_hi, static_cast<long>(g.rows) - 1); ++r)
            for (long c = std::max(c_lo, 0L); c <= std::min(c_hi, static_cast<long>(g.cols) - 1); ++c) {
                if (r != r_lo && r != r_hi && c != c_lo && c != c_hi) continue;
                std::size_t cell = static_cast<std::size_t>(r) * g.cols + static_cast<std::size_t>(c);
                for (std::size_t i = g.cell_start[cell]; i < g.cell_start[cell + 1]; ++i)
                    consider(g.segments[i]);
            }
        // Every cell of the next ring lies at least `ring` whole cells from the query's cell (for a
        // query outside the grid, from its projection onto the grid, which is no farther).
        if (best.distance < static_cast<double>(ring) * cell_m) break;
    }
    if (!std::isfinite(best.distance)) return std::nullopt;  // no road the vehicle may use
    const auto& course = g.courses[best.segment.arc];
    const GeoPoint &p = course[best.segment.index], &q = course[best.segment.index + 1];
    RoadSnap snap;
    snap.arc = best.segment.arc;
    snap.point = {p.lat + best.t * (q.lat - p.lat), p.lon + best.t * (q.lon - p.lon)};
    if (best.t == 0) snap.point = p;
    if (best.t == 1) snap.point = q;
    snap.distance_m = great_circle_m(lat, lon, snap.point.lat, snap.point.lon);
    double along = 0, total = 0;
    for (std::size_t i = 0; i + 1 < course.size(); ++i) {
        double length = great_circle_m(course[i].lat, course[i].lon, course[i + 1].lat, course[i + 1].lon);
        if (i < best.segment.index) along += length;
        total += length;
    }
    along += great_circle_m(p.lat, p.lon, snap.point.lat, snap.point.lon);
    snap.fraction = total > 0 ? std::clamp(along / total, 0.0, 1.0) : 0.0;
    return snap;
}

}  // namespace corridor
