#include "corridor/engine/resource.hpp"

#include <algorithm>
#include <stdexcept>

namespace corridor {

Result<ServerSchedule> ServerSchedule::constant(int servers) {
    if (servers < 1) return Error{"a resource needs at least one server, not " + std::to_string(servers)};
    return shifts(servers, {});
}

Result<ServerSchedule> ServerSchedule::shifts(int initial, std::vector<StaffingChange> changes) {
    if (initial < 0)
        return Error{"the number of servers cannot be negative (" + std::to_string(initial) + ")"};
    Time previous = 0;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const StaffingChange& change = changes[i];
        if (change.servers < 0)
            return Error{"shift " + std::to_string(i + 1) + " has a negative number of servers (" +
                         std::to_string(change.servers) + ")"};
        if (change.at <= previous)
            return Error{"shift " + std::to_string(i + 1) + " at " + format_duration(change.at) +
                         " goes back in time: shifts must come in increasing time"};
        previous = change.at;
    }
    ServerSchedule schedule;
    schedule.initial_ = initial;
    schedule.changes_ = std::move(changes);
    if (schedule.max_servers() == 0) return Error{"the schedule never has a server on duty"};
    return schedule;
}

int ServerSchedule::max_servers() const {
    int most = initial_;
    for (const StaffingChange& change : changes_) most = std::max(most, change.servers);
    return most;
}

Resource::Resource(Simulator& simulator, const ServerSchedule& schedule)
    : simulator_(simulator),
      servers_(static_cast<std::size_t>(schedule.max_servers())),
      on_duty_(schedule.initial()),
      queue_length_(simulator.now()),
      busy_(simulator.now()) {
    for (Server& server : servers_) server.free_since = simulator.now();
    for (const StaffingChange& change : schedule.changes()) {
        int servers = change.servers;
        simulator_.schedule_at(change.at, [this, servers] { change_staffing(servers); });
    }
}

int Resource::start_at_once(bool anonymous) {
    // The common case in a lightly loaded queue: nobody waiting and a server free. Served at once
    // without passing through the queue; the statistics are the same as dispatch() would record.
    if (!queue_.empty() || dispatching_) return -1;
    int server = free_server();
    if (server >= 0) start_service(server, 0, anonymous);
    return server;
}

void Resource::enqueued() {
    ++waiting_;
    queue_length_.set(simulator_.now(), static_cast<double>(waiting_));
    dispatch();
}

void Resource::request(Grant on_start) {
    if (int server = start_at_once(false); server >= 0) return on_start(server);
    queue_.push(Waiting{simulator_.now(), std::move(on_start), 0, nullptr});
    enqueued();
}

void Resource::request_anonymous(const ReplayableArrivals& arrivals) {
    if (int server = start_at_once(true); server >= 0) return anonymous_grant_(server);
    // Behind a run of anonymous arrivals, this one is the run's next: only the count grows.
    if (!queue_.empty() && queue_.back().anonymous > 0)
        ++queue_.back().anonymous;
    else
        queue_.push(Waiting{simulator_.now(), {}, 1, arrivals.clone()});
    enqueued();
}

void Resource::release(int server) {
    Server& released = servers_.at(static_cast<std::size_t>(server));
    if (!released.busy) throw std::logic_error("released a server that was not busy");
    released.busy = false;
    released.free_since = simulator_.now();
    busy_.add(simulator_.now(), -1.0);
    dispatch();
}

int Resource::free_server() const {
    int chosen = -1;
    for (int s = 0; s < on_duty_; ++s) {
        const Server& server = servers_[static_cast<std::size_t>(s)];
        if (!server.busy &&
            (chosen < 0 || server.free_since < servers_[static_cast<std::size_t>(chosen)].free_since))
            chosen = s;
    }
    return chosen;
}

void Resource::start_service(int server, Time waited, bool anonymous) {
    servers_[static_cast<std::size_t>(server)].busy = true;
    busy_.add(simulator_.now(), 1.0);
    waits_s_.add(to_seconds(waited));
    (anonymous ? anonymous_waits_s_ : named_waits_s_).add(to_seconds(waited));
}

void Resource::change_staffing(int servers) {
    on_duty_ = servers;
    dispatch();
}

void Resource::dispatch() {
    // A grant may release at once (a zero-length service); the outer call keeps going.
    if (dispatching_) return;
    dispatching_ = true;
    while (!queue_.empty()) {
        int chosen = free_server();
        if (chosen < 0) break;
        --waiting_;
        queue_length_.set(simulator_.now(), static_cast<double>(waiting_));
        Waiting& front = queue_.front();
        start_service(chosen, simulator_.now() - front.since, front.anonymous > 0);
        if (front.anonymous > 0) {
            // The run's next arrival becomes its head, with the time it arrived at.
            if (--front.anonymous > 0)
                front.since = front.replay->next();
            else
                queue_.pop();
            anonymous_grant_(chosen);
            continue;
        }
        Waiting head = queue_.pop();
        head.grant(chosen);
    }
    dispatching_ = false;
}

}  // namespace corridor
