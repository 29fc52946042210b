#include "corridor/engine/time.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace corridor {
namespace {

// Exact arithmetic for long decimals times a unit, before the overflow check.
__extension__ typedef __int128 Wide;

struct Unit {
    std::string_view name;
    Time milliseconds;
};

// Longest names first, so that "ms" and "min" are not read as "m..." prefixes.
constexpr Unit kUnits[] = {
    {"min", kMinute}, {"ms", kMillisecond}, {"s", kSecond}, {"h", kHour}, {"d", kDay},
};

constexpr std::string_view kExample =
    "write a number and a unit (ms, s, min, h, d), e.g. '90s', '15min', '2h', '3d'";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Error failure(std::string_view text, std::string_view why) {
    return Error{"bad duration '" + std::string(text) + "': " + std::string(why)};
}

}  // namespace

Result<Time> parse_duration(std::string_view text) {
    std::size_t pos = 0;
    auto skip_spaces = [&] {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    };
    skip_spaces();
    if (pos == text.size()) return failure(text, "it is empty; " + std::string(kExample));
    if (text[pos] == '-') return failure(text, "a duration cannot be negative");
    if (text[pos] == '+') ++pos;

    Wide total = 0;
    int terms = 0;
    while (true) {
        skip_spaces();
        if (pos == text.size()) break;
        // The number: digits, optionally a decimal point and more digits, read exactly.
        Wide mantissa = 0;
        int fraction_digits = 0;
        int digits = 0;
        bool seen_point = false;
        while (pos < text.size() && (is_digit(text[pos]) || text[pos] == '.')) {
            if (text[pos] == '.') {
                if (seen_point) return failure(text, "a number has two decimal points");
                seen_point = true;
            } else {
                if (++digits > 18) return failure(text, "the number is too long");
                mantissa = mantissa * 10 + (text[pos] - '0');
                if (seen_point) ++fraction_digits;
            }
            ++pos;
        }
        if (digits == 0) {
            if (pos < text.size() && is_letter(text[pos]))
                return failure(text, "there is no number before the unit; " + std::string(kExample));
            return failure(
                text, "unexpected character '" + std::string(1, text[pos]) + "'; " + std::string(kExample));
        }
        skip_spaces();
        std::size_t unit_start = pos;
        while (pos < text.size() && is_letter(text[pos])) ++pos;
        std::string_view unit_text = text.substr(unit_start, pos - unit_start);
        if (unit_text.empty()) {
            if (pos < text.size())
                return failure(text, "unexpected character '" + std::string(1, text[pos]) + "'");
            return failure(text, "the number has no unit; " + std::string(kExample));
        }
        const Unit* unit = nullptr;
        for (const Unit& candidate : kUnits)
            if (candidate.name == unit_text) unit = &candidate;
        if (unit == nullptr) {
            std::string why = "unknown unit '" + std::string(unit_text) + "'";
            if (unit_text == "m")
                why += " ('m' could be minutes or metres: write 'min')";
            else
                why += "; use ms, s, min, h or d";
            return failure(text, why);
        }
        Wide scale = 1;
        for (int i = 0; i < fraction_digits; ++i) scale *= 10;
        Wide scaled = mantissa * unit->milliseconds;
        if (scaled % scale != 0) return failure(text, "it is not a whole number of milliseconds");
        total += scaled / scale;
        if (total > std::numeric_limits<Time>::max() / 2) return failure(text, "it is too large");
        ++terms;
    }
    if (terms == 0) return failure(text, "it is empty; " + std::string(kExample));
    return static_cast<Time>(total);
}

std::string format_duration(Time duration) {
    if (duration == 0) return "0s";
    std::string out;
    // The magnitude as unsigned: negating the most negative Time would overflow.
    std::uint64_t left =
        duration < 0 ? 0 - static_cast<std::uint64_t>(duration) : static_cast<std::uint64_t>(duration);
    if (duration < 0) out = "-";
    constexpr Unit kLargestFirst[] = {
        {"d", kDay}, {"h", kHour}, {"min", kMinute}, {"s", kSecond}, {"ms", kMillisecond}};
    for (const Unit& unit : kLargestFirst) {
        std::uint64_t count = left / static_cast<std::uint64_t>(unit.milliseconds);
        if (count == 0) continue;
        out += std::to_string(count);
        out += unit.name;
        left -= count * static_cast<std::uint64_t>(unit.milliseconds);
    }
    return out;
}

Time from_seconds(double seconds) {
    // Saturates instead of overflowing (llround of an unrepresentable value is undefined); the
    // scenario's ranges keep every model time far inside, so this guards, it does not decide.
    constexpr double kLimit = 4.0e18;
    double ms = seconds * kSecond;
    if (!(ms < kLimit)) return ms != ms ? 0 : static_cast<Time>(kLimit);
    if (!(ms > -kLimit)) return -static_cast<Time>(kLimit);
    return static_cast<Time>(std::llround(ms));
}

}  // namespace corridor
