// Comparing results: the statistics (paired t, Welch's t, Holm) against values worked out by hand
// in each test, the reading of results folders and their mistakes, and the ranking of points.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "corridor/model/kpis.hpp"
#include "corridor/sweep/compare.hpp"
#include "corridor/sweep/ranking.hpp"
#include "corridor/sweep/result_folder.hpp"

namespace corridor {
namespace {

constexpr double kPi = 3.14159265358979323846;

// P(|T| >= t) for Student's t with df degrees of freedom, by Simpson's rule on the density: an
// independent check of the Boost.Math p-values, for fractional df where no closed form exists.
double two_sided_p_by_integration(double t, double df) {
    double c = std::exp(std::lgamma((df + 1) / 2) - std::lgamma(df / 2)) / std::sqrt(df * kPi);
    auto density = [&](double x) { return c * std::pow(1 + x * x / df, -(df + 1) / 2); };
    const int steps = 20000;
    double h = std::abs(t) / steps, sum = density(0) + density(std::abs(t));
    for (int i = 1; i < steps; ++i) sum += density(i * h) * (i % 2 ? 4 : 2);
    return 1 - 2 * sum * h / 3;
}

std::string fixture(const std::string& name) {
    return std::string(CORRIDOR_TEST_DIR) + "/data/compare/" + name;
}

// A folder of hand-written files in a fresh temporary folder.
std::string folder_with(const std::string& name, const std::string& manifest, const std::string& runs_file,
                        const std::string& runs) {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("corridor-compare-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "manifest.json") << manifest;
    if (!runs_file.empty()) std::ofstream(dir / runs_file) << runs;
    return dir.string();
}

}  // namespace

TEST_CASE("a paired difference is the t interval of the differences, n - 1 df", "[compare]") {
    // Differences 1, 2, 0, 2: mean 1.25, variance (0.0625 + 0.5625 + 1.5625 + 0.5625) / 3 = 11/12.
    Difference d = paired_difference({10, 12, 9, 11}, {11, 14, 9, 13});
    double se = std::sqrt(11.0 / 12 / 4);
    CHECK(d.pairing == Pairing::paired);
    CHECK(d.n_a == 4);
    CHECK(d.mean_a == Approx(10.5));
    CHECK(d.mean_b == Approx(11.75));
    CHECK(d.difference == Approx(1.25));
    REQUIRE(d.df);
    CHECK(*d.df == 3);
    CHECK(*d.t == Approx(1.25 / se));
    // t(0.975, 3) = 3.182446 (tables: 3.182).
    CHECK(*d.half_width == Approx(3.182446305284263 * se));
    // With 3 df the t CDF is closed: F(t) = 1/2 + (t / (sqrt(3) (1 + t^2 / 3)) + atan(t / sqrt(3))) / pi.
    double t = 1.25 / se;
    double upper = 0.5 - (t / (std::sqrt(3.0) * (1 + t * t / 3)) + std::atan(t / std::sqrt(3.0))) / kPi;
    CHECK(*d.p == Approx(2 * upper).epsilon(1e-10));
}

TEST_CASE("Welch's difference uses each side's variance and the Welch-Satterthwaite df", "[compare]") {
    // a: mean 3, variance 5/2, n 5; b: mean 5, variance 20/3, n 4. Var/n: 1/2 and 5/3, so the
    // standard error is sqrt(13/6) and df = (13/6)^2 / ((1/2)^2 / 4 + (5/3)^2 / 3) = 2028/427.
    Difference d = welch_difference({1, 2, 3, 4, 5}, {2, 4, 6, 8});
    CHECK(d.pairing == Pairing::welch);
    CHECK(d.n_a == 5);
    CHECK(d.n_b == 4);
    CHECK(d.difference == Approx(2));
    REQUIRE(d.df);
    CHECK(*d.df == Approx(2028.0 / 427));
    CHECK(*d.t == Approx(2 / std::sqrt(13.0 / 6)));
    CHECK(*d.p == Approx(two_sided_p_by_integration(*d.t, 2028.0 / 427)).epsilon(1e-8));
    // The quantile is between t(0.975, 4) = 2.776 and t(0.975, 5) = 2.571.
    CHECK(*d.half_width / std::sqrt(13.0 / 6) < 2.7765);
    CHECK(*d.half_width / std::sqrt(13.0 / 6) > 2.5705);
}

TEST_CASE("a KPI equal in every run has an exact difference and no test", "[compare]") {
    Difference welch = welch_difference({28, 28, 28}, {30, 30});
    CHECK(welch.exact);
    CHECK(welch.difference == 2);
    CHECK_FALSE(welch.p);
    CHECK_FALSE(welch.half_width);
    // Paired: the same difference in every pair is exact too, though the values vary.
    Difference paired = paired_difference({1, 5, 9}, {2, 6, 10});
    CHECK(paired.exact);
    CHECK(paired.difference == 1);
    CHECK_FALSE(paired.p);
    // One run on a side, or one pair: a difference, but neither exact nor an interval.
    Difference one = welch_difference({1}, {2, 3});
    CHECK_FALSE(one.exact);
    CHECK_FALSE(one.half_width);
    Difference pair = paired_difference({1}, {3});
    CHECK(pair.difference == 2);
    CHECK_FALSE(pair.exact);
    CHECK_FALSE(pair.half_width);
    // Values near the largest double overflow the variance: no test, and no exception.
    Difference huge = welch_difference({-1e308, 1e308}, {1e308, -1e308, 1e308});
    CHECK_FALSE(huge.p);
    CHECK_FALSE(huge.half_width);
}

TEST_CASE("Holm's adjustment multiplies the i-th smallest p by m - i + 1, never decreasing", "[compare]") {
    // Sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> 0.06 (monotone).
    std::vector<double> adjusted = holm_adjusted({0.01, 0.04, 0.03, 0.005});
    REQUIRE(adjusted.size() == 4);
    CHECK(adjusted[0] == Approx(0.03));
    CHECK(adjusted[1] == Approx(0.06));
    CHECK(adjusted[2] == Approx(0.06));
    CHECK(adjusted[3] == Approx(0.02));
    // Capped at 1: 0.01 x 3 = 0.03, 0.6 x 2 = 1.2 -> 1, 0.7 x 1 -> 1 (monotone).
    std::vector<double> big = holm_adjusted({0.7, 0.01, 0.6});
    CHECK(big[0] == 1.0);
    CHECK(big[1] == Approx(0.03));
    CHECK(big[2] == 1.0);
    CHECK(holm_adjusted({}).empty());
}

TEST_CASE("a sweep folder is read point by point, with its parameters and empty cells", "[compare]") {
    auto folder = read_result_folder(fixture("sweep-a"));
    REQUIRE(folder.ok());
    const ResultFolder& f = folder.value();
    CHECK(f.sweep);
    CHECK(f.seed == 7);
    CHECK(f.parameters == std::vector<std::string>{"fleets.icrc.count"});
    CHECK(f.kpis == std::vector<std::string>{"closure_time_h", "aid_tonnes_delivered", "posts"});
    REQUIRE(f.points.size() == 2);
    CHECK(f.points[1].parameters == std::vector<std::string>{"12"});
    CHECK(f.points[0].replications == std::vector<std::uint32_t>{0, 1, 2});
    CHECK_FALSE(f.points[0].values[2][1].has_value());
    CHECK(f.points[1].values[2][0] == 103.0);
}

TEST_CASE("the same seed pairs replications; pairs with a value on both sides only", "[compare]") {
    auto a = read_result_folder(fixture("sweep-a"));
    auto b = read_result_folder(fixture("sweep-b"));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto c = compare_folders(a.value(), b.value());
    REQUIRE(c.ok());
    CHECK(c.value().pairing == Pairing::paired);
    REQUIRE(c.value().points.size() == 2);
    const PointComparison& p0 = c.value().points[0];
    REQUIRE(p0.kpis.size() == 3);
    // closure: differences -1, -2, -1: mean -4/3, se 1/3, t = -4, df 2; with 2 df p = 1 - 4/sqrt(18).
    const Difference& closure = p0.kpis[0].difference;
    CHECK(closure.difference == Approx(-4.0 / 3));
    CHECK(*closure.t == Approx(-4));
    CHECK(*closure.p == Approx(1 - 4 / std::sqrt(18.0)));
    // aid: replication 2 has no value in A, so 2 pairs: differences 2 and 1, t = 3, df 1 (Cauchy):
    // p = 1 - 2 atan(3) / pi.
    const Difference& aid = p0.kpis[1].difference;
    CHECK(aid.n_a == 2);
    CHECK(*aid.df == 1);
    CHECK(*aid.p == Approx(1 - 2 * std::atan(3.0) / kPi));
    // posts: 28 everywhere, exact, outside Holm's family.
    CHECK(p0.kpis[2].difference.exact);
    CHECK_FALSE(p0.kpis[2].p_holm);
    CHECK(p0.family == 2);
    // Holm over two: the smaller p doubled, the larger as it is (already above).
    CHECK(*p0.kpis[0].p_holm == Approx(2 * *closure.p));
    CHECK(*p0.kpis[1].p_holm == Approx(*aid.p));
}

TEST_CASE("different seeds are compared by Welch's t over every run with a value", "[compare]") {
    auto a = read_result_folder(fixture("sweep-a"));
    auto b = read_result_folder(fixture("sweep-c"));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto c = compare_folders(a.value(), b.value());
    REQUIRE(c.ok());
    CHECK(c.value().pairing == Pairing::welch);
    // closure at point 0: A 100, 102, 104 (var 4); B 99, 100, 103 (var 13/3): se^2 = 25/9,
    // t = (-4/3) / (5/3) = -0.8, df = (25/9)^2 / ((4/3)^2 / 2 + (13/9)^2 / 2) = 1250/313.
    const Difference& closure = c.value().points[0].kpis[0].difference;
    CHECK(*closure.t == Approx(-0.8));
    CHECK(*closure.df == Approx(1250.0 / 313));
    // aid at point 0: A 50, 54 (n 2, var 8); B 52, 55, 57 (var 19/3): df = 6050/2953.
    const Difference& aid = c.value().points[0].kpis[1].difference;
    CHECK(aid.n_a == 2);
    CHECK(aid.n_b == 3);
    CHECK(*aid.df == Approx(6050.0 / 2953));
    CHECK(*aid.p == Approx(two_sided_p_by_integration(*aid.t, 6050.0 / 2953)).epsilon(1e-8));
}

TEST_CASE("folders whose points differ are not compared", "[compare]") {
    auto a = read_result_folder(fixture("sweep-a"));
    auto other = read_result_folder(fixture("sweep-other"));
    REQUIRE(a.ok());
    REQUIRE(other.ok());
    auto c = compare_folders(a.value(), other.value());
    REQUIRE_FALSE(c.ok());
    CHECK(c.error() == "point 1 has different parameter values in the two folders");
}

TEST_CASE("a garbled results folder is an error at its file, line and column", "[compare]") {
    std::string sweep = R"({"kind": "sweep", "seed": 3, "parameters": [{"path": "x"}]})";
    std::string dir =
        folder_with("bad-number", sweep, "runs.csv", "point,replication,x,k\n0,0,1,2\n0,1,1,abc\n");
    auto bad = read_result_folder(dir);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == dir + "/runs.csv:3:7: error: 'abc' is not a number (KPI 'k')");
    dir = folder_with("huge", sweep, "runs.csv", "point,replication,x,k\r\n0,0,1,2e13\r\n");
    CHECK(read_result_folder(dir).error() ==
          dir + "/runs.csv:2:7: error: '2e13' is out of range for a KPI (at most 1e12 in size; KPI 'k')");
    dir = folder_with("quote", sweep, "runs.csv", "point,replication,x,k\n0,0,\"a,1\n0,1,b,2\n");
    CHECK(read_result_folder(dir).error() ==
          dir + "/runs.csv:2:5: error: a quoted cell has no closing quote");
    dir = folder_with("order", sweep, "runs.csv", "point,replication,x,k\n0,0,1,2\n2,0,1,2\n");
    CHECK(
        read_result_folder(dir).error() ==
        dir +
            "/runs.csv:3:1: error: point 2 out of order: runs are in point order from 0, so this row must be "
            "point 0 or 1");
    dir = folder_with("short", sweep, "runs.csv", "point,replication,x,k\n0,0,1\n");
    CHECK(read_result_folder(dir).error() ==
          dir + "/runs.csv:2:1: error: this row has 3 cells, the header 4");
    dir = folder_with("header", sweep, "runs.csv", "point,replication,y,k\n0,0,1,2\n");
    CHECK(read_result_folder(dir).error() ==
          dir + "/runs.csv:1:19: error: the header's column 3 must be 'x' (a parameter of manifest.json)");
    dir = folder_with("json", "{\"seed\": 3,\n  oops}", "", "");
    CHECK(read_result_folder(dir).error() == dir + "/manifest.json:2:3: error: not valid JSON");
    dir = folder_with("seed", "{\"seed\": -1}", "replications.csv", "replication,k\n0,1\n");
    CHECK(read_result_folder(dir).error().find("manifest.json: error: no \"seed\"") != std::string::npos);
    dir = folder_with("run", "{\"seed\": 1}", "kpis.json", "{}");
    CHECK(read_result_folder(dir).error().find("a run without replications") != std::string::npos);
    CHECK(read_result_folder(dir + "/nowhere").error() == dir + "/nowhere: error: no such folder");
}

TEST_CASE("a run with replications is a sweep of one point with no parameters", "[compare]") {
    std::string dir = folder_with("replications", "{\"seed\": 5}", "replications.csv",
                                  "replication,closure_time_h,posts\n0,10.5,3\n1,,3\n2,9.5,3\n");
    auto folder = read_result_folder(dir);
    REQUIRE(folder.ok());
    CHECK_FALSE(folder.value().sweep);
    CHECK(folder.value().seed == 5);
    REQUIRE(folder.value().points.size() == 1);
    CHECK(folder.value().points[0].parameters.empty());
    CHECK(folder.value().points[0].values.size() == 3);
}

TEST_CASE("points are ranked best first: lower times, higher tonnes", "[compare]") {
    auto folder = read_result_folder(fixture("sweep-a"));
    REQUIRE(folder.ok());
    std::vector<KpiRanking> rankings = rank_points(folder.value());
    REQUIRE(rankings.size() == 3);
    // closure: point 0 mean 102, point 1 mean 100: lower is better, point 1 first.
    CHECK(rankings[0].better == Better::lower);
    CHECK(rankings[0].points[0].point == 1);
    CHECK(rankings[0].points[0].mean == Approx(100));
    // tonnes: point 0 mean 52 (2 runs), point 1 mean 63: higher is better, point 1 first.
    CHECK(rankings[1].better == Better::higher);
    CHECK(rankings[1].points[0].point == 1);
    CHECK(rankings[1].points[1].n == 2);
    // t(0.975, 1) = 12.706: 12.706 x sd 2.828 / sqrt 2.
    CHECK(*rankings[1].points[1].half_width == Approx(12.7062047361747 * std::sqrt(8.0) / std::sqrt(2.0)));
}

TEST_CASE("every KPI of the record has a better direction for ranking", "[compare]") {
    for (const Kpi& kpi : kpi_record(DeploymentResult{})) {
        INFO(kpi.name);
        CHECK(better_direction(kpi.name).has_value());
    }
    CHECK(better_direction("closure_time_h") == Better::lower);
    CHECK(better_direction("unmet_person_days") == Better::lower);
    CHECK(better_direction("people_returned") == Better::higher);
    CHECK_FALSE(better_direction("no_such_kpi").has_value());
}

}  // namespace corridor
