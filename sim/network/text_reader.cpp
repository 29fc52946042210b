#include "text_reader.hpp"

#include <cstring>
#include <fstream>
#include <sstream>

namespace corridor {

Result<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot open the file: " + std::string(std::strerror(errno))};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return Error{"cannot read the file"};
    std::string text = std::move(buffer).str();
    if (text.find('\0') != std::string::npos) return Error{"this is not a text file (it holds binary data)"};
    return text;
}

bool LineCursor::next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    last_ended_ = end != std::string_view::npos;
    if (!last_ended_) end = text_.size();
    line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
}

Result<std::vector<CsvField>> split_csv_line(std::string_view line) {
    std::vector<CsvField> fields;
    std::size_t i = 0;
    while (true) {
        CsvField field{"", static_cast<int>(i) + 1};
        // Leading spaces are not part of a field.
        while (i < line.size() && line[i] == ' ') ++i;
        if (i < line.size() && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                field.text += line[i++];
            }
            if (!closed)
                return Error{"a quoted field starting at column " + std::to_string(field.column) +
                             " is not closed"};
            while (i < line.size() && line[i] != ',') ++i;
        } else {
            std::size_t end = line.find(',', i);
            if (end == std::string_view::npos) end = line.size();
            field.text = std::string(line.substr(i, end - i));
            while (!field.text.empty() && field.text.back() == ' ') field.text.pop_back();
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) break;
        ++i;  // the comma
    }
    return fields;
}

}  // namespace corridor
