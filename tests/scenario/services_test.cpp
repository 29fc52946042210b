// Towns' services restored by repair teams, and returns that wait for them (docs/model.md,
// "Repairs" and "Returns"; docs/validation.md, "A repair team restores a town's water").

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corridor/model/deployment.hpp"
#include "corridor/scenario/load.hpp"
#include "scenarios.hpp"

namespace corridor {
namespace {

// The team's drive from BASE to TOWN, from the network and the march rules: the road at its class's
// march speed (shorter than the first halt falls due), plus the pass time of its one vehicle.
Time team_drive(const Theatre& t) {
    const RoadNetwork& net = t.network();
    std::vector<ArcIndex> road = net.arcs_between(*net.find_node("BASE"), *net.find_node("TOWN"));
    REQUIRE(road.size() == 1);
    double speed_mps = t.march.speed_kph[static_cast<std::size_t>(net.road_class(road[0]))] / 3.6;
    Time drive = from_seconds((net.length_m(road[0]) + t.march.vehicle_interval_m) / speed_mps);
    REQUIRE(drive < t.march.first_halt_after);
    return drive;
}

const TimelineRow* first_row(const DeploymentResult& r, const std::string& event) {
    for (const TimelineRow& row : r.timeline)
        if (row.event == event) return &row;
    return nullptr;
}

}  // namespace

TEST_CASE("a repair team restores a town's water at travel time + work / rate, and returns wait for it",
          "[repairs][returns][validation]") {
    Theatre theatre = test::load_theatre("validation/service-repair.yaml");
    const Town& town = theatre.aid.towns[0];
    REQUIRE(town.services.size() == 2);
    const TownService& water = town.services[1];
    REQUIRE(water.name == "water");
    const Time restored =
        team_drive(theatre) + from_seconds(to_seconds(water.repair_work) / theatre.repair_teams[0].rate);
    CHECK(restored == 10 * kHour + 45 * kMinute + 9 * kSecond);

    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    REQUIRE(r.services.size() == 1);  // the power works all along
    CHECK(r.services[0].service == 1);
    CHECK(r.services[0].restored == restored);
    const TimelineRow* row = first_row(r, "service restored");
    REQUIRE(row != nullptr);
    CHECK(row->at == restored);
    CHECK(row->entity == "engineers/team-1");
    CHECK(row->place == "town/water");
    // Held at 00:00 and 06:00 (the water is down), gone at 12:00, home 1 h 45 min 36 s later.
    const ReturnOutcome& flow = r.returns[0];
    CHECK(flow.held == 2);
    CHECK(flow.convoys == 1);
    CHECK(flow.returned == 100);
    CHECK(flow.first_arrival == 12 * kHour + 105 * kMinute + 36 * kSecond);
    CHECK(flow.first_arrival > restored);
    for (const TimelineRow& held : r.timeline)
        if (held.event == "returns held") CHECK(held.place == "waiting for town/water");
    for (const TimelineRow& arrived : r.timeline)
        if (arrived.event == "returnees arrived") CHECK(arrived.at > restored);

    SECTION("without the condition, the first convoy leaves at 00:00") {
        theatre.aid.returns[0].after_services.clear();
        DeploymentResult free = simulate_deployment(theatre, theatre.seed);
        CHECK(free.returns[0].held == 0);
        CHECK(free.returns[0].first_arrival == 105 * kMinute + 36 * kSecond);
    }
    SECTION("a team twice as strong takes half the work time") {
        theatre.repair_teams[0].rate = 2.0;
        DeploymentResult strong = simulate_deployment(theatre, theatre.seed);
        CHECK(strong.services[0].restored == team_drive(theatre) + 5 * kHour);
        CHECK(strong.returns[0].held == 1);  // 06:00 now finds the water working
        CHECK(strong.returns[0].first_arrival == 6 * kHour + 105 * kMinute + 36 * kSecond);
    }
    SECTION("with no team, the water stays down and nobody goes home") {
        theatre.repair_teams.clear();
        DeploymentResult none = simulate_deployment(theatre, theatre.seed);
        CHECK(none.services[0].restored == kNever);
        CHECK(none.returns[0].held == 4);
        CHECK(none.returns[0].returned == 0);
    }
    SECTION("a damaged service no team can repair works again at its 'until'") {
        theatre.aid.towns[0].services[1].repair_work = 0;
        theatre.aid.towns[0].services[1].until = 8 * kHour;
        DeploymentResult later = simulate_deployment(theatre, theatre.seed);
        CHECK(later.services[0].restored == 8 * kHour);
        CHECK(later.returns[0].first_arrival == 12 * kHour + 105 * kMinute + 36 * kSecond);
        CHECK(first_row(later, "repair started") == nullptr);  // it is no team's job
    }
}

TEST_CASE("repair jobs go by priority, then roads before services in the scenario's order", "[repairs]") {
    Theatre theatre = test::load_theatre("validation/service-repair.yaml");
    // A damaged road to the origin, 5 team-hours of work: the team reaches its TOWN end first.
    const RoadNetwork& net = theatre.network();
    Disruption damage;
    damage.road = "ORIGIN-TOWN";
    damage.arcs = net.arcs_between(*net.find_node("ORIGIN"), *net.find_node("TOWN"));
    for (ArcIndex a : net.arcs_between(*net.find_node("TOWN"), *net.find_node("ORIGIN")))
        damage.arcs.push_back(a);
    damage.speed_factor = 0.5;
    damage.until = theatre.duration + 1;
    damage.repair_work = 5 * kHour;
    theatre.disruptions.push_back(damage);
    const Time drive = team_drive(theatre);

    SECTION("without priorities the road comes first") {
        DeploymentResult r = simulate_deployment(theatre, theatre.seed);
        REQUIRE(r.repairs.size() == 1);
        CHECK(r.repairs[0].repaired == drive + 5 * kHour);
        CHECK(r.services[0].restored >= drive + 15 * kHour);  // then 10 h on the water, there
    }
    SECTION("the water at priority 1 comes before a road with none") {
        theatre.aid.towns[0].services[1].priority = 1;
        DeploymentResult r = simulate_deployment(theatre, theatre.seed);
        CHECK(r.services[0].restored == drive + 10 * kHour);
        CHECK(r.repairs[0].repaired >= drive + 15 * kHour);
    }
    SECTION("a lower number comes first") {
        theatre.aid.towns[0].services[1].priority = 2;
        theatre.disruptions[0].priority = 1;
        DeploymentResult r = simulate_deployment(theatre, theatre.seed);
        CHECK(r.repairs[0].repaired == drive + 5 * kHour);
        CHECK(r.services[0].restored >= drive + 15 * kHour);
    }
}

TEST_CASE("a job for one kind of team waits for that kind", "[repairs]") {
    Theatre theatre = test::load_theatre("validation/service-repair.yaml");
    // Deminers at twice a standard team's rate, from BASE as the engineers; the water is theirs.
    RepairTeam deminers = theatre.repair_teams[0];
    deminers.name = "deminers";
    deminers.rate = 2.0;
    theatre.repair_teams.push_back(deminers);
    theatre.aid.towns[0].services[1].team = 1;
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    CHECK(r.services[0].restored == team_drive(theatre) + 5 * kHour);
    const TimelineRow* started = first_row(r, "repair started");
    REQUIRE(started != nullptr);
    CHECK(started->entity == "deminers/team-1");
    // Without deminers, the engineers leave it alone: the water stays down.
    theatre.repair_teams.pop_back();
    DeploymentResult none = simulate_deployment(theatre, theatre.seed);
    CHECK(none.services[0].restored == kNever);
    CHECK(first_row(none, "repair started") == nullptr);
}

TEST_CASE("a town's services: names, or damaged ones with their repair work and priority",
          "[repairs][scenario]") {
    Theatre theatre = test::load_theatre("validation/service-repair.yaml");
    const std::vector<TownService>& services = theatre.aid.towns[0].services;
    REQUIRE(services.size() == 2);
    CHECK(services[0].name == "power");
    CHECK_FALSE(services[0].damaged);
    CHECK(services[1].damaged);
    CHECK(services[1].repair_work == 10 * kHour);
    CHECK(services[1].priority == kNoRepairPriority);
    REQUIRE(theatre.aid.returns[0].after_services.size() == 1);
    CHECK(theatre.aid.returns[0].after_services[0] == 1);
}

}  // namespace corridor

namespace corridor {

TEST_CASE("the reference theatre: nobody reaches Stepanakert before its water works",
          "[repairs][returns][reference]") {
    Theatre theatre = test::load_theatre("karabakh-2020/scenario.yaml");
    DeploymentResult r = simulate_deployment(theatre, theatre.seed);
    REQUIRE(r.services.size() == 1);
    const Town& town = theatre.aid.towns[r.services[0].town];
    REQUIRE(town.name == "Stepanakert");
    // The engineers are based at Stepanakert: no drive, 120 team-hours at 100%.
    CHECK(r.services[0].restored == 120 * kHour);
    int flows = 0;
    for (std::size_t f = 0; f < theatre.aid.returns.size(); ++f) {
        if (theatre.aid.returns[f].town != r.services[0].town) continue;
        ++flows;
        CHECK(r.returns[f].first_arrival > r.services[0].restored);
        CHECK(r.returns[f].held > 0);
    }
    CHECK(flows == 2);
}

}  // namespace corridor

namespace corridor {

TEST_CASE("a repair job's team must be a kind of repair team, given with its work", "[repairs][scenario]") {
    auto first_error = [](const std::string& from, const std::string& to) {
        std::stringstream text;
        text << std::ifstream(std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/validation/service-repair.yaml")
                    .rdbuf();
        std::string yaml = text.str();
        REQUIRE(yaml.find(from) != std::string::npos);
        yaml.replace(yaml.find(from), from.size(), to);
        std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("corridor-services-" + std::to_string(::getpid()) + ".yaml");
        std::ofstream(file, std::ios::binary) << yaml;
        LoadedScenario loaded = load_scenario(file.string());
        std::filesystem::remove(file);
        return loaded.diagnostics.first_error();
    };
    const std::string water = "{name: water, damaged: true, repair: 10h}";
    CHECK(first_error(water, "{name: water, damaged: true, repair: 10h, team: engineer}")
              .find("unknown repair team 'engineer'; did you mean 'engineers'?") != std::string::npos);
    CHECK(
        first_error(water, "{name: water, damaged: true, until: 8h, team: engineers}")
            .find("team names the kind of team for a repair job: give it with the 'repair' work of a service "
                  "of town 'town'") != std::string::npos);
    CHECK(first_error(water, "{name: water, damaged: true, repair: 10h, team: engineers}").empty());
}

}  // namespace corridor
