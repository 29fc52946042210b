#pragma once
// The road network of a theatre: places (towns, junctions, airfields, posts) joined by one-way
// arcs; a two-way road is two arcs. Each attribute is an array indexed by node or by arc, and the
// arcs are grouped by start node with their row starts: a compressed sparse row graph, forward
// and reversed (docs/architecture.md, decision 5). A network read from a prepared file uses that
// file's arrays in place (column.hpp).

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corridor/engine/result.hpp"
#include "corridor/network/column.hpp"

namespace corridor {

using NodeIndex = std::uint32_t;
using ArcIndex = std::uint32_t;

/// Whether heavy goods vehicles (above 3.5 t, vehicle_limits.hpp) may use a road: OpenStreetMap
/// `hgv=*` (docs/network.md, "Heavy vehicles"). `designated` is a signed truck route; it is
/// allowed and not preferred.
enum class HgvAccess : std::uint8_t { unrestricted, no, designated };

enum class NodeKind : std::uint8_t { junction, town, airfield, depot, checkpoint, post, crossing };
enum class RoadClass : std::uint8_t {
    motorway,
    trunk,
    primary,
    secondary,
    tertiary,
    unclassified,
    residential,
    living_street,
    service,
    track
};

std::string_view to_string(NodeKind kind);
std::string_view to_string(RoadClass road_class);
std::string_view to_string(HgvAccess access);
/// `unrestricted` (or `yes`), `no`, `designated`; the error suggests the nearest.
Result<HgvAccess> parse_hgv_access(std::string_view text);
/// A kind or class by name; the error names the text and suggests the nearest valid name.
Result<NodeKind> parse_node_kind(std::string_view text);
Result<RoadClass> parse_road_class(std::string_view text);

/// Free-flow speed a road class gets when its data gives none (docs/network.md gives the source).
double default_speed_kph(RoadClass road_class);
/// Capacity of one lane in vehicles an hour, by class (docs/network.md).
double default_lane_capacity_vph(RoadClass road_class);

inline constexpr double kNoCoordinate = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kNoWeightLimit = std::numeric_limits<double>::infinity();
// No signed limit for the height, width or axle load of a road.
inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

struct NodeInfo {
    std::string id;  // the name used in files and on the command line
    std::string name;
    NodeKind kind = NodeKind::junction;
    double lat = kNoCoordinate;
    double lon = kNoCoordinate;
    bool has_coordinates() const { return !std::isnan(lat) && !std::isnan(lon); }
};

/// A point on the globe, degrees (WGS 84).
struct GeoPoint {
    double lat = 0;
    double lon = 0;
    bool operator==(const GeoPoint&) const = default;
};

struct RoadAttributes {
    double length_m = 0;
    double speed_kph = 0;
    int lanes = 1;
    double capacity_vph = 0;  // 0: lanes x the class default
    double weight_limit_t = kNoWeightLimit;
    double axle_load_limit_t = kNoLimit;
    double height_limit_m = kNoLimit;  // a low bridge or underpass over the road
    double width_limit_m = kNoLimit;
    HgvAccess hgv = HgvAccess::unrestricted;
    RoadClass road_class = RoadClass::unclassified;
    std::string name;
};

/// A turn from one arc into the next, forbidden at the node where `in` ends and `out` starts
/// (an OpenStreetMap `restriction` relation; docs/network.md, "Turn restrictions").
struct ForbiddenTurn {
    ArcIndex in = 0, out = 0;
    bool heavy_only = false;  // from `restriction:hgv`: only heavy goods vehicles are bound by it
    bool operator==(const ForbiddenTurn&) const = default;
};

class RoadNetwork {
  public:
    RoadNetwork();
    ~RoadNetwork();
    RoadNetwork(RoadNetwork&&) noexcept;
    RoadNetwork& operator=(RoadNetwork&&) noexcept;

    std::size_t node_count() const { return lat_.size(); }
    std::size_t arc_count() const { return from_.size(); }

    /// A node's id, name, kind and position, put together (its id and name copied): for the hot
    /// paths, node_lat, node_lon and node_kind read one attribute.
    NodeInfo node(NodeIndex v) const;
    /// The name used in files and on the command line.
    std::string node_id(NodeIndex v) const;
    double node_lat(NodeIndex v) const { return lat_[v]; }
    double node_lon(NodeIndex v) const { return lon_[v]; }
    bool node_has_coordinates(NodeIndex v) const { return !std::isnan(lat_[v]) && !std::isnan(lon_[v]); }
    NodeKind node_kind(NodeIndex v) const { return kind_[v]; }
    std::optional<NodeIndex> find_node(std::string_view id) const;
    bool has_coordinates() const { return has_coordinates_; }

    NodeIndex arc_from(ArcIndex a) const { return from_[a]; }
    NodeIndex arc_to(ArcIndex a) const { return to_[a]; }
    double length_m(ArcIndex a) const { return length_m_[a]; }
    std::span<const double> lengths_m() const { return length_m_.span(); }
    double speed_kph(ArcIndex a) const { return speed_kph_[a]; }
    int lanes(ArcIndex a) const { return lanes_[a]; }
    double capacity_vph(ArcIndex a) const { return capacity_vph_[a]; }
    double weight_limit_t(ArcIndex a) const { return weight_limit_t_[a]; }
    double axle_load_limit_t(ArcIndex a) const { return axle_load_limit_t_[a]; }
    double height_limit_m(ArcIndex a) const { return height_limit_m_[a]; }
    double width_limit_m(ArcIndex a) const { return width_limit_m_[a]; }
    HgvAccess hgv_access(ArcIndex a) const { return hgv_[a]; }
    RoadClass road_class(ArcIndex a) const { return road_class_[a]; }
    const std::string& road_name(ArcIndex a) const { return names_[name_[a]]; }
    /// True for a one-way road; false when the same road also runs the other way as another arc.
    bool one_way(ArcIndex a) const { return one_way_[a] != 0; }
    /// The points a road passes between its two end nodes, in the arc's direction (an OpenStreetMap
    /// way's shape nodes); empty for a road drawn as a straight line.
    std::span<const GeoPoint> shape_points(ArcIndex a) const {
        if (shape_start_.empty()) return {};  // no arc has any
        return {shape_.data() + shape_start_[a],
                static_cast<std::size_t>(shape_start_[a + 1] - shape_start_[a])};
    }
    /// The course of an arc for a map: its start node, its shape points, its end node. Empty when
    /// an end node has no coordinates.
    std::vector<GeoPoint> arc_course(ArcIndex a) const;
    /// Free-flow travel time over the arc, seconds.
    double free_flow_time_s(ArcIndex a) const { return length_m_[a] * 3.6 / speed_kph_[a]; }

    /// Arcs leaving v are [first, last): arcs are stored grouped by their start node.
    std::pair<ArcIndex, ArcIndex> out_arcs(NodeIndex v) const {
        return {forward_start_[v], forward_start_[v + 1]};
    }
    /// Arcs entering v, as the slots [first, last) of the reversed graph: in_arc(slot) is the arc
    /// and in_from(slot) its start node, for searches that run backwards.
    std::pair<std::uint32_t, std::uint32_t> in_slots(NodeIndex v) const {
        return {reverse_start_[v], reverse_start_[v + 1]};
    }
    ArcIndex in_arc(std::uint32_t slot) const { return reverse_arc_[slot]; }
    NodeIndex in_from(std::uint32_t slot) const { return from_[reverse_arc_[slot]]; }
    /// All arcs from u to v (a map can hold parallel roads).
    std::vector<ArcIndex> arcs_between(NodeIndex u, NodeIndex v) const;

    /// Forbidden turns, sorted by (in, out): what the turn-aware search (router.hpp) respects.
    const std::vector<ForbiddenTurn>& forbidden_turns() const { return forbidden_turns_; }
    /// True when turning from `in` into `out` is forbidden for the vehicle (`heavy`: a heavy
    /// goods vehicle, bound also by the restrictions for them).
    bool turn_forbidden(ArcIndex in, ArcIndex out, bool heavy) const;

    /// Weakly connected parts: part 0 is the largest, then by decreasing size.
    std::uint32_t part(NodeIndex v) const { return part_[v]; }
    const std::vector<std::size_t>& part_sizes() const { return part_sizes_; }

    /// The node of the largest part nearest to a point (great-circle), if the network has
    /// coordinates: a point snapped into a stray fragment of a map would reach nowhere.
    std::optional<NodeIndex> nearest_node(double lat, double lon) const;

    /// Bytes held, for the memory figures of docs/performance.md.
    std::size_t memory_bytes() const;
    /// True when the arrays are a prepared file's bytes, read in place.
    bool viewing_prepared_file() const { return file_bytes_ != nullptr; }

  private:
    friend class RoadNetworkBuilder;
    friend struct NetworkArrays;  // the prepared network file (sim/network/network_arrays.hpp)

    /// Fills index_of_ from ids_; false if an id appears twice.
    bool index_network_ids();

    // Nodes.
    Column<double> lat_, lon_;
    Column<NodeKind> kind_;
    TextColumn ids_;  // empty when the ids are numbered
    TextColumn node_names_;
    // Ids "1".."N" in node order (DIMACS): found by their number, with no index or texts to hold.
    bool numbered_ids_ = false;
    bool has_coordinates_ = false;
    std::unordered_map<std::string_view, NodeIndex> index_of_;  // its keys are ids_' texts
    // Arcs, grouped by start node.
    Column<NodeIndex> from_, to_;
    Column<double> length_m_;
    Column<float> speed_kph_;
    Column<std::uint8_t> lanes_;
    Column<float> capacity_vph_;
    Column<float> weight_limit_t_;
    Column<float> axle_load_limit_t_, height_limit_m_, width_limit_m_;
    Column<HgvAccess> hgv_;
    Column<RoadClass> road_class_;
    Column<std::uint32_t> name_;
    Column<std::uint8_t> one_way_;
    std::vector<ForbiddenTurn> forbidden_turns_;
    std::vector<std::string> names_;
    // Shape points of every arc in one array: arc a's are [shape_start_[a], shape_start_[a + 1]);
    // no starts when no arc has shape points.
    Column<std::uint64_t> shape_start_;
    Column<GeoPoint> shape_;
    // The graph: arcs leaving v are [forward_start_[v], forward_start_[v + 1]); arcs entering v
    // are the reverse slots [reverse_start_[v], reverse_start_[v + 1]).
    Column<ArcIndex> forward_start_, reverse_start_;
    Column<ArcIndex> reverse_arc_;
    Column<std::uint32_t> part_;
    std::vector<std::size_t> part_sizes_;
    // A prepared file's sections, which the columns above view; null for a network built here.
    std::shared_ptr<const void> file_bytes_;
    std::size_t file_bytes_size_ = 0;
};

/// Collects nodes and roads in any order, then builds the network.
class RoadNetworkBuilder {
  public:
    std::optional<NodeIndex> find(std::string_view id) const;
    /// Adds a node; the caller has checked that its id is new.
    NodeIndex add_node(NodeInfo node);
    /// Adds `count` junctions with ids "1".."count" (DIMACS numbering); they need no id index,
    /// which makes loading a large graph several times faster.
    void add_numbered_nodes(std::size_t count);
    /// Adds a road: one arc, or two if it is not one-way. Attributes must be valid. `shape` is the
    /// points between `from` and `to`, in that order (the arc back gets them reversed).
    void add_road(NodeIndex from, NodeIndex to, const RoadAttributes& road, bool one_way,
                  std::span<const GeoPoint> shape = {});
    /// Adds one arc only, marked one-way or not as given: for copying a network arc by arc, where
    /// a two-way road's arc back is copied on its own (sim/network/split_roads.cpp).
    void add_arc(NodeIndex from, NodeIndex to, const RoadAttributes& road, bool one_way,
                 std::span<const GeoPoint> shape = {});
    std::size_t node_count() const { return nodes_.size(); }
    std::size_t arc_count() const { return arcs_.size(); }
    NodeInfo& node(NodeIndex v) { return nodes_[v]; }
    /// Forbids a turn between two arcs named by the order they were added in (arc_count() before
    /// add_road is the first arc of that road; its way back, if two-way, is the next).
    void forbid_turn(std::size_t in_added, std::size_t out_added, bool heavy_only);

    RoadNetwork build() &&;
    /// Builds the network from arcs alike in all but their ends and length (a DIMACS graph),
    /// given as arrays in the order they were read: every arc gets `road`'s other attributes and
    /// `one_way`. The same network as add_road arc by arc and build(), without a record per arc.
    /// Only for a builder that has nodes and no roads.
    RoadNetwork build_uniform(std::vector<NodeIndex> from, std::vector<NodeIndex> to,
                              std::vector<double> length_m, const RoadAttributes& road, bool one_way) &&;

  private:
    /// The steps both builds end with, once `network` holds its arcs in order: the reverse CSR,
    /// the weakly connected parts and the nodes.
    RoadNetwork finish(RoadNetwork network, std::vector<ArcIndex> forward_start) &&;

    struct PendingArc {
        NodeIndex from, to;
        double length_m;
        float speed_kph;
        std::uint8_t lanes;
        float capacity_vph;
        float weight_limit_t;
        float axle_load_limit_t, height_limit_m, width_limit_m;
        HgvAccess hgv;
        RoadClass road_class;
        std::uint32_t name;
        bool one_way;
        std::size_t shape_first, shape_count;  // in shapes_
        bool shape_reversed;
        std::uint32_t added;  // its number in the order of adding, for forbid_turn
    };
    std::uint32_t intern(const std::string& name);

    std::vector<NodeInfo> nodes_;
    std::unordered_map<std::string, NodeIndex> index_of_;
    bool numbered_ids_ = false;  // every node so far from add_numbered_nodes, none in index_of_
    std::vector<PendingArc> arcs_;
    std::vector<ForbiddenTurn> forbidden_turns_;  // by added numbers until build()
    std::vector<GeoPoint> shapes_;  // each road's shape points once, shared by its two arcs
    std::vector<std::string> names_{""};
    std::unordered_map<std::string, std::uint32_t> name_index_{{"", 0}};
};

/// Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m, IUGG).
double great_circle_m(double lat1, double lon1, double lat2, double lon2);

}  // namespace corridor
