#pragma once
// The reader's and printer's ports, shared between the app's own device
// services and a technician's device test (or provisioning's self-test),
// which opens the same devices itself. The reader's serial port is opened
// exclusively, and two programs reading one port would take each other's
// answers, so while a test holds the ports the services let their devices
// go (close them) and wait; they open them again when the test is done.
//
// Service, at the start of each step:   if (!share.use(me)) { close; share.let_go(me); return; }
// Technician, around the test:          auto hold = share.hold(timeout);
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace kiosk::app::devices {

class PortShare {
 public:
  enum Service { reader = 1, printer = 2 };

  // A service about to use its device: false while a test holds the ports
  // (then it must close its device and call let_go). Marks it as using it.
  bool use(Service s) {
    std::lock_guard lock(mutex_);
    if (held_) return false;
    in_use_ |= s;
    return true;
  }
  // The service has closed its device.
  void let_go(Service s) {
    {
      std::lock_guard lock(mutex_);
      in_use_ &= ~s;
    }
    changed_.notify_all();
  }

  // Held while it lives: the services have let their devices go (or
  // `timeout` passed: a service stuck in a long print; the test then meets
  // a busy device and says so).
  class Hold {
   public:
    explicit Hold(PortShare* share) : share_(share) {}
    Hold(Hold&& o) noexcept : share_(o.share_) { o.share_ = nullptr; }
    Hold& operator=(Hold&&) = delete;
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;
    ~Hold() {
      if (share_ != nullptr) share_->release();
    }

   private:
    PortShare* share_;
  };
  Hold hold(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !held_; });  // one test at a time
    held_ = true;
    changed_.wait_for(lock, timeout, [&] { return in_use_ == 0; });
    return Hold(this);
  }

 private:
  void release() {
    {
      std::lock_guard lock(mutex_);
      held_ = false;
    }
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  bool held_ = false;
  int in_use_ = 0;
};

}  // namespace kiosk::app::devices
