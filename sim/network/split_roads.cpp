// Splitting roads at snapped places: the network is copied arc by arc, and an arc with places on
// it becomes pieces joined at new nodes. Building a new network, rather than adding virtual nodes
// at query time as GraphHopper's QueryGraph does, keeps every later user (scenarios, the router,
// the maps) unaware of snapping: a snapped place is an ordinary node. It costs one copy of the
// network when a scenario is loaded.

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "corridor/network/snap.hpp"

namespace corridor {
namespace {

// Shape points this close (metres along the road) to a cut belong to neither piece: the new node
// stands there.
constexpr double kShapeAtCutM = 0.01;

struct Cut {
    double fraction;
    NodeIndex node;
};

// The arc back of a two-way road: it joins the same nodes the other way, with the same length
// and the same shape reversed (a map may hold parallel roads between two nodes).
std::optional<ArcIndex> arc_back(const RoadNetwork& network, ArcIndex a) {
    if (network.one_way(a)) return std::nullopt;
    auto shape = network.shape_points(a);
    for (ArcIndex b : network.arcs_between(network.arc_to(a), network.arc_from(a))) {
        if (b == a || network.one_way(b) || network.length_m(b) != network.length_m(a)) continue;
        auto back = network.shape_points(b);
        if (back.size() == shape.size() && std::equal(shape.begin(), shape.end(), back.rbegin())) return b;
    }
    return std::nullopt;
}

// Arc a cut into pieces at `cuts` (sorted by fraction), each piece its share of the length and the
// shape points between its ends.
void add_pieces(const RoadNetwork& network, ArcIndex a, const std::vector<Cut>& cuts,
                RoadNetworkBuilder& out) {
    const RoadAttributes road = road_attributes(network, a);
    const std::vector<GeoPoint> course = network.arc_course(a);
    std::vector<double> along(course.size(), 0);
    for (std::size_t i = 1; i < course.size(); ++i)
        along[i] =
            along[i - 1] + great_circle_m(course[i - 1].lat, course[i - 1].lon, course[i].lat, course[i].lon);
    const double total = along.empty() ? 0 : along.back();
    NodeIndex start = network.arc_from(a);
    double start_fraction = 0;
    auto add_piece = [&](NodeIndex end, double end_fraction) {
        RoadAttributes piece = road;
        piece.length_m = road.length_m * (end_fraction - start_fraction);
        std::vector<GeoPoint> shape;
        for (std::size_t i = 1; i + 1 < course.size(); ++i)
            if (along[i] > start_fraction * total + kShapeAtCutM &&
                along[i] < end_fraction * total - kShapeAtCutM)
                shape.push_back(course[i]);
        out.add_arc(start, end, piece, network.one_way(a), shape);
        start = end;
        start_fraction = end_fraction;
    };
    for (const Cut& cut : cuts) add_piece(cut.node, cut.fraction);
    add_piece(network.arc_to(a), 1.0);
}

}  // namespace

RoadAttributes road_attributes(const RoadNetwork& network, ArcIndex arc) {
    RoadAttributes road;
    road.length_m = network.length_m(arc);
    road.speed_kph = network.speed_kph(arc);
    road.lanes = network.lanes(arc);
    road.capacity_vph = network.capacity_vph(arc);
    road.weight_limit_t = network.weight_limit_t(arc);
    road.axle_load_limit_t = network.axle_load_limit_t(arc);
    road.height_limit_m = network.height_limit_m(arc);
    road.width_limit_m = network.width_limit_m(arc);
    road.hgv = network.hgv_access(arc);
    road.road_class = network.road_class(arc);
    road.name = network.road_name(arc);
    return road;
}

std::string describe_road(const RoadNetwork& network, ArcIndex arc) {
    const std::string& name = network.road_name(arc);
    return (name.empty() ? std::string("unnamed road") : name) + " (" +
           std::string(to_string(network.road_class(arc))) + (network.one_way(arc) ? ", one-way" : "") +
           ", " + network.node(network.arc_from(arc)).id + " -> " + network.node(network.arc_to(arc)).id +
           ")";
}

Result<SplitNetwork> split_roads(const RoadNetwork& network, std::span<const SnapPlace> places) {
    SplitNetwork split;
    std::map<ArcIndex, std::vector<Cut>> cuts;
    std::vector<NodeInfo> added;
    std::unordered_set<std::string> added_ids;
    for (const SnapPlace& place : places) {
        const ArcIndex a = place.snap.arc;
        const double f = place.snap.fraction, length = network.length_m(a);
        if (f * length < kSnapToNodeM) {
            split.nodes.push_back(network.arc_from(a));
            continue;
        }
        if ((1 - f) * length < kSnapToNodeM) {
            split.nodes.push_back(network.arc_to(a));
            continue;
        }
        std::vector<Cut>& on_arc = cuts[a];
        auto same = std::find_if(on_arc.begin(), on_arc.end(), [&](const Cut& c) {
            return std::abs(c.fraction - f) * length < kSnapToNodeM;
        });
        if (same != on_arc.end()) {
            split.nodes.push_back(same->node);
            continue;
        }
        if (network.find_node(place.id) || !added_ids.insert(place.id).second)
            return Error{"the node id '" + place.id + "' for a snapped place is already taken"};
        const auto node = static_cast<NodeIndex>(network.node_count() + added.size());
        added.push_back(
            NodeInfo{place.id, place.name, place.kind, place.snap.point.lat, place.snap.point.lon});
        on_arc.push_back({f, node});
        if (auto back = arc_back(network, a)) cuts[*back].push_back({1 - f, node});
        split.nodes.push_back(node);
    }
    RoadNetworkBuilder builder;
    for (NodeIndex v = 0; v < network.node_count(); ++v) builder.add_node(network.node(v));
    for (NodeInfo& node : added) builder.add_node(std::move(node));
    // The numbers (in the order of adding) of each old arc's first and last piece: a forbidden turn
    // leaves the last piece of its arc in and enters the first piece of its arc out.
    std::vector<std::size_t> first_piece(network.arc_count()), last_piece(network.arc_count());
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        first_piece[a] = builder.arc_count();
        if (auto it = cuts.find(a); it != cuts.end()) {
            std::stable_sort(it->second.begin(), it->second.end(),
                             [](const Cut& x, const Cut& y) { return x.fraction < y.fraction; });
            add_pieces(network, a, it->second, builder);
        } else {
            builder.add_arc(network.arc_from(a), network.arc_to(a), road_attributes(network, a),
                            network.one_way(a), network.shape_points(a));
        }
        last_piece[a] = builder.arc_count() - 1;
    }
    for (const ForbiddenTurn& turn : network.forbidden_turns())
        builder.forbid_turn(last_piece[turn.in], first_piece[turn.out], turn.heavy_only);
    split.network = std::move(builder).build();
    return split;
}

}  // namespace corridor
