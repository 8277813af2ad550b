#pragma once
// Shared helpers for the offline cache tests: an injected clock and RNG, a
// scratch folder, and a recording Sender. The Sender here is a test double
// of the cache's OWN interface (offline_cache/sender.hpp), used for unit
// tests of the store and the worker; the platform is exercised by the
// integration tests.
#include "offline_cache/clock.hpp"
#include "offline_cache/key_file.hpp"
#include "offline_cache/sender.hpp"
#include "offline_cache/store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace offline_cache::testing {

class FakeClock final : public Clock {
 public:
  TimePoint now() override { return now_; }
  void advance(Millis d) { now_ += d; }
  void set(TimePoint t) { now_ = t; }

 private:
  TimePoint now_ = from_ms(1'780'000'000'000);  // a fixed day in 2026
};

// Returns `fraction` of the upper bound and remembers every bound asked.
class ScriptedRng final : public Rng {
 public:
  explicit ScriptedRng(double fraction = 1.0) : fraction_(fraction) {}
  std::uint64_t uniform(std::uint64_t upper) override {
    uppers.push_back(upper);
    return static_cast<std::uint64_t>(static_cast<double>(upper) * fraction_);
  }
  std::vector<std::uint64_t> uppers;

 private:
  double fraction_;
};

class TempDir {
 public:
  explicit TempDir(const std::filesystem::path& base = std::filesystem::temp_directory_path()) {
    std::string tmpl = (base / "oc-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const char* name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct SentRecord {
  std::int64_t id;
  std::string kind;
  std::string idempotency_key;
  int attempt;
  ItemContent content;
};

// Answers from a script (then `fallback`) and records what it was given.
class RecordingSender final : public Sender {
 public:
  SendResult send(const Delivery& d) override {
    sent.push_back(SentRecord{d.id, std::string(d.kind), std::string(d.idempotency_key), d.attempt,
                              d.content});
    if (!script.empty()) {
      SendResult r = script.front();
      script.pop_front();
      return r;
    }
    return fallback;
  }
  std::deque<SendResult> script;
  SendResult fallback = SendResult::ok();
  std::vector<SentRecord> sent;
};

inline std::vector<std::uint8_t> bytes(std::string_view s) {
  return std::vector<std::uint8_t>(s.begin(), s.end());
}

inline Key test_key(std::uint8_t fill = 7) {
  std::array<std::uint8_t, kKeyBytes> raw{};
  raw.fill(fill);
  return Key{raw};
}

inline NewItem item(std::string kind, std::string_view payload, std::string idem = {}) {
  NewItem n;
  n.kind = std::move(kind);
  n.payload = bytes(payload);
  n.idempotency_key = std::move(idem);
  return n;
}

}  // namespace offline_cache::testing
