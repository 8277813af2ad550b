// Integration: `kiosk outbox status|list|retry|drain` as processes (the
// built `kiosk`), on a real encrypted outbox, delivering to a real
// platform-sim child. The outbox is filled in-process (the flows enqueue,
// not the operator); everything after that is the operator's CLI. Each
// drain has its own --timeout, and ctest a timeout, so nothing can hang.
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/app/sim_platform.hpp"
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/http.hpp"
#include "offline_cache/key_file.hpp"
#include "offline_cache/store.hpp"
#include "tests/offline_cache/sim_items.hpp"
#include "tests/offline_cache/test_support.hpp"
#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace oc = offline_cache;
namespace kp = kiosk::platform;
using nlohmann::json;

const std::string kKiosk = std::string(KIOSK_BINARY_DIR) + "/bin/kiosk";

class OfflineCacheOutboxCli : public ::testing::Test {
 protected:
  void SetUp() override {
    kiosk::app::SimPlatformOptions opt;
    opt.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
    auto sim = kiosk::app::SimPlatform::start(opt);
    ASSERT_TRUE(sim.has_value()) << sim.error();
    sim_ = std::move(*sim);
    auto provisioned = kiosk({"provision-key"});
    ASSERT_EQ(provisioned.exit_code, 0) << provisioned.err;
  }

  // `kiosk outbox ARGS… --state DIR`
  test::ProcessResult kiosk(std::vector<std::string> args) {
    std::vector<std::string> argv = {kKiosk, "outbox"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--state", state_.path().string()});
    return test::run_process(argv);
  }
  test::ProcessResult drain(const std::string& timeout_s) {
    const auto& c = sim_->client_config();
    return kiosk({"drain", "--until-empty", "--timeout", timeout_s, "--platform", c.base_url,
                  "--ca", c.ca_file, "--cert", c.cert_file, "--key", c.key_file});
  }
  json kiosk_json(std::vector<std::string> args) {
    auto r = kiosk(std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  // What the flows do: enqueue through the library, then let go of the outbox.
  std::vector<std::int64_t> enqueue(const std::vector<oc::NewItem>& items) {
    auto key = oc::load_key_file(state_.path() / "keys" / "outbox.key");
    EXPECT_TRUE(key.has_value());
    std::filesystem::create_directories(state_.path() / "outbox");
    oc::SystemClock clock;
    auto store = oc::Store::open(state_.path() / "outbox" / "outbox.db", *key, {}, clock);
    EXPECT_TRUE(store.has_value()) << oc::describe(store.error());
    std::vector<std::int64_t> ids;
    for (const auto& i : items) ids.push_back((*store)->enqueue(i).value_or(0));
    return ids;
  }

  int records(const std::string& kind) {
    kp::ClientConfig cfg;
    cfg.base_url = sim_->base_url();
    cfg.ca_file = sim_->client_config().ca_file;
    auto admin = kp::HttpSession::create(cfg);
    EXPECT_TRUE(admin.has_value());
    kp::HttpRequest req;
    req.path = "/admin/records?kind=" + kind;
    auto r = (*admin)->perform(req);
    EXPECT_TRUE(r.has_value());
    return r ? static_cast<int>(json::parse(r->body)["records"].size()) : -1;
  }

  oc::testing::TempDir state_;
  std::unique_ptr<kiosk::app::SimPlatform> sim_;
};

TEST_F(OfflineCacheOutboxCli, StatusListDrainRetryAgainstTheSimulator) {
  auto client = kp::PlatformClient::create(sim_->client_config());
  ASSERT_TRUE(client.has_value());
  auto ticket =
      (*client)->take_ticket({"650100-GA-0004", "HALL-01", "normal"}, kp::new_idempotency_key());
  ASSERT_TRUE(ticket.has_value()) << ticket.error().detail;
  kp::RatingRequest bad;
  bad.level = 6;  // out of range: the platform answers 422
  bad.ticket_number = ticket->ticket_number;
  const auto ids = enqueue({kiosk::app::outbox_item(oc::testing::pre_application("a")),
                            kiosk::app::outbox_item(oc::testing::pre_application("b")),
                            kiosk::app::outbox_item(bad)});
  const std::int64_t rating_id = ids[2];

  auto status = kiosk_json({"status"});
  EXPECT_EQ(status["depth"], 3);
  EXPECT_EQ(status["by_state"]["pending"], 3);
  EXPECT_FALSE(status["full"].get<bool>());
  auto pending = kiosk_json({"list", "--state-filter", "pending"});
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0]["kind"], "pre_application");
  EXPECT_EQ(pending[0].dump().find(oc::testing::kTestPersonName), std::string::npos)
      << "list shows metadata, never payloads";

  auto drained = drain("20");
  EXPECT_EQ(drained.exit_code, 0) << drained.err;
  EXPECT_NE(drained.err.find("死信"), std::string::npos) << drained.err;
  EXPECT_NE(drained.err.find("dead-lettered"), std::string::npos) << drained.err;
  EXPECT_EQ(records("pre_application"), 2);
  auto dead = kiosk_json({"list", "--state-filter", "dead_lettered"});
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0]["id"], rating_id);
  EXPECT_NE(dead[0]["last_error"].get<std::string>().find("422"), std::string::npos);

  // The operator sends it again: pending, then (still invalid) dead again.
  auto retried = kiosk_json({"retry", std::to_string(rating_id)});
  EXPECT_EQ(retried["retried"], rating_id);
  EXPECT_EQ(kiosk_json({"status"})["by_state"]["pending"], 1);
  EXPECT_EQ(drain("20").exit_code, 0);
  status = kiosk_json({"status"});
  EXPECT_EQ(status["depth"], 0);
  EXPECT_EQ(status["by_state"]["delivered"], 2);
  EXPECT_EQ(status["by_state"]["dead_lettered"], 1);
  EXPECT_EQ(records("pre_application"), 2) << "nothing went twice";
  EXPECT_EQ(records("rating"), 0);
}

TEST_F(OfflineCacheOutboxCli, DrainTimesOutWhileThePlatformIsDownAndKeepsTheItems) {
  enqueue({kiosk::app::outbox_item(oc::testing::pre_application("down"))});
  sim_->process().stop();
  auto r = drain("2");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("超时"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Timed out"), std::string::npos) << r.err;
  auto status = kiosk_json({"status"});
  EXPECT_EQ(status["depth"], 1);
  EXPECT_NE(status["last_error"].get<std::string>().find("network"), std::string::npos)
      << status.dump();
}

TEST_F(OfflineCacheOutboxCli, RetryOfAnUnknownItemAndDrainWithoutAPlatformAreClearErrors) {
  auto r = kiosk({"retry", "424242"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(r.err.empty());
  r = kiosk({"drain", "--until-empty", "--timeout", "1"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("--platform"), std::string::npos) << r.err;
}

}  // namespace
