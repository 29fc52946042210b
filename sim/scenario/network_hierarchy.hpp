#pragma once
// The contraction hierarchy a scenario's runs share (docs/network.md, "Contraction hierarchies in a
// scenario"): the one a prepared network file stores, or one prepared at load, once per network
// in a ScenarioCache.

#include <vector>

#include "corridor/network/load.hpp"
#include "scenario_cache.hpp"
#include "sections.hpp"

namespace corridor::scenario {

/// Nodes from which `hierarchy: auto` prepares a hierarchy at load (docs/performance.md,
/// "A hierarchy in a scenario": below it, searching without one costs less than preparing one).
inline constexpr std::size_t kHierarchyAutoNodes = 20000;

/// Reads the travel-time hierarchy among a prepared file's `sections` against the file's network
/// (`into.network`); a damaged or foreign one is kept as a problem to report, not an error.
void read_stored_hierarchy(const std::vector<PreparedSection>& sections, ScenarioCache::Store::Network& into);

/// Gives the theatre the hierarchy its runs will use, by its `network: {hierarchy}` rule: the
/// stored one while the network is still the file's, else one prepared (or shared from the cache)
/// when the rule asks for it. Called once the scenario has no errors.
void choose_route_hierarchy(Build& build);

}  // namespace corridor::scenario
