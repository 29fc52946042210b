#pragma once
// A callable kept inside a fixed 32-byte buffer: what an event or a queued request carries.
// Lambdas that capture a few pointers and numbers fit; anything larger, or anything that owns
// memory, is refused at compile time, so scheduling an event never allocates
// (docs/architecture.md, decision 2).

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace corridor {

template <class Signature>
class SmallFunction;

template <class R, class... Args>
class SmallFunction<R(Args...)> {
  public:
    static constexpr std::size_t kCapacity = 32;

    SmallFunction() = default;

    template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, SmallFunction>>>
    SmallFunction(F&& f) {  // NOLINT(google-explicit-constructor): lambdas convert implicitly
        using Callable = std::decay_t<F>;
        static_assert(sizeof(Callable) <= kCapacity, "capture less: an event carries at most 32 bytes");
        static_assert(std::is_trivially_copyable_v<Callable> && std::is_trivially_destructible_v<Callable>,
                      "an event may capture only pointers and plain values");
        ::new (static_cast<void*>(storage_)) Callable(std::forward<F>(f));
        invoke_ = [](const void* storage, Args... args) -> R {
            return (*static_cast<Callable*>(const_cast<void*>(storage)))(std::forward<Args>(args)...);
        };
    }

    explicit operator bool() const { return invoke_ != nullptr; }
    R operator()(Args... args) const { return invoke_(storage_, std::forward<Args>(args)...); }

  private:
    alignas(std::max_align_t) unsigned char storage_[kCapacity] = {};
    R (*invoke_)(const void*, Args...) = nullptr;
};

}  // namespace corridor
