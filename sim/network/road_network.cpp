#include "corridor/network/road_network.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <tuple>

#include "arc_order.hpp"
#include "corridor/engine/suggest.hpp"
#include "text_reader.hpp"

namespace corridor {
namespace {

constexpr std::string_view kNodeKinds[] = {"junction",   "town", "airfield", "depot",
                                           "checkpoint", "post", "crossing"};
constexpr std::string_view kRoadClasses[] = {"motorway", "trunk",        "primary",     "secondary",
                                             "tertiary", "unclassified", "residential", "living_street",
                                             "service",  "track"};

// Free-flow car speeds by class: the speed table of OSRM's car profile (profiles/car.lua,
// speeds.highway), with track added at 15 km/h for unpaved roads.
constexpr double kDefaultSpeedKph[] = {90, 85, 65, 55, 40, 25, 25, 10, 15, 15};
// Lane capacities (vehicles an hour): orders of magnitude of the Highway Capacity Manual
// (freeways about 2,000 per lane, multilane and two-lane highways 1,400-1,700, streets less);
// estimates, to be replaced by local counts where a planner has them.
constexpr double kLaneCapacityVph[] = {2000, 1800, 1500, 1400, 1200, 900, 700, 400, 500, 300};

constexpr std::size_t kLongestHintedWord = 64;
constexpr std::string_view kHgvAccess[] = {"unrestricted", "no", "designated"};

// The node of a numbered id "1".."count", written as the loaders write it (no sign, no leading
// zero), so that "007" is not node 7 here when it would not be in an id index either.
std::optional<NodeIndex> numbered_index(std::string_view id, std::size_t count) {
    if (id.empty() || id.size() > 10 || id[0] == '0') return std::nullopt;
    std::uint64_t number = 0;
    for (char c : id) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (number > count) return std::nullopt;
    return static_cast<NodeIndex>(number - 1);
}

template <class Enum, std::size_t N>
Result<Enum> parse_enum(std::string_view text, const std::string_view (&names)[N], const char* what) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    std::string message = std::string("unknown ") + what + " '" + excerpt(text) + "'";
    // A hint is at most 3 edits away, so a long text has none; the edit distance would cost
    // its length times each name's.
    if (text.size() > kLongestHintedWord) return Error{message};
    if (auto hint = closest_match(text, {std::begin(names), std::end(names)}))
        message += "; did you mean '" + *hint + "'?";
    return Error{message};
}

}  // namespace

std::string_view to_string(NodeKind kind) { return kNodeKinds[static_cast<int>(kind)]; }
std::string_view to_string(RoadClass road_class) { return kRoadClasses[static_cast<int>(road_class)]; }
Result<NodeKind> parse_node_kind(std::string_view text) {
    return parse_enum<NodeKind>(text, kNodeKinds, "node kind");
}
Result<RoadClass> parse_road_class(std::string_view text) {
    return parse_enum<RoadClass>(text, kRoadClasses, "road class");
}
std::string_view to_string(HgvAccess access) { return kHgvAccess[static_cast<int>(access)]; }
Result<HgvAccess> parse_hgv_access(std::string_view text) {
    if (text == "yes") return HgvAccess::unrestricted;  // OpenStreetMap's word for it
    return parse_enum<HgvAccess>(text, kHgvAccess, "hgv access");
}
double default_speed_kph(RoadClass road_class) { return kDefaultSpeedKph[static_cast<int>(road_class)]; }
double default_lane_capacity_vph(RoadClass road_class) {
    return kLaneCapacityVph[static_cast<int>(road_class)];
}

double great_circle_m(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kEarthRadiusM = 6371008.8;
    constexpr double kRadians = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * kRadians;
    double dlon = (lon2 - lon1) * kRadians;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRadians) *
                                                             std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                                                             std::sin(dlon / 2);
    return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

RoadNetwork::RoadNetwork() = default;
RoadNetwork::~RoadNetwork() = default;
RoadNetwork::RoadNetwork(RoadNetwork&&) noexcept = default;
RoadNetwork& RoadNetwork::operator=(RoadNetwork&&) noexcept = default;

NodeInfo RoadNetwork::node(NodeIndex v) const {
    NodeInfo node;
    node.id = node_id(v);
    node.name = node_names_[v];
    node.kind = kind_[v];
    node.lat = lat_[v];
    node.lon = lon_[v];
    return node;
}

std::string RoadNetwork::node_id(NodeIndex v) const {
    return numbered_ids_ ? std::to_string(v + 1) : std::string(ids_[v]);
}

std::optional<NodeIndex> RoadNetwork::find_node(std::string_view id) const {
    if (numbered_ids_) return numbered_index(id, node_count());
    auto it = index_of_.find(id);
    if (it == index_of_.end()) return std::nullopt;
    return it->second;
}

bool RoadNetwork::index_network_ids() {
    index_of_.clear();
    if (numbered_ids_) return true;
    index_of_.reserve(ids_.size());
    bool unique = true;
    for (NodeIndex v = 0; v < ids_.size(); ++v) unique &= index_of_.emplace(ids_[v], v).second;
    return unique;
}

std::vector<ArcIndex> RoadNetwork::arcs_between(NodeIndex u, NodeIndex v) const {
    std::vector<ArcIndex> arcs;
    auto [first, last] = out_arcs(u);
    for (ArcIndex a = first; a < last; ++a)
        if (to_[a] == v) arcs.push_back(a);
    return arcs;
}

std::vector<GeoPoint> RoadNetwork::arc_course(ArcIndex a) const {
    NodeIndex from = from_[a], to = to_[a];
    if (!node_has_coordinates(from) || !node_has_coordinates(to)) return {};
    std::vector<GeoPoint> course;
    course.reserve(shape_points(a).size() + 2);
    course.push_back({lat_[from], lon_[from]});
    for (const GeoPoint& point : shape_points(a)) course.push_back(point);
    course.push_back({lat_[to], lon_[to]});
    return course;
}

std::optional<NodeIndex> RoadNetwork::nearest_node(double lat, double lon) const {
    std::optional<NodeIndex> best;
    double best_m = std::numeric_limits<double>::infinity();
    for (NodeIndex v = 0; v < node_count(); ++v) {
        if (!node_has_coordinates(v) || part_[v] != 0) continue;
        double m = great_circle_m(lat, lon, lat_[v], lon_[v]);
        if (m < best_m) {
            best_m = m;
            best = v;
        }
    }
    return best;
}

std::size_t RoadNetwork::memory_bytes() const {
    // What is held besides the columns: the id index, road names, forbidden turns, part sizes.
    std::size_t bytes = sizeof(*this);
    bytes += index_of_.size() * (sizeof(std::pair<std::string_view, NodeIndex>) + 2 * sizeof(void*)) +
             index_of_.bucket_count() * sizeof(void*);
    for (const std::string& name : names_)
        bytes += sizeof(std::string) + (name.capacity() > 15 ? name.capacity() : 0);
    bytes += forbidden_turns_.size() * sizeof(ForbiddenTurn) + part_sizes_.size() * sizeof(std::size_t);
    // A network read from a prepared file holds the file's network sections, which its columns view.
    if (file_bytes_) return bytes + file_bytes_size_;
    auto bytes_of = [](const auto& column) { return column.stored().size_bytes(); };
    auto text_bytes = [&](const TextColumn& texts) { return bytes_of(texts.ends) + bytes_of(texts.chars); };
    bytes += bytes_of(lat_) + bytes_of(lon_) + bytes_of(kind_) + text_bytes(ids_) + text_bytes(node_names_);
    bytes += bytes_of(from_) + bytes_of(to_) + bytes_of(length_m_) + bytes_of(speed_kph_) + bytes_of(lanes_) +
             bytes_of(capacity_vph_) + bytes_of(weight_limit_t_) + bytes_of(axle_load_limit_t_) +
             bytes_of(height_limit_m_) + bytes_of(width_limit_m_) + bytes_of(hgv_) + bytes_of(road_class_) +
             bytes_of(name_) + bytes_of(one_way_);
    bytes += bytes_of(forward_start_) + bytes_of(reverse_start_) + bytes_of(reverse_arc_);
    bytes += bytes_of(shape_start_) + bytes_of(shape_) + bytes_of(part_);
    return bytes;
}

std::optional<NodeIndex> RoadNetworkBuilder::find(std::string_view id) const {
    if (numbered_ids_) return numbered_index(id, nodes_.size());
    auto it = index_of_.find(std::string(id));
    if (it == index_of_.end()) return std::nullopt;
    return it->second;
}

bool RoadNetwork::turn_forbidden(ArcIndex in, ArcIndex out, bool heavy) const {
    auto it = std::lower_bound(forbidden_turns_.begin(), forbidden_turns_.end(), std::pair{in, out},
                               [](const ForbiddenTurn& t, std::pair<ArcIndex, ArcIndex> key) {
                                   return std::pair{t.in, t.out} < key;
                               });
    return it != forbidden_turns_.end() && it->in == in && it->out == out && (heavy || !it->heavy_only);
}

void RoadNetworkBuilder::forbid_turn(std::size_t in_added, std::size_t out_added, bool heavy_only) {
    forbidden_turns_.push_back({static_cast<ArcIndex>(in_added), static_cast<ArcIndex>(out_added), heavy_only});
}

NodeIndex RoadNetworkBuilder::add_node(NodeInfo node) {
    if (numbered_ids_) {
        // A named node among numbered ones: from here on every id goes through the index.
        numbered_ids_ = false;
        for (NodeIndex v = 0; v < nodes_.size(); ++v) {
            nodes_[v].id = std::to_string(v + 1);
            index_of_.emplace(nodes_[v].id, v);
        }
    }
    auto index = static_cast<NodeIndex>(nodes_.size());
    index_of_.emplace(node.id, index);
    nodes_.push_back(std::move(node));
    return index;
}

void RoadNetworkBuilder::add_numbered_nodes(std::size_t count) {
    if (nodes_.empty()) numbered_ids_ = true;
    nodes_.reserve(nodes_.size() + count);
    if (numbered_ids_) {
        // Their ids are their numbers, written out only if a named node joins them (add_node).
        nodes_.resize(nodes_.size() + count);
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        NodeInfo node;
        node.id = std::to_string(nodes_.size() + 1);
        index_of_.emplace(node.id, static_cast<NodeIndex>(nodes_.size()));
        nodes_.push_back(std::move(node));
    }
}

std::uint32_t RoadNetworkBuilder::intern(const std::string& name) {
    if (name.empty()) return 0;  // most roads of a large graph have no name
    auto [it, inserted] = name_index_.emplace(name, static_cast<std::uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
}

void RoadNetworkBuilder::add_road(NodeIndex from, NodeIndex to, const RoadAttributes& road, bool one_way,
                                  std::span<const GeoPoint> shape) {
    double capacity =
        road.capacity_vph > 0 ? road.capacity_vph : road.lanes * default_lane_capacity_vph(road.road_class);
    PendingArc arc{from,
                   to,
                   road.length_m,
                   static_cast<float>(road.speed_kph),
                   static_cast<std::uint8_t>(std::clamp(road.lanes, 1, 255)),
                   static_cast<float>(capacity),
                   static_cast<float>(road.weight_limit_t),
                   static_cast<float>(road.axle_load_limit_t),
                   static_cast<float>(road.height_limit_m),
                   static_cast<float>(road.width_limit_m),
                   road.hgv,
                   road.road_class,
                   intern(road.name),
                   one_way,
                   shapes_.size(),
                   shape.size(),
                   false,
                   static_cast<std::uint32_t>(arcs_.size())};
    shapes_.insert(shapes_.end(), shape.begin(), shape.end());
    arcs_.push_back(arc);
    if (!one_way) {
        std::swap(arc.from, arc.to);
        arc.shape_reversed = true;
        arc.added = static_cast<std::uint32_t>(arcs_.size());
        arcs_.push_back(arc);
    }
}

void RoadNetworkBuilder::add_arc(NodeIndex from, NodeIndex to, const RoadAttributes& road, bool one_way,
                                 std::span<const GeoPoint> shape) {
    add_road(from, to, road, true, shape);
    arcs_.back().one_way = one_way;
}

RoadNetwork RoadNetworkBuilder::build() && {
    // Group arcs by start node, keeping input order within a node: the result does not depend on
    // how a sort breaks ties.
    std::size_t n = nodes_.size();
    std::size_t m = arcs_.size();
    std::vector<ArcIndex> forward_start;
    {
        std::vector<ArcIndex> by_from =
            order_by_key(n, m, [&](std::size_t a) { return arcs_[a].from; }, &forward_start);
        // Files listed by tail (most DIMACS graphs) are in order already: no copy of every arc.
        bool in_order = std::is_sorted(arcs_.begin(), arcs_.end(), [](const PendingArc& a, const PendingArc& b) {
            return a.from < b.from;
        });
        if (!in_order) {
            std::vector<PendingArc> sorted(m);
            for (std::size_t i = 0; i < m; ++i) sorted[i] = arcs_[by_from[i]];
            arcs_ = std::move(sorted);
        }
    }
    std::vector<NodeIndex> from(m), to(m);
    std::vector<double> length_m(m);
    std::vector<float> speed_kph(m), capacity_vph(m), weight_limit_t(m), axle_load_limit_t(m),
        height_limit_m(m), width_limit_m(m);
    std::vector<std::uint8_t> lanes(m), one_way(m);
    std::vector<HgvAccess> hgv(m);
    std::vector<RoadClass> road_class(m);
    std::vector<std::uint32_t> name(m);
    for (std::size_t a = 0; a < m; ++a) {
        const PendingArc& arc = arcs_[a];
        from[a] = arc.from;
        to[a] = arc.to;
        length_m[a] = arc.length_m;
        speed_kph[a] = arc.speed_kph;
        lanes[a] = arc.lanes;
        capacity_vph[a] = arc.capacity_vph;
        weight_limit_t[a] = arc.weight_limit_t;
        axle_load_limit_t[a] = arc.axle_load_limit_t;
        height_limit_m[a] = arc.height_limit_m;
        width_limit_m[a] = arc.width_limit_m;
        hgv[a] = arc.hgv;
        road_class[a] = arc.road_class;
        name[a] = arc.name;
        one_way[a] = arc.one_way;
    }
    // An attribute every arc shares is held once (Column::compact).
    RoadNetwork network;
    network.from_ = std::move(from);
    network.to_ = std::move(to);
    network.length_m_ = std::move(length_m);
    network.speed_kph_ = Column<float>::compact(std::move(speed_kph));
    network.lanes_ = Column<std::uint8_t>::compact(std::move(lanes));
    network.capacity_vph_ = Column<float>::compact(std::move(capacity_vph));
    network.weight_limit_t_ = Column<float>::compact(std::move(weight_limit_t));
    network.axle_load_limit_t_ = Column<float>::compact(std::move(axle_load_limit_t));
    network.height_limit_m_ = Column<float>::compact(std::move(height_limit_m));
    network.width_limit_m_ = Column<float>::compact(std::move(width_limit_m));
    network.hgv_ = Column<HgvAccess>::compact(std::move(hgv));
    network.road_class_ = Column<RoadClass>::compact(std::move(road_class));
    network.name_ = Column<std::uint32_t>::compact(std::move(name));
    network.one_way_ = Column<std::uint8_t>::compact(std::move(one_way));
    // Turns were named by the order arcs were added in; the sort above renumbered the arcs.
    std::vector<ArcIndex> index_of_added(m);
    for (std::size_t a = 0; a < m; ++a) index_of_added[arcs_[a].added] = static_cast<ArcIndex>(a);
    for (ForbiddenTurn& turn : forbidden_turns_) {
        turn.in = index_of_added[turn.in];
        turn.out = index_of_added[turn.out];
    }
    std::sort(forbidden_turns_.begin(), forbidden_turns_.end(), [](const ForbiddenTurn& a, const ForbiddenTurn& b) {
        return std::tie(a.in, a.out, a.heavy_only) < std::tie(b.in, b.out, b.heavy_only);
    });
    // A turn forbidden to all vehicles needs no second entry for heavy ones.
    forbidden_turns_.erase(std::unique(forbidden_turns_.begin(), forbidden_turns_.end(),
                                       [](const ForbiddenTurn& a, const ForbiddenTurn& b) {
                                           return a.in == b.in && a.out == b.out;
                                       }),
                           forbidden_turns_.end());
    network.forbidden_turns_ = std::move(forbidden_turns_);
    // Shape points in arc order, each arc its own copy: a reverse arc reads forward like any other.
    std::vector<std::uint64_t> shape_start(m + 1, 0);
    std::vector<GeoPoint> shape;
    std::size_t shape_points = 0;
    for (const PendingArc& arc : arcs_) shape_points += arc.shape_count;
    shape.reserve(shape_points);
    for (std::size_t a = 0; a < m; ++a) {
        const PendingArc& arc = arcs_[a];
        auto first = shapes_.begin() + static_cast<std::ptrdiff_t>(arc.shape_first);
        auto last = first + static_cast<std::ptrdiff_t>(arc.shape_count);
        if (arc.shape_reversed)
            shape.insert(shape.end(), std::make_reverse_iterator(last), std::make_reverse_iterator(first));
        else
            shape.insert(shape.end(), first, last);
        shape_start[a + 1] = shape.size();
    }
    if (!shape.empty()) {
        network.shape_start_ = std::move(shape_start);
        network.shape_ = std::move(shape);
    }
    shapes_ = {};
    return std::move(*this).finish(std::move(network), std::move(forward_start));
}

RoadNetwork RoadNetworkBuilder::finish(RoadNetwork network, std::vector<ArcIndex> forward_start) && {
    std::size_t n = nodes_.size();
    std::size_t m = network.to_.size();
    std::vector<ArcIndex> reverse_start;
    std::vector<ArcIndex> order =
        order_by_key(n, m, [&](std::size_t a) { return network.to_[a]; }, &reverse_start);
    network.forward_start_ = std::move(forward_start);
    network.reverse_start_ = std::move(reverse_start);
    network.reverse_arc_ = std::move(order);
    {
        std::vector<std::uint32_t> part;
        label_weak_parts(n, network.from_.span(), network.to_.span(), part, network.part_sizes_);
        network.part_ = std::move(part);
    }

    std::vector<double> lat(n), lon(n);
    std::vector<NodeKind> kind(n);
    std::vector<std::string_view> ids, names;
    names.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        lat[v] = nodes_[v].lat;
        lon[v] = nodes_[v].lon;
        kind[v] = nodes_[v].kind;
        if (!numbered_ids_) ids.push_back(nodes_[v].id);
        names.push_back(nodes_[v].name);
    }
    network.has_coordinates_ = n > 0 && std::all_of(nodes_.begin(), nodes_.end(), [](const NodeInfo& node) {
                                   return node.has_coordinates();
                               });
    network.lat_ = std::move(lat);
    network.lon_ = std::move(lon);
    network.kind_ = Column<NodeKind>::compact(std::move(kind));
    network.ids_ = TextColumn::of(ids);
    // Names that are all empty (a DIMACS graph's) are held as none.
    if (std::any_of(names.begin(), names.end(), [](std::string_view name) { return !name.empty(); }))
        network.node_names_ = TextColumn::of(names);
    network.numbered_ids_ = numbered_ids_;
    network.index_network_ids();
    network.names_ = std::move(names_);
    return network;
}

}  // namespace corridor
