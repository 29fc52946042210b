// Sweeps: overrides by path, scenarios from memory, the shared network, the plan of each design,
// the store, and the runner with any function (the Ishigami function's Sobol indices).

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "../../scenario/scenarios.hpp"
#include "corridor/scenario/load_sweep.hpp"
#include "corridor/sweep/analysis.hpp"
#include "corridor/sweep/design.hpp"
#include "corridor/sweep/plan.hpp"
#include "corridor/sweep/run_sweep.hpp"
#include "corridor/sweep/store.hpp"

namespace corridor {
namespace {

const std::string kOneConvoy = std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/validation/one-convoy.yaml";
const std::string kReference = std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/karabakh-2020/scenario.yaml";

std::string text_of(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Override at(std::string path, std::string value, int line = 3, int column = 5) {
    return Override{std::move(path), std::move(value), "sweep.yaml", line, column, line,
                    column + 20,     "point 7"};
}

// A temporary folder, removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("corridor-sweep-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

}  // namespace

TEST_CASE("a scenario from memory is the scenario from its file", "[sweep]") {
    LoadedScenario file = load_scenario(kOneConvoy);
    LoadedScenario memory = load_scenario_text(text_of(kOneConvoy), kOneConvoy);
    REQUIRE(file.theatre);
    REQUIRE(memory.theatre);
    CHECK(memory.hash == file.hash);
    CHECK(test::kpi(simulate_deployment(*memory.theatre, 1), "closure_time_h") ==
          test::kpi(simulate_deployment(*file.theatre, 1), "closure_time_h"));
    // A different text is a different scenario, and its hash says so.
    std::string text = text_of(kOneConvoy);
    text.replace(text.find("setup: 2h"), 9, "setup: 3h");
    LoadedScenario changed = load_scenario_text(text, kOneConvoy);
    REQUIRE(changed.theatre);
    CHECK(changed.hash != file.hash);
    CHECK(test::kpi(simulate_deployment(*changed.theatre, 1), "posts_established_100_h") ==
          Approx(test::kpi(simulate_deployment(*file.theatre, 1), "posts_established_100_h") + 1.0));
}

TEST_CASE("overrides change a map's key, a named item's key and a default, before the readers", "[sweep]") {
    // The convoy's arrival: 3 h 18 min with a 15 min first halt (one-convoy.yaml's own arithmetic).
    LoadedScenario base = load_scenario(kOneConvoy);
    REQUIRE(base.theatre);
    double closure = test::kpi(simulate_deployment(*base.theatre, 1), "closure_time_h");
    // The post's setup by its map key: 2 h -> 5 h moves the establishment by 3 h.
    LoadedScenario setup = load_scenario(kOneConvoy, {at("posts.P1.setup", "5h")});
    REQUIRE(setup.theatre);
    CHECK(setup.theatre->posts[0].setup == 5 * kHour);
    // The unit by its name in a list; a key it leaves out (`ready`) becomes given.
    LoadedScenario ready = load_scenario(kOneConvoy, {at("units.column.ready", "2h")});
    INFO(ready.diagnostics.first_error());
    REQUIRE(ready.theatre);
    CHECK(test::kpi(simulate_deployment(*ready.theatre, 1), "closure_time_h") == Approx(closure + 2.0));
    // The same unit by its position from 0.
    LoadedScenario by_position = load_scenario(kOneConvoy, {at("units.0.ready", "2h")});
    REQUIRE(by_position.theatre);
    CHECK(test::kpi(simulate_deployment(*by_position.theatre, 1), "closure_time_h") == Approx(closure + 2.0));
    // A list value: the march's speeds by class.
    LoadedScenario slower = load_scenario(kOneConvoy, {at("march.speeds", "{primary: 20km/h}")});
    REQUIRE(slower.theatre);
    CHECK(test::kpi(simulate_deployment(*slower.theatre, 1), "closure_time_h") > closure + 2.9);
}

TEST_CASE("an override that leads nowhere is reported at the sweep file's place, with a hint", "[sweep]") {
    auto first_error = [](const std::vector<Override>& overrides) {
        LoadedScenario loaded = load_scenario(kOneConvoy, overrides);
        CHECK_FALSE(loaded.theatre);
        return loaded.diagnostics.first_error();
    };
    CHECK(first_error({at("units.colum.ready", "1h")}) ==
          "sweep.yaml:3:5: error: 'units' has no item named 'colum'; did you mean 'column'?");
    CHECK(first_error({at("units.4.ready", "1h")}) ==
          "sweep.yaml:3:5: error: 'units' has no item named '4' (give an item's name, or its position from 0 "
          "to 0)");
    CHECK(first_error({at("postz.P1.setup", "1h")}) ==
          "sweep.yaml:3:5: error: unknown section 'postz'; did you mean 'posts'?");
    CHECK(first_error({at("fleets.x.count", "1")}) ==
          "sweep.yaml:3:5: error: the scenario has no 'fleets' section to change");
    CHECK(first_error({at("posts.P2.setup", "1h")}) ==
          "sweep.yaml:3:5: error: 'posts' has no 'P2'; did you mean 'P1'?");
    CHECK(
        first_error({at("posts.P1.setup.x", "1h")}) ==
        "sweep.yaml:3:5: error: 'posts.P1.setup' is '2h', not a map or a list: the path cannot go on to 'x'");
    CHECK(first_error({at("units.column", "1h")}) ==
          "sweep.yaml:3:5: error: 'units.column' names a whole item of 'units': name one of its keys, e.g. "
          "'units.column.count'");
    CHECK(first_error({at("posts", "1h")}).find("is not a path") != std::string::npos);
    // A key the path adds that the reader does not know: at the path, as the reader says it.
    CHECK(first_error({at("posts.P1.setupp", "1h")}) ==
          "sweep.yaml:3:5: error: unknown key 'setupp' in post 'P1'; did you mean 'setup'? (point 7)");
    // A value the reader refuses: at the value, with the point that gave it.
    CHECK(first_error({at("posts.P1.setup", "-1h")}).rfind("sweep.yaml:3:25: error: ", 0) == 0);
    CHECK(first_error({at("posts.P1.setup", "-1h")}).find("(point 7)") != std::string::npos);
}

TEST_CASE("the points of a sweep share one road network, read once", "[sweep]") {
    ScenarioCache cache;
    LoadedScenario a = load_scenario(kReference, {}, &cache);
    LoadedScenario b = load_scenario(kReference, {at("fleets.icrc-trucks.count", "3")}, &cache);
    REQUIRE(a.theatre);
    REQUIRE(b.theatre);
    CHECK(a.theatre->shared_network() == b.theatre->shared_network());
    CHECK(a.hash == b.hash);
    CHECK(b.theatre->aid.fleets[1].count == 3);
    // Without a cache, each load reads its own.
    LoadedScenario c = load_scenario(kReference);
    REQUIRE(c.theatre);
    CHECK(c.theatre->shared_network() != a.theatre->shared_network());
}

namespace {

SweepSpec spec_with(Design design, std::vector<Parameter> parameters, std::size_t points = 0) {
    SweepSpec spec;
    spec.file = "sweep.yaml";
    spec.design = design;
    spec.parameters = std::move(parameters);
    spec.points = points;
    return spec;
}

Parameter values(std::string path, std::vector<std::string> list) {
    Parameter p;
    p.path = std::move(path);
    p.values = std::move(list);
    p.value_at.assign(p.values.size(), FilePlace{4, 9});
    return p;
}

Parameter range(std::string path, double low, double high, std::string unit, bool whole) {
    Parameter p;
    p.path = std::move(path);
    p.range = Range{low, high, std::move(unit), whole};
    return p;
}

}  // namespace

TEST_CASE("a grid is every combination, the last parameter fastest", "[sweep]") {
    Theatre base = test::load_theatre("validation/one-convoy.yaml");
    auto plan =
        plan_sweep(spec_with(Design::grid, {values("a", {"1", "2"}), values("b", {"x", "y", "z"})}), 1, base);
    REQUIRE(plan);
    const std::vector<std::vector<std::string>> expected = {{"1", "x"}, {"1", "y"}, {"1", "z"},
                                                            {"2", "x"}, {"2", "y"}, {"2", "z"}};
    CHECK(plan.value().values == expected);
    CHECK(plan.value().columns == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a Latin hypercube's values lie in their ranges, whole where the ends are, one per stratum",
          "[sweep]") {
    Theatre base = test::load_theatre("validation/one-convoy.yaml");
    SweepSpec spec = spec_with(
        Design::lhs,
        {range("n", 1, 10, "", true), range("t", 24, 96, "h", false), values("policy", {"a", "b"})}, 10);
    auto plan = plan_sweep(spec, 42, base);
    REQUIRE(plan);
    REQUIRE(plan.value().size() == 10);
    std::set<std::string> counts;
    std::set<int> hour_strata;
    for (const auto& row : plan.value().values) {
        counts.insert(row[0]);
        double hours = std::stod(row[1].substr(0, row[1].size() - 1));
        CHECK(row[1].back() == 'h');
        CHECK(hours >= 24);
        CHECK(hours < 96);
        hour_strata.insert(static_cast<int>((hours - 24) / 7.2));
        CHECK((row[2] == "a" || row[2] == "b"));
    }
    // Ten strata of 1..10 in ten points: each whole number exactly once; each tenth of 24h..96h once.
    CHECK(counts.size() == 10);
    CHECK(hour_strata.size() == 10);
    // The same seed, the same points; another, others.
    CHECK(plan_sweep(spec, 42, base).value().values == plan.value().values);
    CHECK(plan_sweep(spec, 43, base).value().values != plan.value().values);
}

TEST_CASE("a Sobol design has N x (k + 2) points in Saltelli's blocks", "[sweep]") {
    Theatre base = test::load_theatre("validation/one-convoy.yaml");
    SweepSpec spec = spec_with(Design::sobol, {range("x", 0, 1, "", false), range("y", 0, 1, "", false)}, 8);
    auto plan = plan_sweep(spec, 1, base);
    REQUIRE(plan);
    REQUIRE(plan.value().size() == 8 * 4);
    const auto& v = plan.value().values;
    for (std::size_t r = 0; r < 8; ++r) {
        // AB_0 is A with column 0 from B; AB_1 is A with column 1 from B.
        CHECK(v[16 + r][0] == v[8 + r][0]);
        CHECK(v[16 + r][1] == v[r][1]);
        CHECK(v[24 + r][0] == v[r][0]);
        CHECK(v[24 + r][1] == v[8 + r][1]);
    }
}

TEST_CASE("each road closed: the base, then every road once, both directions closed all run", "[sweep]") {
    Theatre base = test::load_theatre("karabakh-2020/scenario.yaml");
    auto plan = plan_sweep(spec_with(Design::each_road_closed, {}), 1, base);
    REQUIRE(plan);
    std::set<std::pair<NodeIndex, NodeIndex>> roads;
    const RoadNetwork& net = base.network();
    for (ArcIndex a = 0; a < net.arc_count(); ++a) roads.insert(std::minmax(net.arc_from(a), net.arc_to(a)));
    REQUIRE(plan.value().size() == roads.size() + 1);
    CHECK(plan.value().values[0] == std::vector<std::string>{""});
    Theatre closed = base;
    close_point_road(plan.value(), 1, closed);
    REQUIRE(closed.disruptions.size() == base.disruptions.size() + 1);
    const Disruption& d = closed.disruptions.back();
    CHECK(d.closed);
    CHECK(d.from == 0);
    CHECK(d.until > base.duration);
    CHECK(d.road == plan.value().values[1][0]);
    REQUIRE(d.arcs.size() == 2);  // (the reference's roads are two-way)
    for (ArcIndex a : d.arcs) {
        std::string from = net.node(net.arc_from(a)).id, to = net.node(net.arc_to(a)).id;
        CHECK((d.road == from + "-" + to || d.road == to + "-" + from));
    }
    // Only the classes asked for.
    SweepSpec primary = spec_with(Design::each_road_closed, {});
    primary.closed_road_classes = {RoadClass::primary};
    auto fewer = plan_sweep(primary, 1, base);
    REQUIRE(fewer);
    CHECK(fewer.value().size() < plan.value().size());
    for (std::size_t p = 1; p < fewer.value().size(); ++p)
        for (ArcIndex a : fewer.value().closed[p]->arcs) CHECK(net.road_class(a) == RoadClass::primary);
}

TEST_CASE("the store keeps what was committed, in order, and refuses another sweep's resume", "[sweep]") {
    TempDir dir;
    std::string path = (dir.path / "runs.sqlite").string();
    StoreHeader header;
    header.facts = {{"replications", "2"}, {"sweep_hash", "abc"}};
    header.columns = {"fleets.x.count"};
    header.kpis = {"closure_time_h", "unmet_person_days"};
    header.units = {"h", "person-days"};
    {
        auto store = RunStore::open(path, header, false);
        REQUIRE(store);
        REQUIRE(store.value()->commit({{1, 1, {"8"}, {2.5, std::nullopt}}, {0, 1, {"4"}, {1.0 / 3.0, 7.0}}}));
        // A second store in the same place is refused without resume.
        CHECK_FALSE(RunStore::open(path, header, false));
    }
    {
        auto reopened = RunStore::open(path, header, true);
        REQUIRE(reopened);
        // One writer at a time: a second process (or a second store in this one) is turned away.
        auto second = RunStore::open(path, header, true);
        REQUIRE_FALSE(second);
        CHECK(second.error().find("another corridor is writing") != std::string::npos);
        CHECK(reopened.value()->done() == std::vector<std::uint64_t>{1, 3});
        std::vector<RunRow> rows;
        reopened.value()->for_each([&](const RunRow& row) { rows.push_back(row); });
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].point == 0);
        CHECK(rows[0].parameters == std::vector<std::string>{"4"});
        CHECK(rows[0].kpis[0] == 1.0 / 3.0);  // exactly: a double survives the store
        CHECK_FALSE(rows[1].kpis[1].has_value());
        // A run stored twice is refused, and the batch with it leaves nothing behind.
        CHECK_FALSE(reopened.value()->commit({{1, 0, {"8"}, {1.0, 1.0}}, {1, 1, {"8"}, {2.5, 1.0}}}));
        CHECK(reopened.value()->done() == std::vector<std::uint64_t>{1, 3});
    }
    StoreHeader changed = header;
    changed.facts["sweep_hash"] = "abd";
    auto refused = RunStore::open(path, changed, true);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().find("(the sweep file is not the same)") != std::string::npos);
    CHECK(read_store_header(path).value().kpis == header.kpis);
}

TEST_CASE("the sweep layer runs any function: Ishigami's Sobol indices through run_sweep", "[sweep]") {
    // Ishigami and Homma (1990), a = 7, b = 0.1, x_i uniform on [-pi, pi]; the indices from the
    // closed forms (Sobol' and Levitan 1999).
    const double a = 7, b = 0.1, pi = 3.14159265358979323846;
    const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2), v2 = a * a / 8,
                 v13 = std::pow(b, 2) * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
    const double variance = v1 + v2 + v13;
    const std::size_t base = 4096, k = 3;
    UnitDesign design = saltelli_design(base, k);
    std::vector<double> y(design.rows.size());
    std::vector<std::uint64_t> todo(design.rows.size());
    for (std::size_t i = 0; i < todo.size(); ++i) todo[i] = i;
    std::size_t committed = 0;
    std::uint32_t last_point = 0;
    bool in_order = true;
    SweepHooks hooks;
    hooks.evaluate = [&](std::uint32_t point, std::uint32_t) {
        const std::vector<double>& u = design.rows[point];
        double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
        return std::vector<std::optional<double>>{std::sin(x1) + a * std::pow(std::sin(x2), 2) +
                                                  b * std::pow(x3, 4) * std::sin(x1)};
    };
    hooks.commit = [&](std::vector<RunRow>&& rows) -> Result<bool> {
        for (const RunRow& row : rows) {
            in_order = in_order && (committed == 0 || row.point == last_point + 1);
            last_point = row.point;
            y[row.point] = *row.kpis[0];
            ++committed;
        }
        return true;
    };
    REQUIRE(run_sweep(todo, 1, 2, 64, hooks));
    CHECK(committed == todo.size());
    CHECK(in_order);
    auto indices = sobol_indices(y, base, k, 1);
    REQUIRE(indices);
    const double s1[] = {v1 / variance, v2 / variance, 0};
    const double st[] = {(v1 + v13) / variance, v2 / variance, v13 / variance};
    for (std::size_t i = 0; i < k; ++i) {
        INFO("parameter " << i + 1);
        CHECK(indices->first[i].low <= s1[i]);
        CHECK(indices->first[i].high >= s1[i]);
        CHECK(indices->total[i].low <= st[i]);
        CHECK(indices->total[i].high >= st[i]);
        CHECK(indices->first[i].high - indices->first[i].low < 0.12);
    }
    // The published figures, to their three decimals.
    CHECK(s1[0] == Approx(0.314).margin(0.0005));
    CHECK(st[2] == Approx(0.244).margin(0.0005));
}

TEST_CASE("a sweep file's mistakes are placed at their line and column", "[sweep]") {
    TempDir dir;
    auto errors_of = [&](const std::string& text) {
        std::string path = (dir.path / "s.yaml").string();
        std::ofstream(path) << text;
        LoadedSweep loaded = load_sweep(path);
        CHECK_FALSE(loaded.spec);
        std::string all;
        for (const Diagnostic& d : loaded.diagnostics.items()) all += format(d).substr(path.size()) + "\n";
        return all;
    };
    CHECK(errors_of("sweep:\n  scenario: x.yaml\n  desing: lhs\n") ==
          ":3:3: error: unknown key 'desing' in the sweep section; did you mean 'design'?\n");
    CHECK(errors_of("sweep:\n  scenario: x.yaml\n  design: lhss\n") ==
          ":3:11: error: unknown design 'lhss'; did you mean 'lhs'?\n");
    CHECK(errors_of("sweep: {scenario: x.yaml, design: lhs}\nparameters:\n  a.b.c: {range: [8, 2]}\n") ==
          ":3:18: error: a range's low end must be below its high end\n");
    CHECK(
        errors_of(
            "sweep: {scenario: x.yaml, design: lhs, points: 4}\nparameters:\n  a.b.c: {range: [2h, 8]}\n") ==
        ":3:23: error: both ends of a range must have the same unit: 'h' and '' differ\n");
    CHECK(
        errors_of("sweep: {scenario: x.yaml}\nparameters:\n  a.b.c: {range: [2, 8]}\n") ==
        ":3:18: error: a grid takes a list of values for 'a.b.c', not a range: give 'values', or choose the "
        "design lhs, random or sobol\n");
    CHECK(errors_of("sweep: {scenario: x.yaml, design: lhs}\nparameters:\n  a.b.c: {range: [2, 8]}\n") ==
          ":1:8: error: the design lhs needs 'points' (how many to draw)\n");
    CHECK(errors_of("sweep: {scenario: x.yaml, replications: 0}\n") ==
          ":1:41: error: replications 0 is out of range (1 to 100000)\n");
    CHECK(errors_of("sweeps: {scenario: x.yaml}\n") ==
          ":1:1: error: unknown section 'sweeps' in a sweep file (it has 'sweep' and 'parameters'); did you "
          "mean "
          "'sweep'?\n:1:1: error: the sweep file has no 'sweep' section (with at least 'scenario: FILE')\n");
}

}  // namespace corridor
