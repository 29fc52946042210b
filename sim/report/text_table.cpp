// Aligned and Markdown tables: see text_table.hpp.

#include "text_table.hpp"

#include <algorithm>

namespace corridor {
namespace {

// Width in characters, not bytes: UTF-8 continuation bytes take no column.
std::size_t width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string aligned_table(const TextTable& table, const std::vector<bool>& right, const std::string& indent) {
    std::vector<std::size_t> widths;
    for (const auto& row : table)
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], width(row[c]));
        }
    std::string out;
    for (const auto& row : table) {
        std::string line = indent;
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string pad(widths[c] - width(row[c]), ' ');
            bool to_right = c < right.size() && right[c];
            line += (c > 0 ? "  " : "") + (to_right ? pad + row[c] : row[c] + pad);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

std::string markdown_table(const TextTable& table, const std::vector<bool>& right) {
    std::string out;
    for (std::size_t r = 0; r < table.size(); ++r) {
        out += "|";
        for (const std::string& cell : table[r]) {
            std::string escaped;
            for (char ch : cell) escaped += ch == '|' ? std::string("\\|") : std::string(1, ch);
            out += " " + escaped + " |";
        }
        out += "\n";
        if (r == 0) {
            out += "|";
            for (std::size_t c = 0; c < table[0].size(); ++c)
                out += c < right.size() && right[c] ? "---:|" : "---|";
            out += "\n";
        }
    }
    return out;
}

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace corridor
