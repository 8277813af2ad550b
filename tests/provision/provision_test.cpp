// `kiosk provision` and `kiosk selftest` end to end against the platform
// simulator (real HTTPS and mutual TLS on 127.0.0.1): success, a second run
// that changes nothing, a resumed run, a token that was already used, one
// that expired, and a self-test that fails. Then the provisioned kiosk
// itself (`kiosk run`, no --sim): it reaches the platform with its own
// certificate, runs and confirms an operator's signed config, and its
// heartbeats carry the config refusal flag to `kiosk-admin fleet status`.
#include "kiosk/platform/http.hpp"
#include "kiosk/platform/sim_process.hpp"
#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>

namespace {

namespace fs = std::filesystem;
const std::string kKiosk = KIOSK_BINARY_DIR "/bin/kiosk";
const std::string kAdmin = KIOSK_BINARY_DIR "/bin/kiosk-admin";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A program that runs until stopped (the kiosk): output to a log file,
// SIGTERM then reaped when the test is done with it.
class RunningProcess {
 public:
  RunningProcess(const std::vector<std::string>& argv, const fs::path& log) {
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));  // NOLINT
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
  }
  ~RunningProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  RunningProcess(const RunningProcess&) = delete;
  RunningProcess& operator=(const RunningProcess&) = delete;
  bool running() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

 private:
  pid_t pid_ = -1;
};

// Polls a condition another process makes true (a heartbeat arriving), up to
// a deadline; the deadline only bounds a failing run.
bool eventually(const std::function<bool()>& met, std::chrono::seconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < end) {
    if (met()) return true;
    usleep(100'000);
  }
  return met();
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

TEST_F(Provision, AnExpiredTokenIsRefusedWithAClearMessage) {
  // The platform's admin API issues a token that expired yesterday.
  kiosk::platform::ClientConfig cfg;
  cfg.base_url = sim->url();
  cfg.ca_file = sim->ca_file().string();
  auto admin = kiosk::platform::HttpSession::create(cfg);
  ASSERT_TRUE(admin.has_value());
  kiosk::platform::HttpRequest req;
  req.method = "POST";
  req.path = "/admin/enrolment-tokens";
  req.headers = {"Content-Type: application/json"};
  req.body = R"({"expires_at": "2026-01-01T00:00:00Z"})";
  auto issued = (*admin)->perform(req);
  ASSERT_TRUE(issued.has_value());
  ASSERT_EQ(issued->status, 201) << issued->body;
  const std::string token = nlohmann::json::parse(issued->body)["enrolment_token"];

  auto r = provision(token, dir / "late");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("the enrolment token has expired; ask for a new one"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("注册令牌已过期"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "late/keys/device.pem"));
  // Resuming with a fresh token enrols.
  EXPECT_EQ(provision(sim->enrolment_tokens().at(0), dir / "late").exit_code, 0);
}

TEST_F(Provision, AnUnreachablePlatformOrAnUntrustedOneIsSaidPlainly) {
  auto r =
      test::run_process({kKiosk, "provision", "--platform", "https://127.0.0.1:1", "--token",
                         sim->enrolment_tokens().at(0), "--hall", "HALL-01", "--terminal", "T-0001",
                         "--ca", sim->ca_file().string(), "--state", (dir / "offline").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("无法连接平台，请检查网络后重试"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "offline/keys/device.pem"));
  // The right platform, the wrong CA (another platform's).
  auto other = kiosk::platform::SimProcess::start(
      {fs::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim", dir / "other", "", 7, 1});
  ASSERT_TRUE(other) << other.error();
  r = test::run_process({kKiosk, "provision", "--platform", sim->url(), "--token",
                         sim->enrolment_tokens().at(0), "--hall", "HALL-01", "--terminal", "T-0001",
                         "--ca", other->ca_file().string(), "--state",
                         (dir / "untrusted").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("平台证书不受信任"), std::string::npos) << r.err;
}

TEST_F(Provision, SelftestFailsOnAKioskThatWasNeverProvisioned) {
  auto r = test::run_process({kKiosk, "selftest", "--state", (dir / "empty").string()});
  EXPECT_EQ(r.exit_code, 1);
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_FALSE(report["ok"].get<bool>());
  EXPECT_EQ(report["checks"][0]["name"], "device_key");
  EXPECT_EQ(report["checks"][0]["status"], "failed");
}

TEST_F(Provision, TheProvisionedKioskConfirmsItsConfigAndReportsTheRefusalFlagToTheFleet) {
  const auto state = dir / "state";
  ASSERT_EQ(provision(sim->enrolment_tokens().at(0), state).exit_code, 0);
  // An operator's bundle (the shipped config, signed as version 2), applied
  // as the config agent would: a switch waiting for the app's healthy report.
  const auto bundle = dir / "bundle";
  fs::copy(KIOSK_SOURCE_DIR "/config/defaults", bundle, fs::copy_options::recursive);
  auto signed_ = test::run_process({kAdmin, "config", "sign", bundle.string(), "--key",
                                    (dir / "ops.key").string(), "--version", "2", "--expires",
                                    "2099-01-01T00:00:00Z"});
  ASSERT_EQ(signed_.exit_code, 0) << signed_.err;
  const auto store = (state / "config").string();
  auto applied = test::run_process({kKiosk, "config", "apply", bundle.string(), "--store", store});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  auto status = test::run_process({kKiosk, "config", "status", "--store", store});
  ASSERT_NE(status.out.find("\"pending\""), std::string::npos) << status.out;
  // Later a bundle was refused (as `kiosk config agent` records it).
  std::ofstream(state / "config/refusal.json")
      << R"({"reason": "expired", "detail": "targets expired", "at": "2026-12-01T00:00:00Z",)"
      << R"( "version": 7})";

  // The image's config folder is empty: the kiosk must run the store's.
  fs::create_directories(dir / "etc-kiosk");
  RunningProcess kiosk(
      {kKiosk, "run", "--headless", "--state", state.string(), "--config",
       (dir / "etc-kiosk").string(), "--health-settle", "0", "--heartbeat-interval", "1"},
      dir / "kiosk.log");
  const std::string terminal =
      nlohmann::json::parse(read(state / "provision/state.json"))["terminal_id"];
  const auto fleet = [&]() -> nlohmann::json {
    auto r = test::run_process(
        {kAdmin, "fleet", "status", "--platform", sim->url(), "--ca", sim->ca_file().string()});
    if (r.exit_code != 0) return nullptr;
    const auto report = nlohmann::json::parse(r.out, nullptr, false);
    if (!report.is_object()) return nullptr;
    for (const auto& t : report["terminals"]) {
      if (t["terminal_id"] == terminal) return t;
    }
    return nullptr;
  };
  EXPECT_TRUE(eventually(
      [&] {
        const auto t = fleet();
        return t.is_object() && t["config_refused"] == "expired (7)";
      },
      std::chrono::seconds(60)))
      << fleet().dump() << "\n"
      << read(dir / "kiosk.log");
  // Healthy on the new config: confirmed, now the last known good.
  EXPECT_TRUE(eventually(
      [&] {
        auto s = test::run_process({kKiosk, "config", "status", "--store", store});
        return s.out.find("\"pending\"") == std::string::npos;
      },
      std::chrono::seconds(30)))
      << read(dir / "kiosk.log");
  const auto confirmed =
      nlohmann::json::parse(test::run_process({kKiosk, "config", "status", "--store", store}).out);
  EXPECT_EQ(confirmed["last_good"], confirmed["current"]);
  EXPECT_EQ(confirmed["installed_version"], 2);

  // The flag cleared (a later bundle applied) reaches the fleet too.
  fs::remove(state / "config/refusal.json");
  EXPECT_TRUE(eventually(
      [&] {
        const auto t = fleet();
        return t.is_object() && t["config_refused"].is_null();
      },
      std::chrono::seconds(60)))
      << fleet().dump();
  EXPECT_TRUE(kiosk.running()) << read(dir / "kiosk.log");
}

}  // namespace
