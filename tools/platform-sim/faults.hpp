#pragma once
// Fault injection. A spec is `key=value` pairs separated by ';', e.g.
//   latency=50            every request waits 50 ms (latency=20-80: uniform)
//   5xx=0.2               20% answer 500/502/504
//   429=0.1@2             10% answer 429 with Retry-After: 2
//   503=0.1@3             10% answer 503 with Retry-After: 3
//   reset=0.1             10% send half the body, then drop the connection
//   outage=0-2000,5000-6000   ms windows (from when the spec was set) in
//                         which every request answers 503 without Retry-After
//   refuse=1500           the listener closes for 1500 ms (connections refused)
//   slow_upload=65536     request bodies are read at 64 KiB/s
//   only=/v1/pre-applications  faults apply only to paths with this prefix
// Decisions come from a PRNG seeded with --seed and restarted each time a
// spec is set, so a run with the same seed and request order is the same.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace platform_sim {

struct FaultSpec {
  int latency_min_ms = 0;
  int latency_max_ms = 0;
  double p5xx = 0;
  double p429 = 0;
  int retry_after_429 = 1;
  double p503 = 0;
  int retry_after_503 = 1;
  double preset = 0;
  std::vector<std::pair<int, int>> outages;  // [start, end) ms
  int refuse_ms = 0;
  std::int64_t slow_upload_bps = 0;
  std::string only_prefix;
  std::string text;  // as given
};

// nullopt and `error` set when the spec does not parse.
std::optional<FaultSpec> parse_fault_spec(const std::string& text, std::string& error);

struct FaultDecision {
  int latency_ms = 0;
  int status = 0;  // 0: answer normally
  int retry_after = 0;
  bool outage = false;
  bool reset = false;
  std::int64_t slow_upload_bps = 0;
};

class Faults {
 public:
  explicit Faults(std::uint64_t seed) : seed_(seed), rng_(seed) {}
  void set(FaultSpec spec);
  FaultSpec spec() const;
  FaultDecision decide(const std::string& path);
  // Blocks until a spec with a refuse window is set, then takes it (once).
  int wait_refuse_ms();

 private:
  mutable std::mutex m_;
  std::condition_variable refuse_cv_;
  std::uint64_t seed_;
  std::mt19937_64 rng_;
  FaultSpec spec_;
  std::chrono::steady_clock::time_point set_at_ = std::chrono::steady_clock::now();
  int pending_refuse_ms_ = 0;
};

}  // namespace platform_sim
