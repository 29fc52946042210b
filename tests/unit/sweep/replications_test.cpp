// Replications: the summary's arithmetic, and the same records at any thread count.

#include <catch2/catch.hpp>
#include <cmath>

#include "corridor/model/deployment.hpp"
#include "corridor/sweep/replications.hpp"
#include "../../scenario/scenarios.hpp"

namespace corridor {

TEST_CASE("a summary gives n, mean, sd, Student's t interval and interpolated percentiles", "[sweep]") {
    std::vector<std::vector<Kpi>> records;
    for (double x : {5.0, 1.0, 4.0, 2.0, 3.0}) records.push_back({{"a", "h", x}, {"b", "h", std::nullopt}});
    records[2][1].value = 7.0;  // b reached in one replication only
    std::vector<KpiSummary> s = summarise(records);
    REQUIRE(s.size() == 2);
    CHECK(s[0].name == "a");
    CHECK(s[0].n == 5);
    CHECK(s[0].mean == Approx(3));
    CHECK(s[0].sd == Approx(std::sqrt(2.5)));
    // t(0.975, 4) = 2.776 (tables): 2.776 x 1.5811 / sqrt(5).
    REQUIRE(s[0].half_width.has_value());
    CHECK(*s[0].half_width == Approx(2.776 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-3));
    CHECK(s[0].min == 1);
    CHECK(s[0].median == 3);
    CHECK(s[0].p95 == Approx(4.8));  // rank 0.95 x 4 = 3.8: 4 + 0.8 x (5 - 4)
    CHECK(s[0].max == 5);
    CHECK(s[1].n == 1);
    CHECK(s[1].mean == 7);
    CHECK_FALSE(s[1].half_width.has_value());
}

TEST_CASE("replications run in parallel give the records of the runs one by one, at any thread count", "[sweep]") {
    Theatre t = test::load_theatre("karabakh-2020/scenario.yaml");
    t.duration = 10 * kDay;
    std::vector<std::vector<Kpi>> one = run_replications(t, t.seed, 0, 4, 1);
    std::vector<std::vector<Kpi>> two = run_replications(t, t.seed, 0, 4, 2);
    REQUIRE(one.size() == 4);
    for (std::uint32_t r = 0; r < 4; ++r) {
        std::vector<Kpi> alone = kpi_record(simulate_deployment(t, t.seed, r, Sinks::kpis_only()));
        REQUIRE(one[r].size() == alone.size());
        for (std::size_t k = 0; k < alone.size(); ++k) {
            CHECK(one[r][k].value == alone[k].value);
            CHECK(two[r][k].value == alone[k].value);
        }
    }
    // Replications differ: they draw their own streams.
    const Kpi* wait0 = find_kpi(one[0], "force_checkpoint_mean_wait_min");
    const Kpi* wait1 = find_kpi(one[1], "force_checkpoint_mean_wait_min");
    REQUIRE(wait0 != nullptr);
    REQUIRE(wait1 != nullptr);
    CHECK(wait0->value != wait1->value);
}

}  // namespace corridor
