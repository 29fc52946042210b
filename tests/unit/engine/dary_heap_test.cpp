// The one d-ary heap behind the simulator's events and the router's searches.

#include <catch2/catch.hpp>
#include <algorithm>
#include <vector>

#include "corridor/engine/dary_heap.hpp"
#include "corridor/engine/random.hpp"

using namespace corridor;

namespace {

struct Identity {
    int operator()(int x) const { return x; }
};

}  // namespace

TEST_CASE("a d-ary heap pops its items in order, ties included, at every arity") {
    RandomStream stream({7, 0, purpose_id("heap"), 0});
    std::vector<int> values;
    for (int k = 0; k < 5000; ++k) values.push_back(static_cast<int>(stream.next_u64() % 1000));
    std::vector<int> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    DaryHeap<int, Identity> four;
    DaryHeap<int, Identity, NotPlaced, 2> two;
    for (int v : values) {
        four.push(v);
        two.push(v);
    }
    std::vector<int> out4, out2;
    while (!four.empty()) out4.push_back(four.pop());
    while (!two.empty()) out2.push_back(two.pop());
    CHECK(out4 == sorted);
    CHECK(out2 == sorted);
}

TEST_CASE("equal keys leave the heap in a fixed order that does not depend on a run") {
    struct Item {
        int key, id;
    };
    struct KeyOf {
        int operator()(const Item& i) const { return i.key; }
    };
    auto order = [] {
        DaryHeap<Item, KeyOf> heap;
        for (int id = 0; id < 50; ++id) heap.push({id % 3, id});
        std::vector<int> ids;
        while (!heap.empty()) ids.push_back(heap.pop().id);
        return ids;
    };
    CHECK(order() == order());
}

TEST_CASE("a heap that tracks where its items are lowers a key in place") {
    std::vector<double> key = {5, 4, 3, 2, 1, 9, 8, 7};
    std::vector<std::uint32_t> position(key.size(), 99);
    struct KeyOf {
        const std::vector<double>* key;
        double operator()(int v) const { return (*key)[static_cast<std::size_t>(v)]; }
    };
    struct Placed {
        std::vector<std::uint32_t>* position;
        void operator()(int v, std::size_t slot) const {
            (*position)[static_cast<std::size_t>(v)] = static_cast<std::uint32_t>(slot);
        }
    };
    DaryHeap<int, KeyOf, Placed> heap(KeyOf{&key}, Placed{&position});
    for (int v = 0; v < 8; ++v) heap.push(v);
    for (int v = 0; v < 8; ++v) CHECK(heap[position[static_cast<std::size_t>(v)]] == v);
    key[6] = 0.5;  // node 6 becomes the cheapest
    heap.replace_earlier(position[6], 6);
    CHECK(heap.top() == 6);
    std::vector<int> order;
    while (!heap.empty()) order.push_back(heap.pop());
    CHECK(order == std::vector<int>{6, 4, 3, 2, 1, 0, 7, 5});
}
