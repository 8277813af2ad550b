#pragma once
// Waiting for the next SDL event without burning the CPU.
//
// SDL_WaitEventTimeout only truly blocks where the video driver can wake it
// (X11, Wayland). On the "dummy" driver (headless) and on KMS/DRM panels,
// SDL 2.26 falls back to polling every millisecond: measured at ~1.4% of a
// core on an idle home screen. Here the app sleeps in poll() on an eventfd
// that other threads signal when they push an event, and checks SDL's
// input queue every kInputPollMs for touches.
#include <SDL.h>

namespace kiosk::app {

class EventWaiter {
 public:
  static constexpr int kInputPollMs = 20;  // touch latency bound; a 60 Hz frame is 16.7 ms

  EventWaiter();
  ~EventWaiter();
  EventWaiter(const EventWaiter&) = delete;
  EventWaiter& operator=(const EventWaiter&) = delete;

  // Thread-safe: pushes `event` onto SDL's queue and wakes the waiter.
  void push(SDL_Event& event);
  // Thread-safe: wakes the waiter (after an SDL_PushEvent elsewhere).
  void wake();

  // Waits up to timeout_ms for an SDL event (true, `event` filled), or
  // until woken by another thread (false early).
  bool wait(SDL_Event& event, int timeout_ms);

 private:
  int fd_ = -1;
};

}  // namespace kiosk::app
