// Fuzz target: a scenario, with its includes and any network files it names, as a bundle
// (fuzz_files.hpp): the first file is scenario.yaml, the others sit beside it.

#include "corridor/scenario/load.hpp"
#include "fuzz_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corridor::fuzz;
    const std::string& folder = fresh_folder(split_bundle(bytes(data, size), "scenario.yaml"));
    corridor::LoadedScenario loaded = corridor::load_scenario(folder + "/scenario.yaml");
    // A scenario is either checked or has errors that say why, never neither.
    if (!loaded.theatre && !loaded.diagnostics.has_errors()) __builtin_trap();
    return 0;
}
