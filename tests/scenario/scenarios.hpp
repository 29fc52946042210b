#pragma once
// The project's scenarios (scenarios/), loaded for end-to-end tests.

#include <catch2/catch.hpp>
#include <string>

#include "corridor/scenario/load.hpp"

namespace corridor::test {

/// The checked theatre of `scenarios/NAME`; fails the test with the first error if it has one.
inline Theatre load_theatre(const std::string& name) {
    LoadedScenario loaded = load_scenario(std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/" + name);
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    return std::move(*loaded.theatre);
}

}  // namespace corridor::test
