// The generated road grid (docs/network.md, "Generated networks"): W x H junctions jittered around a
// lat/lon origin, joined by streets along rows and columns whose class follows a hierarchy (every
// 50th line primary, every 10th secondary, every 5th tertiary, the rest residential), a few
// diagonals, motorways with interchanges every 10th junction, one-way residential streets in
// alternating directions, and weight limits on a few bridges. Every draw comes from a stream keyed
// by the seed, the purpose and the row, so the network depends on the seed and the spec only.

#include <algorithm>
#include <cmath>

#include "corridor/engine/random.hpp"
#include "corridor/network/generate.hpp"
#include "strong_parts.hpp"

namespace corridor {
namespace {

// Metres in one degree of latitude on the sphere great_circle_m uses (R = 6,371,008.8 m).
constexpr double kMetresPerDegree = 6'371'008.8 * 3.14159265358979323846 / 180.0;

struct PlannedRoad {
    NodeIndex from, to;
    RoadClass road_class;
    double length_m;
    double weight_limit_t;
    bool one_way;
    std::uint32_t motorway;  // 1-based motorway number, 0 for a street
};

// One road's draws, always all five so that changing one share leaves the others' draws alone.
struct RoadDraws {
    double drop, one_way, winding, bridge, limit;
};

RoadDraws draw(RandomStream& stream) {
    return {stream.uniform01(), stream.uniform01(), stream.uniform01(), stream.uniform01(),
            stream.uniform01()};
}

class GridPlan {
  public:
    GridPlan(const GridSpec& spec, GridSummary& summary) : spec_(spec), summary_(summary) {}

    void place_junctions();
    void plan_roads();
    void keep_strongly_connected();
    RoadNetwork build() const;

  private:
    NodeIndex at(std::uint32_t row, std::uint32_t column) const { return row * spec_.columns + column; }
    RoadClass line_class(std::uint32_t line) const;
    bool motorway_line(std::uint32_t line, std::uint32_t size, std::uint32_t count) const;
    void add_street(NodeIndex from, NodeIndex to, RoadClass road_class, bool forward, RandomStream& stream);
    double length_between(NodeIndex a, NodeIndex b, double winding_draw) const;

    const GridSpec& spec_;
    GridSummary& summary_;
    std::vector<GeoPoint> points_;
    std::vector<PlannedRoad> roads_;
};

RoadClass GridPlan::line_class(std::uint32_t line) const {
    if (spec_.primary_every > 0 && line % spec_.primary_every == 0) return RoadClass::primary;
    if (spec_.secondary_every > 0 && line % spec_.secondary_every == 0) return RoadClass::secondary;
    if (line % 5 == 0) return RoadClass::tertiary;
    return RoadClass::residential;
}

// Motorway lines sit at equal fractions of the grid, on a secondary line so that they cross the
// hierarchy where a planner would expect an interchange.
bool GridPlan::motorway_line(std::uint32_t line, std::uint32_t size, std::uint32_t count) const {
    std::uint32_t step = std::max<std::uint32_t>(spec_.secondary_every, 1);
    for (std::uint32_t j = 0; j < count; ++j) {
        std::uint32_t at =
            static_cast<std::uint32_t>(std::uint64_t{size} * (j + 1) / (count + 1)) / step * step;
        if (at == line) return true;
    }
    return false;
}

void GridPlan::place_junctions() {
    double lat_step = spec_.spacing_m / kMetresPerDegree;
    double lon_step = lat_step / std::cos(spec_.origin_lat * 3.14159265358979323846 / 180.0);
    points_.resize(spec_.node_count());
    for (std::uint32_t r = 0; r < spec_.rows; ++r) {
        RandomStream stream({spec_.seed, 0, purpose_id("grid junctions"), r});
        for (std::uint32_t c = 0; c < spec_.columns; ++c) {
            double dy = spec_.jitter * (2 * stream.uniform01() - 1);
            double dx = spec_.jitter * (2 * stream.uniform01() - 1);
            // Rounded to 1e-7 degree (about 1 cm), what the CSV writer keeps, so files read back exactly.
            points_[at(r, c)] = {std::round((spec_.origin_lat + (r + dy) * lat_step) * 1e7) / 1e7,
                                 std::round((spec_.origin_lon + (c + dx) * lon_step) * 1e7) / 1e7};
        }
    }
}

double GridPlan::length_between(NodeIndex a, NodeIndex b, double winding_draw) const {
    double straight = great_circle_m(points_[a].lat, points_[a].lon, points_[b].lat, points_[b].lon);
    double winding = 1 + winding_draw * (spec_.max_winding - 1);
    // To the millimetre, what the CSV writer keeps; never below a metre.
    return std::max(1.0, std::round(straight * winding * 1000) / 1000);
}

// A street of the grid: `forward` says which way a one-way street of this line runs.
void GridPlan::add_street(NodeIndex from, NodeIndex to, RoadClass road_class, bool forward,
                          RandomStream& stream) {
    RoadDraws d = draw(stream);
    bool minor = road_class == RoadClass::residential || road_class == RoadClass::tertiary;
    if (minor && d.drop < spec_.dropped_share) {
        ++summary_.dropped;
        return;
    }
    PlannedRoad road{from, to, road_class, length_between(from, to, d.winding), kNoWeightLimit, false, 0};
    if (road_class == RoadClass::residential && d.one_way < spec_.one_way_share) {
        road.one_way = true;
        if (!forward) std::swap(road.from, road.to);
    }
    // Bridges with limits on the lower classes only: primaries and motorways carry heavy traffic.
    if (road_class != RoadClass::primary && d.bridge < spec_.bridge_share) {
        static constexpr double kLimits_t[] = {12, 20, 30, 40};
        road.weight_limit_t = kLimits_t[std::min(3, static_cast<int>(d.limit * 4))];
    }
    roads_.push_back(road);
}

void GridPlan::plan_roads() {
    std::uint32_t motorway_rows = (spec_.motorway_lines + 1) / 2, motorway_columns = spec_.motorway_lines / 2;
    std::uint32_t exit = std::max<std::uint32_t>(spec_.motorway_exit_every, 1);
    for (std::uint32_t r = 0; r < spec_.rows; ++r) {
        RandomStream stream({spec_.seed, 0, purpose_id("grid roads"), r});
        bool motorway_row = motorway_line(r, spec_.rows, motorway_rows);
        for (std::uint32_t c = 0; c < spec_.columns; ++c) {
            NodeIndex here = at(r, c);
            // One-way streets alternate: even rows eastbound, odd westbound; even columns northbound.
            if (c + 1 < spec_.columns) add_street(here, at(r, c + 1), line_class(r), r % 2 == 0, stream);
            if (r + 1 < spec_.rows) add_street(here, at(r + 1, c), line_class(c), c % 2 == 0, stream);
            if (r + 1 < spec_.rows && c + 1 < spec_.columns) {
                double u = stream.uniform01(), side = stream.uniform01(), winding = stream.uniform01();
                if (u < spec_.diagonal_share) {
                    NodeIndex a = side < 0.5 ? here : at(r, c + 1),
                              b = side < 0.5 ? at(r + 1, c + 1) : at(r + 1, c);
                    roads_.push_back({a, b, RoadClass::unclassified, length_between(a, b, winding),
                                      kNoWeightLimit, false, 0});
                }
            }
            double winding = stream.uniform01();
            if (motorway_row && c % exit == 0 && c + exit < spec_.columns)
                roads_.push_back({here, at(r, c + exit), RoadClass::motorway,
                                  length_between(here, at(r, c + exit), winding), kNoWeightLimit, false, 1});
            if (motorway_line(c, spec_.columns, motorway_columns) && r % exit == 0 && r + exit < spec_.rows)
                roads_.push_back({here, at(r + exit, c), RoadClass::motorway,
                                  length_between(here, at(r + exit, c), winding), kNoWeightLimit, false, 2});
        }
    }
}

// One-way streets whose two ends fall in different strongly connected parts become two-way. Then
// every road is two-way or inside a part, so each weakly connected part is strongly connected: one
// pass is enough.
void GridPlan::keep_strongly_connected() {
    std::size_t n = points_.size();
    std::vector<std::size_t> first(n + 1, 0);
    for (const PlannedRoad& road : roads_) {
        ++first[road.from + 1];
        if (!road.one_way) ++first[road.to + 1];
    }
    for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];
    std::vector<std::uint32_t> head(first[n]);
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (const PlannedRoad& road : roads_) {
        head[fill[road.from]++] = road.to;
        if (!road.one_way) head[fill[road.to]++] = road.from;
    }
    std::vector<std::uint32_t> part = strong_parts(first, head, nullptr);
    for (PlannedRoad& road : roads_)
        if (road.one_way && part[road.from] != part[road.to]) {
            road.one_way = false;
            ++summary_.made_two_way;
        }
}

RoadNetwork GridPlan::build() const {
    RoadNetworkBuilder builder;
    for (std::size_t v = 0; v < points_.size(); ++v)
        builder.add_node(
            NodeInfo{std::to_string(v + 1), "", NodeKind::junction, points_[v].lat, points_[v].lon});
    for (const PlannedRoad& planned : roads_) {
        RoadAttributes road;
        road.length_m = planned.length_m;
        road.road_class = planned.road_class;
        road.speed_kph = default_speed_kph(planned.road_class);
        road.lanes =
            planned.road_class == RoadClass::motorway || planned.road_class == RoadClass::primary ? 2 : 1;
        road.weight_limit_t = planned.weight_limit_t;
        if (planned.motorway) road.name = "A" + std::to_string(planned.motorway);
        builder.add_road(planned.from, planned.to, road, planned.one_way);
        summary_.one_way_roads += planned.one_way;
        summary_.bridges += planned.weight_limit_t != kNoWeightLimit;
    }
    summary_.roads = roads_.size();
    return std::move(builder).build();
}

}  // namespace

GridSpec GridSpec::with_nodes(std::size_t nodes, std::uint64_t seed) {
    GridSpec spec;
    spec.seed = seed;
    auto side = static_cast<std::uint32_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    while (std::size_t{side} * side < nodes) ++side;
    spec.columns = spec.rows = std::max<std::uint32_t>(side, 2);
    return spec;
}

RoadNetwork generate_road_grid(const GridSpec& spec, GridSummary* summary) {
    GridSummary local;
    GridSummary& out = summary ? *summary : local;
    out = {};
    GridPlan plan(spec, out);
    plan.place_junctions();
    plan.plan_roads();
    plan.keep_strongly_connected();
    return plan.build();
}

std::size_t largest_strong_part(const RoadNetwork& network) {
    std::size_t n = network.node_count();
    std::vector<std::size_t> first(n + 1, 0);
    std::vector<std::uint32_t> head(network.arc_count());
    for (NodeIndex v = 0; v < n; ++v) {
        auto [begin, end] = network.out_arcs(v);
        first[v + 1] = end;
        for (ArcIndex a = begin; a < end; ++a) head[a] = network.arc_to(a);
    }
    std::uint32_t count = 0;
    std::vector<std::uint32_t> part = strong_parts(first, head, &count);
    std::vector<std::size_t> size(count, 0);
    for (std::uint32_t p : part) ++size[p];
    return size.empty() ? 0 : *std::max_element(size.begin(), size.end());
}

}  // namespace corridor
