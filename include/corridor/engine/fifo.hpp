#pragma once
// A first-in-first-out ring buffer that grows by doubling and never shrinks: after warm-up a
// queue that fills and drains allocates nothing (std::deque allocates a block every few items).

#include <cstddef>
#include <utility>
#include <vector>

namespace corridor {

template <class T>
class Fifo {
  public:
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    T& front() { return items_[head_]; }
    T& back() { return items_[(head_ + size_ - 1) & (items_.size() - 1)]; }

    void push(T item) {
        if (size_ == items_.size()) grow();
        items_[(head_ + size_) & (items_.size() - 1)] = std::move(item);
        ++size_;
    }
    T pop() {
        T item = std::move(items_[head_]);
        head_ = (head_ + 1) & (items_.size() - 1);
        --size_;
        return item;
    }

  private:
    void grow() {
        std::vector<T> bigger(items_.empty() ? 16 : items_.size() * 2);
        for (std::size_t i = 0; i < size_; ++i)
            bigger[i] = std::move(items_[(head_ + i) & (items_.size() - 1)]);
        items_ = std::move(bigger);
        head_ = 0;
    }

    std::vector<T> items_;  // capacity is always a power of two
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

}  // namespace corridor
