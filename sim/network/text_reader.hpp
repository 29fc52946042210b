#pragma once
// Whole-file reading and line splitting for the text loaders (CSV, DIMACS), with line numbers
// for diagnostics and a refusal of binary files.

#include <string>
#include <string_view>
#include <vector>

#include "corridor/engine/result.hpp"

namespace corridor {

/// The file's bytes; an error if it cannot be read or holds NUL bytes (not a text file).
Result<std::string> read_text_file(const std::string& path);

/// Walks the lines of a buffer; `number()` is the 1-based number of the line last returned.
class LineCursor {
  public:
    explicit LineCursor(std::string_view text) : text_(text) {}
    bool next(std::string_view& line);
    int number() const { return number_; }
    bool last_line_ended() const { return last_ended_; }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int number_ = 0;
    bool last_ended_ = true;
};

/// A field of a CSV line and the column (1-based) where it starts.
struct CsvField {
    std::string text;
    int column;
};

/// Splits one CSV line (RFC 4180 quoting with "" inside quotes); an error for an unclosed quote.
Result<std::vector<CsvField>> split_csv_line(std::string_view line);

}  // namespace corridor
