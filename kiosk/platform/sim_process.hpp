#pragma once
// Starts a platform-sim child process on a free loopback port and waits for
// its "READY https://…" line (no sleeps). Used by `kiosk run --sim`,
// `kiosk platform … --sim` and the tests. The child is stopped on destruction.
#include "base/expected.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::platform {

struct SimOptions {
  std::filesystem::path binary;     // path of the platform-sim executable
  std::filesystem::path state_dir;  // fresh folder for its CA, tokens, SQLite
  std::string faults;               // --faults SPEC
  std::uint64_t seed = 1;
  int tokens = 1;
  std::chrono::milliseconds ready_timeout{15000};
  int threads = 64;  // worker threads of the simulator (one per open connection)
  int port = 0;      // 0: a free one; a restart passes the old port (same URL)
};

class SimProcess {
 public:
  static kx::expected<SimProcess, std::string> start(const SimOptions& opt);
  SimProcess(SimProcess&& o) noexcept;
  SimProcess& operator=(SimProcess&& o) noexcept;
  SimProcess(const SimProcess&) = delete;
  SimProcess& operator=(const SimProcess&) = delete;
  ~SimProcess();

  const std::string& url() const { return url_; }  // https://127.0.0.1:PORT
  const std::filesystem::path& state_dir() const { return state_dir_; }
  std::filesystem::path ca_file() const { return state_dir_ / "ca.pem"; }
  // The first unused enrolment token the simulator wrote.
  std::string enrolment_token() const;
  std::vector<std::string> enrolment_tokens() const;
  int pid() const { return pid_; }
  void stop();

 private:
  SimProcess() = default;
  int pid_ = -1;
  std::string url_;
  std::filesystem::path state_dir_;
};

// The platform-sim next to the running executable (both land in <build>/bin),
// unless KIOSK_PLATFORM_SIM names another.
std::filesystem::path default_sim_binary();

}  // namespace kiosk::platform
