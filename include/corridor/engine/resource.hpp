#pragma once
// A first-in-first-out pool of c identical servers (checkpoint lanes, apron slots, loading
// ramps) whose staffing may follow a schedule of shifts. Servers are numbered: while the schedule
// says k servers are on duty, servers 0..k-1 are. A service starts only on a free server that is
// on duty, and may run past the end of that server's shift. The head of the queue takes, among
// the free servers on duty, the one that has been idle longest (the earliest feasible start of
// queuecomputer, Ebert et al. 2017).

#include <cstdint>
#include <memory>
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

/// The times of arrivals that need no callback of their own (a checkpoint's background traffic)
/// and can be drawn again from a copy of their random stream. A run of such arrivals waits in a
/// Resource's queue as one entry (its first time and a count), not one entry each, so that an
/// overloaded queue's memory does not grow with the traffic.
class ReplayableArrivals {
  public:
    virtual ~ReplayableArrivals() = default;
    /// The time of the arrival after the last one drawn.
    virtual Time next() = 0;
    /// A copy that draws the same times from here on.
    virtual std::unique_ptr<ReplayableArrivals> clone() const = 0;
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

    /// What every anonymous arrival does when it reaches a server.
    void set_anonymous_grant(Grant on_start) { anonymous_grant_ = std::move(on_start); }
    /// An anonymous arrival now; `arrivals` has drawn this arrival's time last, so its copy
    /// replays the arrivals that follow it.
    void request_anonymous(const ReplayableArrivals& arrivals);

    int on_duty() const { return on_duty_; }
    std::size_t queue_length() const { return waiting_; }
    const Tally& waits_s() const { return waits_s_; }
    /// The waits of requests with a grant of their own (a convoy's vehicles), and of anonymous ones.
    const Tally& named_waits_s() const { return named_waits_s_; }
    const Tally& anonymous_waits_s() const { return anonymous_waits_s_; }
    const TimeWeighted& queue_length_stat() const { return queue_length_; }
    const TimeWeighted& busy_stat() const { return busy_; }

  private:
    struct Waiting {
        Time since = 0;  // of the first arrival in a run
        Grant grant;     // empty for a run of anonymous arrivals
        std::uint64_t anonymous = 0;
        std::unique_ptr<ReplayableArrivals> replay;  // the times of the run's later arrivals
    };
    struct Server {
        bool busy = false;
        Time free_since = 0;
    };
    /// The free server on duty that has been idle longest, or -1.
    int free_server() const;
    void start_service(int server, Time waited, bool anonymous);
    /// Starts a new arrival's service now if nobody waits and a server is free; its server, or -1.
    int start_at_once(bool anonymous);
    /// Counts an arrival just queued and serves what can be served.
    void enqueued();
    void change_staffing(int servers);
    void dispatch();

    Simulator& simulator_;
    std::vector<Server> servers_;
    int on_duty_ = 0;
    bool dispatching_ = false;
    Fifo<Waiting> queue_;
    std::size_t waiting_ = 0;  // arrivals in the queue, each of a run counted
    Grant anonymous_grant_;
    Tally waits_s_;
    Tally named_waits_s_;
    Tally anonymous_waits_s_;
    TimeWeighted queue_length_;
    TimeWeighted busy_;
};

}  // namespace corridor
