#include <catch2/catch.hpp>

#include "corridor/engine/queueing.hpp"
#include "corridor/engine/statistics.hpp"
#include "corridor/model/checkpoint_queue.hpp"

using namespace corridor;

TEST_CASE("Erlang C gives the textbook values") {
    // M/M/1: Wq = rho / (mu - lambda).
    CHECK(erlang_c_mean_wait(1, 0.8, 1.0) == Approx(0.8 / 0.2));
    // M/M/2 with a = 1.6: C = 0.7111 (tables), Wq = C / (2 - 1.6).
    CHECK(erlang_c_probability_of_waiting(2, 1.6, 1.0) == Approx(0.711111).epsilon(1e-5));
    CHECK(erlang_c_mean_wait(2, 1.6, 1.0) == Approx(1.777778).epsilon(1e-5));
}

TEST_CASE("simulated M/M/c waiting times agree with Erlang C within a tight 99% interval") {
    const int servers = GENERATE(1, 2, 4);
    const double utilisation = GENERATE(0.5, 0.8, 0.9);
    const double service_rate = 6.0;  // a lane clears a vehicle in 10 min on average
    const double arrival_rate = utilisation * servers * service_rate;
    const int replications = 30;
    Tally mean_waits;
    for (int r = 0; r < replications; ++r) {
        CheckpointQueueParameters p;
        p.servers = servers;
        p.arrival_rate_per_h = arrival_rate;
        p.service_rate_per_h = service_rate;
        p.customers = 100'000;
        p.seed = 20201110;
        p.replication = static_cast<std::uint32_t>(r);
        CheckpointQueueResult result = simulate_checkpoint_queue(p);
        REQUIRE(result.customers == p.customers);
        mean_waits.add(result.mean_wait_h);
    }
    double expected = erlang_c_mean_wait(servers, arrival_rate, service_rate);
    double half_width = mean_waits.confidence_half_width(0.99);
    INFO("c = " << servers << ", rho = " << utilisation << ": simulated " << mean_waits.mean() << " +- "
                << half_width << " h, Erlang C " << expected << " h");
    CHECK(half_width < 0.06 * expected);  // the interval is tight
    CHECK(std::abs(mean_waits.mean() - expected) <= half_width);
}

TEST_CASE("bad checkpoint queue parameters are errors naming the value") {
    CheckpointQueueParameters p;
    p.servers = 0;
    CHECK(check(p).error() == "servers must be from 1 to 1000, not 0");
    p.servers = 2'000'000'000;  // once 32 GB of lanes
    CHECK(check(p).error() == "servers must be from 1 to 1000, not 2000000000");
    p.servers = 2;
    p.arrival_rate_per_h = -3;
    CHECK(check(p).error() == "arrival rate must be a positive number, not -3");
    p.arrival_rate_per_h = 3;
    p.service_rate_per_h = 0;
    CHECK(check(p).error() == "service rate must be a positive number, not 0");
    p.service_rate_per_h = 1e-300;  // a drawn time would overflow the clock
    CHECK(check(p).error() == "service rate must be from 1e-06 to 1e+06 vehicles an hour, not 1e-300");
}
