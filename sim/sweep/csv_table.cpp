// CSV rows with positions: see csv_table.hpp.

#include "csv_table.hpp"

#include "corridor/engine/diagnostics.hpp"

namespace corridor {

Result<std::vector<CsvRow>> parse_csv(const std::string& file, const std::string& content) {
    std::vector<CsvRow> rows;
    std::size_t i = 0, line_start = 0;
    int line = 1;
    while (i < content.size()) {
        CsvRow row{line, {}};
        for (;;) {  // one cell per pass, up to the end of the line
            CsvCell cell{"", static_cast<int>(i - line_start) + 1};
            if (i < content.size() && content[i] == '"') {
                int open_line = line, open_column = cell.column;
                ++i;
                for (;;) {
                    if (i >= content.size())
                        return Error{format(Diagnostic{Severity::error, file, open_line, open_column,
                                                       "a quoted cell has no closing quote"})};
                    if (content[i] == '"' && i + 1 < content.size() && content[i + 1] == '"') {
                        cell.text += '"';
                        i += 2;
                    } else if (content[i] == '"') {
                        ++i;
                        break;
                    } else {
                        if (content[i] == '\n') ++line, line_start = i + 1;
                        cell.text += content[i++];
                    }
                }
                if (i < content.size() && content[i] != ',' && content[i] != '\n' && content[i] != '\r')
                    return Error{
                        format(Diagnostic{Severity::error, file, line, static_cast<int>(i - line_start) + 1,
                                          "text after a quoted cell's closing quote"})};
            } else {
                while (i < content.size() && content[i] != ',' && content[i] != '\n' && content[i] != '\r')
                    cell.text += content[i++];
            }
            row.cells.push_back(std::move(cell));
            if (i < content.size() && content[i] == ',') {
                ++i;
                continue;
            }
            break;
        }
        if (i < content.size() && content[i] == '\r') ++i;
        if (i < content.size() && content[i] == '\n') ++i;
        rows.push_back(std::move(row));
        ++line;
        line_start = i;
    }
    return rows;
}

}  // namespace corridor
