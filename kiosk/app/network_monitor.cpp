#include "kiosk/app/network_monitor.hpp"

#include "kiosk/app/sim_platform.hpp"
#include "kiosk/platform/client.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {

NetworkMonitor::NetworkMonitor(AppEvents& events, Options options)
    : events_(events), options_(options), thread_([this] { run(); }) {}

NetworkMonitor::~NetworkMonitor() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

void NetworkMonitor::run() {
  const auto tell = [this](std::optional<platform::ClientConfig> cfg) {
    if (options_.on_platform) options_.on_platform(std::move(cfg));
  };
  std::unique_ptr<SimPlatform> sim;
  std::unique_ptr<platform::PlatformClient> client;
  if (options_.start_simulator) {
    auto started = SimPlatform::start();
    if (!started) {
      spdlog::error("platform simulator did not start: {}", started.error());
      tell(std::nullopt);
      events_.post(core::NetworkChanged{core::LinkState::offline});
      return;
    }
    sim = std::move(*started);
    auto created = platform::PlatformClient::create(sim->client_config());
    if (!created) {
      spdlog::error("platform client: {}", created.error().detail);
      tell(std::nullopt);
      events_.post(core::NetworkChanged{core::LinkState::offline});
      return;
    }
    client = std::move(*created);
    spdlog::info("platform simulator at {}, terminal {}", sim->base_url(), sim->terminal_id());
    tell(sim->client_config());
  } else {
    tell(std::nullopt);
    return;  // a configured platform arrives with provisioning (config)
  }

  std::unique_lock lock(mutex_);
  while (!stop_) {
    lock.unlock();
    const auto answer = client->ping();
    events_.post(core::NetworkChanged{answer ? core::LinkState::online : core::LinkState::offline});
    if (!answer) spdlog::warn("platform unreachable: {}", answer.error().detail);
    lock.lock();
    stop_cv_.wait_for(lock, options_.interval, [this] { return stop_; });
  }
}

}  // namespace kiosk::app
