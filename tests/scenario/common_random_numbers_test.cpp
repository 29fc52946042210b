// Common random numbers survive edits (docs/architecture.md, decision 3): streams are keyed by the entity's
// name, so a checkpoint added to a scenario, even first in the list, leaves every other
// checkpoint's draws, and so its waits, exactly as they were.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "corridor/model/deployment.hpp"
#include "corridor/scenario/load.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

DeploymentResult run_text(const std::string& text, const std::string& name) {
    fs::path folder = fs::temp_directory_path() / ("corridor-crn-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    fs::path path = folder / name;
    std::ofstream(path, std::ios::binary) << text;
    LoadedScenario loaded = load_scenario(path.string());
    fs::remove_all(folder);
    INFO(loaded.diagnostics.first_error());
    REQUIRE(loaded.theatre.has_value());
    return simulate_deployment(*loaded.theatre, 11);
}

const CheckpointOutcome& outcome(const DeploymentResult& r, const std::string& name) {
    for (const CheckpointOutcome& c : r.checkpoints)
        if (c.name == name) return c;
    FAIL("no checkpoint " << name);
    throw;
}

void replace(std::string& text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a checkpoint added first in the list leaves an existing checkpoint's waits unchanged") {
    std::ifstream in(std::string(CORRIDOR_SOURCE_DIR) + "/scenarios/validation/checkpoint-mmc.yaml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string base = buffer.str();
    replace(base, "duration: 200d", "duration: 20d");
    std::string variant = base;
    // A road and a checkpoint that no convoy uses, with traffic of its own drawing random numbers.
    replace(variant, "    - {id: CP, kind: checkpoint}\n",
            "    - {id: CP, kind: checkpoint}\n    - {id: D}\n");
    replace(variant, "    - {from: B, to: CP, length: 10km}\n",
            "    - {from: B, to: CP, length: 10km}\n    - {from: A, to: D, length: 5km}\n");
    replace(
        variant, "checkpoints:\n",
        "checkpoints:\n  - {name: ferry, node: D, lanes: 1, service: {exponential: 2min}, traffic: 10}\n");

    DeploymentResult before = run_text(base, "base.yaml");
    DeploymentResult after = run_text(variant, "variant.yaml");
    REQUIRE(after.checkpoints.size() == 2);
    const CheckpointOutcome& gate_before = outcome(before, "gate");
    const CheckpointOutcome& gate_after = outcome(after, "gate");
    CHECK(gate_before.vehicles > 9'000);
    CHECK(gate_after.vehicles == gate_before.vehicles);
    CHECK(gate_after.mean_wait_s == gate_before.mean_wait_s);
    CHECK(gate_after.max_wait_s == gate_before.max_wait_s);
    CHECK(gate_after.max_queue == gate_before.max_queue);
    // The new checkpoint does draw: its own traffic was served.
    CHECK(outcome(after, "ferry").vehicles > 4'000);
}
