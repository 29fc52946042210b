#pragma once
// Reading a scenario: YAML files in, a checked Theatre out, or every problem found with its
// file, line and column (docs/architecture.md, decision 7).

#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/model/theatre.hpp"

namespace corridor {

struct LoadedScenario {
    std::optional<Theatre> theatre;  // empty when there were errors
    Diagnostics diagnostics;
    std::vector<std::string> files;  // the scenario file, its includes and its network, in reading order
    std::string hash;                // FNV-1a 64 of the bytes of every file read, hex
};

LoadedScenario load_scenario(const std::string& path);

}  // namespace corridor
