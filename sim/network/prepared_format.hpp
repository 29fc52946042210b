#pragma once
// The layout of a prepared network file (docs/network.md, "Prepared networks"): a 64-byte
// header, a table of sections, then the sections, each starting on 8 bytes with zero padding.
// Numbers are little-endian; arrays are stored as they sit in memory, each on 8 bytes, so that a
// loaded network uses them where they lie (column.hpp).
// A section the reader does not know is skipped: a later corridor may add sections (the
// contraction hierarchy) without a new format version.

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace corridor::prepared {

inline constexpr std::string_view kMagic{"CORRIDOR-NET\0\0\0\0", 16};
// Raised when a section changes its layout; a file of another version is refused.
// Version 2: the graph section, and arrays used in place rather than copied.
inline constexpr std::uint32_t kFormatVersion = 2;
inline constexpr std::size_t kHeaderBytes = 64;
inline constexpr std::size_t kSectionEntryBytes = 32;
// More sections than any corridor writes: a damaged count must not make a huge table.
inline constexpr std::uint32_t kMaxSections = 64;
// Set in an array's count: the array is one element standing for `count` equal ones.
inline constexpr std::uint64_t kUniformBit = std::uint64_t{1} << 63;

enum class SectionType : std::uint32_t {
    source = 1,                  // the source files, their sizes, and the load options
    nodes = 2,                   // ids, names, kinds, coordinates
    roads = 3,                   // arcs grouped by start node, every attribute
    road_names = 4,              // the names arcs refer to
    shapes = 5,                  // shape points of every arc
    parts = 6,                   // weakly connected parts
    graphs = 7,                  // row starts of the forward and reversed graphs, the reversed graph's arcs
    contraction_hierarchy = 16,  // ContractionHierarchy::write's bytes (docs/network.md)
};

/// Appends numbers, arrays and strings to a section's bytes.
class SectionWriter {
  public:
    template <class T>
    void put(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    /// A count, then the elements, then zero bytes to the next multiple of 8.
    template <class T>
    void put_array(std::span<const T> values) {
        static_assert(std::is_trivially_copyable_v<T>);
        put<std::uint64_t>(values.size());
        bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
        pad();
    }
    /// A column as it is held (column.hpp): an array, or, when it is uniform (the builder holds
    /// an attribute every arc shares once, Column::compact), the count with kUniformBit set and
    /// the one element.
    template <class T>
    void put_column(std::span<const T> stored, std::uint64_t count, bool uniform) {
        if (!uniform || count == 0) return put_array(stored);
        put<std::uint64_t>(count | kUniformBit);
        put<T>(stored[0]);
        pad();
    }
    /// Strings as one array of end offsets and one of characters.
    void put_strings(const std::vector<std::string_view>& texts) {
        std::vector<std::uint64_t> ends;
        ends.reserve(texts.size());
        std::uint64_t end = 0;
        for (std::string_view text : texts) ends.push_back(end += text.size());
        put_array(std::span<const std::uint64_t>(ends));
        put<std::uint64_t>(end);
        for (std::string_view text : texts) bytes_.append(text);
        pad();
    }
    template <class T>
    void put_array(const std::vector<T>& values) {
        put_array(std::span<const T>(values));
    }
    void pad() { bytes_.append((8 - bytes_.size() % 8) % 8, '\0'); }
    std::string take() && { return std::move(bytes_); }

  private:
    std::string bytes_;
};

/// Reads what a SectionWriter wrote; the first thing that does not fit sets problem() and every
/// later read returns nothing, so that a damaged section costs one message, never a bad read.
class SectionReader {
  public:
    explicit SectionReader(std::string_view bytes) : bytes_(bytes) {}

    template <class T>
    T get() {
        T value{};
        if (take(sizeof value, "a number")) std::memcpy(&value, bytes_.data() + pos_ - sizeof value, sizeof value);
        return value;
    }
    /// An array of at most `max_count` elements (the caller's bound from the header counts).
    template <class T>
    bool get_array(std::vector<T>& values, std::uint64_t max_count, const char* what) {
        auto count = get<std::uint64_t>();
        if (!ok()) return false;
        if (count > max_count || count > (bytes_.size() - pos_) / sizeof(T))
            return fail(std::string(what) + " holds " + std::to_string(count) + " entries, more than the section has room for");
        values.resize(count);
        if (count > 0) std::memcpy(values.data(), bytes_.data() + pos_, count * sizeof(T));
        pos_ += count * sizeof(T);
        skip_padding();
        return ok();
    }
    /// An array as a view of the section's bytes, which must outlive it: the section starts on
    /// 8 bytes and every array in it does.
    template <class T>
    bool get_view(std::span<const T>& values, std::uint64_t max_count, const char* what) {
        static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
        auto count = get<std::uint64_t>();
        if (!ok()) return false;
        if (count > max_count || count > (bytes_.size() - pos_) / sizeof(T))
            return fail(std::string(what) + " holds " + std::to_string(count) +
                        " entries, more than the section has room for");
        const char* first = bytes_.data() + pos_;
        if (reinterpret_cast<std::uintptr_t>(first) % alignof(T) != 0)
            return fail(std::string(what) + " do not start on a multiple of " + std::to_string(alignof(T)) +
                        " bytes");
        values = {reinterpret_cast<const T*>(first), static_cast<std::size_t>(count)};
        pos_ += count * sizeof(T);
        skip_padding();
        return ok();
    }
    /// What put_column wrote: `stored` views the array, or its one element when `uniform`, and
    /// `count` is how many elements it stands for.
    template <class T>
    bool get_column_view(std::span<const T>& stored, std::uint64_t& count, bool& uniform,
                         std::uint64_t max_count, const char* what) {
        if (!ok() || 8 > bytes_.size() - pos_) return get_view(stored, max_count, what);
        std::uint64_t head;
        std::memcpy(&head, bytes_.data() + pos_, 8);
        uniform = (head & kUniformBit) != 0;
        if (!uniform) {
            get_view(stored, max_count, what);
            count = stored.size();
            return ok();
        }
        count = head & ~kUniformBit;
        if (count > max_count)
            return fail(std::string(what) + " stands for " + std::to_string(count) + " entries, too many");
        pos_ += 8;
        if (sizeof(T) > bytes_.size() - pos_) return fail(std::string("the section ends before ") + what);
        stored = {reinterpret_cast<const T*>(bytes_.data() + pos_), 1};
        pos_ += sizeof(T);
        skip_padding();
        return ok();
    }
    /// Texts as views: their end offsets (rising, the last the total) and their characters.
    bool get_text_views(std::span<const std::uint64_t>& ends, std::span<const char>& chars,
                        std::uint64_t max_count, const char* what) {
        if (!get_view(ends, max_count, what)) return false;
        auto total = get<std::uint64_t>();
        if (!ok()) return false;
        if (total > bytes_.size() - pos_ || (!ends.empty() && ends.back() != total) ||
            (ends.empty() && total != 0))
            return fail(std::string(what) + ": the text lengths do not add up");
        bool falls = false;
        for (std::size_t i = 1; i < ends.size(); ++i) falls |= ends[i] < ends[i - 1];
        if (falls) return fail(std::string(what) + ": the text lengths do not add up");
        chars = {bytes_.data() + pos_, static_cast<std::size_t>(total)};
        pos_ += total;
        skip_padding();
        return ok();
    }
    bool get_strings(std::vector<std::string>& texts, std::uint64_t max_count, const char* what) {
        std::vector<std::uint64_t> ends;
        if (!get_array(ends, max_count, what)) return false;
        auto total = get<std::uint64_t>();
        if (!ok()) return false;
        if (total > bytes_.size() - pos_ || (!ends.empty() && ends.back() != total))
            return fail(std::string(what) + ": the text lengths do not add up");
        texts.resize(ends.size());
        std::uint64_t start = 0;
        for (std::size_t i = 0; i < ends.size(); ++i) {
            if (ends[i] < start || ends[i] > total)
                return fail(std::string(what) + ": the text lengths do not add up");
            texts[i].assign(bytes_.data() + pos_ + start, ends[i] - start);
            start = ends[i];
        }
        pos_ += total;
        skip_padding();
        return ok();
    }
    bool fail(std::string problem) {
        if (problem_.empty()) problem_ = std::move(problem);
        return false;
    }
    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }

  private:
    bool take(std::size_t count, const char* what) {
        if (!ok()) return false;
        if (count > bytes_.size() - pos_) return fail(std::string("the section ends before ") + what);
        pos_ += count;
        return true;
    }
    void skip_padding() {
        std::size_t padding = (8 - pos_ % 8) % 8;
        pos_ = std::min(bytes_.size(), pos_ + padding);
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
    std::string problem_;
};

}  // namespace corridor::prepared
