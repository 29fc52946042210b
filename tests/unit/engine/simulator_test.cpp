#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>
#include <vector>

#include "corridor/engine/simulator.hpp"

using namespace corridor;

TEST_CASE("events at the same time run in the order they were scheduled") {
    Simulator sim;
    std::vector<int> order;
    for (int i = 0; i < 100; ++i) {
        int* out = nullptr;
        (void)out;
        sim.schedule_at(5 * kSecond, [&order, i] { order.push_back(i); });
    }
    sim.schedule_at(1 * kSecond, [&order] { order.push_back(-1); });
    sim.run();
    REQUIRE(order.size() == 101);
    CHECK(order[0] == -1);
    for (int i = 0; i < 100; ++i) CHECK(order[static_cast<std::size_t>(i) + 1] == i);
}

TEST_CASE("an event scheduled for now from inside an event runs after those already due now") {
    Simulator sim;
    std::vector<char> order;
    sim.schedule_at(10, [&] {
        order.push_back('a');
        sim.schedule_after(0, [&] { order.push_back('c'); });
    });
    sim.schedule_at(10, [&] { order.push_back('b'); });
    sim.run();
    CHECK(std::string(order.begin(), order.end()) == "abc");
    CHECK(sim.now() == 10);
}

TEST_CASE("events run in time order whatever order they were scheduled in") {
    Simulator sim;
    std::vector<Time> seen;
    const Time times[] = {50, 10, 40, 10, 30, 20, 0, 60, 5, 45};
    for (Time t : times) sim.schedule_at(t, [&seen, &sim] { seen.push_back(sim.now()); });
    sim.run();
    REQUIRE(seen.size() == 10);
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i - 1] <= seen[i]);
}

TEST_CASE("cancelled events never run, and a stale id cancels nothing") {
    Simulator sim;
    int ran = 0;
    EventId keep = sim.schedule_at(10, [&] { ran += 1; });
    EventId drop = sim.schedule_at(20, [&] { ran += 100; });
    CHECK(sim.pending() == 2);
    CHECK(sim.cancel(drop));
    CHECK_FALSE(sim.cancel(drop));
    CHECK(sim.pending() == 1);
    // The freed slot is reused; the old id must not cancel the new event.
    EventId reuse = sim.schedule_at(30, [&] { ran += 10; });
    CHECK(reuse.slot == drop.slot);
    CHECK_FALSE(sim.cancel(drop));
    sim.run();
    CHECK(ran == 11);
    CHECK_FALSE(sim.cancel(keep));
    CHECK(sim.events_executed() == 2);
}

TEST_CASE("a default event id names no event, not the first one scheduled") {
    Simulator sim;
    int ran = 0;
    EventId none{};
    EventId first = sim.schedule_at(10, [&] { ran += 1; });
    CHECK(first.slot == none.slot);  // the same slot: only the generation tells them apart
    CHECK_FALSE(sim.cancel(none));
    sim.run();
    CHECK(ran == 1);
    // Nor after the slot is reused.
    sim.schedule_at(20, [&] { ran += 10; });
    CHECK_FALSE(sim.cancel(EventId{}));
    sim.run();
    CHECK(ran == 11);
}

TEST_CASE("run_until stops at the horizon and leaves later events pending") {
    Simulator sim;
    int ran = 0;
    sim.schedule_at(kHour, [&] { ++ran; });
    sim.schedule_at(2 * kHour, [&] { ++ran; });
    sim.schedule_at(3 * kHour, [&] { ++ran; });
    sim.run_until(2 * kHour);
    CHECK(ran == 2);
    CHECK(sim.now() == 2 * kHour);
    CHECK(sim.pending() == 1);
    sim.run_until(10 * kHour);
    CHECK(ran == 3);
    CHECK(sim.now() == 10 * kHour);
}

TEST_CASE("scheduling into the past is a programming error") {
    Simulator sim;
    sim.run_until(kMinute);
    CHECK_THROWS_AS(sim.schedule_at(kSecond, [] {}), std::logic_error);
}

// Counts every heap allocation in this test program, to show the event loop makes none. The
// sanitizer build replaces the allocator itself, so the count is taken in the Release build only.
#ifndef CORRIDOR_SANITIZE
namespace {
std::atomic<long> g_allocations{0};
}
void* operator new(std::size_t size) {
    ++g_allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

TEST_CASE("the event loop makes no heap allocation per event once warm") {
    Simulator sim;
    struct Hold {
        Simulator* sim;
        long* remaining;
        void operator()() const {
            if (--*remaining > 0) sim->schedule_after(1 + (*remaining * 7919) % 1000, *this);
        }
    };
    long remaining = 2'000;
    for (int i = 0; i < 1000; ++i) sim.schedule_after(i, Hold{&sim, &remaining});
    sim.run();  // warm-up: the heap and slot arrays reach their working size
    remaining = 200'000;
    for (int i = 0; i < 1000; ++i) sim.schedule_after(i, Hold{&sim, &remaining});
    long before = g_allocations.load();
    sim.run();
    long after = g_allocations.load();
    CHECK(sim.events_executed() > 200'000);
    CHECK(after - before == 0);
}
#endif
