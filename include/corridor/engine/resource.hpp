#pragma once
// A first-in-first-out pool of c identical servers (checkpoint lanes, apron slots, loading
// ramps) whose staffing may follow a schedule of shifts. Servers are numbered: while the schedule
// says k servers are on duty, servers 0..k-1 are. A service starts only on a free server that is
// on duty, and may run past the end of that server's shift. The head of the queue takes, among
// the free servers on duty, the one that has been idle longest (the earliest feasible start of
// queuecomputer, Ebert et al. 2017).

#include <cstdint>
#include <string>
#include <vector>

#include "corridor/engine/fifo.hpp"
#include "corridor/engine/result.hpp"
#include "corridor/engine/simulator.hpp"
#include "corridor/engine/small_function.hpp"
#include "corridor/engine/statistics.hpp"

namespace corridor {

struct StaffingChange {
    Time at = 0;
    int servers = 0;
};

class ServerSchedule {
  public:
    /// A constant number of servers (at least one).
    static Result<ServerSchedule> constant(int servers);
    /// `initial` servers from time 0, then each change in turn. Changes must be in strictly
    /// increasing time, counts zero or more, and at least one server must be on duty sometime.
    static Result<ServerSchedule> shifts(int initial, std::vector<StaffingChange> changes);

    int initial() const { return initial_; }
    const std::vector<StaffingChange>& changes() const { return changes_; }
    int max_servers() const;

  private:
    int initial_ = 1;
    std::vector<StaffingChange> changes_;
};

class Resource {
  public:
    /// Called when a request reaches a server; the argument is the server to release later.
    using Grant = SmallFunction<void(int server)>;

    Resource(Simulator& simulator, const ServerSchedule& schedule);
    Resource(const Resource&) = delete;
    Resource& operator=(const Resource&) = delete;

    void request(Grant on_start);
    void release(int server);

    int on_duty() const { return on_duty_; }
    std::size_t queue_length() const { return queue_.size(); }
    const Tally& waits_s() const { return waits_s_; }
    const TimeWeighted& queue_length_stat() const { return queue_length_; }
    const TimeWeighted& busy_stat() const { return busy_; }

  private:
    struct Waiting {
        Time since = 0;
        Grant grant;
    };
    struct Server {
        bool busy = false;
        Time free_since = 0;
    };
    /// The free server on duty that has been idle longest, or -1.
    int free_server() const;
    void start_service(int server, Time waited);
    void change_staffing(int servers);
    void dispatch();

    Simulator& simulator_;
    std::vector<Server> servers_;
    int on_duty_ = 0;
    bool dispatching_ = false;
    Fifo<Waiting> queue_;
    Tally waits_s_;
    TimeWeighted queue_length_;
    TimeWeighted busy_;
};

}  // namespace corridor
