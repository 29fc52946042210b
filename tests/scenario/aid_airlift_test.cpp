// Aid cargo on the airlift (scenarios/validation/aid-airlift.yaml; the arithmetic is in its
// header): it waits at its airfield for room on a sortie and competes with the force by priority.

#include <catch2/catch.hpp>
#include <vector>

#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

using test::times_of;

}  // namespace

TEST_CASE("aid on the airlift flies after the force when its priority is lower", "[aid][airlift][validation]") {
    Theatre t = test::load_theatre("validation/aid-airlift.yaml");
    DeploymentResult r = simulate_deployment(t, t.seed);
    // The unit's two sorties first (8 h, 20 h), then the food on sorties 3 to 5.
    CHECK(r.units[0].arrived != kNever);
    CHECK(r.sorties == 5);
    CHECK(times_of(r, "airhead", "cargo in") == std::vector<Time>{32 * kHour, 44 * kHour, 56 * kHour});
    CHECK(r.aid_tonnes_lifted == Approx(100));
    CHECK(r.tonnes_lifted == Approx(180));
    // 40 t waited 24 h, 40 t 36 h, 20 t 48 h.
    CHECK(r.aid_air_wait_t_h == Approx(3360));
    REQUIRE(r.airlift_days.size() >= 3);
    CHECK(r.airlift_days[0].aid_tonnes == 0);
    CHECK(r.airlift_days[1].aid_tonnes == Approx(80));
    CHECK(r.airlift_days[2].aid_tonnes == Approx(20));
    const Kpi* lifted = nullptr;
    std::vector<Kpi> record = kpi_record(r);
    lifted = find_kpi(record, "aid_tonnes_lifted");
    REQUIRE(lifted != nullptr);
    CHECK(lifted->value.value_or(-1) == Approx(100));
}

TEST_CASE("aid on the airlift at a higher priority goes first and delays the force", "[aid][airlift]") {
    Theatre base = test::load_theatre("validation/aid-airlift.yaml");
    DeploymentResult before = simulate_deployment(base, base.seed);
    Theatre t = test::load_theatre("validation/aid-airlift.yaml");
    t.aid.depots[0].inbound[0].priority = 0;
    DeploymentResult r = simulate_deployment(t, t.seed);
    // 40 t at 8 h, 40 t at 20 h, then 20 t beside two trucks at 32 h.
    CHECK(times_of(r, "airhead", "cargo in") == std::vector<Time>{8 * kHour, 20 * kHour, 32 * kHour});
    CHECK(r.aid_air_wait_t_h == Approx(40 * 12 + 20 * 24));
    CHECK(r.sorties == 5);
    // The unit's last trucks landed on sortie 5 (56 h) instead of sortie 2 (20 h).
    REQUIRE(r.units.size() == 1);
    CHECK(r.units[0].arrived - before.units[0].arrived == 36 * kHour);
}

TEST_CASE("repeating aid lots on the airlift wait for the next sortie and capacity turns away the rest",
          "[aid][airlift]") {
    Theatre t = test::load_theatre("validation/aid-airlift.yaml");
    t.units.clear();  // only aid flies
    t.posts.clear();
    Inbound& food = t.aid.depots[0].inbound[0];
    food.amount = 30'000;  // 30 t every 6 h from 0 to 24 h: five lots, 150 t
    food.every = 6 * kHour;
    food.until = 24 * kHour;
    t.aid.depots[0].capacity_t = 100;
    DeploymentResult r = simulate_deployment(t, t.seed);
    // One aircraft loading at 0, 12, 24 and 36 h takes what is ready then, oldest first:
    // 30 t (lot 1 alone is ready at 0 h), 40 t (lot 2, 10 t of lot 3), 40 t (20 t of lot 3, 20 t of
    // lot 4), 40 t (10 t of lot 4, lot 5): landed 8 h later each.
    CHECK(times_of(r, "airhead", "cargo in") == std::vector<Time>{8 * kHour, 20 * kHour, 32 * kHour, 44 * kHour});
    CHECK(r.aid_tonnes_lifted == Approx(150));
    CHECK(r.sorties == 4);
    // Waits: lot 2 30 t x 6 h; lot 3 20 t x 12 h; lot 4 20 t x 6 h and 10 t x 18 h; lot 5 30 t x 12 h.
    CHECK(r.aid_air_wait_t_h == Approx(180 + 240 + 120 + 180 + 360));
    // The depot holds 100 t: the last 50 t landed are turned away (no trucks take any out).
    CHECK(r.depot_turned_away_t == Approx(50));
}

}  // namespace corridor

namespace corridor {

TEST_CASE("a unit's person_weight is what its people weigh in the hold", "[airlift]") {
    // airlift-only.yaml: 40 trucks of 10 t fill ten 40 t sorties; then 200 people in seats of 100.
    auto sorties = [](double person_t) {
        Theatre t = test::load_theatre("validation/airlift-only.yaml");
        t.aircraft_types[0].seats = 100;
        t.units[0].personnel = 200;
        t.units[0].person_t = person_t;
        return simulate_deployment(t, t.seed);
    };
    DeploymentResult light = sorties(0.1);  // 100 a sortie (the seats): 2 more sorties
    DeploymentResult heavy = sorties(1.0);  // 40 a sortie (40 t): 5 more sorties
    CHECK(light.sorties == 12);
    CHECK(heavy.sorties == 15);
    CHECK(light.tonnes_lifted == Approx(400 + 20));
    CHECK(heavy.tonnes_lifted == Approx(400 + 200));
    CHECK(light.personnel_lifted == 200);
    CHECK(heavy.personnel_lifted == 200);
}

}  // namespace corridor
