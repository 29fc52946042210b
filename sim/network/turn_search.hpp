#pragma once
// The per-arc arrays of the turn-aware search (turn_search.cpp), private to sim/network/: a label
// per arc instead of per node, since whether the next arc may be taken depends on the arc the
// route arrives by.

#include <cstdint>
#include <vector>

#include "corridor/engine/dary_heap.hpp"
#include "corridor/network/router.hpp"
#include "epoch_stamps.hpp"

namespace corridor {

struct Router::ArcSearch {
    static constexpr ArcIndex kNone = UINT32_MAX;
    explicit ArcSearch(std::size_t m) : cost(m), parent(m), stamp(m, 0), settled_stamp(m, 0) {}
    void start() {
        next_epoch(epoch, stamp, settled_stamp);
        heap.clear();
    }
    double get(ArcIndex a) const {
        return stamp[a] == epoch ? cost[a] : std::numeric_limits<double>::infinity();
    }
    void set(ArcIndex a, double c, ArcIndex via) {
        stamp[a] = epoch;
        cost[a] = c;
        parent[a] = via;
    }
    bool settled(ArcIndex a) const { return settled_stamp[a] == epoch; }
    void settle(ArcIndex a) { settled_stamp[a] = epoch; }

    struct Item {
        double key;
        ArcIndex arc;
    };
    struct KeyOf {
        double operator()(const Item& item) const { return item.key; }
    };
    // Cost to the end of each arc, the arc before it on the best route, epoch stamps for O(1)
    // resets between queries; the heap holds (key, arc) with lazy deletion.
    std::vector<double> cost;
    std::vector<ArcIndex> parent;
    std::vector<std::uint32_t> stamp, settled_stamp;
    std::uint32_t epoch = 0;
    DaryHeap<Item, KeyOf> heap;
};

}  // namespace corridor
