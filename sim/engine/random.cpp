#include "corridor/engine/random.hpp"

namespace corridor {
namespace {

// Multipliers and Weyl key increments of Philox4x32 (Random123, philox.h).
constexpr std::uint32_t kMultiplier0 = 0xD2511F53u;
constexpr std::uint32_t kMultiplier1 = 0xCD9E8D57u;
constexpr std::uint32_t kWeyl0 = 0x9E3779B9u;  // golden ratio
constexpr std::uint32_t kWeyl1 = 0xBB67AE85u;  // sqrt(3) - 1

inline void multiply(std::uint32_t a, std::uint32_t b, std::uint32_t& high, std::uint32_t& low) {
    std::uint64_t product = static_cast<std::uint64_t>(a) * b;
    high = static_cast<std::uint32_t>(product >> 32);
    low = static_cast<std::uint32_t>(product);
}

}  // namespace

std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> counter,
                                           std::array<std::uint32_t, 2> key) {
    for (int round = 0; round < 10; ++round) {
        if (round > 0) {
            key[0] += kWeyl0;
            key[1] += kWeyl1;
        }
        std::uint32_t high0, low0, high1, low1;
        multiply(kMultiplier0, counter[0], high0, low0);
        multiply(kMultiplier1, counter[2], high1, low1);
        counter = {high1 ^ counter[1] ^ key[0], low1, high0 ^ counter[3] ^ key[1], low0};
    }
    return counter;
}

void RandomStream::refill() {
    buffer_ =
        philox4x32_10({block_++, key_.entity, key_.purpose, key_.replication},
                      {static_cast<std::uint32_t>(key_.seed), static_cast<std::uint32_t>(key_.seed >> 32)});
    index_ = 0;
}

}  // namespace corridor
