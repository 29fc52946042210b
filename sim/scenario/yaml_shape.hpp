#pragma once
// Limits on a scenario file's YAML, checked on the parser's events before yaml-cpp builds nodes:
// values written, values after aliases are expanded, nesting depth, and cycles of aliases. Each
// limit is far above any theatre (the reference one has about 1,500 values) and stated in
// docs/user-guide.md.

#include <cstdint>
#include <string>

#include "corridor/engine/diagnostics.hpp"

namespace corridor::scenario {

inline constexpr std::uint64_t kMaxYamlNodes = 200'000;             // values written in one file
inline constexpr std::uint64_t kMaxExpandedYamlNodes = 1'000'000;   // values once aliases are expanded
inline constexpr std::size_t kMaxYamlDepth = 64;                    // collections inside collections
inline constexpr std::uintmax_t kMaxScenarioFileBytes = 16u << 20;  // one YAML file
inline constexpr std::size_t kMaxScenarioFiles = 100;               // the main file and its includes

/// Reports the first limit the text breaks, at its place; true when it breaks none.
bool check_yaml_shape(const std::string& text, const std::string& file, Diagnostics& diagnostics);

/// "not valid YAML: " and the parser's message, with a word on the first line of `text` that is
/// indented with a tab (the parser's own messages for it never say so).
std::string not_valid_yaml(const std::string& text, const std::string& parser_message);

}  // namespace corridor::scenario
