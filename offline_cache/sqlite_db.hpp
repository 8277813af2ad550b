#pragma once
// A thin RAII layer over the SQLite C API, turning result codes into the
// cache's errors (SQLITE_FULL -> disk_full, SQLITE_CORRUPT -> corrupt, ...).
#include "base/expected.hpp"
#include "offline_cache/error.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offline_cache::sql {

Error error_from(int rc, sqlite3* db, std::string_view what);

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind_blob(int i, std::span<const std::uint8_t> v);
  Stmt& bind_null(int i);
  Stmt& bind(int i, std::optional<std::int64_t> v);

  // true: a row is ready; false: done.
  kx::expected<bool, Error> step();
  // Runs to completion (for statements without rows).
  kx::expected<void, Error> run();
  // Ready to run again with new bindings.
  kx::expected<void, Error> reset();

  std::int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::optional<std::int64_t> opt_i64(int col) const {
    if (is_null(col)) return std::nullopt;
    return i64(col);
  }
  std::string text(int col) const;
  std::vector<std::uint8_t> blob(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* s_;
};

class Db {
 public:
  Db() = default;
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  Db& operator=(Db&& o) noexcept {
    std::swap(db_, o.db_);
    return *this;
  }
  ~Db();

  static kx::expected<Db, Error> open(const std::string& path, bool create);
  kx::expected<void, Error> exec(const char* sql);
  kx::expected<Stmt, Error> prepare(std::string_view sql);
  // Single integer result of a query (e.g. a PRAGMA).
  kx::expected<std::int64_t, Error> scalar(std::string_view sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless commit() succeeded.
class Transaction {
 public:
  static kx::expected<Transaction, Error> begin(Db& db);
  Transaction(Transaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  kx::expected<void, Error> commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;
};

}  // namespace offline_cache::sql
