#pragma once
// Problems found in a planner's input, each with the place it was found. Loaders and the scenario
// reader collect them all instead of stopping at the first, and the command line prints them as
// `file:line:column: error: message` (DESIGN.md decision 7).

#include <string>
#include <vector>

namespace corridor {

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    int line = 0;    // 1-based; 0 when the problem belongs to the whole file
    int column = 0;  // 1-based; 0 when unknown
    std::string message;
};

/// `file:line:column: error: message` (line and column left out when unknown).
std::string format(const Diagnostic& diagnostic);

class Diagnostics {
  public:
    void error(std::string file, int line, int column, std::string message) {
        items_.push_back({Severity::error, std::move(file), line, column, std::move(message)});
    }
    void warning(std::string file, int line, int column, std::string message) {
        items_.push_back({Severity::warning, std::move(file), line, column, std::move(message)});
    }
    void note(std::string file, int line, int column, std::string message) {
        items_.push_back({Severity::note, std::move(file), line, column, std::move(message)});
    }
    void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
    void append(const Diagnostics& other) {
        items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    }

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    /// The first error, formatted, or an empty string.
    std::string first_error() const;

  private:
    std::vector<Diagnostic> items_;
};

}  // namespace corridor
