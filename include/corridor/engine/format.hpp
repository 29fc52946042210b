#pragma once
// Numbers to text and back, the same on every machine under any locale: std::to_chars and
// std::from_chars only (no printf, strtod or streams, whose decimal point follows the locale).

#include <string>
#include <string_view>

namespace corridor {

/// Numbers in messages: the shortest form that shows the value a planner typed (as printf's %g),
/// so that an error quotes "-3" and "15.4", not "-3.000000".
std::string format_number(double x);

/// `x` with exactly `decimals` digits after the point (as printf's %.Nf), for output files.
std::string format_fixed(double x, int decimals);

/// Reads a decimal number at the start of [first, last) as a planner writes it: leading blanks, an
/// optional sign ('+' too), digits, a point, an exponent; never hexadecimal, never a locale's
/// comma. Returns where reading stopped: `first` when there was no number. A number too large for
/// a double reads as NaN, so that the caller's finiteness check refuses it; one too small, as zero
/// (as strtod).
const char* read_number(const char* first, const char* last, double& value);

/// The whole of `text` as a decimal integer (an optional sign, then digits, nothing else), or
/// false when it is not one. One too large for a long long reads as the largest (as strtoll).
bool read_whole(std::string_view text, long long& value);

/// The FNV-1a 64 hash of `bytes` as 16 hex digits: how manifests name the inputs and files they
/// cover.
std::string fnv1a64_hex(std::string_view bytes);

}  // namespace corridor
