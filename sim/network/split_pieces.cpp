// Finding a road again after places split it. A planner names a road by the nodes of the file
// (`--close A,B`, the road in a message), but a place snapped onto it has cut it into pieces
// joined at split nodes, whose ids begin with '@' (sim/network/split_roads.cpp). A split node
// joins only the pieces of one road, so following it leads to the road's other pieces.

#include "corridor/network/snap.hpp"

namespace corridor {
namespace {

bool split_node(const RoadNetwork& network, NodeIndex v) {
    const std::string id = network.node_id(v);
    return !id.empty() && id.front() == '@';
}

// The piece leaving split node v that does not go back to `came_from`; none at a one-way road's
// split node reached backwards, or past a loop of splits (a malformed network).
std::optional<ArcIndex> onward(const RoadNetwork& network, NodeIndex v, NodeIndex came_from) {
    auto [first, last] = network.out_arcs(v);
    for (ArcIndex a = first; a < last; ++a)
        if (network.arc_to(a) != came_from) return a;
    return std::nullopt;
}

}  // namespace

std::vector<ArcIndex> road_pieces(const RoadNetwork& network, NodeIndex a, NodeIndex b) {
    std::vector<ArcIndex> pieces;
    for (auto [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
        for (ArcIndex arc : network.arcs_between(from, to)) pieces.push_back(arc);
        auto [first, last] = network.out_arcs(from);
        for (ArcIndex start = first; start < last; ++start) {
            std::vector<ArcIndex> chain{start};
            // (A split node has at most two pieces leaving it; the bound only guards a malformed network.)
            while (split_node(network, network.arc_to(chain.back())) &&
                   chain.size() <= network.node_count()) {
                auto next = onward(network, network.arc_to(chain.back()), network.arc_from(chain.back()));
                if (!next) break;
                chain.push_back(*next);
            }
            if (chain.size() > 1 && network.arc_to(chain.back()) == to)
                pieces.insert(pieces.end(), chain.begin(), chain.end());
        }
    }
    return pieces;
}

std::pair<NodeIndex, NodeIndex> unsplit_ends(const RoadNetwork& network, ArcIndex arc) {
    NodeIndex to = network.arc_to(arc), behind = network.arc_from(arc);
    for (std::size_t step = 0; split_node(network, to) && step < network.node_count(); ++step) {
        auto next = onward(network, to, behind);
        if (!next) break;
        behind = to, to = network.arc_to(*next);
    }
    // Backwards: the piece arriving at a split node from elsewhere than `ahead`, the first in the
    // reversed graph's order (that of the arcs' numbers, as a scan of the arcs would find it).
    NodeIndex from = network.arc_from(arc), ahead = network.arc_to(arc);
    for (std::size_t step = 0; split_node(network, from) && step < network.node_count(); ++step) {
        std::optional<NodeIndex> behind_from;
        auto [first, last] = network.in_slots(from);
        for (std::uint32_t slot = first; slot < last && !behind_from; ++slot)
            if (network.in_from(slot) != ahead) behind_from = network.in_from(slot);
        if (!behind_from) break;
        ahead = from, from = *behind_from;
    }
    return {from, to};
}

}  // namespace corridor
