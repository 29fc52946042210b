#pragma once
// Numbers in comparison and ranking tables: exact for files, readable for people. Locale-free
// (format.hpp), so the same bytes on every machine.

#include <charconv>
#include <string>
#include <system_error>

#include "corridor/engine/format.hpp"

namespace corridor::table_numbers {

/// For CSV: six decimals with the zeros that follow them dropped (as replications.csv).
inline std::string exact(double x) {
    std::string text = format_fixed(x, 6);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

/// For people: four significant digits (whole numbers from 1000 up), so that a difference of
/// 0.00002 in a fill rate shows as 2e-05, not as 0.
inline std::string readable(double x) {
    if (x == 0) return "0";
    if (x >= 1000 || x <= -1000) return format_fixed(x, 0);
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, 4);
    return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

/// A p-value: six significant digits in files, four decimals (or "<0.0001") for people.
inline std::string p_exact(double p) { return format_number(p); }
inline std::string p_readable(double p) { return p < 0.0001 ? "<0.0001" : format_fixed(p, 4); }

}  // namespace corridor::table_numbers
