#pragma once
// A small SQLite wrapper: one connection, statements bound by position. The
// simulator serialises writers with its own mutex, so this stays simple.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;

namespace platform_sim {

using DbValue = std::variant<std::nullptr_t, std::int64_t, std::string>;
using DbRow = std::vector<std::string>;  // NULL reads as ""

class Db {
 public:
  static std::optional<Db> open(const std::filesystem::path& file, std::string& error);
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&&) = delete;
  Db(const Db&) = delete;
  ~Db();

  // Runs one statement; false (and `last_error()`) on failure.
  bool exec(const std::string& sql, const std::vector<DbValue>& params = {});
  std::vector<DbRow> query(const std::string& sql, const std::vector<DbValue>& params = {});
  std::int64_t scalar(const std::string& sql, const std::vector<DbValue>& params = {});
  const std::string& last_error() const { return error_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
  std::string error_;
};

}  // namespace platform_sim
