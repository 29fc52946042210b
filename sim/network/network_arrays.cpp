#include "network_arrays.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <unordered_map>

#include "corridor/network/input_limits.hpp"

namespace corridor {
namespace {

using prepared::SectionReader;
using prepared::SectionType;
using prepared::SectionWriter;

constexpr std::uint8_t kNodeKinds = 7;
constexpr std::uint8_t kRoadClasses = 10;

// A column viewing the next array of a section.
template <class T>
void view(SectionReader& in, Column<T>& column, std::uint64_t max_count, const char* what) {
    std::span<const T> values;
    in.get_view(values, max_count, what);
    column = Column<T>::viewing(values);
}

void view_texts(SectionReader& in, TextColumn& texts, std::uint64_t max_count, const char* what) {
    std::span<const std::uint64_t> ends;
    std::span<const char> chars;
    in.get_text_views(ends, chars, max_count, what);
    texts.ends = Column<std::uint64_t>::viewing(ends);
    texts.chars = Column<char>::viewing(chars);
}

template <class T>
void put_column(SectionWriter& out, const Column<T>& column) {
    out.put_column(column.stored(), column.size(), column.is_uniform());
}

// A column that may be uniform: what put_column wrote.
template <class T>
void view_column(SectionReader& in, Column<T>& column, std::uint64_t max_count, const char* what) {
    std::span<const T> stored;
    std::uint64_t count = 0;
    bool uniform = false;
    if (!in.get_column_view(stored, count, uniform, max_count, what)) return;
    column = uniform ? Column<T>::viewing_uniform(count, stored.data()) : Column<T>::viewing(stored);
}

void put_texts(SectionWriter& out, const TextColumn& texts) {
    std::vector<std::string_view> all;
    all.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) all.push_back(texts[i]);
    out.put_strings(all);
}

// The checks below are reductions over a whole array, without an early exit, so that the
// compiler turns them into vector instructions: a load checks some ten arrays of every arc. Not
// inlined: GCC 12 vectorises them on their own, not inside the long function that calls them.

// An enumeration's bytes as the bytes they are (every enumeration here is one byte).
template <class T>
auto numbers_of(std::span<const T> values) {
    if constexpr (std::is_enum_v<T>) {
        static_assert(sizeof(T) == 1);
        return std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(values.data()),
                                              values.size());
    } else {
        return values;
    }
}

template <class T>
[[gnu::noinline]] bool all_below(std::span<const T> values, std::uint64_t bound) {
    auto numbers = numbers_of(values);
    using Number = typename decltype(numbers)::value_type;
    if (bound > std::numeric_limits<Number>::max()) return true;
    const auto limit = static_cast<Number>(bound);
    Number over = 0;  // an OR of comparisons: a shorter chain than a running maximum
    for (Number value : numbers) over |= Number(value >= limit);
    return over == 0;
}

template <class T>
[[gnu::noinline]] bool all_above_zero(std::span<const T> values) {
    T low = 1;
    for (T value : values) low = value < low ? value : low;
    return low > 0;
}

template <class T>
[[gnu::noinline]] bool rising(std::span<const T> values) {
    T falls = 0;
    for (std::size_t i = 1; i < values.size(); ++i) falls |= T(values[i] < values[i - 1]);
    return falls == 0;
}

// True when no value is NaN. (A select rather than `|=` on a bool: GCC vectorises only that form.)
[[gnu::noinline]] bool none_missing(std::span<const double> values) {
    double missing = 0;
    for (double value : values) missing = value != value ? 1.0 : missing;
    return missing == 0;
}

// Row starts of `rows` rows over an array of `size`: rows + 1 of them, from 0, rising, to size.
template <class T>
bool starts_rows(std::span<const T> starts, std::size_t rows, std::uint64_t size) {
    return starts.size() == rows + 1 && starts[0] == 0 && starts[rows] == size && rising(starts);
}

std::string_view section_bytes(const NetworkArrays::SectionViews& sections, SectionType type) {
    auto it = sections.find(type);
    return it == sections.end() ? std::string_view{} : it->second;
}

}  // namespace

// Every forward row holds arcs that start at its node, and every reversed slot an arc that ends
// at its node. The tails of the arcs rise and so must the heads of the reversed slots' arcs: then
// a row's first and last arcs tell for all of its arcs. Plain arrays and no branch in the pass over
// every slot, which reads the heads in no order: it is most of the check's time.
bool NetworkArrays::rows_agree(const RoadNetwork& network) {
    const std::size_t n = network.node_count(), m = network.arc_count();
    const ArcIndex* start = network.forward_start_.data();
    const ArcIndex* reverse_start = network.reverse_start_.data();
    const ArcIndex* reverse_arc = network.reverse_arc_.data();
    const NodeIndex* from = network.from_.data();
    const NodeIndex* to = network.to_.data();
    bool wrong = false;
    NodeIndex previous = 0;
    for (std::size_t slot = 0; slot < m; ++slot) {
        NodeIndex head = to[reverse_arc[slot]];
        wrong |= head < previous;
        previous = head;
    }
    for (std::size_t v = 0; v < n; ++v) {
        if (start[v] < start[v + 1]) wrong |= from[start[v]] != v || from[start[v + 1] - 1] != v;
        if (reverse_start[v] < reverse_start[v + 1])
            wrong |= to[reverse_arc[reverse_start[v]]] != v || to[reverse_arc[reverse_start[v + 1] - 1]] != v;
    }
    return !wrong;
}

void NetworkArrays::write(const RoadNetwork& network, Sections& sections) {
    {
        SectionWriter out;
        out.put<std::uint8_t>(network.numbered_ids_);
        out.pad();
        out.put_array(network.lat_.span());
        out.put_array(network.lon_.span());
        put_column(out, network.kind_);
        put_texts(out, network.ids_);
        put_texts(out, network.node_names_);
        sections[SectionType::nodes] = std::move(out).take();
    }
    {
        SectionWriter out;
        out.put_array(network.from_.span());
        out.put_array(network.to_.span());
        out.put_array(network.length_m_.span());
        put_column(out, network.speed_kph_);
        put_column(out, network.lanes_);
        put_column(out, network.capacity_vph_);
        put_column(out, network.weight_limit_t_);
        put_column(out, network.road_class_);
        put_column(out, network.name_);
        put_column(out, network.one_way_);
        put_column(out, network.axle_load_limit_t_);
        put_column(out, network.height_limit_m_);
        put_column(out, network.width_limit_m_);
        put_column(out, network.hgv_);
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
        out.put_array(network.shape_start_.span());
        out.put_array(network.shape_.span());
        sections[SectionType::shapes] = std::move(out).take();
    }
    {
        SectionWriter out;
        out.put_array(network.part_.span());
        std::vector<std::uint64_t> sizes(network.part_sizes_.begin(), network.part_sizes_.end());
        out.put_array(sizes);
        sections[SectionType::parts] = std::move(out).take();
    }
    {
        SectionWriter out;
        out.put_array(network.forward_start_.span());
        out.put_array(network.reverse_start_.span());
        out.put_array(network.reverse_arc_.span());
        sections[SectionType::graphs] = std::move(out).take();
    }
}

Result<RoadNetwork> NetworkArrays::read(const SectionViews& sections, std::shared_ptr<const void> bytes,
                                        std::size_t size) {
    using namespace input_limits;
    for (SectionType type : {SectionType::nodes, SectionType::roads, SectionType::road_names,
                             SectionType::shapes, SectionType::parts, SectionType::graphs})
        if (!sections.count(type))
            return Error{"the file has no section " + std::to_string(static_cast<int>(type)) +
                         " (a network file lacks nodes, roads, names, shapes, parts or graphs)"};
    RoadNetwork network;
    network.file_bytes_ = std::move(bytes);
    network.file_bytes_size_ = size;
    std::size_t n = 0;
    {
        SectionReader in(section_bytes(sections, SectionType::nodes));
        auto numbered = in.get<std::uint8_t>();
        in.get<std::uint8_t>(), in.get<std::uint16_t>(), in.get<std::uint32_t>();  // padding
        view(in, network.lat_, kMaxNodes, "the node latitudes");
        n = network.lat_.size();
        view(in, network.lon_, n, "the node longitudes");
        view_column(in, network.kind_, n, "the node kinds");
        view_texts(in, network.ids_, n, "the node ids");
        view_texts(in, network.node_names_, n, "the node names");
        if (!in.ok()) return Error{"nodes: " + in.problem()};
        if (numbered > 1 || network.lon_.size() != n || network.kind_.size() != n ||
            (network.node_names_.size() != n && network.node_names_.size() != 0) ||
            network.ids_.size() != (numbered ? 0 : n))
            return Error{"nodes: the arrays disagree on the number of nodes"};
        if (!all_below(network.kind_.stored(), kNodeKinds))
            return Error{"nodes: a node kind is out of range"};
        network.numbered_ids_ = numbered != 0;
        if (!network.index_network_ids()) {
            std::string twice;
            std::unordered_map<std::string_view, NodeIndex> seen;
            for (NodeIndex v = 0; v < n && twice.empty(); ++v)
                if (!seen.emplace(network.ids_[v], v).second) twice = network.ids_[v];
            return Error{"nodes: the id '" + twice + "' appears twice"};
        }
        network.has_coordinates_ =
            n > 0 && none_missing(network.lat_.span()) && none_missing(network.lon_.span());
    }
    std::size_t m = 0;
    {
        SectionReader in(section_bytes(sections, SectionType::roads));
        view(in, network.from_, kMaxArcs, "the arc tails");
        m = network.from_.size();
        view(in, network.to_, m, "the arc heads");
        view(in, network.length_m_, m, "the lengths");
        view_column(in, network.speed_kph_, m, "the speeds");
        view_column(in, network.lanes_, m, "the lanes");
        view_column(in, network.capacity_vph_, m, "the capacities");
        view_column(in, network.weight_limit_t_, m, "the weight limits");
        view_column(in, network.road_class_, m, "the road classes");
        view_column(in, network.name_, m, "the road name numbers");
        view_column(in, network.one_way_, m, "the one-way flags");
        view_column(in, network.axle_load_limit_t_, m, "the axle-load limits");
        view_column(in, network.height_limit_m_, m, "the height limits");
        view_column(in, network.width_limit_m_, m, "the width limits");
        view_column(in, network.hgv_, m, "the heavy-vehicle access");
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
    }
    {
        SectionReader in(section_bytes(sections, SectionType::road_names));
        in.get_strings(network.names_, kMaxArcs + 1, "the road names");
        if (!in.ok()) return Error{"road names: " + in.problem()};
        if (network.names_.empty() || !network.names_[0].empty())
            return Error{"road names: the first name must be the empty one"};
    }
    // Every index into another array is checked, and every row start rises to its array's end;
    // the other values are the writer's and their section hash vouches for them.
    if (!all_below(network.from_.span(), n) || !rising(network.from_.span()) ||
        !all_below(network.to_.span(), n))
        return Error{"roads: an arc joins nodes outside the network or out of order"};
    if (!all_below(network.road_class_.stored(), kRoadClasses) ||
        !all_below(network.name_.stored(), network.names_.size()) ||
        !all_below(network.one_way_.stored(), 2) || !all_below(network.hgv_.stored(), 3) ||
        !all_above_zero(network.lanes_.stored()))
        return Error{
            "roads: an arc has a class, name, one-way flag, heavy-vehicle access or lane count out of range"};
    {
        SectionReader in(section_bytes(sections, SectionType::shapes));
        view(in, network.shape_start_, m + 1, "the shape starts");
        view(in, network.shape_, kMaxArcs * 64ull, "the shape points");
        if (!in.ok()) return Error{"shapes: " + in.problem()};
        // No starts when no arc has shape points.
        if (network.shape_start_.empty()
                ? !network.shape_.empty()
                : !starts_rows(network.shape_start_.span(), m, network.shape_.size()))
            return Error{"shapes: the shape starts do not match the arcs and points"};
    }
    {
        SectionReader in(section_bytes(sections, SectionType::parts));
        std::vector<std::uint64_t> sizes;
        view(in, network.part_, n, "the part numbers");
        in.get_array(sizes, n, "the part sizes");
        if (!in.ok()) return Error{"parts: " + in.problem()};
        if (network.part_.size() != n || !all_below(network.part_.span(), sizes.size()))
            return Error{"parts: a node's part is out of range"};
        network.part_sizes_.assign(sizes.begin(), sizes.end());
    }
    {
        SectionReader in(section_bytes(sections, SectionType::graphs));
        view(in, network.forward_start_, n + 1, "the forward row starts");
        view(in, network.reverse_start_, n + 1, "the reverse row starts");
        view(in, network.reverse_arc_, m, "the reverse arcs");
        if (!in.ok()) return Error{"graphs: " + in.problem()};
        if (!starts_rows(network.forward_start_.span(), n, m) ||
            !starts_rows(network.reverse_start_.span(), n, m) || network.reverse_arc_.size() != m ||
            !all_below(network.reverse_arc_.span(), m))
            return Error{"graphs: a row start or an arc is out of range"};
        // The rows must hold the arcs they claim: a search walks back from a node through the arcs
        // it came by, and rows that disagree with the arcs' ends could send it round forever.
        if (!rows_agree(network)) return Error{"graphs: a row holds an arc that does not start or end there"};
    }
    return network;
}

}  // namespace corridor
