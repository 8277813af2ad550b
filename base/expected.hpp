#pragma once
// The project's result type: std::expected where the standard library has
// it (GCC 12, -std=c++23), and a small compatible fallback where it does not
// (clang 14 with libstdc++ 12 hides <expected>, and clang is what builds the
// libFuzzer targets). Code writes kx::expected / kx::unexpected and uses
// only the subset both provide: has_value, operator bool, value, error, *,
// ->, value_or, and expected<void, E>.
#if __has_include(<expected>)
#include <expected>
#endif

#if defined(__cpp_lib_expected)
namespace kx {
using std::expected;
using std::unexpected;
}  // namespace kx
#else
#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

namespace kx {

template <class E>
class unexpected {
 public:
  constexpr explicit unexpected(E e) : error_(std::move(e)) {}
  constexpr const E& error() const& noexcept { return error_; }
  constexpr E& error() & noexcept { return error_; }
  constexpr E&& error() && noexcept { return std::move(error_); }

 private:
  E error_;
};
template <class E>
unexpected(E) -> unexpected<E>;

template <class T, class E>
class expected {
 public:
  using value_type = T;
  using error_type = E;

  constexpr expected() requires std::is_default_constructible_v<T> : v_(std::in_place_index<0>) {}
  template <class U = T>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, expected> &&
           !std::is_same_v<std::remove_cvref_t<U>, unexpected<E> >) constexpr expected(U&& v)
      : v_(std::in_place_index<0>, std::forward<U>(v)) {}
  template <class G>
  constexpr expected(const unexpected<G>& u) : v_(std::in_place_index<1>, u.error()) {}
  template <class G>
  constexpr expected(unexpected<G>&& u) : v_(std::in_place_index<1>, std::move(u).error()) {}

  constexpr bool has_value() const noexcept { return v_.index() == 0; }
  constexpr explicit operator bool() const noexcept { return has_value(); }
  constexpr T& value() & { return check(), std::get<0>(v_); }
  constexpr const T& value() const& { return check(), std::get<0>(v_); }
  constexpr T&& value() && { return check(), std::get<0>(std::move(v_)); }
  constexpr T& operator*() & { return std::get<0>(v_); }
  constexpr const T& operator*() const& { return std::get<0>(v_); }
  constexpr T&& operator*() && { return std::get<0>(std::move(v_)); }
  constexpr T* operator->() { return &std::get<0>(v_); }
  constexpr const T* operator->() const { return &std::get<0>(v_); }
  constexpr E& error() & { return std::get<1>(v_); }
  constexpr const E& error() const& { return std::get<1>(v_); }
  constexpr E&& error() && { return std::get<1>(std::move(v_)); }
  template <class U>
  constexpr T value_or(U&& d) const& {
    return has_value() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(d));
  }

 private:
  constexpr void check() const {
    if (!has_value()) std::abort();  // no exceptions across our boundaries
  }
  std::variant<T, E> v_;
};

template <class E>
class expected<void, E> {
 public:
  using value_type = void;
  using error_type = E;

  constexpr expected() = default;
  template <class G>
  constexpr expected(const unexpected<G>& u) : error_(u.error()), ok_(false) {}
  template <class G>
  constexpr expected(unexpected<G>&& u) : error_(std::move(u).error()), ok_(false) {}

  constexpr bool has_value() const noexcept { return ok_; }
  constexpr explicit operator bool() const noexcept { return ok_; }
  constexpr void value() const {
    if (!ok_) std::abort();
  }
  constexpr const E& error() const& { return error_; }
  constexpr E& error() & { return error_; }

 private:
  E error_{};
  bool ok_ = true;
};

}  // namespace kx
#endif
