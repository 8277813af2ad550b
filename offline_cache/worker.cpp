#include "offline_cache/worker.hpp"

#include <algorithm>

namespace offline_cache {

const char* to_string(Connectivity c) {
  switch (c) {
    case Connectivity::unknown:
      return "unknown";
    case Connectivity::online:
      return "online";
    case Connectivity::offline:
      return "offline";
  }
  return "unknown";
}

OutboxStatus make_status(const Stats& stats, TimePoint now, Connectivity connectivity) {
  OutboxStatus s;
  s.depth = stats.depth();
  s.unsent_by_kind = stats.unsent_by_kind;
  if (stats.oldest_unsent_created) {
    s.oldest_age = std::max(Millis{0}, now - *stats.oldest_unsent_created);
  }
  s.connectivity = connectivity;
  s.full = stats.full;
  s.dead_lettered = stats.dead_lettered;
  s.last_error = stats.last_error;
  return s;
}

DeliveryWorker::DeliveryWorker(Store& store, Sender& sender, Rng& rng, WorkerOptions options,
                               StatusListener listener)
    : store_(store),
      sender_(sender),
      rng_(rng),
      options_(options),
      listener_(std::move(listener)) {}

kx::expected<bool, Error> DeliveryWorker::step() {
  std::vector<std::int64_t> none;
  return step_skipping(none);
}

kx::expected<bool, Error> DeliveryWorker::step_skipping(std::vector<std::int64_t>& skip) {
  auto claimed = store_.claim_next(skip);
  if (!claimed) return kx::unexpected(claimed.error());
  if (!*claimed) return false;
  const ItemInfo& item = **claimed;
  skip.push_back(item.id);

  auto content = store_.read_content(item.id);
  if (!content) {
    // The ciphertext no longer opens (altered on disk, or a part is
    // missing): it can never be sent, so the operator must see it.
    auto r = store_.mark_dead(item.id, std::string("cannot read stored item (") +
                                           to_string(content.error().code) +
                                           "): " + describe(content.error()));
    if (!r) return kx::unexpected(r.error());
    publish();
    return true;
  }

  const SendResult result =
      sender_.send(Delivery{item.id, item.kind, item.idempotency_key, item.attempts, *content});
  kx::expected<void, Error> recorded;
  switch (result.status) {
    case SendStatus::delivered:
      connectivity_ = Connectivity::online;
      recorded = store_.mark_delivered(item.id);
      break;
    case SendStatus::rejected:
      connectivity_ = Connectivity::online;
      recorded = store_.mark_dead(item.id, "rejected by platform: " + result.reason);
      break;
    case SendStatus::retry:
    case SendStatus::unreachable: {
      connectivity_ =
          result.status == SendStatus::unreachable ? Connectivity::offline : Connectivity::online;
      const Millis delay = backoff_delay(options_.backoff, item.attempts, rng_, result.retry_after);
      recorded = store_.mark_retry(item.id, store_.clock().now() + delay, result.reason);
      break;
    }
  }
  if (!recorded) return kx::unexpected(recorded.error());
  publish();
  return true;
}

kx::expected<int, Error> DeliveryWorker::run_due() {
  int attempted = 0;
  std::vector<std::int64_t> attempted_ids;
  for (;;) {
    auto r = step_skipping(attempted_ids);
    if (!r) return kx::unexpected(r.error());
    if (!*r) break;
    ++attempted;
    if (connectivity_ == Connectivity::offline) break;
  }
  return attempted;
}

kx::expected<void, Error> DeliveryWorker::maintain() {
  auto expired = store_.expire_due();
  if (!expired) return kx::unexpected(expired.error());
  auto purged = store_.purge_retained();
  if (!purged) return kx::unexpected(purged.error());
  if (auto c = store_.compact(); !c) return c;
  publish();
  return {};
}

kx::expected<OutboxStatus, Error> DeliveryWorker::status() {
  auto stats = store_.stats();
  if (!stats) return kx::unexpected(stats.error());
  return make_status(*stats, store_.clock().now(), connectivity_);
}

void DeliveryWorker::publish() {
  if (!listener_) return;
  auto s = status();
  if (!s) return;  // the next successful step publishes
  // The age moves every millisecond; publish on changes that matter.
  OutboxStatus cmp = *s;
  if (last_published_) {
    OutboxStatus last = *last_published_;
    last.oldest_age = cmp.oldest_age;
    if (last == cmp) return;
  }
  last_published_ = *s;
  listener_(*s);
}

void DeliveryWorker::wake() {
  {
    std::lock_guard lock(wake_mu_);
    woken_ = true;
  }
  wake_cv_.notify_all();
}

void DeliveryWorker::wait_for(std::stop_token& stop, std::chrono::steady_clock::duration d) {
  std::unique_lock lock(wake_mu_);
  wake_cv_.wait_for(lock, stop, d, [this] { return woken_; });
  woken_ = false;
}

bool DeliveryWorker::run_until(std::stop_token stop, std::chrono::steady_clock::time_point deadline,
                               bool until_empty) {
  using std::chrono::steady_clock;
  auto next_maintenance = steady_clock::now();
  bool dirty = false;  // something was acknowledged since the last compact()
  while (!stop.stop_requested() && steady_clock::now() < deadline) {
    if (steady_clock::now() >= next_maintenance) {
      (void)maintain();  // failures show up in the next store call too
      next_maintenance = steady_clock::now() + options_.maintenance_interval;
    }
    auto did = step();
    if (!did) {
      // The store failed (disk full, I/O): whatever step() had claimed is
      // put back so it is not stranded in flight until the next restart.
      (void)store_.requeue_in_flight();
      wait_for(stop, std::min(deadline - steady_clock::now(),
                              steady_clock::duration{options_.error_pause}));
      continue;
    }
    if (*did) {
      dirty = true;
      continue;
    }
    if (dirty) {
      // Idle now: return freed space and shrink the WAL off the hot path.
      (void)store_.compact();
      dirty = false;
    }
    if (until_empty) {
      auto s = store_.stats();
      if (s && s->depth() == 0) return true;
    }
    auto due = store_.next_due();
    steady_clock::duration wait = options_.maintenance_interval;
    if (due && *due) {
      wait = std::min<steady_clock::duration>(wait, **due - store_.clock().now());
    }
    wait = std::min(wait, next_maintenance - steady_clock::now());
    wait = std::min(wait, deadline - steady_clock::now());
    if (wait > steady_clock::duration::zero()) wait_for(stop, wait);
  }
  if (until_empty) {
    auto s = store_.stats();
    return s && s->depth() == 0;
  }
  return false;
}

}  // namespace offline_cache
