#pragma once
// Test fixture: a real platform-sim child on a free loopback port with a
// fresh state folder, and a kiosk client enrolled against it over real TLS.
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/sim_process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace platform_test {

namespace kp = kiosk::platform;

std::filesystem::path make_temp_dir();
std::filesystem::path sim_binary();

struct DeviceFiles {
  std::string terminal_id;
  std::filesystem::path cert, key;
};

// Enrols a new device against `sim` and writes its cert and key into `dir`.
DeviceFiles enrol_device(const kp::SimProcess& sim, const std::filesystem::path& dir,
                         const std::string& token);

class SimTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  kp::ClientConfig config() const;  // CA + device cert of this fixture
  std::unique_ptr<kp::PlatformClient> client(kp::ClientConfig cfg) const;

  // Admin endpoints (loopback, no client certificate).
  void set_faults(const std::string& spec);
  nlohmann::json admin_get(const std::string& path);
  nlohmann::json admin_post(const std::string& path, const std::string& body);
  int record_count(const std::string& kind);

  std::filesystem::path dir_;
  std::optional<kp::SimProcess> sim_;
  DeviceFiles device_;
  std::unique_ptr<kp::PlatformClient> client_;
  std::unique_ptr<kp::HttpSession> admin_;
};

// A valid synthetic resident ID number (GB 11643 check digit).
std::string id_number(const std::string& first17);

// A tiny JPEG-looking page of `size` bytes (SOI marker + filler).
std::shared_ptr<const std::string> jpeg_page(std::size_t size);

}  // namespace platform_test
