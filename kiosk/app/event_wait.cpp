#include "kiosk/app/event_wait.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

namespace kiosk::app {

EventWaiter::EventWaiter() : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

EventWaiter::~EventWaiter() {
  if (fd_ >= 0) ::close(fd_);
}

void EventWaiter::push(SDL_Event& event) {
  SDL_PushEvent(&event);
  wake();
}

void EventWaiter::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(fd_, &one, sizeof one);
}

bool EventWaiter::wait(SDL_Event& event, int timeout_ms) {
  const Uint64 deadline = SDL_GetTicks64() + static_cast<Uint64>(std::max(timeout_ms, 0));
  for (;;) {
    SDL_PumpEvents();
    if (SDL_PeepEvents(&event, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0) return true;
    const Uint64 now = SDL_GetTicks64();
    if (now >= deadline) return false;
    const int slice = static_cast<int>(std::min<Uint64>(deadline - now, kInputPollMs));
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, slice) > 0) {
      std::uint64_t drained = 0;
      [[maybe_unused]] const auto n = ::read(fd_, &drained, sizeof drained);
      SDL_PumpEvents();
      // Woken by another thread: return so the caller takes its events.
      return SDL_PeepEvents(&event, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0;
    }
  }
}

}  // namespace kiosk::app
