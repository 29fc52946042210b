#pragma once
// A table of text cells shown two ways: aligned columns for the terminal (numbers to the right)
// and a Markdown table a planner pastes into a brief. The first row is the header.

#include <string>
#include <vector>

namespace corridor {

using TextTable = std::vector<std::vector<std::string>>;

/// Columns padded to their widest cell, two spaces apart, each line indented by `indent`;
/// `right[c]` right-aligns column c.
std::string aligned_table(const TextTable& table, const std::vector<bool>& right, const std::string& indent);

/// `| a | b |` rows under a `|---|---:|` rule (right-aligned where `right` says).
std::string markdown_table(const TextTable& table, const std::vector<bool>& right);

/// A CSV cell: as it is, or double-quoted (quotes doubled) when it holds a comma, quote or line end.
std::string csv_cell(const std::string& text);

}  // namespace corridor
