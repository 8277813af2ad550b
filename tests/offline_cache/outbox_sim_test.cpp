// Integration: items enqueued in a real (encrypted, SQLite) outbox are
// delivered through kiosk::app::OutboxSender and the real platform client
// to a real tools/platform-sim child over mutual TLS; the simulator's
// /admin/records shows each exactly once. Then the fault matrix: 503/429
// with Retry-After, a 422 permanent reject.
//
// The worker runs on an injected clock (FakeClock) and a zero-jitter RNG:
// the test drives it with run_due() and advances time itself, so nothing
// waits on a sleep. Faults are switched with PUT /admin/faults.
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/app/sim_platform.hpp"
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/http.hpp"
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"
#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <set>
#include <string>

namespace {

namespace oc = offline_cache;
namespace kp = kiosk::platform;
using namespace std::chrono_literals;
using oc::testing::FakeClock;
using oc::testing::ScriptedRng;
using oc::testing::TempDir;

// A synthetic resident ID number with a valid GB 11643 check digit.
std::string id_number(const std::string& first17) {
  static constexpr int kW[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kW[i];
  return first17 + "10X98765432"[sum % 11];
}

kp::PreApplicationRequest pre_application(const std::string& purpose) {
  kp::PreApplicationRequest r;
  r.item_code = "650100-GA-0004";  // 无犯罪记录证明开具
  r.applicant = {id_number("65010419900715161"), "李建国", "13800138000"};
  r.form["purpose"] = purpose;
  r.materials.push_back({"650100-GA-0004-M1", "elicence", "EL-1005", {}});
  std::string page(20000, '\x5a');
  page[0] = '\xff';
  page[1] = '\xd8';
  page[2] = '\xff';
  r.materials.push_back({"650100-GA-0004-M2",
                         "scan",
                         "",
                         {{"image/jpeg", std::make_shared<const std::string>(std::move(page))}}});
  return r;
}

class OfflineCacheOutboxSim : public ::testing::Test {
 protected:
  void SetUp() override {
    kiosk::app::SimPlatformOptions opt;
    opt.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
    auto sim = kiosk::app::SimPlatform::start(opt);
    ASSERT_TRUE(sim.has_value()) << sim.error();
    sim_ = std::move(*sim);

    auto client = kp::PlatformClient::create(sim_->client_config());
    ASSERT_TRUE(client.has_value()) << client.error().detail;
    client_ = std::move(*client);

    kp::ClientConfig admin_cfg;
    admin_cfg.base_url = sim_->base_url();
    admin_cfg.ca_file = sim_->client_config().ca_file;
    auto admin = kp::HttpSession::create(admin_cfg);
    ASSERT_TRUE(admin.has_value());
    admin_ = std::move(*admin);

    auto store = oc::Store::open(dir_ / "outbox.db", oc::testing::test_key(), {}, clock_);
    ASSERT_TRUE(store.has_value()) << oc::describe(store.error());
    store_ = std::move(*store);
    sender_ = std::make_unique<kiosk::app::OutboxSender>(*client_);
    worker_ = std::make_unique<oc::DeliveryWorker>(*store_, *sender_, rng_);
  }

  void set_faults(const std::string& spec) {
    kp::HttpRequest req;
    req.method = "PUT";
    req.path = "/admin/faults";
    req.body = spec;
    req.content_type = "text/plain";
    auto r = admin_->perform(req);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->status, 200) << r->body;
  }

  nlohmann::json records(const std::string& kind) {
    kp::HttpRequest req;
    req.path = "/admin/records?kind=" + kind;
    auto r = admin_->perform(req);
    EXPECT_TRUE(r.has_value());
    if (!r) return nlohmann::json::array();
    return nlohmann::json::parse(r->body, nullptr, false)["records"];
  }

  // How many records of `kind` the platform holds under `key`.
  int count(const std::string& kind, const std::string& key) {
    int n = 0;
    for (const auto& rec : records(kind))
      if (rec["idempotency_key"] == key) ++n;
    return n;
  }

  oc::ItemInfo info(std::int64_t id) {
    auto all = store_->list(std::nullopt, 1000);
    EXPECT_TRUE(all.has_value());
    for (const auto& i : *all)
      if (i.id == id) return i;
    ADD_FAILURE() << "no item " << id;
    return {};
  }

  std::int64_t enqueue(const oc::NewItem& item) {
    auto id = store_->enqueue(item);
    EXPECT_TRUE(id.has_value()) << oc::describe(id.error());
    return id.value_or(0);
  }

  TempDir dir_;
  FakeClock clock_;
  ScriptedRng rng_{0.0};  // no jitter: the Retry-After floor alone decides
  std::unique_ptr<kiosk::app::SimPlatform> sim_;
  std::unique_ptr<kp::PlatformClient> client_;
  std::unique_ptr<kp::HttpSession> admin_;
  std::unique_ptr<oc::Store> store_;
  std::unique_ptr<kiosk::app::OutboxSender> sender_;
  std::unique_ptr<oc::DeliveryWorker> worker_;
};

TEST_F(OfflineCacheOutboxSim, EveryKindIsDeliveredExactlyOnce) {
  auto ticket =
      client_->take_ticket({"650100-GA-0004", "HALL-01", "normal"}, kp::new_idempotency_key());
  ASSERT_TRUE(ticket) << ticket.error().detail;

  kp::RatingRequest rating;
  rating.level = 4;
  rating.comment = "fine";
  rating.ticket_number = ticket->ticket_number;

  const auto a = enqueue(kiosk::app::outbox_item(pre_application("employment")));
  const auto b = enqueue(kiosk::app::outbox_item(pre_application("study")));
  const auto c = enqueue(kiosk::app::outbox_item(rating));
  const auto d = enqueue(kiosk::app::outbox_item(kp::Heartbeat{"0.1.0", "1", 3, "ok", {}}));

  auto n = worker_->run_due();
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 4);
  for (auto id : {a, b, c, d}) {
    auto i = info(id);
    EXPECT_EQ(i.state, oc::ItemState::delivered) << i.kind << ": " << i.last_error;
  }
  EXPECT_EQ(count("pre_application", info(a).idempotency_key), 1);
  EXPECT_EQ(count("pre_application", info(b).idempotency_key), 1);
  EXPECT_EQ(count("rating", info(c).idempotency_key), 1);
  EXPECT_EQ(count("heartbeat", info(d).idempotency_key), 1);
  EXPECT_EQ(records("pre_application").size(), 2u);

  // A resend under the same key (what the worker does after a crash that
  // lost the acknowledgement) is a replay at the platform, not a record.
  const auto again = kiosk::app::outbox_item(pre_application("employment"));
  const std::string key = info(a).idempotency_key;
  const oc::ItemContent content{again.payload, again.attachments};
  const oc::Delivery resend{a, "pre_application", key, 2, content};
  EXPECT_EQ(sender_->send(resend).status, oc::SendStatus::delivered);
  EXPECT_TRUE(client_->last_was_replay());
  EXPECT_EQ(records("pre_application").size(), 2u);
}

TEST_F(OfflineCacheOutboxSim, RetryAfterIsHonouredThenDeliveredOnce) {
  for (const std::string spec : {"503=1@30", "429=1@30"}) {
    SCOPED_TRACE(spec);
    set_faults(spec);
    const auto id = enqueue(kiosk::app::outbox_item(pre_application("retry " + spec)));
    ASSERT_TRUE(worker_->run_due());
    auto i = info(id);
    EXPECT_EQ(i.state, oc::ItemState::pending);
    EXPECT_EQ(i.attempts, 1);
    EXPECT_NE(i.last_error.find(spec.substr(0, 3)), std::string::npos) << i.last_error;
    EXPECT_EQ(i.next_attempt - clock_.now(), oc::Millis{30s});

    set_faults("none");
    clock_.advance(29s);  // before Retry-After: nothing goes out
    EXPECT_EQ(worker_->run_due().value_or(-1), 0);
    clock_.advance(1s);
    EXPECT_EQ(worker_->run_due().value_or(-1), 1);
    EXPECT_EQ(info(id).state, oc::ItemState::delivered);
    EXPECT_EQ(count("pre_application", info(id).idempotency_key), 1);
  }
}

TEST_F(OfflineCacheOutboxSim, APermanentRejectIsDeadLetteredWithTheReason) {
  auto ticket =
      client_->take_ticket({"650100-GA-0004", "HALL-01", "normal"}, kp::new_idempotency_key());
  ASSERT_TRUE(ticket) << ticket.error().detail;
  kp::RatingRequest bad;
  bad.level = 6;  // out of range: 422
  bad.comment = "李建国 13800138000";
  bad.ticket_number = ticket->ticket_number;
  const auto id = enqueue(kiosk::app::outbox_item(bad));
  ASSERT_TRUE(worker_->run_due());
  auto i = info(id);
  EXPECT_EQ(i.state, oc::ItemState::dead_lettered);
  EXPECT_NE(i.last_error.find("422"), std::string::npos) << i.last_error;
  EXPECT_EQ(i.last_error.find("李建国"), std::string::npos) << i.last_error;
  EXPECT_EQ(i.last_error.find("13800138000"), std::string::npos) << i.last_error;
  EXPECT_EQ(records("rating").size(), 0u);
}

TEST(OfflineCacheOutboxSender, ErrorClassesMapToSendResults) {
  kp::Error e;
  e.cls = kp::FailureClass::retry_later;
  e.code = kp::ErrorCode::network;
  EXPECT_EQ(kiosk::app::to_send_result(e).status, oc::SendStatus::unreachable);
  e.code = kp::ErrorCode::unavailable;
  e.http_status = 503;
  e.retry_after = std::chrono::seconds(7);
  auto r = kiosk::app::to_send_result(e);
  EXPECT_EQ(r.status, oc::SendStatus::retry);
  EXPECT_EQ(r.retry_after, oc::Millis{7000});
  e = {};
  e.cls = kp::FailureClass::permanent;
  e.code = kp::ErrorCode::conflict;
  e.http_status = 409;
  e.problem_code = "slot_full";
  r = kiosk::app::to_send_result(e);
  EXPECT_EQ(r.status, oc::SendStatus::rejected);
  EXPECT_NE(r.reason.find("slot_full"), std::string::npos);
  e.cls = kp::FailureClass::authentication;
  e.code = kp::ErrorCode::certificate_rejected;
  EXPECT_EQ(kiosk::app::to_send_result(e).status, oc::SendStatus::unreachable);
}

}  // namespace
