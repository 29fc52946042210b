#pragma once
// Reading a scenario: YAML files in, a checked Theatre out, or every problem found with its
// file, line and column (docs/architecture.md, decision 7).

#include <memory>
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

/// A change to a scenario made before it is read (a sweep's parameter; docs/user-guide.md,
/// "Sweeps"): the value at a path of names such as `fleets.icrc-trucks.count`. Each name steps
/// into a map by its key, or into a list by an item's `name` (an airlift fleet's `aircraft`) or
/// its position from 0. The last name may be a key the scenario leaves out (a default).
struct Override {
    std::string path;
    std::string value;  // as YAML: 12, 72h, most_need_first, [HAK, LAC]
    // Where the sweep file gives the path and the value: errors in either are reported there.
    std::string file{};
    int line = 0, column = 0;
    int value_line = 0, value_column = 0;
    std::string applied{};  // added to an error at the value, e.g. "point 3: fleets.icrc-trucks.count = 0"
};

/// Files and road networks read once and shared read-only by every scenario loaded through it
/// (the points of a sweep). Safe to use from several threads at once.
class ScenarioCache {
  public:
    ScenarioCache();
    ~ScenarioCache();
    ScenarioCache(const ScenarioCache&) = delete;
    ScenarioCache& operator=(const ScenarioCache&) = delete;
    struct Store;
    Store& store() { return *store_; }

  private:
    std::unique_ptr<Store> store_;
};

LoadedScenario load_scenario(const std::string& path, const std::vector<Override>& overrides = {},
                             ScenarioCache* cache = nullptr);

/// A scenario from memory: `text` is the scenario file's content, and `path` names it in messages
/// (its includes and network are found beside it, as for a file).
LoadedScenario load_scenario_text(const std::string& text, const std::string& path,
                                  const std::vector<Override>& overrides = {}, ScenarioCache* cache = nullptr);

}  // namespace corridor
