// `kiosk provision` and `kiosk selftest` end to end against the platform
// simulator (real HTTPS and mutual TLS on 127.0.0.1): success, a second run
// that changes nothing, a resumed run, a token that was already used, and a
// self-test that fails. The simulator's tokens do not expire yet, so the
// expired-token case is not covered here (see the report in docs/config.md).
#include "kiosk/platform/sim_process.hpp"
#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
const std::string kKiosk = KIOSK_BINARY_DIR "/bin/kiosk";
const std::string kAdmin = KIOSK_BINARY_DIR "/bin/kiosk-admin";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

class Provision : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("kiosk-provision-" + std::to_string(::getpid()));
  std::optional<kiosk::platform::SimProcess> sim;

  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto s = kiosk::platform::SimProcess::start(
        {fs::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim", dir / "sim", "", 7, 2});
    ASSERT_TRUE(s) << s.error();
    sim.emplace(std::move(*s));
    for (const char* k : {"root", "ops"}) {
      ASSERT_EQ(test::run_process({kAdmin, "keygen", "--out", (dir / k).string()}).exit_code, 0);
    }
    auto root = test::run_process(
        {kAdmin, "root", "create", "--root-key", (dir / "root.pub").string(), "--targets-key",
         (dir / "ops.pub").string(), "--expires", "2099-01-01T00:00:00Z", "--sign",
         (dir / "root.key").string(), "--out", (dir / "root.json").string()});
    ASSERT_EQ(root.exit_code, 0) << root.err;
  }
  void TearDown() override {
    sim.reset();
    fs::remove_all(dir);
  }

  test::ProcessResult provision(const std::string& token, const fs::path& state) {
    return test::run_process({kKiosk, "provision", "--platform", sim->url(), "--token", token,
                              "--hall", "HALL-01", "--terminal", "T-0001", "--ca",
                              sim->ca_file().string(), "--root", (dir / "root.json").string(),
                              "--state", state.string()});
  }
};

TEST_F(Provision, EnrolsStoresKeysPassesTheSelfTestAndPrintsASlip) {
  const auto state = dir / "state";
  auto r = provision(sim->enrolment_tokens().at(0), state);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("终端开通单 Provisioning slip"), std::string::npos) << r.out;
  EXPECT_EQ(fs::status(state / "keys/device-key.pem").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_TRUE(fs::exists(state / "keys/device.pem"));
  EXPECT_TRUE(fs::exists(state / "keys/outbox.key"));
  EXPECT_TRUE(fs::exists(state / "config/trust/root.json"));
  const auto progress = nlohmann::json::parse(read(state / "provision/state.json"));
  EXPECT_EQ(progress["done"].size(), 5u);

  auto self = test::run_process({kKiosk, "selftest", "--state", state.string()});
  EXPECT_EQ(self.exit_code, 0) << self.out << self.err;
  const auto report = nlohmann::json::parse(self.out);
  EXPECT_TRUE(report["ok"].get<bool>());
  for (const auto& c : report["checks"]) {
    if (c["name"] == "platform") {
      EXPECT_EQ(c["status"], "ok") << c.dump();
    }
  }

  // Running it again is safe: nothing is redone, the token is not needed.
  auto again = provision("T-no-longer-needed", state);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("certificate already done"), std::string::npos);
}

TEST_F(Provision, AnInterruptedRunResumesAfterItsLastCompletedStep) {
  const auto state = dir / "state";
  ASSERT_EQ(provision(sim->enrolment_tokens().at(0), state).exit_code, 0);
  // As if the run had died after pinning the root.
  auto progress = nlohmann::json::parse(read(state / "provision/state.json"));
  progress["done"] = {"certificate", "outbox_key", "root"};
  std::ofstream(state / "provision/state.json") << progress.dump();
  fs::remove(state / "provision/slip.txt");

  auto r = provision("T-spent", state);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("root already done"), std::string::npos);
  EXPECT_NE(r.out.find("selftest done"), std::string::npos);
  EXPECT_TRUE(fs::exists(state / "provision/slip.txt"));
}

TEST_F(Provision, ATokenAlreadyUsedIsRefusedWithAClearMessage) {
  const auto token = sim->enrolment_tokens().at(0);
  ASSERT_EQ(provision(token, dir / "first").exit_code, 0);
  auto r = provision(token, dir / "second");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("the enrolment token is unknown, used or expired"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("注册令牌无效"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "second/keys/device.pem"));
}

TEST_F(Provision, SelftestFailsOnAKioskThatWasNeverProvisioned) {
  auto r = test::run_process({kKiosk, "selftest", "--state", (dir / "empty").string()});
  EXPECT_EQ(r.exit_code, 1);
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_FALSE(report["ok"].get<bool>());
  EXPECT_EQ(report["checks"][0]["name"], "device_key");
  EXPECT_EQ(report["checks"][0]["status"], "failed");
}

}  // namespace
