#include "corridor/engine/format.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace corridor {

std::string format_number(double x) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, 6);
    return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

std::string format_fixed(double x, int decimals) {
    // A double's fixed form needs at most 309 digits before the point.
    char buffer[400];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, decimals);
    return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

const char* read_number(const char* first, const char* last, double& value) {
    const char* start = first;
    while (start != last && (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r' ||
                             *start == '\v' || *start == '\f'))
        ++start;
    const char* digits = start;
    if (digits != last && *digits == '+') ++digits;
    // (from_chars takes '-' itself but not '+'; a '+' before another sign is no number.)
    if (digits != start && digits != last && *digits == '-') return first;
    auto [end, error] = std::from_chars(digits, last, value, std::chars_format::general);
    if (error == std::errc::invalid_argument) return first;
    if (error == std::errc::result_out_of_range) {
        // Too small reads as zero, as strtod does; too large as NaN, for the caller to refuse.
        const char* exponent = std::find_if(digits, end, [](char c) { return c == 'e' || c == 'E'; });
        bool tiny = exponent != end && exponent + 1 != end && exponent[1] == '-';
        value = tiny ? (*digits == '-' ? -0.0 : 0.0) : std::nan("");
    }
    return end;
}

bool read_whole(std::string_view text, long long& value) {
    const char* first = text.data();
    const char* last = first + text.size();
    if (first != last && *first == '+') ++first;
    if (first != last && *first == '-' && first != text.data()) return false;
    bool negative = first != last && *first == '-';
    auto [end, error] = std::from_chars(first, last, value, 10);
    if (end != last || first == last) return false;
    if (error == std::errc::result_out_of_range) value = negative ? LLONG_MIN : LLONG_MAX;  // as strtoll
    return error == std::errc() || error == std::errc::result_out_of_range;
}

std::string fnv1a64_hex(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

}  // namespace corridor
