#pragma once
// Problems found in a planner's input, each with the place it was found. Loaders and the scenario
// reader collect them all instead of stopping at the first, and the command line prints them as
// `file:line:column: error: message` (docs/architecture.md, decision 7).

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
    /// Errors kept for printing, and as many warnings and notes apart (so that warnings never
    /// crowd errors out); past it they are only counted ("and N more"), so that a file with a
    /// million bad lines costs neither memory nor a screen of text.
    static constexpr std::size_t kKept = 100;

    void error(std::string file, int line, int column, std::string message) {
        add({Severity::error, std::move(file), line, column, std::move(message)});
    }
    void warning(std::string file, int line, int column, std::string message) {
        add({Severity::warning, std::move(file), line, column, std::move(message)});
    }
    void note(std::string file, int line, int column, std::string message) {
        add({Severity::note, std::move(file), line, column, std::move(message)});
    }
    void add(Diagnostic diagnostic);
    void append(const Diagnostics& other);

    bool has_errors() const { return errors_ > 0; }
    /// Every error found, the ones past kKept included.
    std::size_t error_count() const { return errors_; }
    /// The diagnostics past kKept, counted but not kept.
    std::size_t omitted() const { return omitted_; }
    const std::vector<Diagnostic>& items() const { return items_; }
    /// The first error, formatted, or an empty string.
    std::string first_error() const;

  private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t kept_errors_ = 0;
    std::size_t kept_others_ = 0;
    std::size_t omitted_ = 0;
};

/// Every kept diagnostic, one formatted line each, then "and N more" when some were omitted.
std::string format_all(const Diagnostics& diagnostics);

}  // namespace corridor
