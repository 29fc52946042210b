#pragma once
// One d-ary min-heap for every priority queue in corridor: the simulator's pending events and the
// router's searches. Four children a node halve the depth of a binary heap and keep a node's
// children in one cache line; sifting moves a hole instead of swapping. `KeyOf` gives an item's
// key, compared with `<`; each sift reads the moving item's key once and the best child's once
// (a key may live outside the item, as a search's cost array). Ties never move an item, so equal
// keys keep a fixed, reproducible order. `Placed` hears where each item lands, for a heap that
// must find an item again (decrease-key).

#include <cstddef>
#include <vector>

namespace corridor {

/// For a heap that need not know where its items are.
struct NotPlaced {
    template <class T>
    void operator()(const T&, std::size_t) const {}
};

template <class T, class KeyOf, class Placed = NotPlaced, std::size_t Arity = 4>
class DaryHeap {
  public:
    explicit DaryHeap(KeyOf key_of = KeyOf{}, Placed placed = Placed{}) : key_of_(key_of), placed_(placed) {}

    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }
    const T& top() const { return items_.front(); }
    const T& operator[](std::size_t slot) const { return items_[slot]; }
    void clear() { items_.clear(); }
    void reserve(std::size_t n) { items_.reserve(n); }

    [[gnu::always_inline]] void push(const T& item) {
        items_.push_back(item);
        sift_up(items_.size() - 1, item);
    }

    [[gnu::always_inline]] T pop() {
        T top = items_.front();
        T last = items_.back();
        items_.pop_back();
        if (!items_.empty()) sift_down(last);
        return top;
    }

    /// Puts `item`, which comes no later than the one it replaces, at `slot` and moves it up
    /// (decrease-key).
    void replace_earlier(std::size_t slot, const T& item) { sift_up(slot, item); }

  private:
    [[gnu::always_inline]] void sift_up(std::size_t hole, const T& item) {
        auto key = key_of_(item);
        while (hole > 0) {
            std::size_t parent = (hole - 1) / Arity;
            if (!(key < key_of_(items_[parent]))) break;
            place(hole, items_[parent]);
            hole = parent;
        }
        place(hole, item);
    }

    // `item` (the last one) fills the hole at the root and sinks to its place.
    [[gnu::always_inline]] void sift_down(const T& item) {
        auto key = key_of_(item);
        std::size_t hole = 0, size = items_.size();
        while (true) {
            std::size_t first = hole * Arity + 1;
            if (first >= size) break;
            std::size_t end = first + Arity < size ? first + Arity : size, best = first;
            auto best_key = key_of_(items_[first]);
            for (std::size_t child = first + 1; child < end; ++child) {
                auto child_key = key_of_(items_[child]);
                if (child_key < best_key) best = child, best_key = child_key;
            }
            if (!(best_key < key)) break;
            place(hole, items_[best]);
            hole = best;
        }
        place(hole, item);
    }

    [[gnu::always_inline]] void place(std::size_t slot, const T& item) {
        items_[slot] = item;
        placed_(item, slot);
    }

    std::vector<T> items_;
    KeyOf key_of_;
    Placed placed_;
};

}  // namespace corridor
