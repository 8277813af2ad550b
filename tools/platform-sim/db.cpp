#include "tools/platform-sim/db.hpp"

#include <sqlite3.h>

namespace platform_sim {

std::optional<Db> Db::open(const std::filesystem::path& file, std::string& error) {
  sqlite3* raw = nullptr;
  if (sqlite3_open(file.c_str(), &raw) != SQLITE_OK) {
    error = raw ? sqlite3_errmsg(raw) : "sqlite3_open failed";
    sqlite3_close(raw);
    return std::nullopt;
  }
  Db db(raw);
  // WAL + NORMAL: a simulator needs durability across restarts, not fsync
  // on every heartbeat.
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Db::~Db() {
  if (db_) sqlite3_close(db_);
}

namespace {
sqlite3_stmt* prepare(sqlite3* db, const std::string& sql, const std::vector<DbValue>& params,
                      std::string& error) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr) !=
      SQLITE_OK) {
    error = sqlite3_errmsg(db);
    return nullptr;
  }
  int i = 1;
  for (const auto& p : params) {
    if (std::holds_alternative<std::int64_t>(p)) {
      sqlite3_bind_int64(st, i, std::get<std::int64_t>(p));
    } else if (std::holds_alternative<std::string>(p)) {
      const auto& s = std::get<std::string>(p);
      sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(st, i);
    }
    ++i;
  }
  return st;
}
}  // namespace

bool Db::exec(const std::string& sql, const std::vector<DbValue>& params) {
  sqlite3_stmt* st = prepare(db_, sql, params, error_);
  if (!st) return false;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  const bool ok = rc == SQLITE_DONE;
  if (!ok) error_ = sqlite3_errmsg(db_);
  sqlite3_finalize(st);
  return ok;
}

std::vector<DbRow> Db::query(const std::string& sql, const std::vector<DbValue>& params) {
  std::vector<DbRow> rows;
  sqlite3_stmt* st = prepare(db_, sql, params, error_);
  if (!st) return rows;
  const int cols = sqlite3_column_count(st);
  while (sqlite3_step(st) == SQLITE_ROW) {
    DbRow row;
    row.reserve(static_cast<std::size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      const auto* text = sqlite3_column_text(st, c);
      const int n = sqlite3_column_bytes(st, c);
      row.emplace_back(
          text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n))
               : std::string());
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  return rows;
}

std::int64_t Db::scalar(const std::string& sql, const std::vector<DbValue>& params) {
  auto rows = query(sql, params);
  if (rows.empty() || rows[0].empty() || rows[0][0].empty()) return 0;
  return std::stoll(rows[0][0]);
}

}  // namespace platform_sim
