#include "offline_cache/sqlite_db.hpp"

namespace offline_cache::sql {

Error error_from(int rc, sqlite3* db, std::string_view what) {
  ErrorCode code = ErrorCode::internal;
  switch (rc & 0xff) {
    case SQLITE_FULL:
      code = ErrorCode::disk_full;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = ErrorCode::corrupt;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = ErrorCode::busy;
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = ErrorCode::io;
      break;
    default:
      break;
  }
  std::string detail{what};
  detail += ": ";
  detail += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Error{code, detail};
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_blob(int i, std::span<const std::uint8_t> v) {
  // SQLITE_STATIC: callers keep the bytes alive until the statement has run.
  sqlite3_bind_blob64(s_, i, v.data(), v.size(), SQLITE_STATIC);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(s_, i);
  return *this;
}
Stmt& Stmt::bind(int i, std::optional<std::int64_t> v) {
  return v ? bind(i, *v) : bind_null(i);
}

kx::expected<bool, Error> Stmt::step() {
  const int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return kx::unexpected(error_from(rc, db_, sqlite3_sql(s_)));
}

kx::expected<void, Error> Stmt::run() {
  for (;;) {
    auto r = step();
    if (!r) return kx::unexpected(r.error());
    if (!*r) return {};
  }
}

kx::expected<void, Error> Stmt::reset() {
  const int rc = sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
  if (rc != SQLITE_OK) return kx::unexpected(error_from(rc, db_, "reset"));
  return {};
}

std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(s_, col);
  const int n = sqlite3_column_bytes(s_, col);
  return p == nullptr ? std::string{}
                      : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::vector<std::uint8_t> Stmt::blob(int col) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s_, col));
  const int n = sqlite3_column_bytes(s_, col);
  if (p == nullptr) return {};
  return std::vector<std::uint8_t>(p, p + n);
}

Db::~Db() {
  sqlite3_close_v2(db_);
}

kx::expected<Db, Error> Db::open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db{raw};
  if (rc != SQLITE_OK) return kx::unexpected(error_from(rc, raw, "open " + path));
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

kx::expected<void, Error> Db::exec(const char* sql) {
  char* msg = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &msg);
  sqlite3_free(msg);
  if (rc != SQLITE_OK) return kx::unexpected(error_from(rc, db_, sql));
  return {};
}

kx::expected<Stmt, Error> Db::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(s);
    return kx::unexpected(error_from(rc, db_, sql));
  }
  return Stmt{db_, s};
}

kx::expected<std::int64_t, Error> Db::scalar(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return kx::unexpected(st.error());
  auto row = st->step();
  if (!row) return kx::unexpected(row.error());
  if (!*row) return kx::unexpected(Error{ErrorCode::internal, "no row: " + std::string(sql)});
  return st->i64(0);
}

kx::expected<Transaction, Error> Transaction::begin(Db& db) {
  auto r = db.exec("BEGIN IMMEDIATE");
  if (!r) return kx::unexpected(r.error());
  return Transaction{&db};
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

kx::expected<void, Error> Transaction::commit() {
  auto r = db_->exec("COMMIT");
  if (!r) return r;  // the destructor rolls back
  db_ = nullptr;
  return {};
}

}  // namespace offline_cache::sql
