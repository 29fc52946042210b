#pragma once
// OpenStreetMap XML read by corridor before libosmium parses it: unpacked (gzip, bzip2) within a
// size limit, and every coordinate attribute checked as plain decimal degrees on the globe.
// libosmium's own coordinate parser accepts exponents and overflows a signed integer on
// `lat="1e30"`; checked here, such a file gets a located error instead.

#include <cstdint>
#include <string>
#include <string_view>

#include "corridor/engine/diagnostics.hpp"
#include "corridor/engine/result.hpp"

namespace corridor {

/// The XML text of an OpenStreetMap file, unpacked if it starts as gzip or bzip2 does; an error if
/// it cannot be read or unpacks to more than `max_bytes`.
Result<std::string> read_osm_xml(const std::string& path, std::uintmax_t max_bytes);

/// Checks every `lat`, `lon` (and `minlat`, `max_lon`, ...) attribute of `xml`: a plain decimal
/// (`-12.345`, no exponent, no entity) within -90..90 or -180..180. Errors go to `diagnostics` as
/// `path:line:column`, at most `max_errors` of them.
void check_osm_coordinates(std::string_view xml, const std::string& path, std::size_t max_errors,
                           Diagnostics& diagnostics);

}  // namespace corridor
