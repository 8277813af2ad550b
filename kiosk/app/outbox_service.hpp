#pragma once
// The outbox inside `kiosk run`: owns the store (as its one owner) and a
// DeliveryWorker on a thread of its own, so enqueueing a submission never
// waits for the network and a dead network never stalls the screen.
//
// Flows (pre-applications, ratings, heartbeats) call enqueue(): durable
// when it returns, from any thread. Delivery starts once connect() names
// the platform (with --sim: the simulator the app starts, after
// enrolment). Every change that matters (queue depth, dead letters,
// online/offline, full) goes to the listener, which the app turns into a
// core::OutboxChanged for the session core; when the quota is nearly used
// up the status says `full` and the kiosk stops offering submissions.
#include "base/expected.hpp"
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/platform/http.hpp"
#include "offline_cache/error.hpp"
#include "offline_cache/item.hpp"
#include "offline_cache/status.hpp"
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk::app {

struct OutboxServiceOptions {
  std::filesystem::path state_dir;  // <state>/outbox/outbox.db, <state>/keys/outbox.key
  // --sim: create the key on the first run. In production the key comes
  // from provisioning (`kiosk outbox provision-key`) and a missing key is
  // an error the operator must see.
  bool create_missing_key = false;
  offline_cache::StoreOptions store;
  offline_cache::WorkerOptions worker;
  // Transport deadlines for delivery; the defaults of ClientConfig when unset.
  std::optional<std::chrono::milliseconds> upload_timeout;
  // Called from the worker thread when a pre-application is delivered.
  CaseNumberListener on_case_number;
};

class OutboxService {
 public:
  using Listener = std::function<void(const offline_cache::OutboxStatus&)>;

  // Opens the outbox and starts the worker thread. The listener is called
  // from that thread (and from enqueue()'s caller); it must only hand the
  // status on (AppEvents::post).
  static kx::expected<std::unique_ptr<OutboxService>, offline_cache::Error> open(
      const OutboxServiceOptions& options, Listener listener);
  ~OutboxService();  // stops the worker; an item in flight is resent next time
  OutboxService(const OutboxService&) = delete;
  OutboxService& operator=(const OutboxService&) = delete;

  // Durable when it returns; the worker is woken to send it.
  kx::expected<std::int64_t, offline_cache::Error> enqueue(const offline_cache::NewItem& item);
  kx::expected<std::int64_t, offline_cache::Error> enqueue(std::string_view kind,
                                                           std::vector<std::uint8_t> payload);

  // Delivers through this platform from now on (the first call starts
  // delivery; later calls are ignored). Fails when the client cannot be made.
  kx::expected<void, std::string> connect(const kiosk::platform::ClientConfig& config);

  // The network is back: items waiting out a backoff become due now (a long
  // outage may have pushed them minutes ahead) and the worker is woken.
  void network_returned();

  // The last status handed to the listener.
  offline_cache::OutboxStatus status() const;

 private:
  OutboxService(std::unique_ptr<offline_cache::Store> store, OutboxServiceOptions options,
                Listener listener);
  void run(std::stop_token stop);
  void publish(offline_cache::OutboxStatus s);
  void publish_from_store();

  offline_cache::SystemClock clock_;
  std::unique_ptr<offline_cache::Store> store_;
  OutboxServiceOptions options_;
  Listener listener_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable_any connected_cv_;
  std::optional<kiosk::platform::ClientConfig> platform_;
  offline_cache::DeliveryWorker* worker_ = nullptr;  // while the thread delivers
  offline_cache::Connectivity connectivity_ = offline_cache::Connectivity::unknown;
  std::optional<offline_cache::OutboxStatus> last_;

  std::jthread thread_;  // last: stops and joins before the rest goes
};

}  // namespace kiosk::app
