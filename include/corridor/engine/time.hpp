#pragma once
// Simulated time: a whole number of milliseconds since the scenario's start
// (docs/architecture.md, decision 1).
// Integers keep event order exact; a millisecond is fine enough for queues with short services.

#include <cstdint>
#include <string>
#include <string_view>

#include "corridor/engine/result.hpp"

namespace corridor {

using Time = std::int64_t;

inline constexpr Time kMillisecond = 1;
inline constexpr Time kSecond = 1000;
inline constexpr Time kMinute = 60 * kSecond;
inline constexpr Time kHour = 60 * kMinute;
inline constexpr Time kDay = 24 * kHour;

/// Parses a duration written with units, as planners write them in YAML: `90s`, `15min`, `2h`,
/// `3d`, `250ms`, decimals (`1.5h`) and sums (`1h30min`). The result must be a whole number of
/// milliseconds. Errors name the offending text.
Result<Time> parse_duration(std::string_view text);

/// Writes a duration so that parse_duration reads it back exactly: `1d2h30min`, `90ms`, `0s`.
std::string format_duration(Time duration);

/// Seconds as a real number, for rates and reports.
inline double to_seconds(Time t) { return static_cast<double>(t) / kSecond; }
inline double to_hours(Time t) { return static_cast<double>(t) / kHour; }

/// The nearest millisecond to a real number of seconds (half away from zero).
Time from_seconds(double seconds);

}  // namespace corridor
