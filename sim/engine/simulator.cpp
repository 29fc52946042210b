#include "corridor/engine/simulator.hpp"

#include <stdexcept>
#include <string>

namespace corridor {

Simulator::Simulator() { heap_.reserve(1024); }

std::uint32_t Simulator::allocate_slot() {
    if (first_free_ != kNoSlot) {
        std::uint32_t index = first_free_;
        first_free_ = slot(index).next_free;
        return index;
    }
    if ((slot_count_ & (kChunkSize - 1)) == 0) chunks_.push_back(std::make_unique<Slot[]>(kChunkSize));
    return slot_count_++;
}

void Simulator::free_slot(std::uint32_t index) {
    slot(index).next_free = first_free_;
    first_free_ = index;
}

EventId Simulator::schedule_at(Time at, Action action) {
    if (at < now_)
        throw std::logic_error("event scheduled in the past: at " + format_duration(at) + ", now " +
                               format_duration(now_));
    std::uint32_t index = allocate_slot();
    Slot& target = slot(index);
    target.action = action;
    heap_.push(Entry{at, next_sequence_++, index, target.generation});
    ++live_events_;
    return EventId{index, target.generation};
}

bool Simulator::cancel(EventId id) {
    if (id.slot >= slot_count_ || slot(id.slot).generation != id.generation) return false;
    retire(slot(id.slot));
    free_slot(id.slot);
    --live_events_;
    return true;
}

bool Simulator::execute_next(Time end) {
    while (!heap_.empty()) {
        if (heap_.top().time > end) return false;
        Entry entry = heap_.pop();
        Slot& due = slot(entry.slot);
        if (due.generation != entry.generation) continue;  // cancelled
        // Retire the id before running, so that the action cannot cancel itself, and free the
        // slot after, so that nothing scheduled meanwhile overwrites the running action.
        retire(due);
        --live_events_;
        now_ = entry.time;
        ++executed_;
        due.action();
        free_slot(entry.slot);
        return true;
    }
    return false;
}

void Simulator::run_until(Time end) {
    while (execute_next(end)) {}
    if (end > now_) now_ = end;
}

void Simulator::run() {
    constexpr Time kForever = INT64_MAX;
    while (execute_next(kForever)) {}
}

}  // namespace corridor
