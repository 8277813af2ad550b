#pragma once
// Core events produced off the UI thread (network, devices, outbox), handed
// to the run loop, which applies them to the session in order.
#include "kiosk/app/event_wait.hpp"
#include "kiosk/core/session.hpp"

#include <deque>
#include <mutex>
#include <vector>

namespace kiosk::app {

class AppEvents {
 public:
  explicit AppEvents(EventWaiter& waiter) : waiter_(waiter) {}

  // Any thread.
  void post(core::Event event) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(event));
    }
    waiter_.wake();
  }

  // The run loop.
  std::vector<core::Event> take() {
    std::lock_guard lock(mutex_);
    std::vector<core::Event> out(queue_.begin(), queue_.end());
    queue_.clear();
    return out;
  }

 private:
  EventWaiter& waiter_;
  std::mutex mutex_;
  std::deque<core::Event> queue_;
};

}  // namespace kiosk::app
