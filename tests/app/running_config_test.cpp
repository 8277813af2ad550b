// Which config the running kiosk uses and its health report after a switch,
// on a real signed-config store (bundles signed and applied as the agent
// does), with the time as a parameter; and what the heartbeat tells the
// fleet: device states, the refusal flag from the store, and that the
// citizen's "waiting" count leaves the kiosk's own heartbeats out.
#include "kiosk/app/running_config.hpp"
#include "config/config.hpp"
#include "kiosk/app/heartbeat_sender.hpp"
#include "kiosk/app/outbox_events.hpp"
#include "kiosk/app/outbox_service.hpp"
#include "tests/config_bundle/bundle_fixture.hpp"

#include <gtest/gtest.h>

namespace bundle_test {
namespace {

using namespace std::chrono_literals;
using kiosk::app::choose_config;
using kiosk::app::HealthReport;

class RunningConfigTest : public ::testing::Test {
 protected:
  Keyring keys;
  TempDir tmp;
  fs::path store = tmp.path() / "state" / "config";
  fs::path image_config = tmp.path() / "etc-kiosk";
  cb::RootMeta root = make_root_meta(1, keys.root, 1, keys.targets, 1);

  void SetUp() override {
    fs::create_directories(store);
    ASSERT_TRUE(cb::pin_root(store, sign_with(cb::canonical_root(root), {keys.root[0]})));
    write(image_config / "config.json", kConfigJson);
    write(image_config / "texts.json", kTextsJson);
  }

  // Verifies and applies bundle `version` at `when`, as the agent does.
  void install(std::int64_t version, cb::Time when) {
    const auto dir = tmp.path() / ("bundle-" + std::to_string(version));
    make_bundle(dir, version, {keys.targets[0]});
    auto trust = cb::load_trust(store);
    ASSERT_TRUE(trust);
    auto verified = cb::verify_bundle(dir, *trust, when);
    ASSERT_TRUE(verified) << verified.error().to_string();
    ASSERT_TRUE(cb::apply(store, *verified, when));
  }
  cb::StoreState state() { return *cb::read_store(store); }

  // A real outbox (a SQLite file) with no platform connected, so what is
  // queued stays there to be counted.
  auto open_outbox() {
    kiosk::app::OutboxServiceOptions o;
    o.state_dir = tmp.path() / "state";
    o.create_missing_key = true;
    return kiosk::app::OutboxService::open(o, [](const offline_cache::OutboxStatus&) {});
  }
};

TEST_F(RunningConfigTest, WithoutAnInstalledBundleTheImagesConfigRuns) {
  const auto running = choose_config(image_config, store, kNow, 120s);
  EXPECT_EQ(running.dir, image_config);
  EXPECT_FALSE(running.store);
  HealthReport health(running, 30s, 120s);
  health.first_frame(kNow);
  EXPECT_FALSE(health.due());  // nothing to confirm
  EXPECT_FALSE(health.config_switched());
}

TEST_F(RunningConfigTest, AnInstalledBundleWinsAndIsConfirmedAfterTheSettleTime) {
  install(1, kNow);
  const auto running = choose_config(image_config, store, kNow + 5s, 120s);
  ASSERT_TRUE(running.store);
  EXPECT_EQ(running.folder, state().current);
  EXPECT_TRUE(config::load(running.dir));

  HealthReport health(running, 30s, 120s);
  health.starting(kNow + 5s);
  EXPECT_FALSE(health.tick(kNow + 6s));  // no frame drawn yet
  health.first_frame(kNow + 7s);
  ASSERT_TRUE(health.due());
  EXPECT_EQ(*health.due(), kNow + 37s);
  EXPECT_FALSE(health.tick(kNow + 36s));
  EXPECT_TRUE(state().pending);
  EXPECT_TRUE(health.tick(kNow + 37s));
  EXPECT_FALSE(state().pending);
  EXPECT_EQ(state().last_good, state().current);
  EXPECT_FALSE(health.tick(kNow + 99s));  // once
}

TEST_F(RunningConfigTest, ASwitchNoAppHasTriedIsNotRolledBackBeforeTheAppStartsOnIt) {
  install(1, kNow);
  ASSERT_TRUE(cb::health_step(store, true, kNow, 120s));
  install(2, kNow + 10s);
  // A citizen's session kept the app on v1 for ten minutes: the agent's
  // pass must not judge a config nobody has run yet.
  EXPECT_EQ(cb::health_step(store, false, kNow + 600s, 120s, cb::Untried::wait)->action,
            cb::HealthAction::wait);
  const auto running = choose_config(image_config, store, kNow + 610s, 120s);
  EXPECT_EQ(state().installed_version, 2);
  EXPECT_EQ(running.folder, state().current);
  // Operators asking by hand still judge it from the switch.
  EXPECT_EQ(cb::health_step(store, false, kNow + 611s, 120s)->action, cb::HealthAction::roll_back);
}

TEST_F(RunningConfigTest, AStartedSwitchGetsItsGraceFromTheStart) {
  install(1, kNow);
  ASSERT_TRUE(cb::health_step(store, true, kNow, 120s));
  install(2, kNow + 10s);
  auto running = choose_config(image_config, store, kNow + 20s, 120s);
  ASSERT_EQ(state().installed_version, 2);
  HealthReport health(running, 30s, 120s);
  health.starting(kNow + 100s);  // the app restarted onto v2 late
  ASSERT_TRUE(state().pending);
  ASSERT_TRUE(state().pending->started_at);
  // The agent's pass at switch + 130 s waits: the app started 30 s ago.
  EXPECT_EQ(cb::health_step(store, false, kNow + 140s, 120s)->action, cb::HealthAction::wait);
  // A crash loop: the app never reports; a restart past the grace rolls back.
  running = choose_config(image_config, store, kNow + 221s, 120s);
  EXPECT_EQ(state().installed_version, 1);
  EXPECT_EQ(state().rolled_back_version, 2);
  EXPECT_EQ(running.folder, state().current);
}

TEST_F(RunningConfigTest, ASwitchWhileRunningIsNoticed) {
  install(1, kNow);
  const auto running = choose_config(image_config, store, kNow, 120s);
  HealthReport health(running, 30s, 120s);
  EXPECT_FALSE(health.config_switched());
  install(2, kNow + 50s);
  EXPECT_TRUE(health.config_switched());
  // The healthy report after that switch is not this process's to give.
  health.first_frame(kNow + 1s);
  EXPECT_FALSE(health.tick(kNow + 60s));
  EXPECT_TRUE(state().pending);
}

TEST_F(RunningConfigTest, TheFirstInstallIsNoticedByAKioskOnItsImageConfig) {
  const auto running = choose_config(image_config, store, kNow, 120s);
  HealthReport health(running, 30s, 120s);
  install(1, kNow + 5s);
  EXPECT_TRUE(health.config_switched());
}

// --- the heartbeat ------------------------------------------------------------

TEST_F(RunningConfigTest, TheHeartbeatCarriesDevicesPaperAndTheStoresRefusalFlag) {
  core::State s;
  s.reader = core::DeviceState::ok;
  s.printer = core::DeviceState::no_paper;
  s.scanner = core::DeviceState::missing;
  kiosk::app::HeartbeatSenderOptions opt{"1.2.0", "ops-7", store, 300s};

  auto snap = kiosk::app::snapshot_of(s, 4, opt);
  EXPECT_EQ(snap.paper, "out");
  EXPECT_EQ(snap.devices.at("idcard_reader"), "ok");
  EXPECT_EQ(snap.devices.at("printer"), "ok");
  EXPECT_EQ(snap.devices.at("scanner"), "absent");
  EXPECT_EQ(snap.outbox_depth, 4u);
  EXPECT_FALSE(snap.refusal);

  cb::record_refusal(store, {cb::Reason::expired, "targets expired"}, kNow, 7);
  snap = kiosk::app::snapshot_of(s, 0, opt);
  ASSERT_TRUE(snap.refusal);
  EXPECT_EQ(snap.refusal->reason, cb::Reason::expired);
  EXPECT_EQ(snap.refused_version, "7");
  EXPECT_EQ(snap.refusal_at, "2026-11-28T02:00:00Z");
  const auto hb = kiosk::app::build_heartbeat(snap);
  ASSERT_TRUE(hb.config_refusal);
  EXPECT_EQ(hb.config_refusal->reason, "expired");

  install(1, kNow + 1s);  // a successful apply clears the flag
  EXPECT_FALSE(kiosk::app::snapshot_of(s, 0, opt).refusal);
}

// The sender against a real outbox (a SQLite file; no platform connected, so
// what it queues stays there to be counted), on an injected clock.
TEST_F(RunningConfigTest, HeartbeatsWaitForTheDevicesThenFollowTheIntervalAndTheFlag) {
  auto outbox = open_outbox();
  ASSERT_TRUE(outbox.has_value());
  const auto unsent = [&] {
    auto st = (*outbox)->status();
    const auto it = st.unsent_by_kind.find("heartbeat");
    return it == st.unsent_by_kind.end() ? 0 : it->second;
  };
  kiosk::app::HeartbeatSender sender({"1.2.0", "ops-7", store, 300s});
  const kiosk::app::HeartbeatSender::Clock::time_point t0{};
  core::State s;  // the device services have not answered yet
  EXPECT_FALSE(sender.tick(t0, s, **outbox));
  // The loop sleeps until the wait is over (no polling meanwhile).
  EXPECT_EQ(sender.next_due(t0 + 1s), t0 + 30s);
  EXPECT_FALSE(sender.tick(t0 + 5s, s, **outbox));
  s.reader = s.printer = s.scanner = core::DeviceState::ok;
  EXPECT_TRUE(sender.tick(t0 + 6s, s, **outbox));  // the first, once they did
  EXPECT_EQ(sender.next_due(t0 + 7s), t0 + 306s);
  EXPECT_EQ(unsent(), 1);
  EXPECT_FALSE(sender.tick(t0 + 100s, s, **outbox));
  cb::record_refusal(store, {cb::Reason::rollback, "5 < 6"}, kNow, 5);
  EXPECT_FALSE(sender.tick(t0 + 110s, s, **outbox));  // the flag file is read every 15 s
  EXPECT_TRUE(sender.tick(t0 + 121s, s, **outbox));   // ... and a new flag goes at once
  EXPECT_FALSE(sender.tick(t0 + 300s, s, **outbox));
  EXPECT_TRUE(sender.tick(t0 + 421s, s, **outbox));  // every interval
  EXPECT_EQ(unsent(), 1);                            // heartbeats coalesce: only the newest waits
}

TEST_F(RunningConfigTest, WithoutAnswerFromTheDevicesTheFirstHeartbeatGoesAfter30Seconds) {
  auto outbox = open_outbox();
  ASSERT_TRUE(outbox.has_value());
  kiosk::app::HeartbeatSender sender({"1.2.0", "ops-7", store, 300s});
  const kiosk::app::HeartbeatSender::Clock::time_point t0{};
  const core::State s;
  EXPECT_FALSE(sender.tick(t0, s, **outbox));
  EXPECT_FALSE(sender.tick(t0 + 29s, s, **outbox));
  EXPECT_TRUE(sender.tick(t0 + 30s, s, **outbox));
}

TEST(OutboxStatusForCitizens, HeartbeatsAreNotCountedAsWaitingSubmissions) {
  offline_cache::OutboxStatus st;
  st.depth = 3;
  st.unsent_by_kind = {{"heartbeat", 1}, {"rating", 2}};
  EXPECT_EQ(kiosk::app::to_core_event(st).waiting, 2);
  st.depth = 1;
  st.unsent_by_kind = {{"heartbeat", 1}};
  EXPECT_EQ(kiosk::app::to_core_event(st).waiting, 0);
}

}  // namespace
}  // namespace bundle_test
