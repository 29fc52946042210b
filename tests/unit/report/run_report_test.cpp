// A run's report.html: the sections a scenario has data for are drawn, each chart once with its
// units; those it has none for say so in a sentence; the same run gives the same bytes.

#include <catch2/catch.hpp>
#include <string>

#include "../../scenario/scenarios.hpp"
#include "corridor/report/run_report.hpp"

using namespace corridor;

namespace {

std::string report_of(const std::string& scenario) {
    Theatre t = test::load_theatre(scenario);
    DeploymentResult r = simulate_deployment(t, t.seed);
    return run_report_html(t, r, {scenario, t.seed, "test", 1, {}});
}

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

}  // namespace

TEST_CASE(
    "a road-only run's report draws its closure profile and movement graph and says it had no airlift") {
    std::string page = report_of("validation/one-convoy.yaml");
    CHECK(has(page, "id=\"closure-profile\""));
    CHECK(has(page, "id=\"movement-1\""));
    CHECK(has(page, "Distance along route (km)"));
    CHECK(has(page, "Posts established (%)"));
    CHECK(has(page, "The scenario has no airlift."));
    CHECK_FALSE(has(page, "id=\"airlift-sorties\""));
    CHECK(has(page, "The scenario has no towns to supply."));
    CHECK(has(page, "The scenario has no returns."));
    CHECK(has(page, "No road was closed or damaged within the run."));
    CHECK(has(page, "closure_time_h"));
    CHECK_FALSE(has(page, "<script"));
}

TEST_CASE("an airlift run's report has its sorties, tonnes and apron queue by day") {
    std::string page = report_of("validation/airlift-only.yaml");
    CHECK(has(page, "id=\"airlift-sorties\""));
    CHECK(has(page, "id=\"airlift-tonnes\""));
    CHECK(has(page, "10 sorties in all"));
    CHECK(has(page, "Cargo landed (t per day)"));
}

TEST_CASE("an aid run's report draws delivered against need per commodity, unmet need and its table") {
    std::string page = report_of("validation/aid-stock-out.yaml");
    CHECK(has(page, "id=\"aid-1\""));
    CHECK(has(page, "Delivered against need (%)"));
    // The caption agrees with the % axis: the kilograms are what the share is counted in.
    CHECK(has(page, "Cumulative deliveries as a % of cumulative need, both counted in kg of food"));
    CHECK_FALSE(has(page, "(kg of food)"));
    CHECK(has(page, "Unmet (person-days)"));
}

TEST_CASE("closures and repairs are drawn on a lane chart, returns as a curve") {
    std::string repairs = report_of("validation/repair-team.yaml");
    CHECK(has(repairs, "id=\"closures\""));
    CHECK(has(repairs, "1 closure and 1 repair job on 1 road or service."));
    std::string returns = report_of("validation/returns-after-post.yaml");
    CHECK(has(returns, "id=\"returns\""));
    CHECK(has(returns, "100 of 100 people home by the end of the run"));
}

TEST_CASE("the same run gives the same report bytes") {
    CHECK(report_of("validation/repair-team.yaml") == report_of("validation/repair-team.yaml"));
}
