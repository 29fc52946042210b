#pragma once
// The discrete-event core: a clock and the pending-event set. Events run in (time, sequence)
// order, so events at the same time run in the order they were scheduled (docs/architecture.md, decision 2);
// that order is fixed, and with it every result.

#include <cstdint>
#include <memory>
#include <vector>

#include "corridor/engine/dary_heap.hpp"
#include "corridor/engine/small_function.hpp"
#include "corridor/engine/time.hpp"

namespace corridor {

using Action = SmallFunction<void()>;

/// Names a scheduled event so that it can be cancelled. A stale id cancels nothing, and neither
/// does a default one (`EventId{}`: no event; slots' generations start at 1).
struct EventId {
    std::uint32_t slot = 0;
    std::uint32_t generation = 0;
};

class Simulator {
  public:
    Simulator();

    Time now() const { return now_; }

    /// Schedules `action` at absolute time `at`, which must not be in the past.
    EventId schedule_at(Time at, Action action);
    /// Schedules `action` after `delay` (zero or more) from now.
    EventId schedule_after(Time delay, Action action) { return schedule_at(now_ + delay, action); }
    /// Cancels a pending event; returns false if it already ran or was cancelled. The heap entry
    /// stays until it surfaces and is skipped (lazy cancellation: no search).
    bool cancel(EventId id);

    /// Runs every event due at or before `end`, then sets the clock to `end`.
    void run_until(Time end);
    /// Runs events until none is left.
    void run();

    std::size_t pending() const { return live_events_; }
    std::uint64_t events_executed() const { return executed_; }

  private:
    // Heap entries are 24 bytes and ordered by (time, sequence); the action lives in a slot so
    // that moving entries up and down the heap moves no callable.
    struct Entry {
        Time time;
        std::uint64_t sequence;
        std::uint32_t slot;
        std::uint32_t generation;
    };
    // Slots live in fixed chunks so that an action can run in place: scheduling from inside it
    // may add chunks but never moves a slot. Free slots form an intrusive list.
    struct Slot {
        Action action;
        std::uint32_t generation = 1;  // never 0, the generation of `EventId{}`
        std::uint32_t next_free = 0;
    };
    // A slot's event ran or was cancelled: ids naming it go stale. Generation 0 is skipped on
    // wrap-around, so that `EventId{}` stays no event.
    static void retire(Slot& s) {
        if (++s.generation == 0) s.generation = 1;
    }
    static constexpr std::uint32_t kChunkBits = 10;
    static constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
    static constexpr std::uint32_t kNoSlot = UINT32_MAX;
    Slot& slot(std::uint32_t index) { return chunks_[index >> kChunkBits][index & (kChunkSize - 1)]; }
    std::uint32_t allocate_slot();
    void free_slot(std::uint32_t index);
    // Earlier time first; at one time, first scheduled first.
    struct Order {
        Time time;
        std::uint64_t sequence;
        bool operator<(const Order& o) const { return time < o.time || (time == o.time && sequence < o.sequence); }
    };
    struct OrderOf {
        Order operator()(const Entry& e) const { return {e.time, e.sequence}; }
    };
    bool execute_next(Time end);

    Time now_ = 0;
    std::uint64_t next_sequence_ = 0;
    std::uint64_t executed_ = 0;
    std::size_t live_events_ = 0;
    DaryHeap<Entry, OrderOf> heap_;
    std::vector<std::unique_ptr<Slot[]>> chunks_;
    std::uint32_t slot_count_ = 0;
    std::uint32_t first_free_ = kNoSlot;
};

}  // namespace corridor
