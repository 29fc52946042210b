// The hierarchy's query: Dijkstra from the origin over upward arcs and from the destination over
// downward arcs turned around, alternating by the smaller key; each stops when its smallest key
// reaches the best meeting cost. The cheapest path's most important node is reached optimally by
// both searches, so the best meeting cost is the true cost (Geisberger et al. 2008, section 5).
// Stall-on-demand: a node reached more cheaply from a more important node by a downward arc is
// not on a cheapest up-down path, so its arcs are not relaxed.

#include <algorithm>
#include <functional>
#include <limits>
#include <mutex>

#include "corridor/network/hierarchy.hpp"
#include "corridor/network/router.hpp"
#include "../epoch_stamps.hpp"

namespace corridor {
namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = UINT32_MAX;
}  // namespace

// One direction's costs and parent arcs, reset in O(1) between queries by an epoch stamp; nodes
// are ranks.
struct ContractionHierarchy::Search {
    struct Side {
        explicit Side(std::size_t n) : cost(n), parent(n), stamp(n, 0) {}
        std::vector<double> cost;
        std::vector<std::uint32_t> parent;  // index into up_ (forward) or down_ (backward)
        std::vector<std::uint32_t> stamp;
        struct Entry {
            double cost;
            std::uint32_t node;
            bool operator>(const Entry& o) const { return cost != o.cost ? cost > o.cost : node > o.node; }
        };
        std::vector<Entry> heap;
        std::uint32_t epoch = 0;

        void start() {
            next_epoch(epoch, stamp);
            heap.clear();
        }
        double get(std::uint32_t v) const { return stamp[v] == epoch ? cost[v] : kInfinity; }
        void set(std::uint32_t v, double c, std::uint32_t via) {
            stamp[v] = epoch;
            cost[v] = c;
            parent[v] = via;
            heap.push_back({c, v});
            std::push_heap(heap.begin(), heap.end(), std::greater<>{});
        }
        double top() const { return heap.empty() ? kInfinity : heap.front().cost; }
        Entry pop() {
            std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
            Entry e = heap.back();
            heap.pop_back();
            return e;
        }
    };
    explicit Search(std::size_t n) : forward(n), backward(n) {}
    Side forward, backward;
};

struct ContractionHierarchy::Pool {
    std::mutex mutex;
    std::vector<std::unique_ptr<Search>> spare;
};

ContractionHierarchy::ContractionHierarchy(ContractionHierarchy&&) noexcept = default;
ContractionHierarchy& ContractionHierarchy::operator=(ContractionHierarchy&&) noexcept = default;
ContractionHierarchy::ContractionHierarchy() = default;
ContractionHierarchy::~ContractionHierarchy() = default;

void ContractionHierarchy::make_pool() { pool_ = std::make_unique<Pool>(); }

std::unique_ptr<ContractionHierarchy::Search> ContractionHierarchy::take_search() const {
    if (pool_) {
        std::lock_guard lock(pool_->mutex);
        if (!pool_->spare.empty()) {
            auto s = std::move(pool_->spare.back());
            pool_->spare.pop_back();
            return s;
        }
    }
    return std::make_unique<Search>(rank_.size());
}

void ContractionHierarchy::give_back(std::unique_ptr<Search> s) const {
    if (!pool_) return;
    std::lock_guard lock(pool_->mutex);
    pool_->spare.push_back(std::move(s));
}

double ContractionHierarchy::search(Search& s, NodeIndex from, NodeIndex to, NodeIndex* meeting,
                                    std::size_t* settled) const {
    std::uint32_t source = rank_[from], target = rank_[to];
    s.forward.start();
    s.backward.start();
    s.forward.set(source, 0, kNone);
    s.backward.set(target, 0, kNone);
    double best = kInfinity;
    std::size_t count = 0;
    auto meet = [&](std::uint32_t v, double through) {
        if (through < best || (through == best && v < *meeting)) best = through, *meeting = v;
    };
    meet(source, s.backward.get(source));
    while (std::min(s.forward.top(), s.backward.top()) < best) {
        bool forward = s.forward.top() <= s.backward.top();
        Search::Side& side = forward ? s.forward : s.backward;
        const Search::Side& other = forward ? s.backward : s.forward;
        const std::vector<std::uint32_t>& first = forward ? up_first_ : down_first_;
        const std::vector<Arc>& arcs = forward ? up_ : down_;
        // Stalling looks the other way: at arcs from more important nodes into u.
        const std::vector<std::uint32_t>& stall_first = forward ? down_first_ : up_first_;
        const std::vector<Arc>& stall_arcs = forward ? down_ : up_;
        auto [cost_u, u] = side.pop();
        if (cost_u > side.get(u)) continue;  // a stale copy
        ++count;
        meet(u, cost_u + other.get(u));
        bool stalled = false;
        for (std::uint32_t i = stall_first[u]; i < stall_first[u + 1] && !stalled; ++i)
            stalled = side.get(stall_arcs[i].head) + stall_arcs[i].cost < cost_u;
        if (stalled) continue;
        for (std::uint32_t i = first[u]; i < first[u + 1]; ++i) {
            double c = cost_u + arcs[i].cost;
            std::uint32_t v = arcs[i].head;
            if (c < side.get(v)) {
                side.set(v, c, i);
                meet(v, c + other.get(v));
            }
        }
    }
    if (settled) *settled = count;
    return best;
}

const ContractionHierarchy::Arc* ContractionHierarchy::find_arc(NodeIndex lower, NodeIndex higher,
                                                                bool upward) const {
    const std::vector<std::uint32_t>& first = upward ? up_first_ : down_first_;
    const std::vector<Arc>& arcs = upward ? up_ : down_;
    for (std::uint32_t i = first[lower]; i < first[lower + 1]; ++i)
        if (arcs[i].head == higher) return &arcs[i];
    return nullptr;
}

bool ContractionHierarchy::link_halves() {
    // A shortcut for the road tail -> head through middle m (less important than both ends) stands
    // for the down arc tail -> m and the up arc m -> head, both kept at m. An up arc at u is the
    // road u -> head; a down arc at u is the road head -> u.
    for (bool upward : {true, false}) {
        const std::vector<std::uint32_t>& first = upward ? up_first_ : down_first_;
        const std::vector<Arc>& arcs = upward ? up_ : down_;
        std::vector<Halves>& halves = upward ? halves_of_up_ : halves_of_down_;
        halves.assign(arcs.size(), Halves{});
        for (NodeIndex u = 0; u + 1 < first.size(); ++u)
            for (std::uint32_t i = first[u]; i < first[u + 1]; ++i) {
                if (!(arcs[i].via & kShortcut)) continue;
                NodeIndex middle = arcs[i].via & ~kShortcut;
                NodeIndex tail = upward ? u : arcs[i].head, head = upward ? arcs[i].head : u;
                const Arc* into = find_arc(middle, tail, false);
                const Arc* out = find_arc(middle, head, true);
                if (!into || !out) return false;
                halves[i] = {static_cast<std::uint32_t>(into - down_.data()),
                             static_cast<std::uint32_t>(out - up_.data())};
            }
    }
    return true;
}

void ContractionHierarchy::unpack(std::vector<Piece>& stack, std::vector<ArcIndex>& out) const {
    // Depth-first, the second half pushed first so that roads come out in path order.
    while (!stack.empty()) {
        Piece p = stack.back();
        stack.pop_back();
        const Arc& arc = p.upward ? up_[p.index] : down_[p.index];
        if (!(arc.via & kShortcut)) {
            out.push_back(arc.via);
            continue;
        }
        const Halves& halves = p.upward ? halves_of_up_[p.index] : halves_of_down_[p.index];
        stack.push_back({true, halves.second});
        stack.push_back({false, halves.first});
    }
}

std::optional<std::vector<ArcIndex>> ContractionHierarchy::path(NodeIndex from, NodeIndex to,
                                                                std::size_t* settled) const {
    std::unique_ptr<Search> s = take_search();
    NodeIndex meeting = kNone;
    double best = search(*s, from, to, &meeting, settled);
    std::optional<std::vector<ArcIndex>> arcs;
    if (best < kInfinity) {
        arcs.emplace();
        // The stack holds the path's arcs last first: the down arcs from the destination back
        // to the meeting node, then the up arcs from the meeting node back to the origin.
        std::vector<Piece> downward;
        for (NodeIndex v = meeting; s->backward.parent[v] != kNone;) {
            // The down arc reached v from `lower`: a road v -> lower, kept at lower.
            std::uint32_t i = s->backward.parent[v];
            downward.push_back({false, i});
            v = static_cast<NodeIndex>(std::upper_bound(down_first_.begin(), down_first_.end(), i) -
                                       down_first_.begin() - 1);
        }
        std::vector<Piece> stack(downward.rbegin(), downward.rend());
        for (NodeIndex v = meeting; s->forward.parent[v] != kNone;) {
            std::uint32_t i = s->forward.parent[v];
            stack.push_back({true, i});
            v = static_cast<NodeIndex>(std::upper_bound(up_first_.begin(), up_first_.end(), i) - up_first_.begin() - 1);
        }
        unpack(stack, *arcs);
    }
    give_back(std::move(s));
    return arcs;
}

double ContractionHierarchy::distance(NodeIndex from, NodeIndex to) const {
    std::unique_ptr<Search> s = take_search();
    NodeIndex meeting = kNone;
    double best = search(*s, from, to, &meeting, nullptr);
    give_back(std::move(s));
    return best;
}

std::size_t ContractionHierarchy::memory_bytes() const {
    return sizeof(*this) + rank_.capacity() * sizeof(std::uint32_t) +
           (up_first_.capacity() + down_first_.capacity()) * sizeof(std::uint32_t) +
           (up_.capacity() + down_.capacity()) * sizeof(Arc) +
           (halves_of_up_.capacity() + halves_of_down_.capacity()) * sizeof(Halves);
}

}  // namespace corridor
