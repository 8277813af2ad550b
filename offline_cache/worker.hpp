#pragma once
// The delivery worker: takes due items from the store one at a time, hands
// them to the Sender, and records the outcome durably before moving on.
// A crash anywhere leaves the item pending or in flight; the next owner
// resends it under the same idempotency key, so the platform keeps one.
#include "base/expected.hpp"
#include "offline_cache/backoff.hpp"
#include "offline_cache/sender.hpp"
#include "offline_cache/status.hpp"
#include "offline_cache/store.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <vector>

namespace offline_cache {

struct WorkerOptions {
  BackoffPolicy backoff;
  Millis maintenance_interval{std::chrono::minutes{1}};  // expiry + retention
  Millis error_pause{std::chrono::seconds{5}};           // after the store itself failed
};

class DeliveryWorker {
 public:
  DeliveryWorker(Store& store, Sender& sender, Rng& rng, WorkerOptions options = {},
                 StatusListener listener = {});

  // Sends at most one due item. false: nothing was due.
  kx::expected<bool, Error> step();
  // Sends every item due now, each at most once (full jitter may make a
  // failed item due again at once: it waits for the next pass); stops early
  // once the platform is unreachable (the rest would fail the same way).
  // Returns how many were attempted.
  kx::expected<int, Error> run_due();
  // Expiry and retention; run_until() calls it every maintenance_interval.
  kx::expected<void, Error> maintain();

  // Delivers until `stop` is requested, or `deadline` passes, or (with
  // until_empty) nothing unsent is left. Sleeps (real time) until the next
  // item is due or wake() is called. true: stopped because it was empty.
  bool run_until(std::stop_token stop, std::chrono::steady_clock::time_point deadline,
                 bool until_empty);
  // An item was enqueued or retried: re-plan now.
  void wake();

  kx::expected<OutboxStatus, Error> status();
  Connectivity connectivity() const { return connectivity_; }

 private:
  // step() over the items not in `skip`; the claimed id is appended to it.
  kx::expected<bool, Error> step_skipping(std::vector<std::int64_t>& skip);
  void publish();
  void wait_for(std::stop_token& stop, std::chrono::steady_clock::duration d);

  Store& store_;
  Sender& sender_;
  Rng& rng_;
  WorkerOptions options_;
  StatusListener listener_;
  Connectivity connectivity_ = Connectivity::unknown;
  std::optional<OutboxStatus> last_published_;
  std::mutex wake_mu_;
  std::condition_variable_any wake_cv_;
  bool woken_ = false;
};

}  // namespace offline_cache
