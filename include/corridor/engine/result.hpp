#pragma once
// A value or the reason there is none. Loaders and parsers return these instead of throwing, so
// that errors stay values until the command line turns them into messages and exit codes.

#include <string>
#include <utility>
#include <variant>

namespace corridor {

struct Error {
    std::string message;
};

template <class T>
class Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(state_); }
    T& value() & { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    const std::string& error() const { return std::get<1>(state_).message; }

  private:
    std::variant<T, Error> state_;
};

}  // namespace corridor
