// The technician-entry lockout survives a restart: wrong PINs counted by one
// TechnicianService are still counted by the next one on the same state
// folder (switching the kiosk off and on gives a guesser nothing), and the
// file's own rules (absent: fresh; damaged: locked for one period).
#include "config/technician/lockout_file.hpp"
#include "kiosk/app/technician_service.hpp"

#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <optional>

namespace {

namespace fs = std::filesystem;
namespace tp = config::technician;
using namespace std::chrono_literals;

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/kiosk-lockout-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

config::KioskConfig config_with_pin() {
  auto cfg = config::load(KIOSK_SOURCE_DIR "/config/defaults");
  EXPECT_TRUE(cfg.has_value());
  config::KioskConfig c = *cfg;
  c.technician.pin_hash = *tp::hash_pin("246810", 1000, "00112233445566778899aabbccddeeff");
  c.technician.max_attempts = 3;
  c.technician.lockout_s = 600;
  return c;
}

// One PIN attempt through a running service; its answer from the event queue.
core::TechPinChecked try_pin(kiosk::app::TechnicianService& service,
                             kiosk::app::EventWaiter& waiter, kiosk::app::AppEvents& events,
                             core::RequestId request, const std::string& pin) {
  EXPECT_TRUE(service.take(core::Effect{core::TechCheckPin{request, pin, "test"}}));
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    for (const core::Event& e : events.take()) {
      if (const auto* a = std::get_if<core::TechPinChecked>(&e); a && a->request == request) {
        return *a;
      }
    }
    SDL_Event ignored;
    waiter.wait(ignored, 500);
  }
  ADD_FAILURE() << "no answer to PIN attempt " << request;
  return {request, core::TechPinResult::disabled, 0, 0};
}

TEST(TechnicianLockout, WrongPinsAreStillCountedAfterARestart) {
  TempDir state;
  const config::KioskConfig cfg = config_with_pin();
  kiosk::app::EventWaiter waiter;
  kiosk::app::AppEvents events(waiter);
  {
    kiosk::app::TechnicianService first(events, cfg, state.path, {});
    EXPECT_EQ(try_pin(first, waiter, events, 1, "000000").result, core::TechPinResult::wrong_pin);
    EXPECT_EQ(try_pin(first, waiter, events, 2, "111111").result, core::TechPinResult::wrong_pin);
  }  // switched off
  {
    kiosk::app::TechnicianService second(events, cfg, state.path, {});
    const auto third = try_pin(second, waiter, events, 3, "222222");
    EXPECT_EQ(third.result, core::TechPinResult::locked) << "the third wrong PIN in a row locks";
  }
  {
    kiosk::app::TechnicianService third(events, cfg, state.path, {});
    const auto right = try_pin(third, waiter, events, 4, "246810");
    EXPECT_EQ(right.result, core::TechPinResult::locked) << "even the right PIN waits";
    EXPECT_GT(right.retry_in_s, 500);
  }
}

TEST(TechnicianLockout, TheFileKeepsTheStateAndADamagedOneLocks) {
  TempDir dir;
  const fs::path file = dir.path / "technician" / "lockout";
  const tp::Time now{std::chrono::seconds{1'800'000'000}};
  const tp::LockoutPolicy policy{5, 300s};
  EXPECT_EQ(tp::load_lockout(file, now, policy).failures, 0) << "absent: fresh";
  EXPECT_FALSE(tp::load_lockout(file, now, policy).locked_until);

  ASSERT_TRUE(tp::save_lockout(file, {2, std::nullopt}));
  EXPECT_EQ(tp::load_lockout(file, now, policy).failures, 2);
  ASSERT_TRUE(tp::save_lockout(file, {5, now + 120s}));
  const auto kept = tp::load_lockout(file, now, policy);
  EXPECT_EQ(kept.failures, 5);
  EXPECT_EQ(kept.locked_until, now + 120s);

  for (const char* damaged : {"", "x y\n", "3\n", "3 0 extra\n", "-1 0\n"}) {
    SCOPED_TRACE(damaged);
    std::ofstream(file, std::ios::trunc) << damaged;
    const auto s = tp::load_lockout(file, now, policy);
    EXPECT_EQ(s.locked_until, now + 300s);
    EXPECT_EQ(s.failures, 5);
  }
}

}  // namespace
