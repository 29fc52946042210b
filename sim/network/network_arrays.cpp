#include "network_arrays.hpp"

#include <algorithm>

#include "corridor/network/input_limits.hpp"
#include "arc_order.hpp"
#include "graphs.hpp"

namespace corridor {
namespace {

using prepared::SectionReader;
using prepared::SectionType;
using prepared::SectionWriter;

constexpr std::uint8_t kNodeKinds = 7;
constexpr std::uint8_t kRoadClasses = 10;

std::string_view section_bytes(const NetworkArrays::SectionViews& sections, SectionType type) {
    auto it = sections.find(type);
    return it == sections.end() ? std::string_view{} : it->second;
}

}  // namespace

void NetworkArrays::write(const RoadNetwork& network, Sections& sections) {
    const std::size_t n = network.nodes_.size();
    {
        SectionWriter out;
        out.put<std::uint8_t>(network.numbered_ids_);
        out.pad();
        std::vector<double> lat(n), lon(n);
        std::vector<std::uint8_t> kind(n);
        std::vector<std::string_view> ids, names;
        names.reserve(n);
        for (std::size_t v = 0; v < n; ++v) {
            const NodeInfo& node = network.nodes_[v];
            lat[v] = node.lat;
            lon[v] = node.lon;
            kind[v] = static_cast<std::uint8_t>(node.kind);
            if (!network.numbered_ids_) ids.push_back(node.id);
            names.push_back(node.name);
        }
        out.put_array(lat);
        out.put_array(lon);
        out.put_array(kind);
        out.put_strings(ids);
        out.put_strings(names);
        sections[SectionType::nodes] = std::move(out).take();
    }
    {
        SectionWriter out;
        out.put_array(network.from_);
        out.put_array(network.to_);
        out.put_array(network.length_m_);
        out.put_array(network.speed_kph_);
        out.put_array(network.lanes_);
        out.put_array(network.capacity_vph_);
        out.put_array(network.weight_limit_t_);
        out.put_array(network.road_class_);
        out.put_array(network.name_);
        out.put_array(network.one_way_);
        out.put_array(network.axle_load_limit_t_);
        out.put_array(network.height_limit_m_);
        out.put_array(network.width_limit_m_);
        out.put_array(network.hgv_);
        // Forbidden turns as three arrays: the struct has padding, whose bytes are not the writer's.
        std::vector<ArcIndex> turn_in, turn_out;
        std::vector<std::uint8_t> turn_heavy_only;
        for (const ForbiddenTurn& turn : network.forbidden_turns_) {
            turn_in.push_back(turn.in);
            turn_out.push_back(turn.out);
            turn_heavy_only.push_back(turn.heavy_only ? 1 : 0);
        }
        out.put_array(turn_in);
        out.put_array(turn_out);
        out.put_array(turn_heavy_only);
        sections[SectionType::roads] = std::move(out).take();
    }
    {
        SectionWriter out;
        out.put_strings({network.names_.begin(), network.names_.end()});
        sections[SectionType::road_names] = std::move(out).take();
    }
    {
        SectionWriter out;
        std::vector<std::uint64_t> start(network.shape_start_.begin(), network.shape_start_.end());
        out.put_array(start);
        out.put_array(network.shape_);
        sections[SectionType::shapes] = std::move(out).take();
    }
    {
        SectionWriter out;
        out.put_array(network.part_);
        std::vector<std::uint64_t> sizes(network.part_sizes_.begin(), network.part_sizes_.end());
        out.put_array(sizes);
        sections[SectionType::parts] = std::move(out).take();
    }
}

Result<RoadNetwork> NetworkArrays::read(const SectionViews& sections) {
    using namespace input_limits;
    for (SectionType type : {SectionType::nodes, SectionType::roads, SectionType::road_names,
                             SectionType::shapes, SectionType::parts})
        if (!sections.count(type))
            return Error{"the file has no section " + std::to_string(static_cast<int>(type)) +
                         " (a network file lacks nodes, roads, names, shapes or parts)"};
    RoadNetwork network;
    std::size_t n = 0;
    {
        SectionReader in(section_bytes(sections, SectionType::nodes));
        auto numbered = in.get<std::uint8_t>();
        in.get<std::uint8_t>(), in.get<std::uint16_t>(), in.get<std::uint32_t>();  // padding
        std::vector<double> lat, lon;
        std::vector<std::uint8_t> kind;
        std::vector<std::string> ids, names;
        in.get_array(lat, kMaxNodes, "the node latitudes");
        n = lat.size();
        in.get_array(lon, n, "the node longitudes");
        in.get_array(kind, n, "the node kinds");
        in.get_strings(ids, n, "the node ids");
        in.get_strings(names, n, "the node names");
        if (!in.ok()) return Error{"nodes: " + in.problem()};
        if (numbered > 1 || lon.size() != n || kind.size() != n || names.size() != n ||
            ids.size() != (numbered ? 0 : n))
            return Error{"nodes: the arrays disagree on the number of nodes"};
        if (std::any_of(kind.begin(), kind.end(), [](std::uint8_t k) { return k >= kNodeKinds; }))
            return Error{"nodes: a node kind is out of range"};
        network.nodes_.resize(n);
        for (std::size_t v = 0; v < n; ++v) {
            NodeInfo& node = network.nodes_[v];
            node.id = numbered ? std::to_string(v + 1) : std::move(ids[v]);
            node.name = std::move(names[v]);
            node.kind = static_cast<NodeKind>(kind[v]);
            node.lat = lat[v];
            node.lon = lon[v];
        }
        network.numbered_ids_ = numbered != 0;
        if (!network.numbered_ids_) {
            network.index_of_.reserve(n);
            for (NodeIndex v = 0; v < n; ++v)
                if (!network.index_of_.emplace(network.nodes_[v].id, v).second)
                    return Error{"nodes: the id '" + network.nodes_[v].id + "' appears twice"};
        }
        network.has_coordinates_ = n > 0 && std::all_of(network.nodes_.begin(), network.nodes_.end(),
                                                        [](const NodeInfo& node) { return node.has_coordinates(); });
    }
    std::size_t m = 0;
    {
        SectionReader in(section_bytes(sections, SectionType::roads));
        in.get_array(network.from_, kMaxArcs, "the arc tails");
        m = network.from_.size();
        in.get_array(network.to_, m, "the arc heads");
        in.get_array(network.length_m_, m, "the lengths");
        in.get_array(network.speed_kph_, m, "the speeds");
        in.get_array(network.lanes_, m, "the lanes");
        in.get_array(network.capacity_vph_, m, "the capacities");
        in.get_array(network.weight_limit_t_, m, "the weight limits");
        in.get_array(network.road_class_, m, "the road classes");
        in.get_array(network.name_, m, "the road name numbers");
        in.get_array(network.one_way_, m, "the one-way flags");
        in.get_array(network.axle_load_limit_t_, m, "the axle-load limits");
        in.get_array(network.height_limit_m_, m, "the height limits");
        in.get_array(network.width_limit_m_, m, "the width limits");
        in.get_array(network.hgv_, m, "the heavy-vehicle access");
        std::vector<ArcIndex> turn_in, turn_out;
        std::vector<std::uint8_t> turn_heavy_only;
        in.get_array(turn_in, kMaxArcs, "the forbidden turns' arcs in");
        in.get_array(turn_out, turn_in.size(), "the forbidden turns' arcs out");
        in.get_array(turn_heavy_only, turn_in.size(), "the forbidden turns' vehicles");
        if (!in.ok()) return Error{"roads: " + in.problem()};
        for (std::size_t size : {network.to_.size(), network.length_m_.size(), network.speed_kph_.size(),
                                 network.lanes_.size(), network.capacity_vph_.size(),
                                 network.weight_limit_t_.size(), network.road_class_.size(),
                                 network.name_.size(), network.one_way_.size(),
                                 network.axle_load_limit_t_.size(), network.height_limit_m_.size(),
                                 network.width_limit_m_.size(), network.hgv_.size()})
            if (size != m) return Error{"roads: the arrays disagree on the number of arcs"};
        if (turn_out.size() != turn_in.size() || turn_heavy_only.size() != turn_in.size())
            return Error{"roads: the forbidden turns' arrays disagree on their number"};
        for (std::size_t t = 0; t < turn_in.size(); ++t) {
            if (turn_in[t] >= m || turn_out[t] >= m || turn_heavy_only[t] > 1 ||
                (t > 0 && std::pair{turn_in[t - 1], turn_out[t - 1]} >= std::pair{turn_in[t], turn_out[t]}))
                return Error{"roads: forbidden turn " + std::to_string(t) + " is out of range or out of order"};
            network.forbidden_turns_.push_back({turn_in[t], turn_out[t], turn_heavy_only[t] == 1});
        }
        for (HgvAccess access : network.hgv_)
            if (static_cast<std::uint8_t>(access) > static_cast<std::uint8_t>(HgvAccess::designated))
                return Error{"roads: a heavy-vehicle access value is out of range"};
    }
    {
        SectionReader in(section_bytes(sections, SectionType::road_names));
        in.get_strings(network.names_, kMaxArcs + 1, "the road names");
        if (!in.ok()) return Error{"road names: " + in.problem()};
        if (network.names_.empty() || !network.names_[0].empty())
            return Error{"road names: the first name must be the empty one"};
    }
    // Every index into another array is checked, and the arcs must be grouped by start node as
    // the CSR graph assumes; the other values are the writer's and their section hash vouches for them.
    for (std::size_t a = 0; a < m; ++a) {
        if (network.from_[a] >= n || network.to_[a] >= n || (a > 0 && network.from_[a] < network.from_[a - 1]))
            return Error{"roads: arc " + std::to_string(a) + " joins nodes outside the network or out of order"};
        if (static_cast<std::uint8_t>(network.road_class_[a]) >= kRoadClasses || network.name_[a] >= network.names_.size() ||
            network.lanes_[a] < 1 || network.one_way_[a] > 1)
            return Error{"roads: arc " + std::to_string(a) + " has a class, name, lane count or one-way flag out of range"};
    }
    {
        SectionReader in(section_bytes(sections, SectionType::shapes));
        std::vector<std::uint64_t> start;
        in.get_array(start, m + 1, "the shape starts");
        in.get_array(network.shape_, kMaxArcs * 64ull, "the shape points");
        if (!in.ok()) return Error{"shapes: " + in.problem()};
        if (start.size() != m + 1 || start[0] != 0 || start[m] != network.shape_.size())
            return Error{"shapes: the shape starts do not match the arcs and points"};
        for (std::size_t a = 0; a < m; ++a)
            if (start[a + 1] < start[a]) return Error{"shapes: the shape starts go backwards"};
        network.shape_start_.assign(start.begin(), start.end());
    }
    {
        SectionReader in(section_bytes(sections, SectionType::parts));
        std::vector<std::uint64_t> sizes;
        in.get_array(network.part_, n, "the part numbers");
        in.get_array(sizes, n, "the part sizes");
        if (!in.ok()) return Error{"parts: " + in.problem()};
        if (network.part_.size() != n ||
            std::any_of(network.part_.begin(), network.part_.end(),
                        [&](std::uint32_t part) { return part >= sizes.size(); }))
            return Error{"parts: a node's part is out of range"};
        network.part_sizes_.assign(sizes.begin(), sizes.end());
    }
    // The graphs are rebuilt rather than stored: two counting passes, cheaper than checking stored ones.
    std::vector<ArcIndex> forward_start = row_starts(n, network.from_);
    std::vector<ArcIndex> reverse_start = row_starts(n, network.to_);
    std::vector<ArcIndex> reverse_arc(m);
    std::vector<NodeIndex> reverse_column(m);
    {
        std::vector<ArcIndex> next(reverse_start.begin(), reverse_start.end() - 1);
        for (std::size_t a = 0; a < m; ++a) {
            ArcIndex slot = next[network.to_[a]]++;
            reverse_arc[slot] = static_cast<ArcIndex>(a);
            reverse_column[slot] = network.from_[a];
        }
    }
    set_csr(network.graphs_->forward, std::move(forward_start), network.to_);
    set_csr(network.graphs_->reverse, std::move(reverse_start), std::move(reverse_column));
    network.graphs_->reverse_arc = std::move(reverse_arc);
    return network;
}

}  // namespace corridor
