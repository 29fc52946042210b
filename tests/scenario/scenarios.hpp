#pragma once
// The project's scenarios (scenarios/), loaded for end-to-end tests.

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/model/deployment.hpp"
#include "corridor/model/kpis.hpp"
#include "corridor/scenario/load.hpp"

namespace corridor::test {

/// The checked theatre of `scenarios/NAME`; fails the test with the first error if it has one.
inline Theatre load_theatre(const std::string& name) {
    LoadedScenario loaded = load_scenario(std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/" + name);
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    return std::move(*loaded.theatre);
}

/// When `entity` had `event` in the run's timeline, in time order.
inline std::vector<Time> times_of(const DeploymentResult& r, const std::string& entity, const std::string& event) {
    std::vector<Time> times;
    for (const TimelineRow& row : r.timeline)
        if (row.entity == entity && row.event == event) times.push_back(row.at);
    return times;
}

/// The value of the run's KPI `name`; fails the test when it has none.
inline double kpi(const DeploymentResult& r, std::string_view name) {
    std::vector<Kpi> record = kpi_record(r);
    const Kpi* k = find_kpi(record, name);
    REQUIRE(k != nullptr);
    REQUIRE(k->value.has_value());
    return *k->value;
}

}  // namespace corridor::test
