#pragma once
// A CSV file as rows of cells, each cell with the line and column it starts at, so that a reader
// of result files can say where a value is wrong. RFC 4180: commas, double-quoted cells with ""
// for a quote, LF or CRLF line ends; a blank last line is no row.

#include <string>
#include <vector>

#include "corridor/engine/result.hpp"

namespace corridor {

struct CsvCell {
    std::string text;
    int column = 0;  // 1-based, in bytes
};

struct CsvRow {
    int line = 0;  // 1-based
    std::vector<CsvCell> cells;
};

/// The rows of `content`; the error (`FILE:LINE:COLUMN: error: ...`) names `file`.
Result<std::vector<CsvRow>> parse_csv(const std::string& file, const std::string& content);

}  // namespace corridor
