#pragma once
// A 64-bit hash of bytes for the prepared network file: the input hash that ties a prepared file to
// its source, and the check of each section. Not cryptographic: it catches a changed source, a
// truncated or damaged file, not a forgery. The rounds are xxHash64's (Yann Collet, BSD licence),
// four lanes of 8 bytes, so that a few megabytes hash in about a millisecond.

#include <cstdint>
#include <string_view>

namespace corridor {

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace corridor
