#include "content_hash.hpp"

#include <bit>
#include <cstring>

namespace corridor {
namespace {

constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ull;
constexpr std::uint64_t kPrime4 = 0x85EBCA77C2B2AE63ull;
constexpr std::uint64_t kPrime5 = 0x27D4EB2F165667C5ull;

// Little-endian whatever the machine, so that a file hashes the same everywhere.
std::uint64_t word_at(const char* p) {
    if constexpr (std::endian::native == std::endian::little) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        return word;
    }
    unsigned char b[8];
    std::memcpy(b, p, 8);
    std::uint64_t word = 0;
    for (int i = 7; i >= 0; --i) word = (word << 8) | b[i];
    return word;
}

std::uint64_t round(std::uint64_t lane, std::uint64_t word) {
    return std::rotl(lane + word * kPrime2, 31) * kPrime1;
}

std::uint64_t merge(std::uint64_t hash, std::uint64_t lane) {
    return (hash ^ round(0, lane)) * kPrime1 + kPrime4;
}

}  // namespace

ContentHasher::ContentHasher(std::uint64_t seed)
    : seed_(seed), lanes_{seed + kPrime1 + kPrime2, seed + kPrime2, seed, seed - kPrime1} {}

void ContentHasher::add(std::string_view piece) {
    const char* p = piece.data();
    const char* end = p + piece.size();
    for (; end - p >= 32; p += 32)
        for (int k = 0; k < 4; ++k) lanes_[k] = round(lanes_[k], word_at(p + 8 * k));
    total_ += piece.size();
    last_ = {p, static_cast<std::size_t>(end - p)};
}

std::uint64_t ContentHasher::finish() const {
    std::uint64_t hash;
    if (total_ >= 32) {
        hash = std::rotl(lanes_[0], 1) + std::rotl(lanes_[1], 7) + std::rotl(lanes_[2], 12) +
               std::rotl(lanes_[3], 18);
        for (std::uint64_t lane : lanes_) hash = merge(hash, lane);
    } else {
        hash = seed_ + kPrime5;
    }
    hash += total_;
    const char* p = last_.data();
    const char* end = p + last_.size();
    for (; end - p >= 8; p += 8) hash = std::rotl(hash ^ round(0, word_at(p)), 27) * kPrime1 + kPrime4;
    for (; p < end; ++p)
        hash = std::rotl(hash ^ (static_cast<unsigned char>(*p) * kPrime5), 11) * kPrime1;
    hash ^= hash >> 33;
    hash *= kPrime2;
    hash ^= hash >> 29;
    hash *= kPrime3;
    hash ^= hash >> 32;
    return hash;
}

std::uint64_t content_hash(std::string_view bytes, std::uint64_t seed) {
    ContentHasher hasher(seed);
    hasher.add(bytes);
    return hasher.finish();
}

}  // namespace corridor
