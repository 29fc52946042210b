#pragma once
// One attribute of every node or every arc of a road network: an array the network owns (built
// from a source file), or a view of the bytes of a prepared file that the network holds, read in
// place without a copy (docs/network.md, "Prepared networks").

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor {

template <class T>
class Column {
  public:
    Column() = default;
    Column(std::vector<T> owned) : owned_(std::move(owned)), data_(owned_.data()), size_(owned_.size()) {}
    /// A view of memory that whoever holds the column keeps alive for as long as it.
    static Column viewing(std::span<const T> view) {
        Column column;
        column.data_ = view.data();
        column.size_ = view.size();
        return column;
    }
    /// `size` elements all equal to `value`, held once: an attribute a whole network shares (a
    /// DIMACS graph's speed, lanes and limits).
    static Column uniform(std::size_t size, T value) {
        Column column(std::vector<T>{value});
        column.size_ = size;
        column.mask_ = 0;
        return column;
    }
    /// The values, held once if they are all the same (bit for bit).
    static Column compact(std::vector<T> values) {
        bool same = values.size() > 1;
        for (std::size_t i = 1; same && i < values.size(); ++i)
            same = std::memcmp(&values[i], &values[0], sizeof(T)) == 0;
        return same ? uniform(values.size(), values[0]) : Column(std::move(values));
    }
    /// The same, its one value viewed where it lies.
    static Column viewing_uniform(std::size_t size, const T* value) {
        Column column;
        column.data_ = value;
        column.size_ = size;
        column.mask_ = 0;
        return column;
    }

    // Moving a vector keeps its buffer, so a view of an owned array stays valid in the new
    // column; the old one is left empty. No copies: a copy of the vector would leave the view behind.
    Column(Column&& other) noexcept
        : owned_(std::move(other.owned_)),
          data_(std::exchange(other.data_, nullptr)),
          size_(std::exchange(other.size_, 0)),
          mask_(std::exchange(other.mask_, ~std::size_t{0})) {}
    Column& operator=(Column&& other) noexcept {
        if (this == &other) return *this;
        owned_ = std::move(other.owned_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        mask_ = std::exchange(other.mask_, ~std::size_t{0});
        return *this;
    }
    Column(const Column&) = delete;
    Column& operator=(const Column&) = delete;

    // Element i of an array, or the one value of a uniform column (i masked to 0).
    const T& operator[](std::size_t i) const { return data_[i & mask_]; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    bool is_uniform() const { return mask_ == 0; }
    /// The elements one after another; a uniform column has one, its value.
    std::span<const T> stored() const { return {data_, is_uniform() ? std::size_t{size_ > 0} : size_}; }
    /// The elements as an array: not for a uniform column, which has none.
    std::span<const T> span() const {
        assert(!is_uniform());
        return {data_, size_};
    }
    const T* data() const { return span().data(); }
    auto begin() const { return span().begin(); }
    auto end() const { return span().end(); }

  private:
    std::vector<T> owned_;
    const T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t mask_ = ~std::size_t{0};
};

/// Texts of every node (ids, names), as one array of characters and one of end offsets: text i
/// is [ends[i - 1], ends[i]), the first starting at 0. The layout of a prepared file's strings.
/// A column of no texts stands for texts that are all empty (a DIMACS graph's node names).
struct TextColumn {
    Column<std::uint64_t> ends;
    Column<char> chars;

    std::size_t size() const { return ends.size(); }
    std::string_view operator[](std::size_t i) const {
        if (ends.empty()) return {};
        std::uint64_t start = i == 0 ? 0 : ends[i - 1];
        return {chars.data() + start, static_cast<std::size_t>(ends[i] - start)};
    }
    /// The texts as a prepared file stores them.
    static TextColumn of(const std::vector<std::string_view>& texts) {
        std::vector<std::uint64_t> ends;
        std::vector<char> chars;
        ends.reserve(texts.size());
        for (std::string_view text : texts) {
            chars.insert(chars.end(), text.begin(), text.end());
            ends.push_back(chars.size());
        }
        return {std::move(ends), std::move(chars)};
    }
};

}  // namespace corridor
