#include "corridor/scenario/quantities.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "corridor/engine/format.hpp"

namespace corridor {
namespace {

struct UnitFactor {
    std::string_view name;
    double factor;
};

std::string trim(std::string_view text) {
    std::size_t a = text.find_first_not_of(" \t"), b = text.find_last_not_of(" \t");
    return a == std::string_view::npos ? std::string() : std::string(text.substr(a, b - a + 1));
}

// A number followed by one of `units`; `what` names the quantity in messages.
// Values outside [least, most] (in the first unit) are refused where they are read: they are
// typing slips, and they would overflow the engine's clock when turned into times. Zero passes,
// for the caller to accept or refuse.
struct Range {
    double least;
    double most;
    const char* text;
};

template <std::size_t N>
Result<double> parse_quantity(std::string_view raw, const char* what, const UnitFactor (&units)[N],
                              const char* example, Range range) {
    std::string text = trim(raw);
    std::string unit_list;
    for (std::size_t i = 0; i < N; ++i)
        unit_list += (i == 0 ? "" : (i + 1 == N ? " or " : ", ")) + std::string(units[i].name);
    auto bad = [&](const std::string& why) {
        return Error{"bad " + std::string(what) + " '" + std::string(raw) + "': " + why};
    };
    if (text.empty()) return bad(std::string("it is empty; write e.g. '") + example + "'");
    double value = 0;
    const char* end = read_number(text.data(), text.data() + text.size(), value);
    if (end == text.data()) return bad(std::string("there is no number; write e.g. '") + example + "'");
    if (!std::isfinite(value)) return bad("the number is not finite");
    std::string unit = trim(end);
    if (unit.empty())
        return bad(std::string("the number has no unit; write e.g. '") + example + "' (units: " + unit_list +
                   ")");
    for (const UnitFactor& u : units)
        if (u.name == unit) {
            if (value < 0) return bad("it cannot be negative");
            double in_first_unit = value * u.factor;
            if (in_first_unit != 0 && (in_first_unit < range.least || in_first_unit > range.most))
                return bad(std::string("it must lie between ") + range.text);
            return in_first_unit;
        }
    return bad("unknown unit '" + unit + "'; use " + unit_list);
}

constexpr UnitFactor kLengthUnits[] = {{"m", 1.0}, {"km", 1000.0}};
constexpr UnitFactor kSpeedUnits[] = {{"km/h", 1.0}};
constexpr UnitFactor kMassUnits[] = {{"t", 1.0}, {"kg", 0.001}};
constexpr UnitFactor kVolumeUnits[] = {{"m3", 1.0}, {"L", 0.001}};

// Days from 1970-01-01 to a civil date (proleptic Gregorian), by counting 400-year eras.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned year_of_era = static_cast<unsigned>(y - era * 400);
    const unsigned day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

Result<double> parse_length_m(std::string_view text) {
    return parse_quantity(text, "length", kLengthUnits, "120km", {1e-3, 1e8, "1mm and 100,000km"});
}
Result<double> parse_speed_kph(std::string_view text) {
    return parse_quantity(text, "speed", kSpeedUnits, "60km/h", {0.1, 2000, "0.1km/h and 2,000km/h"});
}
Result<double> parse_mass_t(std::string_view text) {
    return parse_quantity(text, "mass", kMassUnits, "15t", {1e-6, 1e6, "1g and 1,000,000t"});
}
Result<double> parse_volume_m3(std::string_view text) {
    return parse_quantity(text, "volume", kVolumeUnits, "40m3", {1e-6, 1e6, "1mL and 1,000,000m3"});
}

Result<double> parse_fraction(std::string_view raw) {
    std::string text = trim(raw);
    double value = 0;
    const char* end = read_number(text.data(), text.data() + text.size(), value);
    if (text.empty() || end == text.data())
        return Error{"bad fraction '" + std::string(raw) +
                     "': write a percentage such as '80%' or a number such as 0.8"};
    std::string rest = trim(end);
    if (rest == "%")
        value /= 100.0;
    else if (!rest.empty())
        return Error{"bad fraction '" + std::string(raw) +
                     "': write a percentage such as '80%' or a number such as 0.8"};
    if (!(value >= 0 && value <= 1))
        return Error{"bad fraction '" + std::string(raw) + "': it must lie between 0% and 100%"};
    return value;
}

Result<Time> parse_time_of_day(std::string_view raw) {
    std::string text = trim(raw);
    int hours = 0, minutes = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%2d:%2d%c", &hours, &minutes, &tail) != 2 || text.size() != 5)
        return Error{"bad time of day '" + std::string(raw) + "': write HH:MM, e.g. \"06:00\" (in quotes)"};
    if (hours < 0 || minutes < 0 || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return Error{"bad time of day '" + std::string(raw) + "': hours run 00 to 24 and minutes 00 to 59"};
    return hours * kHour + minutes * kMinute;
}

Result<std::int64_t> parse_datetime_utc(std::string_view raw) {
    std::string text = trim(raw);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, consumed = 0;
    auto bad = [&](const std::string& why) {
        return Error{"bad date-time '" + std::string(raw) + "': " + why};
    };
    const char* kForm = "write it as 2020-11-10T06:00:00Z (UTC)";
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &consumed) != 5)
        return bad(kForm);
    std::string rest = text.substr(static_cast<std::size_t>(consumed));
    if (rest.size() >= 3 && rest[0] == ':') {
        int used = 0;
        if (std::sscanf(rest.c_str(), ":%2d%n", &s, &used) != 1) return bad(kForm);
        rest = rest.substr(static_cast<std::size_t>(used));
    }
    if (!(rest.empty() || rest == "Z" || rest == "+00:00"))
        return bad("only UTC is supported: end it with Z or leave the zone out");
    static constexpr int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12) return bad("the month must be 01 to 12");
    int days = kDaysIn[mo - 1] + (mo == 2 && leap(y));
    if (d < 1 || d > days) return bad("the day does not exist in that month");
    if (h > 23 || mi > 59 || s > 59) return bad("the time must be 00:00:00 to 23:59:59");
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
           mi * 60 + s;
}

std::string format_datetime_utc(std::int64_t epoch_ms) {
    std::int64_t seconds = epoch_ms >= 0 ? epoch_ms / 1000 : (epoch_ms - 999) / 1000;
    std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    std::int64_t of_day = seconds - days * 86400;
    // Civil date from days since 1970 (the inverse of days_from_civil).
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned day_of_era = static_cast<unsigned>(z - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned mp = (5 * day_of_year + 2) / 153;
    const unsigned d = day_of_year - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(year_of_era) + era * 400 + (m <= 2);
    char buffer[64];  // room for any 64-bit year, so the format cannot be cut short
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
                  m, d, static_cast<long long>(of_day / 3600), static_cast<long long>(of_day / 60 % 60),
                  static_cast<long long>(of_day % 60));
    return buffer;
}

}  // namespace corridor
