// Atomic apply, last known good, and the health rollback, on real files.
// The crash tests fork a child that applies a bundle and is killed with
// SIGKILL, either exactly after each durable step (through the step hook)
// or at seeded random moments; the store must then hold the old config or
// the new one, complete, never a mix.
#include "bundle_fixture.hpp"
#include "config/bundle/install.hpp"
#include "config/config.hpp"

#include <sys/wait.h>
#include <time.h>
#include <csignal>
#include <random>

namespace bundle_test {
namespace {

class Apply : public ::testing::Test {
 protected:
  Keyring keys;
  TempDir tmp;
  fs::path store = tmp.path() / "store";
  cb::RootMeta root = make_root_meta(1, keys.root, 1, keys.targets, 1);

  void SetUp() override {
    fs::create_directories(store);
    ASSERT_TRUE(cb::pin_root(store, sign_with(cb::canonical_root(root), {keys.root[0]})));
  }

  // A verified bundle whose every file says which version it belongs to.
  cb::VerifiedBundle bundle(std::int64_t version) {
    const auto dir = tmp.path() / ("bundle-" + std::to_string(version));
    const std::string tag = "v" + std::to_string(version);
    make_bundle(dir, version, {keys.targets[0]}, kNextYear,
                {{"receipts/ticket.json", tag + std::string(5000, 't')},
                 {"receipts/appointment.json", tag + std::string(7000, 'a')},
                 {"maintenance.json", tag}});
    auto trust = cb::load_trust(store);
    EXPECT_TRUE(trust);
    trust->installed_version = 0;  // build any version, whatever is installed
    auto v = cb::verify_bundle(dir, *trust, kNow);
    EXPECT_TRUE(v) << v.error().to_string();
    return *v;
  }

  // The files of `current`, exactly as the kiosk would load them.
  std::map<std::string, std::string> current_files() {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(store / "current")) {
      if (e.is_regular_file()) {
        files[fs::relative(e.path(), store / "current").generic_string()] = read(e.path());
      }
    }
    return files;
  }

  static std::map<std::string, std::string> files_of(const cb::VerifiedBundle& b) {
    std::map<std::string, std::string> files;
    for (const auto& f : b.files) files[f.name] = f.bytes;
    files["metadata.json"] = b.metadata_text;
    return files;
  }

  cb::StoreState state() { return *cb::read_store(store); }
};

TEST_F(Apply, InstallsConfirmsAndKeepsTheLastKnownGood) {
  const auto v1 = bundle(1), v2 = bundle(2);
  ASSERT_EQ(*cb::apply(store, v1, kNow), cb::ApplyOutcome::installed);
  EXPECT_EQ(current_files(), files_of(v1));
  EXPECT_TRUE(config::load(store / "current"));
  EXPECT_TRUE(state().pending);

  auto confirmed = cb::health_step(store, true, kNow + 5s, 60s);
  EXPECT_EQ(confirmed->action, cb::HealthAction::confirm);
  EXPECT_FALSE(state().pending);
  EXPECT_EQ(state().last_good, state().current);

  ASSERT_EQ(*cb::apply(store, v2, kNow + 10s), cb::ApplyOutcome::installed);
  EXPECT_EQ(current_files(), files_of(v2));
  EXPECT_EQ(state().installed_version, 2);
  EXPECT_EQ(state().last_good.substr(0, 2), "1-");
  EXPECT_EQ(cb::load_trust(store)->installed_version, 2);
}

TEST_F(Apply, ApplyingTheInstalledBundleAgainChangesNothing) {
  const auto v1 = bundle(1);
  ASSERT_TRUE(cb::apply(store, v1, kNow));
  EXPECT_EQ(*cb::apply(store, v1, kNow), cb::ApplyOutcome::already_installed);
}

TEST_F(Apply, RollsBackWhenNoHealthyReportArrivesWithinTheGracePeriod) {
  const auto v1 = bundle(1), v2 = bundle(2);
  ASSERT_TRUE(cb::apply(store, v1, kNow));
  ASSERT_TRUE(cb::health_step(store, true, kNow, 60s));
  ASSERT_TRUE(cb::apply(store, v2, kNow + 100s));

  EXPECT_EQ(cb::health_step(store, false, kNow + 159s, 60s)->action, cb::HealthAction::wait);
  EXPECT_EQ(current_files(), files_of(v2));
  const auto decision = cb::health_step(store, false, kNow + 160s, 60s);
  EXPECT_EQ(decision->action, cb::HealthAction::roll_back);
  EXPECT_EQ(current_files(), files_of(v1));
  EXPECT_EQ(state().rolled_back_version, 2);
  EXPECT_FALSE(state().pending);
  EXPECT_EQ(cb::health_step(store, false, kNow + 999s, 60s)->action, cb::HealthAction::nothing);
}

TEST_F(Apply, AnUnconfirmedSwitchFallsBackToTheLastConfirmedConfig) {
  const auto v1 = bundle(1), v2 = bundle(2), v3 = bundle(3);
  ASSERT_TRUE(cb::apply(store, v1, kNow));
  ASSERT_TRUE(cb::health_step(store, true, kNow, 60s));
  ASSERT_TRUE(cb::apply(store, v2, kNow));  // never confirmed
  ASSERT_TRUE(cb::apply(store, v3, kNow));
  ASSERT_EQ(cb::health_step(store, false, kNow + 61s, 60s)->action, cb::HealthAction::roll_back);
  EXPECT_EQ(current_files(), files_of(v1));
}

TEST_F(Apply, AnAcceptedRootRotationIsPinned) {
  Keyring next;
  const auto v2root = make_root_meta(2, next.root, 1, next.targets, 1);
  const auto dir = tmp.path() / "rotating";
  make_bundle(dir, 1, {next.targets[0]});
  write(dir / "root/2.json", sign_with(cb::canonical_root(v2root), {keys.root[0], next.root[0]}));
  auto verified = cb::verify_bundle(dir, *cb::load_trust(store), kNow);
  ASSERT_TRUE(verified) << verified.error().to_string();
  ASSERT_TRUE(cb::apply(store, *verified, kNow));
  EXPECT_EQ(cb::load_trust(store)->root.version, 2);
  EXPECT_FALSE(cb::pin_root(store, sign_with(cb::canonical_root(root), {keys.root[0]})));
}

TEST(HealthDecision, WaitsConfirmsAndRollsBackOnTheInjectedClock) {
  const cb::PendingSwitch p{"2-abc", "1-def", kNow, std::nullopt};
  EXPECT_EQ(cb::decide_health(std::nullopt, false, kNow, 60s).action, cb::HealthAction::nothing);
  EXPECT_EQ(cb::decide_health(p, false, kNow + 59s, 60s).action, cb::HealthAction::wait);
  EXPECT_EQ(cb::decide_health(p, false, kNow + 59s, 60s).deadline, kNow + 60s);
  EXPECT_EQ(cb::decide_health(p, true, kNow + 600s, 60s).action, cb::HealthAction::confirm);
  EXPECT_EQ(cb::decide_health(p, false, kNow + 60s, 60s).action, cb::HealthAction::roll_back);
  // A clock set backwards after the switch never rolls back early.
  EXPECT_EQ(cb::decide_health(p, false, kNow - 3600s, 60s).action, cb::HealthAction::wait);
}

TEST(HealthDecision, TheGraceCountsFromTheAppsStartOnceRecorded) {
  // Switched at kNow; the app was busy with a citizen and started on it 5 min later.
  const cb::PendingSwitch p{"2-abc", "1-def", kNow, kNow + 300s};
  EXPECT_EQ(cb::decide_health(p, false, kNow + 359s, 60s).action, cb::HealthAction::wait);
  EXPECT_EQ(cb::decide_health(p, false, kNow + 359s, 60s).deadline, kNow + 360s);
  EXPECT_EQ(cb::decide_health(p, false, kNow + 360s, 60s).action, cb::HealthAction::roll_back);
}

TEST_F(Apply, TheAppsStartIsRecordedOnceAndOnlyOnThePendingSwitch) {
  ASSERT_TRUE(cb::apply(store, bundle(1), kNow));
  EXPECT_FALSE(*cb::mark_started(store, "not-the-pending-one", kNow + 1s));
  EXPECT_TRUE(*cb::mark_started(store, state().current, kNow + 5s));
  EXPECT_FALSE(*cb::mark_started(store, state().current, kNow + 9s));  // the first start counts
  ASSERT_TRUE(state().pending);
  EXPECT_EQ(state().pending->started_at, kNow + 5s);
  EXPECT_EQ(state().pending->switched_at, kNow);
  ASSERT_TRUE(cb::health_step(store, true, kNow + 6s, 60s));
  // An untried switch waits for the app when asked to; a started one is judged.
  ASSERT_TRUE(cb::apply(store, bundle(2), kNow + 10s));
  EXPECT_EQ(cb::health_step(store, false, kNow + 999s, 60s, cb::Untried::wait)->action,
            cb::HealthAction::wait);
  ASSERT_TRUE(*cb::mark_started(store, state().current, kNow + 1000s));
  EXPECT_EQ(cb::health_step(store, false, kNow + 1060s, 60s, cb::Untried::wait)->action,
            cb::HealthAction::roll_back);
  EXPECT_EQ(state().installed_version, 1);
}

// --- kill -9 during apply ----------------------------------------------------

class ApplyKilled : public Apply {
 protected:
  // Forks a child that applies `b`; `kill_at` (a step name) makes the child
  // SIGKILL itself right after that step; otherwise the parent kills it
  // after `delay`. Returns true if the child died by SIGKILL.
  bool apply_in_child(const cb::VerifiedBundle& b, std::string_view kill_at,
                      std::chrono::microseconds delay) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      cb::apply(store, b, kNow, [&](std::string_view step) {
        if (step == kill_at) ::raise(SIGKILL);
      });
      ::_exit(0);
    }
    if (kill_at.empty()) {
      const timespec ts{0, static_cast<long>(delay.count()) * 1000};
      ::nanosleep(&ts, nullptr);  // fault injection, not synchronisation
      ::kill(pid, SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  }

  // Old or new, complete, and the store still works afterwards.
  void expect_old_or_new(const cb::VerifiedBundle& old_b, const cb::VerifiedBundle& new_b) {
    const auto files = current_files();
    ASSERT_TRUE(files == files_of(old_b) || files == files_of(new_b)) << "a mix of versions";
    ASSERT_TRUE(config::load(store / "current"));
    cb::clean_interrupted(store);
    for (const auto& e : fs::directory_iterator(store / "versions")) {
      EXPECT_FALSE(e.path().filename().string().starts_with(".staging-"));
    }
  }
};

TEST_F(ApplyKilled, AtEveryDurableStepLeavesOldOrNew) {
  const auto v1 = bundle(1), v2 = bundle(2);
  for (const char* step : {"staged", "renamed", "last-good", "marker", "switched"}) {
    fs::remove_all(store / "versions");
    fs::remove(store / "current");
    fs::remove(store / "last-good");
    fs::remove(store / "health-pending.json");
    ASSERT_TRUE(cb::apply(store, v1, kNow));
    ASSERT_TRUE(cb::health_step(store, true, kNow, 60s));
    ASSERT_TRUE(apply_in_child(v2, step, {})) << step;
    expect_old_or_new(v1, v2);
    const bool switched = current_files() == files_of(v2);
    EXPECT_EQ(switched, std::string_view(step) == "switched") << step;
    // A pending marker exists exactly when the switch happened.
    EXPECT_EQ(state().pending.has_value(), switched) << step;
    // Applying again completes the interrupted install.
    ASSERT_TRUE(cb::apply(store, v2, kNow));
    EXPECT_EQ(current_files(), files_of(v2));
  }
}

TEST_F(ApplyKilled, AtSeededRandomMomentsLeavesOldOrNew) {
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> delay_us(0, 4000);
  std::vector<cb::VerifiedBundle> bundles;
  for (int v = 1; v <= 4; ++v) bundles.push_back(bundle(v));
  ASSERT_TRUE(cb::apply(store, bundles[0], kNow));
  int index = 0;  // bundle now current
  int killed = 0;
  for (int i = 0; i < 60; ++i) {
    const int next = (index + 1) % static_cast<int>(bundles.size());
    if (apply_in_child(bundles[next], "", std::chrono::microseconds(delay_us(rng)))) ++killed;
    expect_old_or_new(bundles[index], bundles[next]);
    if (current_files() == files_of(bundles[next])) index = next;
    // Confirm now and then so last-good moves too.
    if (i % 3 == 0) {
      ASSERT_TRUE(cb::health_step(store, true, kNow, 60s));
    }
  }
  EXPECT_GT(killed, 0) << "no child was killed mid-apply";
}

}  // namespace
}  // namespace bundle_test
