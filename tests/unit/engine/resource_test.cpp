#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "../../data_files.hpp"
#include "corridor/engine/resource.hpp"

using namespace corridor;

TEST_CASE("one server serves in arrival order, and waits are recorded") {
    Simulator sim;
    Resource desk(sim, ServerSchedule::constant(1).value());
    std::vector<std::pair<int, Time>> starts;
    for (int i = 0; i < 3; ++i) {
        sim.schedule_at(i * kSecond, [&, i] {
            desk.request([&, i](int server) {
                starts.push_back({i, sim.now()});
                sim.schedule_after(10 * kSecond, [&desk, server] { desk.release(server); });
            });
        });
    }
    sim.run();
    REQUIRE(starts.size() == 3);
    CHECK(starts[0] == std::pair<int, Time>{0, 0});
    CHECK(starts[1] == std::pair<int, Time>{1, 10 * kSecond});
    CHECK(starts[2] == std::pair<int, Time>{2, 20 * kSecond});
    CHECK(desk.waits_s().mean() == Approx((0 + 9 + 18) / 3.0));
    CHECK(desk.busy_stat().average(sim.now()) == Approx(1.0));
}

TEST_CASE("a server off duty starts no service, but finishes the one it has") {
    Simulator sim;
    // Two servers until t = 5 s, then one.
    Resource lanes(sim, ServerSchedule::shifts(2, {{5 * kSecond, 1}}).value());
    std::vector<std::pair<Time, int>> starts;
    auto customer = [&](Time service) {
        lanes.request([&, service](int server) {
            starts.push_back({sim.now(), server});
            sim.schedule_after(service, [&lanes, server] { lanes.release(server); });
        });
    };
    sim.schedule_at(0, [&] { customer(20 * kSecond); });           // server 0 until 20 s
    sim.schedule_at(1 * kSecond, [&] { customer(8 * kSecond); });  // server 1 until 9 s, past its shift
    sim.schedule_at(6 * kSecond, [&] { customer(1 * kSecond); });  // server 1 is off duty from 5 s
    sim.run();
    REQUIRE(starts.size() == 3);
    CHECK(starts[1] == std::pair<Time, int>{1 * kSecond, 1});
    CHECK(starts[2] == std::pair<Time, int>{20 * kSecond, 0});
}

TEST_CASE("bad server schedules are errors that name the value") {
    CHECK(ServerSchedule::constant(0).error() == "a resource needs at least one server, not 0");
    CHECK(ServerSchedule::shifts(-1, {}).error() == "the number of servers cannot be negative (-1)");
    CHECK(ServerSchedule::shifts(1, {{kHour, 2}, {kMinute, 3}}).error() ==
          "shift 2 at 1min goes back in time: shifts must come in increasing time");
    CHECK(ServerSchedule::shifts(1, {{kHour, -2}}).error() ==
          "shift 1 has a negative number of servers (-2)");
    CHECK(ServerSchedule::shifts(0, {{kHour, 0}}).error() == "the schedule never has a server on duty");
}

namespace {

struct Customer {
    double arrival, service, departure;
};

// Replays queuecomputer's customers through a Resource with its server schedule.
struct GoldenReplay {
    static constexpr double kScale = 1e9;
    static Time at(double t) { return static_cast<Time>(std::llround(t * kScale)); }
    Simulator sim;
    Resource servers{sim,
                     ServerSchedule::shifts(1, {{at(15), 3}, {at(30), 5}, {at(50), 3}, {at(80), 4}}).value()};
    std::vector<Customer> customers;
    std::vector<double> departures;

    void arrive(std::size_t i) {
        servers.request([this, i](int server) {
            sim.schedule_after(at(customers[i].service), [this, i, server] { depart(i, server); });
        });
    }
    void depart(std::size_t i, int server) {
        departures[i] = static_cast<double>(sim.now()) / kScale;
        servers.release(server);
    }
};

}  // namespace

TEST_CASE("departures match queuecomputer's golden file under a changing server schedule") {
    std::ifstream in(test::data_file("queuecomputer_testdataframe2.csv"));
    REQUIRE(in);
    std::vector<Customer> customers;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::stringstream fields(line);
        std::string row, id, arrival, service, departure;
        std::getline(fields, row, ',');
        std::getline(fields, id, ',');
        std::getline(fields, arrival, ',');
        std::getline(fields, service, ',');
        std::getline(fields, departure, ',');
        customers.push_back({std::stod(arrival), std::stod(service), std::stod(departure)});
    }
    REQUIRE(customers.size() == 200);

    // One time unit of the file = 1e9 ms: rounding each input to the millisecond moves a departure
    // by at most a few 1e-9 units, far below the 1e-6 we compare at.
    GoldenReplay replay;
    replay.customers = customers;
    replay.departures.assign(customers.size(), -1.0);
    for (std::size_t i = 0; i < customers.size(); ++i)
        replay.sim.schedule_at(GoldenReplay::at(customers[i].arrival), [r = &replay, i] { r->arrive(i); });
    replay.sim.run();
    const std::vector<double>& departures = replay.departures;
    int matched = 0;
    for (std::size_t i = 0; i < customers.size(); ++i) {
        INFO("customer row " << i + 1 << " arrival " << customers[i].arrival);
        CHECK(departures[i] == Approx(customers[i].departure).margin(1e-6));
        matched += std::abs(departures[i] - customers[i].departure) < 1e-6;
    }
    CHECK(matched == 200);
}
