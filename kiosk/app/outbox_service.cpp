#include "kiosk/app/outbox_service.hpp"

#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/platform/client.hpp"
#include "offline_cache/key_file.hpp"

#include <spdlog/spdlog.h>

#include <random>

namespace kiosk::app {

namespace oc = offline_cache;
namespace fs = std::filesystem;

kx::expected<std::unique_ptr<OutboxService>, oc::Error> OutboxService::open(
    const OutboxServiceOptions& options, Listener listener) {
  const fs::path key_path = options.state_dir / "keys" / "outbox.key";
  const fs::path db_path = options.state_dir / "outbox" / "outbox.db";
  std::error_code ec;
  if (options.create_missing_key && !fs::exists(key_path, ec)) {
    if (auto made = oc::create_key_file(key_path); !made) return kx::unexpected(made.error());
  }
  auto key = oc::load_key_file(key_path);
  if (!key) return kx::unexpected(key.error());
  fs::create_directories(db_path.parent_path(), ec);
  if (!ec) fs::permissions(db_path.parent_path(), fs::perms::owner_all, ec);

  std::unique_ptr<OutboxService> service(new OutboxService(nullptr, options, std::move(listener)));
  auto store = oc::Store::open(db_path, *key, options.store, service->clock_, oc::Mode::owner);
  if (!store) return kx::unexpected(store.error());
  service->store_ = std::move(*store);
  service->publish_from_store();
  service->thread_ = std::jthread([s = service.get()](std::stop_token stop) { s->run(stop); });
  return service;
}

OutboxService::OutboxService(std::unique_ptr<oc::Store> store, OutboxServiceOptions options,
                             Listener listener)
    : store_(std::move(store)), options_(std::move(options)), listener_(std::move(listener)) {}

OutboxService::~OutboxService() {
  if (thread_.joinable()) {
    thread_.request_stop();  // wakes both the connect wait and the worker's wait
    thread_.join();
  }
}

void OutboxService::network_returned() {
  // Bounded: the rest become due on their own schedule.
  constexpr std::size_t kAtMost = 1000;
  auto pending = store_->list(oc::ItemState::pending, kAtMost);
  if (!pending) {
    spdlog::warn("outbox: cannot list waiting items: {}", oc::describe(pending.error()));
    return;
  }
  int due = 0;
  for (const oc::ItemInfo& item : *pending) {
    if (store_->retry_now(item.id)) ++due;
  }
  if (due > 0) spdlog::info("outbox: network back, {} waiting item(s) due now", due);
  std::lock_guard lock(mutex_);
  if (worker_ != nullptr) worker_->wake();
}

kx::expected<std::int64_t, oc::Error> OutboxService::enqueue(const oc::NewItem& item) {
  auto id = store_->enqueue(item);
  if (!id) {
    // quota_full / disk_full: the status turns `full` and the UI says so.
    spdlog::warn("outbox: cannot accept a {}: {}", item.kind, oc::describe(id.error()));
  }
  publish_from_store();
  std::lock_guard lock(mutex_);
  if (worker_ != nullptr) worker_->wake();
  return id;
}

kx::expected<std::int64_t, oc::Error> OutboxService::enqueue(std::string_view kind,
                                                             std::vector<std::uint8_t> payload) {
  oc::NewItem item;
  item.kind = std::string(kind);
  item.payload = std::move(payload);
  return enqueue(item);
}

kx::expected<void, std::string> OutboxService::connect(
    const kiosk::platform::ClientConfig& config) {
  // Fail here, on the caller's thread, rather than silently in the worker.
  auto probe = kiosk::platform::PlatformClient::create(config);
  if (!probe) return kx::unexpected(probe.error().detail);
  {
    std::lock_guard lock(mutex_);
    if (platform_) return {};
    platform_ = config;
    if (options_.upload_timeout) platform_->upload_timeout = *options_.upload_timeout;
  }
  connected_cv_.notify_all();
  return {};
}

oc::OutboxStatus OutboxService::status() const {
  std::lock_guard lock(mutex_);
  return last_.value_or(oc::OutboxStatus{});
}

void OutboxService::publish(oc::OutboxStatus s) {
  {
    std::lock_guard lock(mutex_);
    if (s.connectivity == oc::Connectivity::unknown) s.connectivity = connectivity_;
    connectivity_ = s.connectivity;
    // The oldest item's age moves every millisecond: hand on real changes.
    if (last_) {
      oc::OutboxStatus before = *last_;
      before.oldest_age = s.oldest_age;
      if (before == s) return;
    }
    last_ = s;
  }
  if (listener_) listener_(s);
}

void OutboxService::publish_from_store() {
  auto stats = store_->stats();
  if (!stats) {
    spdlog::error("outbox: {}", oc::describe(stats.error()));
    return;
  }
  publish(oc::make_status(*stats, clock_.now(), oc::Connectivity::unknown));
}

void OutboxService::run(std::stop_token stop) {
  kiosk::platform::ClientConfig config;
  {
    std::unique_lock lock(mutex_);
    if (!connected_cv_.wait(lock, stop, [this] { return platform_.has_value(); })) return;
    config = *platform_;
  }
  auto client = kiosk::platform::PlatformClient::create(config);
  if (!client) {
    spdlog::error("outbox: platform client: {}", client.error().detail);
    return;
  }
  OutboxSender sender(**client, options_.on_case_number);
  oc::StdRng rng(std::random_device{}());
  oc::DeliveryWorker worker(*store_, sender, rng, options_.worker,
                            [this](const oc::OutboxStatus& s) { publish(s); });
  {
    std::lock_guard lock(mutex_);
    worker_ = &worker;
  }
  spdlog::info("outbox: delivering to {}", config.base_url);
  worker.run_until(stop, std::chrono::steady_clock::time_point::max(), false);
  std::lock_guard lock(mutex_);
  worker_ = nullptr;
}

}  // namespace kiosk::app
