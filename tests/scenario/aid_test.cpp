// The aid part against answers known without corridor (scenarios/validation/aid-*.yaml; the
// arithmetic is in each file's header) and its policies' behaviour on small theatres.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <vector>

#include "corridor/engine/statistics.hpp"
#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

std::map<std::string, std::vector<Time>> delivery_times(const DeploymentResult& r) {
    std::map<std::string, std::vector<Time>> times;
    for (const TimelineRow& row : r.timeline)
        if (row.event == "delivered") times[row.entity].push_back(row.at);
    return times;
}

using test::kpi;

}  // namespace

TEST_CASE("one depot, one town: every truck delivers a full load once a cycle", "[aid][validation]") {
    Theatre theatre = test::load_theatre("validation/aid-one-depot.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    const Time cycle = 5 * kHour + 18 * kSecond;
    const Time first = kHour + (90 * kMinute + 9 * kSecond) + kHour;
    auto times = delivery_times(r);
    REQUIRE(times.size() == 4);
    // They leave the depot together, so each enters the road one pass time (9 s) after the one
    // before (the road's gate) and keeps that distance.
    Time behind = 0;
    for (const auto& [truck, at] : times) {
        INFO(truck);
        REQUIRE(at.size() == 5);
        CHECK(at.front() == first + behind);
        behind += 9 * kSecond;
        for (std::size_t k = 1; k < at.size(); ++k) CHECK(at[k] - at[k - 1] == cycle);
        // The rate between a truck's first and last delivery: payload over the cycle, exactly.
        double tonnes_a_day = 10.0 * (at.size() - 1) / to_hours(at.back() - at.front()) * 24.0;
        CHECK(tonnes_a_day == Approx(10.0 * 86400.0 / 18018.0).epsilon(1e-12));
    }
    CHECK(kpi(r, "aid_tonnes_delivered") == Approx(200.0));
    CHECK(kpi(r, "aid_trips") == 20);
    // 4 trucks x 191.81 t/day is the rate; the first day's count is the 20 loads above.
    CHECK(4 * 10.0 * 86400.0 / 18018.0 == Approx(191.808).epsilon(1e-5));
    REQUIRE(r.supplies.size() == 1);
    CHECK(r.supplies[0].delivered == Approx(200000.0));
}

TEST_CASE("a town with no deliveries runs out at stock / daily need", "[aid][validation]") {
    Theatre theatre = test::load_theatre("validation/aid-stock-out.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    REQUIRE(r.supplies.size() == 2);
    const SupplyOutcome& food = r.supplies[0];
    const SupplyOutcome& water = r.supplies[1];
    CHECK(food.first_out == 2 * kDay);
    CHECK(water.first_out == 3 * kDay);
    CHECK(food.need == Approx(2775.0));
    CHECK(food.unmet == Approx(1665.0));
    CHECK(food.unmet_person_days == Approx(3000.0));
    CHECK(food.out == 3 * kDay);
    CHECK(water.unmet == Approx(30000.0));
    CHECK(water.out == 2 * kDay);
    CHECK(kpi(r, "aid_trips") == 0);
    CHECK(kpi(r, "unmet_person_days") == Approx(3000.0 + 2000.0));
    CHECK(kpi(r, "stock_out_days") == Approx(5.0));
    // towns.csv: one row per day and commodity, the day's figures adding up to the run's.
    REQUIRE(r.town_days.size() == 10);
    double unmet = 0;
    for (const TownDay& d : r.town_days)
        if (d.commodity == 0) unmet += d.unmet;
    CHECK(unmet == Approx(1665.0));
    // Rows are by day, then town, then commodity: food is every other row.
    CHECK(r.town_days[0].stock == Approx(555.0));  // food at the end of day 0
    CHECK(r.town_days[2].stock == 0);              // food at the end of day 1: just run out
    CHECK(r.town_days[2].unmet == Approx(0.0).margin(1e-6));
    CHECK(r.town_days[4].unmet == Approx(555.0));  // day 2: all of it unmet
}

TEST_CASE("the aid KPIs are the same whether or not the run records its tables", "[aid]") {
    Theatre theatre = test::load_theatre("validation/aid-one-depot.yaml");
    std::vector<Kpi> full = kpi_record(simulate_deployment(theatre, 7, 0, Sinks::all()));
    std::vector<Kpi> lean = kpi_record(simulate_deployment(theatre, 7, 0, Sinks::kpis_only()));
    REQUIRE(full.size() == lean.size());
    for (std::size_t k = 0; k < full.size(); ++k) {
        INFO(full[k].name);
        CHECK(full[k].value == lean[k].value);
    }
}

}  // namespace corridor

namespace corridor {

TEST_CASE("the reference theatre's aid reaches every town, and towns and fleets agree on the tonnes",
          "[aid][reference]") {
    Theatre theatre = test::load_theatre("karabakh-2020/scenario.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    REQUIRE(r.supplies.size() == theatre.aid.towns.size() * theatre.aid.commodities.size());
    double town_kg = 0;
    for (const SupplyOutcome& s : r.supplies) {
        INFO(theatre.aid.towns[s.town].name << " " << theatre.aid.commodities[s.commodity].name);
        if (theatre.aid.commodities[s.commodity].fuel) continue;  // diesel: for the trucks, no town needs it
        CHECK(s.delivered > 0);
        CHECK(s.need > 0);
        CHECK(s.unmet <= s.need);
        town_kg += s.delivered * theatre.aid.commodities[s.commodity].mass_kg;
    }
    double fleet_t = 0;
    int trips = 0;
    for (const FleetOutcome& f : r.fleets) {
        fleet_t += f.tonnes;
        trips += f.trips;
        CHECK(f.trips > 0);
        CHECK(f.busy_h <= f.truck_h);
    }
    CHECK(town_kg / 1000.0 == Approx(fleet_t).epsilon(1e-9));
    // towns.csv adds up to the same deliveries.
    double rows_kg = 0;
    for (const TownDay& d : r.town_days) rows_kg += d.delivered * theatre.aid.commodities[d.commodity].mass_kg;
    CHECK(rows_kg == Approx(town_kg).epsilon(1e-9));
    CHECK(r.town_days.size() == 90 * theatre.aid.towns.size() * theatre.aid.commodities.size());
    CHECK(trips > 0);
}

}  // namespace corridor

namespace corridor {

TEST_CASE("returns wait for their post: no returnee arrives before it is established", "[aid][returns][validation]") {
    Theatre theatre = test::load_theatre("validation/returns-after-post.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    REQUIRE(r.posts.size() == 1);
    const Time established = 3 * kHour + 45 * kMinute + 45 * kSecond;
    CHECK(r.posts[0].established == established);
    REQUIRE(r.returns.size() == 1);
    const ReturnOutcome& flow = r.returns[0];
    CHECK(flow.held == 2);  // 00:00 and 02:00
    CHECK(flow.convoys == 1);
    CHECK(flow.returned == 100);
    CHECK(flow.first_arrival == 4 * kHour + 105 * kMinute + 36 * kSecond);
    CHECK(flow.first_arrival > established);
    CHECK(flow.half == flow.first_arrival);
    CHECK(r.returned_90 == flow.first_arrival);
    for (const TimelineRow& row : r.timeline)
        if (row.event == "returnees arrived") CHECK(row.at >= established);
    // The returnees live in the town from then on: its need grows with them.
    REQUIRE(r.town_days.size() == 1);
    CHECK(r.town_days[0].population == 600);
    double hours_at_500 = to_hours(flow.first_arrival);
    CHECK(r.town_days[0].need == Approx(0.555 * (500 * hours_at_500 + 600 * (24 - hours_at_500)) / 24));
}

TEST_CASE("without its post, a flow of returns never leaves", "[aid][returns]") {
    Theatre theatre = test::load_theatre("validation/returns-after-post.yaml");
    theatre.units.clear();  // nobody goes to the post
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    CHECK(r.returns[0].returned == 0);
    CHECK(r.returns[0].convoys == 0);
    CHECK(r.returns[0].held == 4);
    CHECK(r.returned_50 == kNever);
}

}  // namespace corridor

namespace corridor {

TEST_CASE("breakdowns alone: availability within the interval of MTBF / (MTBF + MTTR)", "[aid][breakdowns][validation]") {
    Theatre theatre = test::load_theatre("validation/breakdowns-alone.yaml");
    Tally availability;
    for (std::uint32_t rep = 0; rep < 10; ++rep) {
        DeploymentResult r = simulate_deployment(theatre, theatre.seed, rep, Sinks::kpis_only());
        REQUIRE(r.fleets.size() == 1);
        const FleetOutcome& f = r.fleets[0];
        CHECK(f.trips == 0);
        CHECK(f.breakdowns > 1500);  // about 10 x 24,000 h / 120 h = 2,000
        availability.add(1.0 - f.down_h / f.truck_h);
    }
    double expected = 100.0 / 120.0;
    double half = availability.confidence_half_width(0.99);
    CHECK(std::abs(availability.mean() - expected) <= half);
    CHECK(half < 0.01);
}

TEST_CASE("common random numbers: more trucks leave the first trucks' failures as they were", "[aid][breakdowns]") {
    Theatre four = test::load_theatre("validation/breakdowns-alone.yaml");
    four.duration = 60 * kDay;
    Theatre six = test::load_theatre("validation/breakdowns-alone.yaml");
    six.duration = 60 * kDay;
    six.aid.fleets[0].count = 6;
    four.aid.fleets[0].count = 4;
    auto failures = [](const DeploymentResult& r, int trucks) {
        std::vector<std::pair<Time, std::string>> rows;
        for (const TimelineRow& row : r.timeline)
            if (row.event == "broke down" || row.event == "repaired")
                for (int k = 1; k <= trucks; ++k)
                    if (row.entity == "trucks/truck-" + std::to_string(k)) rows.push_back({row.at, row.entity});
        return rows;
    };
    DeploymentResult a = simulate_deployment(four, 3, 0);
    DeploymentResult b = simulate_deployment(six, 3, 0);
    CHECK(!failures(a, 4).empty());
    CHECK(failures(a, 4) == failures(b, 4));
    CHECK(failures(b, 6).size() > failures(a, 4).size());
}

}  // namespace corridor
