#pragma once
// Reading one YAML mapping with checks: each key asked for is marked known, and `finish()`
// reports the rest as unknown (with a "did you mean"). Every error carries the file, line and
// column of the value at fault (yaml-cpp's marks are 0-based; ours are 1-based).

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/engine/result.hpp"
#include "corridor/engine/time.hpp"

namespace corridor::scenario {

/// The longest duration a scenario runs, and so the longest any duration in it may be.
inline constexpr Time kLongestScenario = 3650 * kDay;

/// A value put into a scenario by an override (a sweep's parameter): an error found at it is
/// reported where the sweep file gives it, with what was applied.
struct Graft {
    YAML::Node node;
    std::string file;
    int line = 0, column = 0;
    std::string applied;  // e.g. "point 17: fleets.icrc-trucks.count = 0"
};

struct Source {
    std::string file;
    Diagnostics* diagnostics;
    const std::vector<Graft>* grafts = nullptr;  // the overrides' values, when there are any

    void error(const YAML::Node& at, const std::string& message) const {
        if (grafts)
            for (const Graft& g : *grafts)
                if (g.node.is(at)) {
                    diagnostics->error(g.file, g.line, g.column,
                                       g.applied.empty() ? message : message + " (" + g.applied + ")");
                    return;
                }
        diagnostics->error(file, at.Mark().line + 1, at.Mark().column + 1, message);
    }
};

/// Describes the YAML kind of a node for messages: "a list", "a map", "the text 'x'".
std::string describe(const YAML::Node& node);

class MapReader {
  public:
    /// `what` names the map in messages ("vehicle type 'BTR-82A'"). If the node is not a map, an
    /// error is reported and every lookup finds nothing.
    MapReader(const YAML::Node& node, const Source& source, std::string what);

    bool is_map() const { return is_map_; }
    const std::string& what() const { return what_; }
    const Source& source() const { return source_; }

    /// The value of `key` (marking it known); reports a missing required key.
    std::optional<YAML::Node> get(const std::string& key, bool required = false);

    std::optional<std::string> text(const std::string& key, bool required = false);
    std::optional<long long> whole(const std::string& key, long long min, long long max,
                                   bool required = false);
    std::optional<bool> boolean(const std::string& key, bool required = false);
    /// A scalar parsed by `parse` (a unit-bearing value); errors are placed at the value.
    template <class T>
    std::optional<T> parsed(const std::string& key, Result<T> (*parse)(std::string_view),
                            bool required = false) {
        auto node = scalar(key, required);
        if (!node) return std::nullopt;
        Result<T> value = parse(node->Scalar());
        if (!value) {
            source_.error(*node, key + ": " + value.error());
            return std::nullopt;
        }
        return value.value();
    }
    /// A duration from `min` to `max`, both included; an error names the range. `max` defaults
    /// to the longest scenario, so that no duration read can overflow the engine's clock.
    std::optional<Time> duration(const std::string& key, bool required = false, Time min = 0,
                                 Time max = kLongestScenario);

    /// Reports keys nobody asked for.
    void finish();

  private:
    std::optional<YAML::Node> scalar(const std::string& key, bool required);

    YAML::Node node_;
    Source source_;
    std::string what_;
    bool is_map_;
    std::vector<std::string> known_;
};

/// The scalar text of a node, or an error ("must be text, not a list").
std::optional<std::string> scalar_text(const YAML::Node& node, const Source& source, const std::string& what);

/// Reports duplicate keys in every map below `node` (yaml-cpp keeps the first silently).
void check_duplicate_keys(const YAML::Node& node, const Source& source);

}  // namespace corridor::scenario
