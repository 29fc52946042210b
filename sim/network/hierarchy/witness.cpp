#include <algorithm>
#include <functional>
#include <limits>

#include "../epoch_stamps.hpp"
#include "contraction_graph.hpp"

namespace corridor {

void ContractionGraph::add_or_improve(NodeIndex u, NodeIndex v, double cost, std::uint32_t via,
                                      std::uint32_t roads) {
    for (Link& link : out[u]) {
        if (link.other != v) continue;
        if (cost < link.cost || (cost == link.cost && via < link.via)) {
            link = {v, via, cost, roads};
            for (Link& back : in[v])
                if (back.other == u) back = {u, via, cost, roads};
        }
        return;
    }
    out[u].push_back({v, via, cost, roads});
    in[v].push_back({u, via, cost, roads});
}

void ContractionGraph::detach(NodeIndex v) {
    auto drop = [v](std::vector<Link>& links) {
        links.erase(std::remove_if(links.begin(), links.end(), [v](const Link& l) { return l.other == v; }),
                    links.end());
    };
    for (const Link& link : out[v]) drop(in[link.other]);
    for (const Link& link : in[v]) drop(out[link.other]);
    std::vector<Link>().swap(out[v]);
    std::vector<Link>().swap(in[v]);
}

double WitnessSearch::cost(NodeIndex v) const {
    return stamp_[v] == epoch_ ? cost_[v] : std::numeric_limits<double>::infinity();
}

void WitnessSearch::run(const ContractionGraph& graph, NodeIndex source, NodeIndex skipped,
                        const std::vector<ContractionGraph::Link>& targets, double bound, int max_settled,
                        int max_hops) {
    next_epoch(epoch_, stamp_, target_stamp_);
    std::size_t unsettled_targets = 0;
    for (const auto& target : targets)
        if (target.other != source && target_stamp_[target.other] != epoch_) {
            target_stamp_[target.other] = epoch_;
            ++unsettled_targets;
        }
    heap_.clear();
    cost_[source] = 0;
    hops_[source] = 0;
    stamp_[source] = epoch_;
    heap_.push_back({0, source});
    int settled = 0;
    while (!heap_.empty()) {
        std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
        Entry top = heap_.back();
        heap_.pop_back();
        if (top.cost > cost_[top.node]) continue;  // a stale copy
        if (top.cost > bound || ++settled > max_settled) break;
        if (target_stamp_[top.node] == epoch_) {
            target_stamp_[top.node] = 0;
            if (--unsettled_targets == 0) break;
        }
        if (hops_[top.node] >= max_hops) continue;
        for (const ContractionGraph::Link& link : graph.out[top.node]) {
            if (link.other == skipped) continue;
            double c = top.cost + link.cost;
            if (c < cost(link.other)) {
                cost_[link.other] = c;
                hops_[link.other] = static_cast<std::uint8_t>(hops_[top.node] + 1);
                stamp_[link.other] = epoch_;
                heap_.push_back({c, link.other});
                std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
            }
        }
    }
}

}  // namespace corridor
