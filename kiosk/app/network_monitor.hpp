#pragma once
// Watches whether the platform answers and tells the session core, from a
// thread of its own so a slow or dead network never stalls the screen.
// With --sim it first starts the embedded platform simulator and enrols
// against it (SimPlatform), in the background, after the first frame.
#include "kiosk/app/app_events.hpp"
#include "kiosk/platform/http.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk::app {

class NetworkMonitor {
 public:
  struct Options {
    bool start_simulator = true;
    // Without the simulator: the provisioned platform (provisioned_client),
    // or nullopt when this kiosk is not provisioned (then it stays offline).
    std::optional<platform::ClientConfig> platform;
    std::chrono::seconds interval{30};
    // Told once, from the monitor's thread, how to reach the platform (or
    // nullopt: it cannot be used), for the parts of the app that call it.
    std::function<void(std::optional<platform::ClientConfig>)> on_platform;
    // Called from the monitor's thread when the platform answers again
    // after it did not (e.g. to send what waited in the outbox at once).
    std::function<void()> on_link_restored;
  };
  NetworkMonitor(AppEvents& events, Options options);
  ~NetworkMonitor();  // stops the thread (and the simulator it started)
  NetworkMonitor(const NetworkMonitor&) = delete;
  NetworkMonitor& operator=(const NetworkMonitor&) = delete;

  // For scripts and demos with the embedded simulator: make the platform
  // answer every request with "down for maintenance" (true) or serve again
  // (false), then check at once so the status bar follows. Asynchronous;
  // ignored without a simulator.
  void simulate_outage(bool down);

 private:
  void run();
  // On the monitor's thread: the simulator's fault switch (admin API).
  void apply_outage(const std::string& base_url, const std::string& ca_file, bool down);

  AppEvents& events_;
  Options options_;
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::optional<bool> outage_request_;  // set by simulate_outage, taken by run()
  std::thread thread_;
};

}  // namespace kiosk::app
