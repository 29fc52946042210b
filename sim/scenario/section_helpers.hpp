#pragma once
// Helpers shared by the section readers (sim/scenario/read_*.cpp) and the whole-scenario checks
// (checks.cpp): walking a section's entries or items, and reading a quantity that must be more
// than zero. Private to the scenario layer.

#include <optional>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"
#include "sections.hpp"

namespace corridor::scenario {

// Calls `each(name_node, value_node)` for every entry of a map section.
template <class Each>
void for_each_entry(const Section& s, const char* what, Each each) {
    if (!s.node.IsMap()) {
        s.source.error(s.node, std::string(what) + " must be a map from names to their description, not " +
                                   describe(s.node));
        return;
    }
    for (auto it = s.node.begin(); it != s.node.end(); ++it) each(it->first, it->second);
}

template <class Each>
void for_each_item(const Section& s, const char* what, Each each) {
    if (!s.node.IsSequence()) {
        s.source.error(s.node, std::string(what) + " must be a list, not " + describe(s.node));
        return;
    }
    for (const YAML::Node& item : s.node) each(item);
}

std::string format_tonnes(double t);

std::optional<double> positive(MapReader& m, const std::string& key,
                               Result<double> (*parse)(std::string_view), bool required);

}  // namespace corridor::scenario
