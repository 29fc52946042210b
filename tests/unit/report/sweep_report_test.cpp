// A sweep's report.html from a hand-made store: the quartiles the boxes are drawn from, which
// points a large sweep shows, one chart of each kind per KPI, the best point, and a KPI never
// reached drawn as "No data" rather than a crash.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "corridor/report/sweep_report.hpp"
#include "report/sweep_points.hpp"

namespace corridor {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// A grid of 3 truck counts x 2 policies, 4 replications: closure_time_h = 100 - 5 trucks +
// replication, unmet_person_days never reached at policy "b" with 12 trucks.
std::unique_ptr<RunStore> grid_store(const std::filesystem::path& dir) {
    StoreHeader header;
    header.facts = {
        {"design", "grid"},
        {"seed", "7"},
        {"replications", "4"},
        {"points", "6"},
        {"sweep_file", "fleet <&> sweep.yaml"},
        {"scenario_file", "scenario.yaml"},
        {"parameters",
         "[{\"path\": \"fleets.t.count\", \"kind\": \"number\", \"values\": [\"4\", \"8\", \"12\"]},"
         " {\"path\": \"fleets.t.policy\", \"kind\": \"text\", \"values\": [\"a\", \"b\"]}]"}};
    header.columns = {"fleets.t.count", "fleets.t.policy"};
    header.kpis = {"closure_time_h", "unmet_person_days", "never_h"};
    header.units = {"h", "person-days", "h"};
    auto store = RunStore::open((dir / "runs.sqlite").string(), header, false);
    REQUIRE(store);
    std::vector<RunRow> rows;
    std::uint32_t point = 0;
    for (int trucks : {4, 8, 12})
        for (std::string policy : {"a", "b"}) {
            for (std::uint32_t r = 0; r < 4; ++r) {
                std::optional<double> unmet;
                if (!(trucks == 12 && policy == "b")) unmet = 1000.0 / trucks + (policy == "b" ? 10 : 0) + r;
                rows.push_back({point,
                                r,
                                {std::to_string(trucks), policy},
                                {100.0 - 5 * trucks + r, unmet, std::nullopt}});
            }
            ++point;
        }
    REQUIRE(store.value()->commit(rows));
    return std::move(store.value());
}

// closure_time_h 50 h in every run of every point: a KPI the swept parameter does not move.
std::unique_ptr<RunStore> constant_store(const std::filesystem::path& dir, int points) {
    StoreHeader header;
    header.facts = {
        {"design", "grid"},
        {"seed", "7"},
        {"replications", "2"},
        {"points", std::to_string(points)},
        {"sweep_file", "sweep.yaml"},
        {"scenario_file", "scenario.yaml"},
        {"parameters", "[{\"path\": \"fleets.t.count\", \"kind\": \"number\", \"values\": [\"4\", \"8\"]}]"}};
    header.columns = {"fleets.t.count"};
    header.kpis = {"closure_time_h"};
    header.units = {"h"};
    auto store = RunStore::open((dir / "runs.sqlite").string(), header, false);
    REQUIRE(store);
    std::vector<RunRow> rows;
    for (std::uint32_t point = 0; point < static_cast<std::uint32_t>(points); ++point)
        for (std::uint32_t r = 0; r < 2; ++r)
            rows.push_back({point, r, {std::to_string(4 + 4 * point)}, {50.0}});
    REQUIRE(store.value()->commit(rows));
    return std::move(store.value());
}

}  // namespace

TEST_CASE("a KPI with one mean at every point names no best point and says so under its charts") {
    namespace fs = std::filesystem;
    fs::path dir =
        fs::temp_directory_path() / "corridor-tests" / ("sweep-constant-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        auto store = constant_store(dir, 2);
        std::string html = sweep_report_html(*store);
        CHECK(html.find("<td>all points equal</td>") != std::string::npos);
        CHECK(html.find("<td>point 0: fleets.t.count = 4</td>") == std::string::npos);
        CHECK(html.find("its mean is the same at every point") != std::string::npos);
        CHECK(count(html, "<figure class=\"chart\" id=\"spread-") ==
              1);  // still drawn: the count stays fixed
        CHECK(html.find("Design grid: 2 points, ") != std::string::npos);
        // The threshold and its wording as `corridor analyse` gives them: one parameter, 3 points.
        CHECK(
            html.find("closure_time_h: no estimate: it is the same at every point, or there are fewer than 3 "
                      "points with a value, or parameters move together.") != std::string::npos);
    }
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        auto store = constant_store(dir, 1);
        std::string html = sweep_report_html(*store);
        CHECK(html.find("Design grid: 1 point, ") != std::string::npos);  // not "1 points"
        CHECK(html.find("<td>point 0: fleets.t.count = 4</td>") !=
              std::string::npos);  // one point: it is the best
    }
    fs::remove_all(dir);
}

TEST_CASE("quartiles interpolate between order statistics, as summary.csv's median and p95") {
    using sweep_report::quantile;
    std::vector<double> v{1, 2, 3, 4};
    CHECK(quantile(v, 0) == 1);
    CHECK(quantile(v, 0.25) == Approx(1.75));
    CHECK(quantile(v, 0.5) == Approx(2.5));
    CHECK(quantile(v, 0.75) == Approx(3.25));
    CHECK(quantile(v, 1) == 4);
    CHECK(quantile({7}, 0.25) == 7);
}

TEST_CASE("a large sweep shows evenly spaced points, the first and the last among them") {
    using sweep_report::thinned;
    CHECK(thinned(3, 40) == std::vector<std::size_t>{0, 1, 2});
    std::vector<std::size_t> kept = thinned(1000, 40);
    REQUIRE(kept.size() == 40);
    CHECK(kept.front() == 0);
    CHECK(kept.back() == 999);
    CHECK(std::is_sorted(kept.begin(), kept.end()));
    CHECK(std::adjacent_find(kept.begin(), kept.end()) == kept.end());
    CHECK(thinned(1000, 40) == kept);
}

TEST_CASE(
    "a grid sweep's report draws each KPI's spread, the KPIs against the number parameter, and names the "
    "best point") {
    namespace fs = std::filesystem;
    fs::path dir =
        fs::temp_directory_path() / "corridor-tests" / ("sweep-report-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto store = grid_store(dir);

    auto points = sweep_report::summarise_points(*store);
    REQUIRE(points.size() == 6);
    // Point 0 (4 trucks, a): closure 80, 81, 82, 83 h.
    const auto& closure = points[0].kpis[0];
    CHECK(closure.n == 4);
    CHECK(closure.min == 80);
    CHECK(closure.q1 == Approx(80.75));
    CHECK(closure.median == Approx(81.5));
    CHECK(closure.q3 == Approx(82.25));
    CHECK(closure.max == 83);
    CHECK(closure.mean == Approx(81.5));
    CHECK(points[5].kpis[1].n == 0);

    std::string html = sweep_report_html(*store);
    CHECK(html == sweep_report_html(*store));  // same store, same bytes
    CHECK(html.find("<h1>Sweep report: fleet &lt;&amp;&gt; sweep.yaml</h1>") != std::string::npos);
    // One box chart per KPI: 6 boxes for closure, 5 for unmet need (one point never reached),
    // and "No data" for the KPI no run reached.
    CHECK(count(html, "<figure class=\"chart\" id=\"spread-") == 3);
    std::string spread = html.substr(html.find("id=\"spread-closure_time_h\""));
    spread = spread.substr(0, spread.find("</figure>"));
    CHECK(count(spread, "class=\"box\"") == 6);
    CHECK(spread.find("Closure_time_h") == std::string::npos);
    CHECK(spread.find("closure_time_h (h)") != std::string::npos);
    std::string unmet = html.substr(html.find("id=\"spread-unmet_person_days\""));
    unmet = unmet.substr(0, unmet.find("</figure>"));
    CHECK(count(unmet, "class=\"box\"") == 5);
    CHECK(unmet.find("1 point has no value in any run (never reached) and is left out") != std::string::npos);
    std::string never = html.substr(html.find("id=\"spread-never_h\""));
    CHECK(never.substr(0, never.find("</figure>")).find(">No data</text>") != std::string::npos);
    // Each KPI against the truck count, one line per policy.
    CHECK(count(html, "<figure class=\"chart\" id=\"grid-") == 3);
    CHECK(html.find("class=\"legend\">fleets.t.policy = b</text>") != std::string::npos);
    CHECK(html.find("fleets.t.count (trucks)") == std::string::npos);
    // The best closure: 12 trucks, the first such point (a), mean 41.5 h.
    CHECK(html.find("<td>closure_time_h (h)</td><td>lower</td><td>point 4: fleets.t.count = 12, "
                    "fleets.t.policy = a</td>"
                    "<td class=\"num\">41.5 h</td>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    store.reset();
    fs::remove_all(dir);
}

}  // namespace corridor
