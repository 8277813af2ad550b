#pragma once
// A thread that runs `step` now and then every `interval` until destroyed;
// destruction wakes it at once (no waiting out the interval) and joins.
// The device services poll their devices with it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::app::devices {

class PeriodicThread {
 public:
  PeriodicThread(std::chrono::milliseconds interval, std::function<void()> step)
      : interval_(interval), step_(std::move(step)), thread_([this] { run(); }) {}
  ~PeriodicThread() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    stop_cv_.notify_all();
    thread_.join();
  }
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;

 private:
  void run() {
    for (;;) {
      step_();
      std::unique_lock lock(mutex_);
      if (stop_cv_.wait_for(lock, interval_, [this] { return stop_; })) return;
    }
  }

  std::chrono::milliseconds interval_;
  std::function<void()> step_;
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace kiosk::app::devices
