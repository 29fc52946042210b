#pragma once
// Values with units as planners write them in a scenario: `120km`, `60km/h`, `15t`, `40m3`,
// `80%`, `"06:00"`, `2020-11-10T06:00:00Z`. Every error quotes the text and says what would be
// right.

#include <cstdint>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"
#include "corridor/engine/time.hpp"

namespace corridor {

Result<double> parse_length_m(std::string_view text);   // m, km
Result<double> parse_speed_kph(std::string_view text);  // km/h
Result<double> parse_mass_t(std::string_view text);     // t, kg
Result<double> parse_volume_m3(std::string_view text);  // m3, L
Result<double> parse_fraction(std::string_view text);   // 80% or 0.8, within 0..1
Result<Time> parse_time_of_day(std::string_view text);  // HH:MM, 00:00 to 24:00
/// ISO 8601 date-time in UTC (`2020-11-10T06:00:00Z`, seconds and Z optional) as seconds since 1970.
Result<std::int64_t> parse_datetime_utc(std::string_view text);
/// `2020-11-10T06:00:00Z` for a time in milliseconds since 1970 (whole seconds shown).
std::string format_datetime_utc(std::int64_t epoch_ms);

}  // namespace corridor
