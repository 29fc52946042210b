// The aid sections as read: tests/data/scenarios/aid-small.yaml (one depot, two towns, one fleet)
// and the values the reader derives from it: amounts in tonnes and days of need turned into units,
// the default needs of water and food, population changes, the fleet's policy and towns.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corridor/scenario/load.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

const std::string kAidSmall = std::string(CORRIDOR_TEST_DIR) + "/data/scenarios/aid-small.yaml";

Theatre load_aid_small() {
    LoadedScenario loaded = load_scenario(kAidSmall);
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    return std::move(*loaded.theatre);
}

// The warnings of aid-small.yaml with `from` replaced by `to`, as `line:column: message`.
std::vector<std::string> warnings_with(const std::string& from, const std::string& to) {
    std::stringstream text;
    text << std::ifstream(kAidSmall).rdbuf();
    std::string yaml = text.str();
    REQUIRE(yaml.find(from) != std::string::npos);
    yaml.replace(yaml.find(from), from.size(), to);
    fs::path folder = fs::temp_directory_path() / ("corridor-aid-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    std::ofstream(folder / "aid.yaml", std::ios::binary) << yaml;
    LoadedScenario loaded = load_scenario((folder / "aid.yaml").string());
    fs::remove_all(folder);
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    std::vector<std::string> found;
    for (const Diagnostic& d : loaded.diagnostics.items())
        if (d.severity == Severity::warning)
            found.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
    return found;
}

}  // namespace

TEST_CASE("aid reader: commodities take their units, masses and the default needs of water and food") {
    Theatre t = load_aid_small();
    CHECK(t.units.empty());
    const auto& c = t.aid.commodities;
    REQUIRE(c.size() == 3);
    CHECK(c[0].name == "water");
    CHECK(c[0].unit == "L");
    CHECK(c[0].mass_kg == 1);
    CHECK(c[0].volume_m3 == Approx(0.001));
    CHECK(c[0].daily_need == 15);  // Sphere 2018, water supply standard 2.1
    CHECK(c[1].unit == "kg");
    CHECK(c[1].daily_need == Approx(0.555));  // WFP food basket, 2,100 kcal
    CHECK(c[2].unit == "kit");
    CHECK(c[2].mass_kg == Approx(25));
    CHECK(c[2].volume_m3 == Approx(0.2));
    CHECK(c[2].daily_need == Approx(0.01));
    REQUIRE(t.aid.organisations.size() == 1);
    CHECK(t.aid.organisations[0].priorities == std::vector<std::size_t>{1, 0});
    REQUIRE(t.vehicle_types.size() == 1);
    CHECK(t.vehicle_types[0].payload_t == 12);
    CHECK(t.vehicle_types[0].volume_m3 == 40);
}

TEST_CASE("aid reader: a depot's stock and inbound in tonnes become units") {
    Theatre t = load_aid_small();
    REQUIRE(t.aid.depots.size() == 1);
    const Depot& d = t.aid.depots[0];
    CHECK(t.network().node(d.node).id == "A");
    REQUIRE(d.stock.size() == 3);
    CHECK(d.stock[0] == Approx(200000));  // 200t of water at 1kg a litre
    CHECK(d.stock[1] == Approx(50000));
    CHECK(d.stock[2] == Approx(200));  // 5t of 25kg kits
    CHECK(d.capacity_t == 500);
    CHECK(d.bays == 3);
    CHECK(d.loading_per_t.kind == ServiceKind::fixed);
    CHECK(d.loading_per_t.seconds[0] == 300);
    REQUIRE(d.inbound.size() == 2);
    CHECK(d.inbound[0].commodity == 1);
    CHECK(d.inbound[0].amount == Approx(20000));
    CHECK(d.inbound[0].at == kDay);
    CHECK(d.inbound[0].every == 2 * kDay);
    CHECK(d.inbound[0].until == 10 * kDay);  // the scenario's duration
    CHECK(d.inbound[1].commodity == 2);
    CHECK(d.inbound[1].amount == 100);
    CHECK(d.inbound[1].at == 12 * kHour);
    CHECK(d.inbound[1].every == 0);
}

TEST_CASE("aid reader: towns' days of need, needs of their own and population changes") {
    Theatre t = load_aid_small();
    REQUIRE(t.aid.towns.size() == 2);
    const Town& north = t.aid.towns[0];
    CHECK(north.name == "North");
    CHECK(north.population == 2000);
    CHECK(north.population_changes.empty());
    REQUIRE(north.stock.size() == 3);
    CHECK(north.stock[0] == Approx(3 * 2000 * 15));  // 3d of water at 15 L a person a day
    CHECK(north.stock[1] == Approx(500));
    CHECK(north.stock[2] == 0);
    CHECK(north.daily_need == std::vector<double>{15, 0.555, 0.01});
    CHECK(north.target_cover == 7 * kDay);
    CHECK(std::isinf(north.storage_t));
    const Town& camp = t.aid.towns[1];
    CHECK(camp.population == 1000);
    REQUIRE(camp.population_changes.size() == 1);
    CHECK(camp.population_changes[0].at == 2 * kDay);
    CHECK(camp.population_changes[0].people == 3000);
    CHECK(camp.daily_need[0] == 20);
    CHECK(camp.daily_need[1] == Approx(0.555));
    CHECK(camp.storage_t == 100);
    CHECK(camp.target_cover == 5 * kDay);
}

TEST_CASE("aid reader: a fleet's policy, towns in their order and own march rules") {
    Theatre t = load_aid_small();
    REQUIRE(t.aid.fleets.size() == 1);
    const Fleet& f = t.aid.fleets[0];
    CHECK(f.name == "convoy");
    CHECK(f.organisation == 0);
    CHECK(f.vehicle_type == 0);
    CHECK(f.count == 6);
    CHECK(f.base == 0);
    CHECK(f.policy == DispatchPolicy::round_robin);
    CHECK(f.towns == std::vector<std::size_t>{1, 0});  // Camp, then North
    CHECK(f.min_load == Approx(0.75));
    CHECK(f.unloading_per_t == 4 * kMinute);
    CHECK(f.idle_recheck == 30 * kMinute);
    REQUIRE(f.march.has_value());
    CHECK(f.march->speed_kph[static_cast<std::size_t>(RoadClass::primary)] == 50);
    CHECK(f.march->speed_kph[static_cast<std::size_t>(RoadClass::motorway)] == t.march.speed_kph[0]);
}

TEST_CASE("aid reader: aid-small.yaml gives no warning") {
    CHECK(warnings_with("count: 6", "count: 6").empty());
}

TEST_CASE("aid reader: a town in need that no fleet serves is warned of, at the fleets") {
    auto found = warnings_with("towns: [Camp, North]", "towns: [Camp]");
    REQUIRE(found.size() == 1);
    CHECK(found[0] ==
          "48:1: town 'North' needs aid but no fleet serves it: add it to a fleet's 'towns' (or leave "
          "'towns' out to serve every town)");
}

TEST_CASE("aid reader: a commodity a town needs that no depot has is warned of, at the town") {
    auto found =
        warnings_with("  shelter: {unit: kit", "  fuel: {unit: L, need: 0.5}\n  shelter: {unit: kit");
    REQUIRE(found.size() == 1);
    CHECK(found[0] ==
          "37:3: town 'North' needs fuel (0.5 L a person a day) but no depot stocks it or receives any: beyond "
          "the stock it starts with, that need is never met");
}
