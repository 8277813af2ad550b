#pragma once
// The embedded default platform for `kiosk run --sim` (and `kiosk platform
// … --sim`): starts a platform-sim child on a free loopback port with a
// fresh state folder, waits for its ready line, enrols this kiosk against
// it (new EC P-256 key + CSR, the simulator's one-time token) and hands back
// what the platform client needs. The child stops and the folder is removed
// when the SimPlatform is destroyed.
#include "base/expected.hpp"
#include "kiosk/platform/http.hpp"
#include "kiosk/platform/sim_process.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::app {

struct SimPlatformOptions {
  std::filesystem::path binary = kiosk::platform::default_sim_binary();
  std::string hall_code = "HALL-01";
  std::string faults;  // optional --faults SPEC for demos
  std::uint64_t seed = 1;
};

class SimPlatform {
 public:
  static kx::expected<std::unique_ptr<SimPlatform>, std::string> start(
      const SimPlatformOptions& opt = {});
  ~SimPlatform();
  SimPlatform(const SimPlatform&) = delete;
  SimPlatform& operator=(const SimPlatform&) = delete;

  // base_url, ca_file, cert_file, key_file filled in.
  const kiosk::platform::ClientConfig& client_config() const { return cfg_; }
  const std::string& terminal_id() const { return terminal_id_; }
  const std::string& base_url() const { return cfg_.base_url; }
  std::filesystem::path folder() const { return folder_; }
  // The simulator child, e.g. for tests that stop it to make an outage.
  kiosk::platform::SimProcess& process() { return *process_; }

 private:
  SimPlatform() = default;
  std::filesystem::path folder_;
  std::unique_ptr<kiosk::platform::SimProcess> process_;
  kiosk::platform::ClientConfig cfg_;
  std::string terminal_id_;
};

}  // namespace kiosk::app
