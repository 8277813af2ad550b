// Integration: the outbox as `kiosk run` holds it (kiosk/app/outbox_service):
// a real encrypted outbox under a state folder, its worker thread, and a
// real platform-sim child. Submissions enqueued before the platform is
// known are kept, then delivered once it is; the listener sees the queue
// drain; a nearly full quota turns `full` so the UI stops offering
// submissions. Waits are on the listener's events, each with a deadline.
#include "kiosk/app/outbox_service.hpp"
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/app/sim_platform.hpp"
#include "kiosk/platform/http.hpp"
#include "tests/offline_cache/sim_items.hpp"
#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <mutex>

namespace {

namespace oc = offline_cache;
namespace kp = kiosk::platform;
using namespace std::chrono_literals;

// Collects the statuses the service publishes (from its thread).
class StatusLog {
 public:
  void operator()(const oc::OutboxStatus& s) {
    {
      std::lock_guard lock(mu_);
      all_.push_back(s);
    }
    cv_.notify_all();
  }
  // Forgets what was published so far: later waits see only what follows.
  void clear() {
    std::lock_guard lock(mu_);
    all_.clear();
  }
  // Waits (at most `limit`) for a status that satisfies `pred`.
  template <class Pred>
  std::optional<oc::OutboxStatus> wait_for(Pred pred, std::chrono::seconds limit = 15s) {
    std::unique_lock lock(mu_);
    std::optional<oc::OutboxStatus> found;
    cv_.wait_for(lock, limit, [&] {
      for (const auto& s : all_)
        if (pred(s)) found = s;
      return found.has_value();
    });
    return found;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<oc::OutboxStatus> all_;
};

struct OfflineCacheOutboxService : ::testing::Test {
  oc::testing::TempDir state;
  std::shared_ptr<StatusLog> log = std::make_shared<StatusLog>();

  std::unique_ptr<kiosk::app::OutboxService> open(kiosk::app::OutboxServiceOptions opt = {}) {
    opt.state_dir = state.path();
    opt.create_missing_key = true;
    auto s =
        kiosk::app::OutboxService::open(opt, [l = log](const oc::OutboxStatus& st) { (*l)(st); });
    EXPECT_TRUE(s.has_value()) << oc::describe(s.error());
    return s ? std::move(*s) : nullptr;
  }
};

TEST_F(OfflineCacheOutboxService, KeepsSubmissionsUntilThePlatformIsKnownThenDeliversOnce) {
  auto service = open();
  ASSERT_TRUE(service);
  auto id = service->enqueue(kiosk::app::outbox_item(oc::testing::pre_application("service")));
  ASSERT_TRUE(id.has_value());
  EXPECT_TRUE(log->wait_for([](const auto& s) { return s.depth == 1; }, 1s))
      << "the queue depth reaches the app at once";
  EXPECT_EQ(service->status().connectivity, oc::Connectivity::unknown);

  kiosk::app::SimPlatformOptions opt;
  opt.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
  auto sim = kiosk::app::SimPlatform::start(opt);
  ASSERT_TRUE(sim.has_value()) << sim.error();
  ASSERT_TRUE(service->connect((*sim)->client_config()));

  auto drained = log->wait_for(
      [](const auto& s) { return s.depth == 0 && s.connectivity == oc::Connectivity::online; });
  ASSERT_TRUE(drained) << "delivered within the deadline";
  EXPECT_TRUE(service->status().accepting());

  // The platform holds it once.
  kp::ClientConfig admin_cfg;
  admin_cfg.base_url = (*sim)->base_url();
  admin_cfg.ca_file = (*sim)->client_config().ca_file;
  auto admin = kp::HttpSession::create(admin_cfg);
  ASSERT_TRUE(admin.has_value());
  kp::HttpRequest req;
  req.path = "/admin/records?kind=pre_application";
  auto r = (*admin)->perform(req);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(nlohmann::json::parse(r->body)["records"].size(), 1u);
  service.reset();  // stops the worker before the simulator goes
}

// After an outage the backoff may hold an item minutes ahead; when the
// network monitor sees the platform again, network_returned() makes it due
// at once. The backoff here is 10 minutes with full jitter, so without
// network_returned() the item would wait a random 0..600 s: the 15 s deadline
// below is missed 97.5% of the time if the item is not made due.
TEST_F(OfflineCacheOutboxService, WhenTheNetworkReturnsWaitingItemsAreSentAtOnce) {
  kiosk::app::OutboxServiceOptions options;
  options.worker.backoff = {std::chrono::minutes{10}, std::chrono::minutes{10}};
  auto service = open(options);
  ASSERT_TRUE(service);
  kiosk::app::SimPlatformOptions opt;
  opt.binary = std::filesystem::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim";
  auto sim = kiosk::app::SimPlatform::start(opt);
  ASSERT_TRUE(sim.has_value()) << sim.error();
  kp::ClientConfig admin_cfg;
  admin_cfg.base_url = (*sim)->base_url();
  admin_cfg.ca_file = (*sim)->client_config().ca_file;
  auto admin = kp::HttpSession::create(admin_cfg);
  ASSERT_TRUE(admin.has_value());
  const auto set_faults = [&](const std::string& spec) {
    kp::HttpRequest req;
    req.method = "PUT";
    req.path = "/admin/faults";
    req.body = spec;
    req.content_type = "text/plain";
    auto r = (*admin)->perform(req);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->status, 200) << r->body;
  };
  set_faults("outage=0-86400000");
  ASSERT_TRUE(service->connect((*sim)->client_config()));
  ASSERT_TRUE(
      service->enqueue(kiosk::app::outbox_item(oc::testing::pre_application("after-outage"))));
  ASSERT_TRUE(log->wait_for([](const auto& s) { return s.depth == 1 && !s.last_error.empty(); }))
      << "the first attempt meets the outage and is put back";

  log->clear();
  set_faults("none");
  service->network_returned();
  EXPECT_TRUE(log->wait_for([](const auto& s) { return s.depth == 0; }))
      << "delivered as soon as the network is back, not after the backoff";
  service.reset();
}

TEST_F(OfflineCacheOutboxService, ANearlyFullQuotaStopsAcceptingAndNothingIsEvicted) {
  kiosk::app::OutboxServiceOptions opt;
  opt.store.quota_bytes = 200'000;
  opt.store.reserve_bytes = 60'000;  // one large submission
  opt.store.disk_reserve_bytes = 0;
  auto service = open(opt);
  ASSERT_TRUE(service);
  EXPECT_TRUE(service->status().accepting());
  int accepted = 0;
  for (; accepted < 10; ++accepted) {
    auto id =
        service->enqueue(kiosk::app::outbox_item(oc::testing::pre_application("quota", 50'000)));
    if (!id) {
      EXPECT_EQ(id.error().code, oc::ErrorCode::quota_full);
      break;
    }
  }
  EXPECT_GE(accepted, 2);
  EXPECT_LT(accepted, 10);
  auto full = log->wait_for([](const auto& s) { return s.full; }, 1s);
  ASSERT_TRUE(full) << "the app hears that the outbox is full";
  EXPECT_FALSE(full->accepting());
  EXPECT_EQ(full->depth, accepted) << "nothing accepted was evicted";
}

TEST_F(OfflineCacheOutboxService, WithoutAProvisionedKeyItRefusesToOpen) {
  kiosk::app::OutboxServiceOptions opt;
  opt.state_dir = state.path();
  auto s = kiosk::app::OutboxService::open(opt, {});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, oc::ErrorCode::key_missing);
}

}  // namespace
