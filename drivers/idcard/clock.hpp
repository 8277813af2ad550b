#pragma once
// Time seam for retries and poll intervals, so the session can be tested
// without waiting on the wall clock. Byte I/O timeouts stay real (they are
// the transport's business).
#include <chrono>

namespace idcard {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual void sleep_for(std::chrono::milliseconds d) = 0;
};

class SystemClock final : public Clock {
 public:
  void sleep_for(std::chrono::milliseconds d) override;
};

Clock& system_clock();

}  // namespace idcard
