#pragma once
// "Did you mean ...?" for misspelt names: the candidate nearest by edit distance, if near enough.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corridor {

/// Levenshtein distance (insertions, deletions, substitutions), case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is within a third of the word's length (at least 1, at
/// most 3 edits), so that a hint is offered only when it is likely what was meant.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace corridor
