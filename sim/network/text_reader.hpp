#pragma once
// Whole-file reading and line splitting for the text loaders (CSV, DIMACS), with line numbers
// for diagnostics. Folders, devices, files past a size limit and binary files are refused with a
// message that says which, before their bytes are read.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/engine/result.hpp"

namespace corridor {

/// The size of a regular file no larger than `max_bytes`; otherwise why it cannot be read
/// ("no such file", "this is a folder, not a file", ...).
Result<std::uintmax_t> check_input_file(const std::string& path, std::uintmax_t max_bytes);

/// A size as a person reads it: "17 bytes", "256 MiB", "4 GiB".
std::string describe_bytes(std::uintmax_t bytes);

/// The file's bytes as they are (a packed or binary file), if it is no larger than `max_bytes`.
Result<std::string> read_file_bytes(const std::string& path, std::uintmax_t max_bytes);

/// The file's bytes, less a UTF-8 byte-order mark at the start (spreadsheets and Notepad write
/// one); an error if it cannot be read, is larger than `max_bytes`, or holds NUL bytes.
Result<std::string> read_text_file(const std::string& path, std::uintmax_t max_bytes);

/// Walks the lines of a buffer (LF or CRLF ends); `number()` is the 1-based number of the line
/// last returned.
class LineCursor {
  public:
    explicit LineCursor(std::string_view text) : text_(text) {}
    bool next(std::string_view& line);
    int number() const { return number_ < kMaxLineNumber ? static_cast<int>(number_) : kMaxLineNumber; }
    bool last_line_ended() const { return last_ended_; }

  private:
    std::string_view text_;
    static constexpr int kMaxLineNumber = 2'147'483'647;  // diagnostics hold an int
    std::size_t pos_ = 0;
    std::int64_t number_ = 0;
    bool last_ended_ = true;
};

/// The 1-based column of a byte offset in a line, saturated to what a diagnostic holds (a 4 GiB
/// file can have a line longer than an int counts).
inline int column_number(std::size_t offset) {
    return offset < 2'147'483'646u ? static_cast<int>(offset) + 1 : 2'147'483'647;
}

/// `text` for a message: cut after `max_bytes` (at a UTF-8 character boundary) with "...", so that a
/// field of a megabyte does not make a message of a megabyte.
std::string excerpt(std::string_view text, std::size_t max_bytes = 40);

/// A field of a CSV line and the column (1-based) where it starts.
struct CsvField {
    std::string text;
    int column;
};

/// Splits one CSV line (RFC 4180 quoting with "" inside quotes); an error for an unclosed quote
/// or for more than `max_fields` fields (a line is never split into more).
Result<std::vector<CsvField>> split_csv_line(std::string_view line, std::size_t max_fields);

}  // namespace corridor
