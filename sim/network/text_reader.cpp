#include "text_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace corridor {

Result<std::uintmax_t> check_input_file(const std::string& path, std::uintmax_t max_bytes) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) return Error{"no such file"};
    if (error) return Error{"cannot read the file: " + error.message()};
    if (status.type() == fs::file_type::directory) return Error{"this is a folder, not a file"};
    // A device or a pipe can be endless or block forever.
    if (status.type() != fs::file_type::regular)
        return Error{"this is not a regular file (a device, pipe or socket)"};
    std::uintmax_t size = fs::file_size(path, error);
    if (error) return Error{"cannot read the file: " + error.message()};
    if (size > max_bytes)
        return Error{"the file is " + describe_bytes(size) + "; corridor reads files of this kind up to " +
                     describe_bytes(max_bytes) + " (docs/network.md, \"Input limits\")"};
    return size;
}

std::string describe_bytes(std::uintmax_t bytes) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    std::uintmax_t whole = bytes;
    // Whole units only when exact, so that a limit reads "4 GiB" and a size is never rounded down
    // to the limit it exceeds.
    while (unit < 4 && whole >= 1024 && whole % 1024 == 0) {
        whole /= 1024;
        ++unit;
    }
    return std::to_string(whole) + " " + units[unit];
}

Result<std::string> read_file_bytes(const std::string& path, std::uintmax_t max_bytes) {
    auto size = check_input_file(path, max_bytes);
    if (!size) return Error{size.error()};
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return Error{"cannot open the file: " + std::string(std::strerror(errno))};
    // The size was checked against the limit, so this allocation is bounded; a file that grows
    // while being read is cut at the size it had.
    std::string bytes(static_cast<std::size_t>(size.value()), '\0');
    std::size_t read = std::fread(bytes.data(), 1, bytes.size(), file.get());
    if (std::ferror(file.get())) return Error{"cannot read the file: " + std::string(std::strerror(errno))};
    bytes.resize(read);
    return bytes;
}

Result<std::string> read_text_file(const std::string& path, std::uintmax_t max_bytes) {
    auto text = read_file_bytes(path, max_bytes);
    if (!text) return text;
    if (text.value().find('\0') != std::string::npos)
        return Error{"this is not a text file (it holds binary data)"};
    if (text.value().rfind("\xEF\xBB\xBF", 0) == 0) text.value().erase(0, 3);
    return text;
}

std::string excerpt(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    // Not inside a UTF-8 sequence: continuation bytes are 10xxxxxx.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
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

Result<std::vector<CsvField>> split_csv_line(std::string_view line, std::size_t max_fields) {
    std::vector<CsvField> fields;
    std::size_t i = 0;
    while (true) {
        if (fields.size() == max_fields)
            return Error{"more than " + std::to_string(max_fields) +
                         " fields on the line; corridor reads at most " + std::to_string(max_fields) +
                         " columns"};
        CsvField field{"", column_number(i)};
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
