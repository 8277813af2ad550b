#pragma once
// The config agent: polls the static repository (repo.hpp) over plain HTTPS
// with If-None-Match, and installs a newer signed bundle. One poll is one
// call of poll(now): the caller owns the clock and the timer, so tests drive
// it step by step; next_poll() spreads a fleet's polls with seeded jitter.
#include "base/expected.hpp"
#include "config/bundle/install.hpp"
#include "config/bundle/metadata.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>

namespace config::bundle {

struct FetchResult {
  long status = 0;   // 200, 304, 404, …
  std::string body;  // empty unless 200
  std::string etag;  // the ETag header of a 200
};

// An HTTP GET of one path under the repository URL. `max_bytes` bounds the
// body: a longer answer is an error, not a truncation.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual kx::expected<FetchResult, std::string> get(const std::string& path,
                                                     const std::string& if_none_match,
                                                     std::size_t max_bytes) = 0;
};

struct AgentSettings {
  std::filesystem::path store;     // the config store (install.hpp)
  std::filesystem::path work_dir;  // scratch space for downloads
  std::chrono::seconds interval{300};
  double jitter = 0.2;  // each wait is interval × [1 - jitter, 1 + jitter]
  Limits limits;
};

enum class PollOutcome {
  not_modified,  // 304: nothing new
  up_to_date,    // new metadata, but not a newer version (or one given up on)
  installed,     // a newer bundle was verified and switched to
  refused,       // a bundle was refused; the current config stays
  fetch_failed,  // network or server trouble; retried next poll
};

struct PollResult {
  PollOutcome outcome = PollOutcome::not_modified;
  std::int64_t version = 0;  // the repository's version, when known
  Refusal refusal{};         // when refused
  std::string error;         // when fetch_failed
};

const char* to_string(PollOutcome o);

class ConfigAgent {
 public:
  ConfigAgent(AgentSettings settings, Fetcher& fetcher, std::uint64_t seed);

  PollResult poll(Time now);
  // When to poll next after a poll at `now`.
  Time next_poll(Time now);
  const std::string& etag() const { return etag_; }

 private:
  kx::expected<PollResult, PollResult> fetch_and_install(const std::string& metadata, Time now);
  kx::expected<std::vector<std::string>, PollResult> fetch_root_chain(std::int64_t trusted);

  AgentSettings settings_;
  Fetcher& fetcher_;
  std::mt19937_64 rng_;
  std::string etag_;
};

}  // namespace config::bundle
