#pragma once
// A 64-bit hash of bytes for the prepared network file: the input hash that ties a prepared file to
// its source, and the check of each section. Not cryptographic: it catches a changed source, a
// truncated or damaged file, not a forgery. The rounds are xxHash64's (Yann Collet, BSD licence),
// four lanes of 8 bytes, so that a few megabytes hash in about a millisecond.

#include <cstdint>
#include <string_view>

namespace corridor {

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed = 0);

/// The same hash of bytes that come in pieces, each hashed while it is still in the cache (the
/// prepared network's sections, as they are copied). Every piece but the last must be a
/// multiple of 32 bytes long, and the last must stay where it is until finish().
class ContentHasher {
  public:
    explicit ContentHasher(std::uint64_t seed = 0);
    void add(std::string_view piece);
    std::uint64_t finish() const;

  private:
    std::uint64_t seed_;
    std::uint64_t lanes_[4];
    std::uint64_t total_ = 0;
    std::string_view
        last_;  // the last piece's bytes after its whole stripes (fewer than 32), read by finish()
};

}  // namespace corridor
