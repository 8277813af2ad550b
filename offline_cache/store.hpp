#pragma once
// The durable outbox: one SQLite database in WAL mode with synchronous=FULL,
// so an enqueue that returned survives a power cut. Payload and attachments
// are sealed (AES-256-GCM, associated data = item id + part number) and
// written as blobs in the same transaction as the item's row: an item is
// either fully there or not at all; there are no side files to orphan.
//
// One process owns the outbox (Mode::owner: the kiosk app, or the CLI's
// drain): it holds an exclusive lock file and, on open, puts items left in
// flight by a crash back to pending so they are resent under the same
// idempotency key. Observers (status, list, retry) never touch in-flight
// items.
#include "base/expected.hpp"
#include "offline_cache/clock.hpp"
#include "offline_cache/crypto.hpp"
#include "offline_cache/error.hpp"
#include "offline_cache/item.hpp"
#include "offline_cache/policy.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace offline_cache {

struct StoreOptions {
  std::uint64_t quota_bytes = 512ull << 20;   // ciphertext of items not yet acknowledged
  std::uint64_t reserve_bytes = 32ull << 20;  // "full" once less than this is left
  Policies policies = default_policies();
  Millis delivered_retention = std::chrono::hours{24 * 7};     // metadata of delivered items
  Millis dead_letter_retention = std::chrono::hours{24 * 30};  // dead letters, for the operator
  bool full_integrity_check = true;            // PRAGMA integrity_check (else quick_check) on open
  std::optional<std::int64_t> max_page_count;  // caps the file (tests of a full disk)
  // A ballast file next to the database, given up when the disk is full so
  // that acknowledgements (which free space) can still be written. New
  // items are refused until it can be recreated.
  // Must exceed the WAL's normal size (wal_autocheckpoint pages), so that
  // giving it up lets a checkpoint fold the WAL back and free its space.
  std::uint64_t disk_reserve_bytes = 24ull << 20;
  // ~16 MiB of WAL between automatic checkpoints: a checkpoint inside a
  // 3 MB enqueue would double its cost, so they are rare on the hot path
  // and the worker checkpoints when idle (compact()).
  int wal_autocheckpoint_pages = 4096;
};

enum class Mode { owner, observer };

class Store {
 public:
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Creates the database when absent. Fails with corrupt (integrity check),
  // wrong_key (the key does not open this outbox), busy (another owner),
  // io / disk_full. A failed open never modifies the file.
  static kx::expected<std::unique_ptr<Store>, Error> open(const std::filesystem::path& db_path,
                                                          const Key& key, StoreOptions options,
                                                          Clock& clock, Mode mode = Mode::owner);

  // Durable when it returns. An idempotency key already queued returns the
  // existing item's id and changes nothing (so a retried enqueue is safe).
  kx::expected<std::int64_t, Error> enqueue(const NewItem& item);

  // The next due item (highest priority, then oldest; order groups kept in
  // sequence), marked in flight with its attempt counted. Items in `skip`
  // are passed over (a delivery pass tries each item at most once).
  kx::expected<std::optional<ItemInfo>, Error> claim_next(
      const std::vector<std::int64_t>& skip = {});
  // When the next item becomes due (nullopt: nothing waiting).
  kx::expected<std::optional<TimePoint>, Error> next_due();
  kx::expected<ItemContent, Error> read_content(std::int64_t id);

  // The platform acknowledged: payload and attachments are deleted in the
  // same transaction, their pages zeroed (secure_delete); compact() returns
  // the space to the file system.
  kx::expected<void, Error> mark_delivered(std::int64_t id);
  kx::expected<void, Error> mark_retry(std::int64_t id, TimePoint next_attempt,
                                       const std::string& reason);
  kx::expected<void, Error> mark_dead(std::int64_t id, const std::string& reason);
  // Items in flight go back to pending (due now). open() does this for the
  // owner; the worker does it after a store error left one claimed.
  kx::expected<int, Error> requeue_in_flight();
  // Operator: send a pending or dead-lettered item again now.
  kx::expected<void, Error> retry_now(std::int64_t id);

  // Policy expiry: pending items past their expiry are dead-lettered with
  // the reason "expired". Returns how many.
  kx::expected<int, Error> expire_due();
  // Hands freed pages back to the file system and folds the WAL into the
  // database; the worker calls it when it goes idle, off the hot path.
  kx::expected<void, Error> compact();
  // Retention: forgets delivered rows and dead letters past their limits.
  kx::expected<int, Error> purge_retained();

  kx::expected<std::optional<ItemInfo>, Error> get(std::int64_t id);
  kx::expected<std::vector<ItemInfo>, Error> list(std::optional<ItemState> state,
                                                  std::size_t limit);
  kx::expected<Stats, Error> stats();

  // Invariants a crash must never break; empty when consistent. `decrypt`
  // also opens every stored part.
  kx::expected<std::vector<std::string>, Error> check_consistency(bool decrypt);

  const StoreOptions& options() const { return options_; }
  Clock& clock() { return clock_; }

 private:
  struct Impl;
  // Records a failed attempt's outcome; the reason is masked and sealed
  // (platform reasons may echo what the citizen typed). Caller holds mu.
  kx::expected<void, Error> set_outcome(std::int64_t id, ItemState state,
                                        std::optional<TimePoint> next_attempt,
                                        const std::string& reason);
  kx::expected<void, Error> ensure_reserve();
  // Runs a state change; if the disk is full, gives up the reserve and
  // tries once more.
  template <class Fn>
  auto with_reserve(Fn&& fn) -> decltype(fn());
  Store(std::unique_ptr<Impl> impl, StoreOptions options, Clock& clock);
  std::unique_ptr<Impl> impl_;
  StoreOptions options_;
  Clock& clock_;
};

}  // namespace offline_cache
