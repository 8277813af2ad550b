#include "offline_cache/store.hpp"

#include "offline_cache/sqlite_db.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace offline_cache {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kKeyCheckAad = "kiosk-outbox/v1 key-check";
constexpr std::string_view kKeyCheckText = "kiosk outbox key check";

// Binds a sealed part to its item and position: moving ciphertext onto
// another row makes it fail authentication.
std::string part_aad(std::int64_t item_id, std::int64_t seq) {
  return "kiosk-outbox/v1 item=" + std::to_string(item_id) + " part=" + std::to_string(seq);
}

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

kx::expected<std::string, Error> random_key() {
  std::array<std::uint8_t, 16> raw{};
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    return kx::unexpected(Error{ErrorCode::internal, "RAND_bytes failed"});
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "ob-";
  for (auto b : raw) {
    s += kHex[b >> 4];
    s += kHex[b & 15];
  }
  return s;
}

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS items(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  priority INTEGER NOT NULL,
  idem_key TEXT NOT NULL UNIQUE,
  order_group TEXT NOT NULL DEFAULT '',
  coalesce_key TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL,
  last_error BLOB NOT NULL DEFAULT x'',  -- sealed: platform reasons may echo personal data
  last_error_ms INTEGER,
  state INTEGER NOT NULL,
  finished_ms INTEGER,
  stored_bytes INTEGER NOT NULL,
  part_count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS parts(
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  sealed BLOB NOT NULL,
  UNIQUE(item_id, seq));
CREATE INDEX IF NOT EXISTS items_by_state ON items(state, priority DESC, id);
CREATE INDEX IF NOT EXISTS items_by_group ON items(order_group, id) WHERE order_group != '';
CREATE INDEX IF NOT EXISTS items_by_coalesce ON items(kind, coalesce_key) WHERE coalesce_key != '';
)sql";

constexpr const char* kItemColumns =
    "id, kind, priority, idem_key, order_group, created_ms, attempts, next_attempt_ms, "
    "last_error, state, expires_ms, finished_ms, stored_bytes";

std::string error_aad(std::int64_t item_id) {
  return "kiosk-outbox/v1 item=" + std::to_string(item_id) + " last-error";
}

std::string open_reason(const Key& key, std::int64_t id, const std::vector<std::uint8_t>& sealed) {
  if (sealed.empty()) return {};
  auto plain = open_sealed(key, error_aad(id), sealed);
  if (!plain) return "(reason unreadable)";
  return std::string(plain->begin(), plain->end());
}

ItemInfo read_info(const sql::Stmt& s, const Key& key) {
  ItemInfo i;
  i.id = s.i64(0);
  i.kind = s.text(1);
  i.priority = static_cast<int>(s.i64(2));
  i.idempotency_key = s.text(3);
  i.order_group = s.text(4);
  i.created = from_ms(s.i64(5));
  i.attempts = static_cast<int>(s.i64(6));
  i.next_attempt = from_ms(s.i64(7));
  i.last_error = open_reason(key, i.id, s.blob(8));
  i.state = static_cast<ItemState>(s.i64(9));
  if (auto e = s.opt_i64(10)) i.expires_at = from_ms(*e);
  if (auto f = s.opt_i64(11)) i.finished_at = from_ms(*f);
  i.stored_bytes = s.i64(12);
  return i;
}

// An item is due unless an earlier item of its order group is still unsent.
constexpr const char* kReadyPredicate =
    "state = 0 AND (order_group = '' OR NOT EXISTS (SELECT 1 FROM items j WHERE "
    "j.order_group = items.order_group AND j.id < items.id AND j.state IN (0, 1)))";

kx::expected<void, Error> exec_one(sql::Db& d, std::string_view sql,
                                   std::initializer_list<std::int64_t> ints,
                                   std::optional<std::string_view> text_last = std::nullopt) {
  auto st = d.prepare(sql);
  if (!st) return kx::unexpected(st.error());
  int i = 1;
  for (auto v : ints) st->bind(i++, v);
  if (text_last) st->bind(i, *text_last);
  return st->run();
}

// Sets a pragma for the scope of one statement group and restores it.
class SyncLevel {
 public:
  SyncLevel(sql::Db& d, const char* enter, const char* leave) : d_(d), leave_(leave) {
    (void)d_.exec(enter);
  }
  SyncLevel(const SyncLevel&) = delete;
  SyncLevel& operator=(const SyncLevel&) = delete;
  ~SyncLevel() { (void)d_.exec(leave_); }

 private:
  sql::Db& d_;
  const char* leave_;
};

}  // namespace

const char* to_string(ItemState s) {
  switch (s) {
    case ItemState::pending:
      return "pending";
    case ItemState::in_flight:
      return "in_flight";
    case ItemState::delivered:
      return "delivered";
    case ItemState::dead_lettered:
      return "dead_lettered";
  }
  return "unknown";
}

struct Store::Impl {
  sql::Db db;
  Key key;
  int lock_fd = -1;
  std::filesystem::path reserve_path;  // empty: no reserve (observer, or disabled)
  // One connection shared by the app's threads (session enqueues, worker
  // delivers); recursive because some operations compose others.
  std::recursive_mutex mu;
  ~Impl() {
    if (lock_fd >= 0) ::close(lock_fd);  // releases the flock
  }
};

Store::Store(std::unique_ptr<Impl> impl, StoreOptions options, Clock& clock)
    : impl_(std::move(impl)), options_(std::move(options)), clock_(clock) {}

Store::~Store() = default;

kx::expected<std::unique_ptr<Store>, Error> Store::open(const fs::path& db_path, const Key& key,
                                                        StoreOptions options, Clock& clock,
                                                        Mode mode) {
  auto impl = std::make_unique<Impl>();
  impl->key = key;
  std::error_code ec;
  const bool exists = fs::exists(db_path, ec);
  if (!exists && mode == Mode::observer) {
    return kx::unexpected(Error{ErrorCode::not_found, "no outbox at " + db_path.string()});
  }
  if (mode == Mode::owner && options.disk_reserve_bytes > 0) {
    impl->reserve_path = db_path.string() + ".reserve";
  }
  if (mode == Mode::owner) {
    const std::string lock_path = db_path.string() + ".lock";
    impl->lock_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (impl->lock_fd < 0) {
      return kx::unexpected(Error{ErrorCode::io, lock_path + ": " + std::strerror(errno)});
    }
    if (::flock(impl->lock_fd, LOCK_EX | LOCK_NB) != 0) {
      return kx::unexpected(Error{ErrorCode::busy, "another process owns " + db_path.string()});
    }
  }
  auto db = sql::Db::open(db_path.string(), !exists);
  if (!db) return kx::unexpected(db.error());
  impl->db = std::move(*db);
  sql::Db& d = impl->db;
  sqlite3_busy_timeout(d.raw(), 5000);

  if (exists) {
    // Before anything writes: a damaged file is reported, never "repaired".
    auto check = d.prepare(options.full_integrity_check ? "PRAGMA integrity_check(20)"
                                                        : "PRAGMA quick_check(20)");
    if (!check) return kx::unexpected(check.error());
    std::string problems;
    for (;;) {
      auto row = check->step();
      if (!row) return kx::unexpected(row.error());
      if (!*row) break;
      const std::string line = check->text(0);
      if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty()) return kx::unexpected(Error{ErrorCode::corrupt, problems});
    auto tables =
        d.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('items','parts','meta')");
    if (!tables) return kx::unexpected(tables.error());
    if (*tables != 3) return kx::unexpected(Error{ErrorCode::corrupt, "outbox tables missing"});
  } else {
    // Freed pages go back to the file system (retention reclaims space).
    if (auto r = d.exec("PRAGMA auto_vacuum=INCREMENTAL"); !r) return kx::unexpected(r.error());
  }
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                             "PRAGMA secure_delete=ON", "PRAGMA temp_store=MEMORY",
                             "PRAGMA foreign_keys=ON", "PRAGMA journal_size_limit=8388608"}) {
    if (auto r = d.exec(pragma); !r) return kx::unexpected(r.error());
  }
  {
    const std::string p =
        "PRAGMA wal_autocheckpoint=" + std::to_string(options.wal_autocheckpoint_pages);
    if (auto r = d.exec(p.c_str()); !r) return kx::unexpected(r.error());
  }
  if (options.max_page_count) {
    const std::string p = "PRAGMA max_page_count=" + std::to_string(*options.max_page_count);
    if (auto r = d.exec(p.c_str()); !r) return kx::unexpected(r.error());
  }

  if (!exists) {
    auto tx = sql::Transaction::begin(d);
    if (!tx) return kx::unexpected(tx.error());
    if (auto r = d.exec(kSchema); !r) return kx::unexpected(r.error());
    auto check = seal(key, kKeyCheckAad, bytes_of(kKeyCheckText));
    if (!check) return kx::unexpected(check.error());
    auto ins = d.prepare("INSERT INTO meta(k, v) VALUES('key_check', ?1)");
    if (!ins) return kx::unexpected(ins.error());
    if (auto r = ins->bind_blob(1, *check).run(); !r) return kx::unexpected(r.error());
    if (auto r = tx->commit(); !r) return kx::unexpected(r.error());
  } else {
    auto sel = d.prepare("SELECT v FROM meta WHERE k = 'key_check'");
    if (!sel) return kx::unexpected(sel.error());
    auto row = sel->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) return kx::unexpected(Error{ErrorCode::corrupt, "key check record missing"});
    auto opened = open_sealed(key, kKeyCheckAad, sel->blob(0));
    if (!opened) {
      return kx::unexpected(Error{ErrorCode::wrong_key, "the key does not open this outbox"});
    }
  }

  std::unique_ptr<Store> store(new Store(std::move(impl), std::move(options), clock));
  if (mode == Mode::owner) {
    // Items in flight when the previous owner died go out again now; the
    // idempotency key makes the resend safe.
    if (auto r = store->requeue_in_flight(); !r) return kx::unexpected(r.error());
    (void)store->ensure_reserve();  // a full disk must not stop deliveries
  }
  return store;
}

kx::expected<void, Error> Store::ensure_reserve() {
  const auto& path = impl_->reserve_path;
  if (path.empty()) return {};
  std::error_code ec;
  const auto want = options_.disk_reserve_bytes;
  if (fs::file_size(path, ec) == want && !ec) return {};
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return kx::unexpected(Error{ErrorCode::io, path.string() + ": " + std::strerror(errno)});
  const int rc = ::posix_fallocate(fd, 0, static_cast<off_t>(want));
  const bool synced = rc == 0 && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    ::unlink(path.c_str());
    return kx::unexpected(
        Error{rc == ENOSPC ? ErrorCode::disk_full : ErrorCode::io,
              "cannot keep the " + std::to_string(want) +
                  "-byte safety reserve: " + std::strerror(rc != 0 ? rc : errno)});
  }
  return {};
}

template <class Fn>
auto Store::with_reserve(Fn&& fn) -> decltype(fn()) {
  auto r = fn();
  if (r || r.error().code != ErrorCode::disk_full || impl_->reserve_path.empty()) return r;
  std::error_code ec;
  if (!fs::remove(impl_->reserve_path, ec)) return r;
  // With the ballast gone there is room to fold the WAL back into the
  // database and truncate it, which is what frees space on a full disk.
  (void)impl_->db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return fn();
}

kx::expected<int, Error> Store::requeue_in_flight() {
  std::lock_guard lock(impl_->mu);
  auto r = exec_one(impl_->db, "UPDATE items SET state = 0, next_attempt_ms = ?1 WHERE state = 1",
                    {to_ms(clock_.now())});
  if (!r) return kx::unexpected(r.error());
  return impl_->db.changes();
}

kx::expected<std::int64_t, Error> Store::enqueue(const NewItem& item) {
  std::lock_guard lock(impl_->mu);
  if (item.kind.empty()) return kx::unexpected(Error{ErrorCode::invalid_argument, "empty kind"});
  sql::Db& d = impl_->db;
  std::string idem = item.idempotency_key;
  if (idem.empty()) {
    auto k = random_key();
    if (!k) return kx::unexpected(k.error());
    idem = *k;
  }
  // New work only while the ballast for acknowledgements is in place.
  if (auto r = ensure_reserve(); !r) return kx::unexpected(r.error());
  std::uint64_t need = item.payload.size() + kSealOverhead;
  for (const auto& a : item.attachments) need += a.data.size() + kSealOverhead;

  auto tx = sql::Transaction::begin(d);
  if (!tx) return kx::unexpected(tx.error());

  auto existing = d.prepare("SELECT id FROM items WHERE idem_key = ?1");
  if (!existing) return kx::unexpected(existing.error());
  auto found = existing->bind(1, idem).step();
  if (!found) return kx::unexpected(found.error());
  if (*found) return existing->i64(0);  // already queued: nothing to do

  const KindPolicy& policy = options_.policies.of(item.kind);
  if (policy.coalesce && !item.coalesce_key.empty()) {
    // Only pending twins: one in flight may already be at the platform.
    auto del = d.prepare("DELETE FROM items WHERE kind = ?1 AND coalesce_key = ?2 AND state = 0");
    if (!del) return kx::unexpected(del.error());
    if (auto r = del->bind(1, item.kind).bind(2, item.coalesce_key).run(); !r) {
      return kx::unexpected(r.error());
    }
  }

  auto used = d.scalar("SELECT coalesce(sum(stored_bytes), 0) FROM items");
  if (!used) return kx::unexpected(used.error());
  if (static_cast<std::uint64_t>(*used) + need > options_.quota_bytes) {
    return kx::unexpected(Error{ErrorCode::quota_full, "used " + std::to_string(*used) + " + " +
                                                           std::to_string(need) + " > quota " +
                                                           std::to_string(options_.quota_bytes)});
  }

  const TimePoint now = clock_.now();
  std::optional<std::int64_t> expires;
  if (policy.ttl) expires = to_ms(now + *policy.ttl);
  if (item.expires_at && (!expires || to_ms(*item.expires_at) < *expires)) {
    expires = to_ms(*item.expires_at);
  }
  auto ins = d.prepare(
      "INSERT INTO items(kind, priority, idem_key, order_group, coalesce_key, created_ms, "
      "expires_ms, next_attempt_ms, state, stored_bytes, part_count) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, 0, ?8, ?9)");
  if (!ins) return kx::unexpected(ins.error());
  ins->bind(1, item.kind)
      .bind(2, static_cast<std::int64_t>(item.priority.value_or(policy.priority)))
      .bind(3, idem)
      .bind(4, item.order_group)
      .bind(5, item.coalesce_key)
      .bind(6, to_ms(now))
      .bind(7, expires)
      .bind(8, static_cast<std::int64_t>(need))
      .bind(9, static_cast<std::int64_t>(1 + item.attachments.size()));
  if (auto r = ins->run(); !r) return kx::unexpected(r.error());
  const std::int64_t id = d.last_insert_id();

  auto part = d.prepare("INSERT INTO parts(item_id, seq, name, sealed) VALUES(?1, ?2, ?3, ?4)");
  if (!part) return kx::unexpected(part.error());
  auto write_part = [&](std::int64_t seq, std::string_view name,
                        std::span<const std::uint8_t> data) -> kx::expected<void, Error> {
    auto sealed = seal(impl_->key, part_aad(id, seq), data);
    if (!sealed) return kx::unexpected(sealed.error());
    auto r = part->bind(1, id).bind(2, seq).bind(3, name).bind_blob(4, *sealed).run();
    if (!r) return r;
    return part->reset();
  };
  if (auto r = write_part(0, "", item.payload); !r) return kx::unexpected(r.error());
  for (std::size_t i = 0; i < item.attachments.size(); ++i) {
    const auto& a = item.attachments[i];
    if (auto r = write_part(static_cast<std::int64_t>(i + 1), a.name, a.data); !r) {
      return kx::unexpected(r.error());
    }
  }
  if (auto r = tx->commit(); !r) return kx::unexpected(r.error());
  return id;
}

kx::expected<std::optional<ItemInfo>, Error> Store::claim_next(
    const std::vector<std::int64_t>& skip) {
  std::lock_guard lock(impl_->mu);
  return with_reserve([&]() -> kx::expected<std::optional<ItemInfo>, Error> {
    sql::Db& d = impl_->db;
    // A claim need not survive power loss: if it is lost the item is simply
    // pending again and goes out under the same idempotency key. So its
    // commit skips the WAL fsync (the level cannot change inside a
    // transaction, hence around it); the outcome's FULL commit syncs these
    // frames too, as the WAL is written in order.
    SyncLevel relaxed{d, "PRAGMA synchronous=NORMAL", "PRAGMA synchronous=FULL"};
    auto tx = sql::Transaction::begin(d);
    if (!tx) return kx::unexpected(tx.error());
    std::string skipped;  // integers only: safe to splice into the statement
    for (auto id : skip) skipped += (skipped.empty() ? "" : ",") + std::to_string(id);
    if (!skipped.empty()) skipped = " AND id NOT IN (" + skipped + ")";
    auto sel = d.prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE " +
                         kReadyPredicate + " AND next_attempt_ms <= ?1" + skipped +
                         " ORDER BY priority DESC, id ASC LIMIT 1");
    if (!sel) return kx::unexpected(sel.error());
    auto row = sel->bind(1, to_ms(clock_.now())).step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) return std::optional<ItemInfo>{};
    ItemInfo info = read_info(*sel, impl_->key);
    auto upd = d.prepare("UPDATE items SET state = 1, attempts = attempts + 1 WHERE id = ?1");
    if (!upd) return kx::unexpected(upd.error());
    if (auto r = upd->bind(1, info.id).run(); !r) return kx::unexpected(r.error());
    if (auto r = tx->commit(); !r) return kx::unexpected(r.error());
    info.state = ItemState::in_flight;
    info.attempts += 1;
    return std::optional<ItemInfo>{std::move(info)};
  });
}

kx::expected<std::optional<TimePoint>, Error> Store::next_due() {
  std::lock_guard lock(impl_->mu);
  auto sel = impl_->db.prepare(std::string("SELECT min(next_attempt_ms) FROM items WHERE ") +
                               kReadyPredicate);
  if (!sel) return kx::unexpected(sel.error());
  auto row = sel->step();
  if (!row) return kx::unexpected(row.error());
  if (!*row || sel->is_null(0)) return std::optional<TimePoint>{};
  return std::optional<TimePoint>{from_ms(sel->i64(0))};
}

kx::expected<ItemContent, Error> Store::read_content(std::int64_t id) {
  std::lock_guard lock(impl_->mu);
  auto sel =
      impl_->db.prepare("SELECT seq, name, sealed FROM parts WHERE item_id = ?1 ORDER BY seq");
  if (!sel) return kx::unexpected(sel.error());
  sel->bind(1, id);
  ItemContent content;
  bool have_payload = false;
  for (;;) {
    auto row = sel->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    const std::int64_t seq = sel->i64(0);
    auto plain = open_sealed(impl_->key, part_aad(id, seq), sel->blob(2));
    if (!plain) {
      return kx::unexpected(Error{ErrorCode::decrypt_failed,
                                  "item " + std::to_string(id) + " part " + std::to_string(seq)});
    }
    if (seq == 0) {
      content.payload = std::move(*plain);
      have_payload = true;
    } else {
      content.attachments.push_back(Attachment{sel->text(1), std::move(*plain)});
    }
  }
  if (!have_payload) {
    return kx::unexpected(
        Error{ErrorCode::not_found, "item " + std::to_string(id) + " has no stored payload"});
  }
  return content;
}

namespace {

// Operator-facing reasons must not carry personal data even if the platform
// echoes it: long digit runs (ID numbers, phone numbers) are masked.
std::string mask_reason(std::string_view reason) {
  std::string out;
  std::size_t i = 0;
  while (i < reason.size()) {
    std::size_t j = i;
    while (j < reason.size() && (std::isdigit(static_cast<unsigned char>(reason[j])) != 0 ||
                                 ((reason[j] == 'X' || reason[j] == 'x') && j > i))) {
      ++j;
    }
    if (j - i >= 7) {
      const std::size_t n = j - i;
      const std::size_t keep = n >= 12 ? 4 : 2;
      out.append(reason.substr(i, keep));
      out.append(n - 2 * keep, '*');
      out.append(reason.substr(j - keep, keep));
      i = j;
    } else if (j > i) {
      out.append(reason.substr(i, j - i));
      i = j;
    } else {
      out.push_back(reason[i++]);
    }
  }
  if (out.size() > 500) out.resize(500);
  return out;
}

}  // namespace

kx::expected<void, Error> Store::mark_delivered(std::int64_t id) {
  std::lock_guard lock(impl_->mu);
  return with_reserve([&]() -> kx::expected<void, Error> {
    sql::Db& d = impl_->db;
    // Like a claim, an acknowledgement need not survive power loss: if it
    // is lost the item goes out again under the same idempotency key and
    // the platform answers with a replay (its parts stay sealed until
    // then). Skipping this fsync is what lets a backlog drain at network
    // speed instead of one disk flush per item; the next enqueue's FULL
    // commit or the idle checkpoint makes it durable anyway.
    SyncLevel relaxed{d, "PRAGMA synchronous=NORMAL", "PRAGMA synchronous=FULL"};
    auto tx = sql::Transaction::begin(d);
    if (!tx) return kx::unexpected(tx.error());
    // secure_delete zeroes the freed pages; compact() hands them back.
    if (auto r = exec_one(d, "DELETE FROM parts WHERE item_id = ?1", {id}); !r) return r;
    if (auto r = exec_one(d,
                          "UPDATE items SET state = 2, finished_ms = ?2, stored_bytes = 0, "
                          "last_error = x'' WHERE id = ?1",
                          {id, to_ms(clock_.now())});
        !r) {
      return r;
    }
    if (d.changes() == 0) return kx::unexpected(Error{ErrorCode::not_found, std::to_string(id)});
    return tx->commit();
  });
}

kx::expected<void, Error> Store::set_outcome(std::int64_t id, ItemState state,
                                             std::optional<TimePoint> next_attempt,
                                             const std::string& reason) {
  auto sealed = seal(impl_->key, error_aad(id), bytes_of(mask_reason(reason)));
  if (!sealed) return kx::unexpected(sealed.error());
  const std::int64_t now = to_ms(clock_.now());
  auto st = impl_->db.prepare(
      "UPDATE items SET state = ?2, next_attempt_ms = coalesce(?3, next_attempt_ms), "
      "finished_ms = CASE WHEN ?2 = 3 THEN ?4 ELSE NULL END, last_error_ms = ?4, "
      "last_error = ?5 WHERE id = ?1 AND state IN (0, 1)");
  if (!st) return kx::unexpected(st.error());
  std::optional<std::int64_t> next;
  if (next_attempt) next = to_ms(*next_attempt);
  st->bind(1, id).bind(2, static_cast<std::int64_t>(state)).bind(3, next).bind(4, now);
  st->bind_blob(5, *sealed);
  if (auto r = st->run(); !r) return r;
  if (impl_->db.changes() == 0) {
    return kx::unexpected(Error{ErrorCode::not_found, std::to_string(id)});
  }
  return {};
}

kx::expected<void, Error> Store::mark_retry(std::int64_t id, TimePoint next_attempt,
                                            const std::string& reason) {
  std::lock_guard lock(impl_->mu);
  return with_reserve([&] { return set_outcome(id, ItemState::pending, next_attempt, reason); });
}

kx::expected<void, Error> Store::mark_dead(std::int64_t id, const std::string& reason) {
  std::lock_guard lock(impl_->mu);
  return with_reserve(
      [&] { return set_outcome(id, ItemState::dead_lettered, std::nullopt, reason); });
}

kx::expected<void, Error> Store::retry_now(std::int64_t id) {
  std::lock_guard lock(impl_->mu);
  auto info = get(id);
  if (!info) return kx::unexpected(info.error());
  if (!*info) return kx::unexpected(Error{ErrorCode::not_found, std::to_string(id)});
  if ((*info)->state != ItemState::pending && (*info)->state != ItemState::dead_lettered) {
    return kx::unexpected(
        Error{ErrorCode::invalid_argument, std::string("item is ") + to_string((*info)->state)});
  }
  return exec_one(impl_->db,
                  "UPDATE items SET state = 0, next_attempt_ms = ?2, finished_ms = NULL, "
                  "expires_ms = NULL WHERE id = ?1 AND state IN (0, 3)",
                  {id, to_ms(clock_.now())});
}

kx::expected<int, Error> Store::expire_due() {
  std::lock_guard lock(impl_->mu);
  sql::Db& d = impl_->db;
  auto tx = sql::Transaction::begin(d);
  if (!tx) return kx::unexpected(tx.error());
  auto sel = d.prepare(
      "SELECT id FROM items WHERE state = 0 AND expires_ms IS NOT NULL AND expires_ms <= ?1");
  if (!sel) return kx::unexpected(sel.error());
  sel->bind(1, to_ms(clock_.now()));
  std::vector<std::int64_t> ids;
  for (;;) {
    auto row = sel->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    ids.push_back(sel->i64(0));
  }
  for (auto id : ids) {
    auto r = set_outcome(id, ItemState::dead_lettered, std::nullopt,
                         "expired: past its time limit (kind policy)");
    if (!r) return kx::unexpected(r.error());
  }
  if (auto c = tx->commit(); !c) return kx::unexpected(c.error());
  return static_cast<int>(ids.size());
}

kx::expected<void, Error> Store::compact() {
  std::lock_guard lock(impl_->mu);
  if (auto r = impl_->db.exec("PRAGMA incremental_vacuum"); !r) return r;
  return impl_->db.exec("PRAGMA wal_checkpoint(PASSIVE)");
}

kx::expected<int, Error> Store::purge_retained() {
  std::lock_guard lock(impl_->mu);
  sql::Db& d = impl_->db;
  const std::int64_t now = to_ms(clock_.now());
  auto tx = sql::Transaction::begin(d);
  if (!tx) return kx::unexpected(tx.error());
  auto r = exec_one(
      d,
      "DELETE FROM items WHERE (state = 2 AND finished_ms <= ?1) "
      "OR (state = 3 AND finished_ms <= ?2)",
      {now - options_.delivered_retention.count(), now - options_.dead_letter_retention.count()});
  if (!r) return kx::unexpected(r.error());
  const int n = d.changes();
  if (auto v = d.exec("PRAGMA incremental_vacuum"); !v) return kx::unexpected(v.error());
  if (auto c = tx->commit(); !c) return kx::unexpected(c.error());
  return n;
}

kx::expected<std::optional<ItemInfo>, Error> Store::get(std::int64_t id) {
  std::lock_guard lock(impl_->mu);
  auto sel = impl_->db.prepare(std::string("SELECT ") + kItemColumns + " FROM items WHERE id = ?1");
  if (!sel) return kx::unexpected(sel.error());
  auto row = sel->bind(1, id).step();
  if (!row) return kx::unexpected(row.error());
  if (!*row) return std::optional<ItemInfo>{};
  return std::optional<ItemInfo>{read_info(*sel, impl_->key)};
}

kx::expected<std::vector<ItemInfo>, Error> Store::list(std::optional<ItemState> state,
                                                       std::size_t limit) {
  std::lock_guard lock(impl_->mu);
  auto sel = impl_->db.prepare(std::string("SELECT ") + kItemColumns +
                               " FROM items WHERE (?1 < 0 OR state = ?1) ORDER BY id LIMIT ?2");
  if (!sel) return kx::unexpected(sel.error());
  sel->bind(1, state ? static_cast<std::int64_t>(*state) : std::int64_t{-1})
      .bind(2, static_cast<std::int64_t>(limit));
  std::vector<ItemInfo> out;
  for (;;) {
    auto row = sel->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_info(*sel, impl_->key));
  }
  return out;
}

kx::expected<Stats, Error> Store::stats() {
  std::lock_guard lock(impl_->mu);
  sql::Db& d = impl_->db;
  Stats s;
  auto counts =
      d.prepare("SELECT state, count(*), coalesce(sum(stored_bytes), 0) FROM items GROUP BY state");
  if (!counts) return kx::unexpected(counts.error());
  for (;;) {
    auto row = counts->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    const std::int64_t n = counts->i64(1);
    s.used_bytes += static_cast<std::uint64_t>(counts->i64(2));
    switch (static_cast<ItemState>(counts->i64(0))) {
      case ItemState::pending:
        s.pending = n;
        break;
      case ItemState::in_flight:
        s.in_flight = n;
        break;
      case ItemState::delivered:
        s.delivered = n;
        break;
      case ItemState::dead_lettered:
        s.dead_lettered = n;
        break;
    }
  }
  auto kinds = d.prepare("SELECT kind, count(*) FROM items WHERE state IN (0, 1) GROUP BY kind");
  if (!kinds) return kx::unexpected(kinds.error());
  for (;;) {
    auto row = kinds->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    s.unsent_by_kind[kinds->text(0)] = kinds->i64(1);
  }
  auto oldest = d.prepare("SELECT min(created_ms) FROM items WHERE state IN (0, 1)");
  if (!oldest) return kx::unexpected(oldest.error());
  if (auto row = oldest->step(); !row) return kx::unexpected(row.error());
  if (!oldest->is_null(0)) s.oldest_unsent_created = from_ms(oldest->i64(0));
  auto err = d.prepare(
      "SELECT id, last_error FROM items WHERE length(last_error) > 0 "
      "ORDER BY last_error_ms DESC LIMIT 1");
  if (!err) return kx::unexpected(err.error());
  auto row = err->step();
  if (!row) return kx::unexpected(row.error());
  if (*row) s.last_error = open_reason(impl_->key, err->i64(0), err->blob(1));
  s.quota_bytes = options_.quota_bytes;
  s.full = s.used_bytes + options_.reserve_bytes > options_.quota_bytes;
  return s;
}

kx::expected<std::vector<std::string>, Error> Store::check_consistency(bool decrypt) {
  std::lock_guard lock(impl_->mu);
  sql::Db& d = impl_->db;
  std::vector<std::string> problems;
  auto ic = d.prepare("PRAGMA integrity_check(20)");
  if (!ic) return kx::unexpected(ic.error());
  for (;;) {
    auto row = ic->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    if (ic->text(0) != "ok") problems.push_back("integrity: " + ic->text(0));
  }
  auto fk = d.scalar("SELECT count(*) FROM pragma_foreign_key_check");
  if (!fk) return kx::unexpected(fk.error());
  if (*fk != 0) problems.push_back(std::to_string(*fk) + " parts reference missing items");
  // Unsent items have every part they were enqueued with and the byte count
  // matches; delivered items hold nothing.
  auto parts = d.prepare(
      "SELECT i.id, i.state, i.part_count, i.stored_bytes, count(p.id), "
      "coalesce(sum(length(p.sealed)), 0) FROM items i LEFT JOIN parts p ON p.item_id = i.id "
      "GROUP BY i.id");
  if (!parts) return kx::unexpected(parts.error());
  for (;;) {
    auto row = parts->step();
    if (!row) return kx::unexpected(row.error());
    if (!*row) break;
    const auto id = parts->i64(0);
    const auto state = static_cast<ItemState>(parts->i64(1));
    const bool delivered = state == ItemState::delivered;
    const std::int64_t want_parts = delivered ? 0 : parts->i64(2);
    const std::int64_t want_bytes = delivered ? 0 : parts->i64(3);
    if (parts->i64(4) != want_parts || parts->i64(5) != want_bytes) {
      problems.push_back("item " + std::to_string(id) + " (" + to_string(state) + ") has " +
                         std::to_string(parts->i64(4)) + " parts / " +
                         std::to_string(parts->i64(5)) + " bytes, want " +
                         std::to_string(want_parts) + " / " + std::to_string(want_bytes));
    }
    if (decrypt && !delivered) {
      if (auto c = read_content(id); !c) problems.push_back(describe(c.error()));
    }
  }
  return problems;
}

}  // namespace offline_cache
