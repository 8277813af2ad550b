#include "kiosk/app/network_monitor.hpp"

#include "kiosk/app/sim_platform.hpp"
#include "kiosk/platform/client.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace kiosk::app {

NetworkMonitor::NetworkMonitor(AppEvents& events, Options options)
    : events_(events), options_(options), thread_([this] { run(); }) {}

void NetworkMonitor::simulate_outage(bool down) {
  {
    std::lock_guard lock(mutex_);
    outage_request_ = down;
  }
  stop_cv_.notify_all();
}

void NetworkMonitor::apply_outage(const std::string& base_url, const std::string& ca_file,
                                  bool down) {
  platform::ClientConfig admin;
  admin.base_url = base_url;
  admin.ca_file = ca_file;
  auto session = platform::HttpSession::create(admin);
  if (!session) {
    spdlog::error("simulated outage: {}", session.error().detail);
    return;
  }
  platform::HttpRequest req;
  req.method = "PUT";
  req.path = "/admin/faults";
  // An outage window far longer than any script; "none" ends it at once.
  req.body = down ? "outage=0-86400000" : "none";
  req.content_type = "text/plain";
  auto answer = (*session)->perform(req);
  if (!answer || answer->status != 200) {
    spdlog::error("simulated outage: the simulator did not take the fault switch");
    return;
  }
  spdlog::info("simulated platform outage {}", down ? "started" : "ended");
}

NetworkMonitor::~NetworkMonitor() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

void NetworkMonitor::run() {
  // Without a platform the kiosk is offline for good (until a restart).
  const auto give_up = [this] {
    if (options_.on_platform) options_.on_platform(std::nullopt);
    events_.post(core::NetworkChanged{core::LinkState::offline});
  };
  std::unique_ptr<SimPlatform> sim;
  std::optional<platform::ClientConfig> target = options_.platform;
  if (options_.start_simulator) {
    auto started = SimPlatform::start();
    if (!started) {
      spdlog::error("platform simulator did not start: {}", started.error());
      return give_up();
    }
    sim = std::move(*started);
    spdlog::info("platform simulator at {}, terminal {}", sim->base_url(), sim->terminal_id());
    target = sim->client_config();
  }
  if (!target) return give_up();  // not provisioned: nothing to reach
  auto created = platform::PlatformClient::create(*target);
  if (!created) {
    spdlog::error("platform client: {}", created.error().detail);
    return give_up();
  }
  std::unique_ptr<platform::PlatformClient> client = std::move(*created);
  spdlog::info("platform at {}", target->base_url);
  if (options_.on_platform) options_.on_platform(target);

  bool was_online = true;
  std::unique_lock lock(mutex_);
  while (!stop_) {
    const std::optional<bool> outage = std::exchange(outage_request_, std::nullopt);
    lock.unlock();
    if (outage && sim) apply_outage(sim->base_url(), sim->client_config().ca_file, *outage);
    const auto answer = client->ping();
    events_.post(core::NetworkChanged{answer ? core::LinkState::online : core::LinkState::offline});
    if (!answer) spdlog::warn("platform unreachable: {}", answer.error().detail);
    if (answer && !was_online && options_.on_link_restored) options_.on_link_restored();
    was_online = answer.has_value();
    lock.lock();
    stop_cv_.wait_for(lock, options_.interval,
                      [this] { return stop_ || outage_request_.has_value(); });
  }
}

}  // namespace kiosk::app
