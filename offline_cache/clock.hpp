#pragma once
// Time and randomness are injected so the worker's schedule (backoff, jitter,
// expiry, retention) is testable without sleeping.
#include <chrono>
#include <cstdint>
#include <random>

namespace offline_cache {

using Millis = std::chrono::milliseconds;
using TimePoint = std::chrono::time_point<std::chrono::system_clock, Millis>;

inline std::int64_t to_ms(TimePoint t) {
  return t.time_since_epoch().count();
}
inline TimePoint from_ms(std::int64_t ms) {
  return TimePoint{Millis{ms}};
}

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() override {
    return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
  }
};

// Uniform integers for the backoff jitter.
class Rng {
 public:
  virtual ~Rng() = default;
  // A uniformly random value in [0, upper].
  virtual std::uint64_t uniform(std::uint64_t upper) = 0;
};

class StdRng final : public Rng {
 public:
  explicit StdRng(std::uint64_t seed) : gen_(seed) {}
  std::uint64_t uniform(std::uint64_t upper) override {
    return std::uniform_int_distribution<std::uint64_t>(0, upper)(gen_);
  }

 private:
  std::mt19937_64 gen_;
};

}  // namespace offline_cache
