#pragma once
// Random streams keyed by what they are for, not by the order of draws (docs/architecture.md, decision 3).
// Each stream is Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
// SC 2011) in counter mode: key = the 64-bit seed; counter = (block, entity, purpose,
// replication). Two variants of a scenario therefore draw the same numbers for the same thing in
// the same replication (common random numbers), whatever else they do.

#include <array>
#include <cstdint>
#include <string_view>

namespace corridor {

/// The Philox4x32 block function with 10 rounds, as published with Random123.
std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> counter,
                                           std::array<std::uint32_t, 2> key);

/// A purpose name ("service", "breakdown") turned into a stable 32-bit id (FNV-1a).
constexpr std::uint32_t purpose_id(std::string_view name) {
    std::uint32_t hash = 2166136261u;
    for (char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

/// An entity's name ("Kornidzor", "lachin-1") turned into its stream id, so that a stream follows
/// the thing it is for: adding, removing or reordering other entities does not change what this
/// one draws, and common random numbers survive edits to a scenario. (Names are unique within a
/// kind; two names of one kind sharing a 32-bit hash, about one chance in 4 billion a pair, would
/// share draws, not break.)
constexpr std::uint32_t entity_id(std::string_view name) { return purpose_id(name); }

struct StreamKey {
    std::uint64_t seed = 0;
    std::uint32_t replication = 0;
    std::uint32_t purpose = 0;
    std::uint32_t entity = 0;
};

class RandomStream {
  public:
    explicit RandomStream(StreamKey key) : key_(key) {}

    std::uint32_t next_u32() {
        if (index_ == 4) refill();
        return buffer_[index_++];
    }
    /// Two words of one block (a lone word left by next_u32 is skipped).
    std::uint64_t next_u64() {
        if (index_ > 2) refill();
        std::uint64_t bits = (static_cast<std::uint64_t>(buffer_[index_]) << 32) | buffer_[index_ + 1];
        index_ += 2;
        return bits;
    }
    /// Uniform on the open interval (0, 1) with 53 random bits: never exactly 0 or 1, so that
    /// log() and inverse CDFs stay finite.
    double uniform01() {
        std::uint64_t bits = next_u64();
        std::uint64_t high = (bits >> 32) >> 5;         // 27 bits of the first word
        std::uint64_t low = (bits & 0xFFFFFFFFu) >> 6;  // 26 bits of the second
        return (static_cast<double>((high << 26) | low) + 0.5) * 0x1.0p-53;
    }
    const StreamKey& key() const { return key_; }

  private:
    void refill();

    StreamKey key_;
    std::uint32_t block_ = 0;
    std::uint32_t index_ = 4;
    std::array<std::uint32_t, 4> buffer_{};
};

}  // namespace corridor
