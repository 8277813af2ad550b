// Integration: items enqueued in a real (encrypted, SQLite) outbox are
// delivered through kiosk::app::OutboxSender and the real platform client
// to a real tools/platform-sim child over mutual TLS; the simulator's
// /admin/records shows each exactly once. Then the fault matrix: an outage
// (the simulator stopped, then restarted on the same port and state; and a
// maintenance window answering 503), a connection reset mid-answer after
// the platform recorded the item, 500, 503/429 with Retry-After, 409 and
// 422 permanent rejects, and a TLS failure (a server certificate from
// another CA). Each case ends with the item delivered exactly once or
// dead-lettered with the platform's reason.
//
// The worker runs on an injected clock (FakeClock) and a zero-jitter RNG:
// the test drives it with run_due() and advances time itself, so nothing
// waits on a sleep. Faults are switched with PUT /admin/faults. Every
// network call has a deadline (with_test_deadlines) and ctest a timeout.
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/app/sim_platform.hpp"
#include "kiosk/platform/client.hpp"
#include "kiosk/platform/http.hpp"
#include "kiosk/platform/sim_process.hpp"
#include "offline_cache/store.hpp"
#include "offline_cache/worker.hpp"
#include "tests/offline_cache/sim_items.hpp"
#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace {

namespace oc = offline_cache;
namespace kp = kiosk::platform;
using namespace std::chrono_literals;
using oc::testing::FakeClock;
using oc::testing::ScriptedRng;
using oc::testing::TempDir;

using oc::testing::pre_application;

// Short transport deadlines: a fault the client does not notice fails the
// test within seconds instead of hanging it until ctest's timeout.
kp::ClientConfig with_test_deadlines(kp::ClientConfig cfg) {
  cfg.connect_timeout = 2s;
  cfg.total_timeout = 10s;
  cfg.upload_timeout = 10s;
  return cfg;
}

class OfflineCacheOutboxSim : public ::testing::Test {
 protected:
  void SetUp() override {
    kiosk::app::SimPlatformOptions opt;
    opt.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
    auto sim = kiosk::app::SimPlatform::start(opt);
    ASSERT_TRUE(sim.has_value()) << sim.error();
    sim_ = std::move(*sim);

    auto client = kp::PlatformClient::create(with_test_deadlines(sim_->client_config()));
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

  const std::string& key_of(std::int64_t id) {
    keys_[id] = info(id).idempotency_key;
    return keys_[id];
  }

  // One pass while the fault is on: the item was tried once and waits,
  // with a reason that names the fault; the platform has no record of it.
  void expect_waiting(std::int64_t id, int attempts, const std::string& reason_part) {
    const auto i = info(id);
    EXPECT_EQ(i.state, oc::ItemState::pending) << i.last_error;
    EXPECT_EQ(i.attempts, attempts);
    EXPECT_NE(i.last_error.find(reason_part), std::string::npos) << i.last_error;
  }

  // The fault is gone: the next pass delivers it, and the platform holds
  // exactly one record under its key.
  void expect_delivered_once(std::int64_t id) {
    ASSERT_TRUE(worker_->run_due());
    const auto i = info(id);
    EXPECT_EQ(i.state, oc::ItemState::delivered) << i.last_error;
    EXPECT_EQ(count(i.kind, i.idempotency_key), 1);
    EXPECT_EQ(worker_->connectivity(), oc::Connectivity::online);
  }

  // The simulator comes back on the same port with the same state (its CA,
  // this kiosk's enrolment, its records), as a platform does after a restart.
  void restart_simulator() {
    const auto& url = sim_->base_url();
    kp::SimOptions o;
    o.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
    o.state_dir = sim_->process().state_dir();
    o.port = std::stoi(url.substr(url.rfind(':') + 1));
    auto p = kp::SimProcess::start(o);
    ASSERT_TRUE(p.has_value()) << p.error();
    ASSERT_EQ(p->url(), url);
    restarted_.emplace(std::move(*p));
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
  std::optional<kp::SimProcess> restarted_;  // stopped before sim_ removes its folder
  std::map<std::int64_t, std::string> keys_;
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
  const auto d =
      enqueue(kiosk::app::outbox_item(kp::Heartbeat{"0.1.0", "1", 3, "ok", {}, std::nullopt}));

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

// Rated while the pre-application waited in the outbox: the rating names it
// by its key and never overtakes it, even when the pre-application's first
// try fails (the rating alone would be refused: the platform does not know
// the key yet).
TEST_F(OfflineCacheOutboxSim, ARatingOfAWaitingPreApplicationGoesAfterIt) {
  const std::string key = kp::new_idempotency_key();
  const auto pre = enqueue(kiosk::app::outbox_item(pre_application("rated offline"), key));
  kp::RatingRequest rating;
  rating.level = 5;
  rating.pre_application_key = key;
  const auto rated = enqueue(kiosk::app::outbox_item(rating));

  set_faults("5xx=1");  // the pre-application's first try fails
  ASSERT_TRUE(worker_->run_due());
  EXPECT_EQ(info(pre).state, oc::ItemState::pending);
  EXPECT_EQ(info(rated).state, oc::ItemState::pending);
  EXPECT_EQ(info(rated).attempts, 0) << "it waits for the pre-application";

  set_faults("none");
  clock_.advance(10min);
  ASSERT_TRUE(worker_->run_due());
  ASSERT_EQ(info(pre).state, oc::ItemState::delivered) << info(pre).last_error;
  ASSERT_EQ(info(rated).state, oc::ItemState::delivered) << info(rated).last_error;
  const auto ratings = records("rating");
  ASSERT_EQ(ratings.size(), 1u);
  EXPECT_EQ(ratings[0]["data"]["case_number"], records("pre_application")[0]["id"]);
}

// The heartbeat flag (the last refused config bundle) goes through the
// encrypted outbox to the platform, which keeps it for `fleet status`.
TEST_F(OfflineCacheOutboxSim, AHeartbeatCarriesTheConfigRefusalFlag) {
  kp::Heartbeat hb{"0.1.0", "6", 0, "ok", {}, std::nullopt};
  hb.config_refusal =
      kp::ConfigRefusal{"expired", "7", "targets metadata expired", "2026-11-28T10:00:00Z"};
  const auto id = enqueue(kiosk::app::outbox_item(hb));
  ASSERT_TRUE(worker_->run_due());
  ASSERT_EQ(info(id).state, oc::ItemState::delivered) << info(id).last_error;
  const auto beats = records("heartbeat");
  ASSERT_EQ(beats.size(), 1u);
  EXPECT_EQ(beats[0]["data"]["config_refusal"]["reason"], "expired");
  EXPECT_EQ(beats[0]["data"]["config_refusal"]["refused_version"], "7");
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

TEST_F(OfflineCacheOutboxSim, OutageSimulatorStoppedThenRestarted) {
  const auto id = enqueue(kiosk::app::outbox_item(pre_application("outage")));
  sim_->process().stop();  // the platform is gone: connections are refused
  auto n = worker_->run_due();
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 1);
  expect_waiting(id, 1, "network");
  EXPECT_EQ(worker_->connectivity(), oc::Connectivity::offline);
  EXPECT_EQ(worker_->run_due().value_or(-1), 1) << "the next pass tries once more";
  expect_waiting(id, 2, "network");

  restart_simulator();
  expect_delivered_once(id);
}

// A maintenance window: the platform answers 503 without Retry-After for a
// long time. This is the case whose first test hung: with zero jitter a
// failed item was due again at once and run_due() resent it in a loop.
TEST_F(OfflineCacheOutboxSim, OutageWindowAnswering503WaitsOnePassAtATime) {
  set_faults("outage=0-600000");
  const auto id = enqueue(kiosk::app::outbox_item(pre_application("maintenance")));
  for (int pass = 1; pass <= 3; ++pass) {
    EXPECT_EQ(worker_->run_due().value_or(-1), 1);
    expect_waiting(id, pass, "503");
    clock_.advance(10min);
  }
  EXPECT_EQ(count("pre_application", key_of(id)), 0);
  set_faults("none");
  expect_delivered_once(id);
}

// The platform records the submission, then the connection drops halfway
// through its answer: the kiosk cannot know it arrived. The resend under the
// same idempotency key is a replay, so the platform still has one record.
TEST_F(OfflineCacheOutboxSim, ResetMidAnswerAfterTheRecordIsStillOnce) {
  set_faults("reset=1;only=/v1/pre-applications");
  const auto id = enqueue(kiosk::app::outbox_item(pre_application("reset")));
  EXPECT_EQ(worker_->run_due().value_or(-1), 1);
  expect_waiting(id, 1, "network");
  EXPECT_EQ(count("pre_application", key_of(id)), 1) << "the platform did record it";
  set_faults("none");
  expect_delivered_once(id);
  EXPECT_TRUE(client_->last_was_replay());
}

TEST_F(OfflineCacheOutboxSim, ServerErrorIsRetriedThenDeliveredOnce) {
  set_faults("5xx=1");
  const auto id = enqueue(kiosk::app::outbox_item(pre_application("5xx")));
  EXPECT_EQ(worker_->run_due().value_or(-1), 1);
  expect_waiting(id, 1, "HTTP 50");
  EXPECT_EQ(worker_->connectivity(), oc::Connectivity::online) << "it answered";
  set_faults("none");
  expect_delivered_once(id);
}

TEST_F(OfflineCacheOutboxSim, ConflictIsDeadLetteredWithThePlatformsReason) {
  // A slot holds four bookings; the fifth is refused with 409 slot_full.
  const std::string slot = "HALL-01_650100-GA-0004_2026-12-01_0930";
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    kp::AppointmentRequest r{slot,
                             {oc::testing::id_number("6501041990071516" + std::to_string(i)),
                              oc::testing::kTestPersonName, "13800138000"}};
    ids.push_back(enqueue(kiosk::app::outbox_item(r)));
  }
  EXPECT_EQ(worker_->run_due().value_or(-1), 5);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(info(ids[i]).state, oc::ItemState::delivered);
  const auto fifth = info(ids[4]);
  EXPECT_EQ(fifth.state, oc::ItemState::dead_lettered);
  EXPECT_NE(fifth.last_error.find("409"), std::string::npos) << fifth.last_error;
  EXPECT_NE(fifth.last_error.find("slot_full"), std::string::npos) << fifth.last_error;
  EXPECT_EQ(fifth.last_error.find(oc::testing::kTestPersonName), std::string::npos);
  EXPECT_EQ(count("appointment", fifth.idempotency_key), 0);
  EXPECT_EQ(records("appointment").size(), 4u);
}

// The server presents a certificate from a CA the kiosk does not trust (a
// interception proxy, a wrong DNS answer). Never dead-lettered: the item
// waits, the kiosk shows offline, and once the trust is right it goes once.
TEST_F(OfflineCacheOutboxSim, TlsFailureKeepsTheItemUntilTheServerIsTrusted) {
  TempDir other;
  {
    kp::SimOptions o;
    o.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
    o.state_dir = other.path();
    auto foreign = kp::SimProcess::start(o);  // its own, different test CA
    ASSERT_TRUE(foreign.has_value()) << foreign.error();
  }
  auto cfg = with_test_deadlines(sim_->client_config());
  cfg.ca_file = (other.path() / "ca.pem").string();
  auto untrusting = kp::PlatformClient::create(cfg);
  ASSERT_TRUE(untrusting.has_value()) << untrusting.error().detail;
  kiosk::app::OutboxSender sender(**untrusting);
  oc::DeliveryWorker worker(*store_, sender, rng_);

  const auto id = enqueue(kiosk::app::outbox_item(pre_application("tls")));
  EXPECT_EQ(worker.run_due().value_or(-1), 1);
  expect_waiting(id, 1, "authentication");
  EXPECT_EQ(worker.connectivity(), oc::Connectivity::offline);
  EXPECT_EQ(count("pre_application", key_of(id)), 0);
  expect_delivered_once(id);  // the properly configured client
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
