// Provisioning from the technician screen in the core: the form prefilled
// from what the app knows, codes typed in upper case, the checks before a
// run, the effect that carries the token (which then leaves the state), the
// app's step reports, a failure and its retry, and reports that outlive
// technician mode.
#include "tests/technician/core_driver.hpp"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using test::Driver;

// Codes typed on the provisioning form's keyboard (upper case comes from
// the field's caps, so the keys are lower case).
Driver& type_code(Driver& d, const std::string& text) {
  for (char c : text) {
    if (c == ' ') {
      d(core::TechProvisionKey{core::Key{core::Key::space, {}, {}}});
    } else {
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      d(core::TechProvisionKey{
          core::Key{core::Key::character, std::string(1, lower), core::KeyboardMode::latin}});
    }
  }
  return d;
}

core::TechInfo info(std::vector<std::string> done = {}) {
  core::TechInfo i;
  i.provision_platform = "https://platform.example";
  i.hall_id = "HALL-01";
  i.terminal_id = "T-0001";
  i.provision_done = std::move(done);
  return i;
}

Driver provision_page(core::TechInfo i = info()) {
  Driver d;
  d(core::Tick{1s, {}});
  for (int k = 0; k < core::kTechGestureTaps; ++k) d(core::TechCornerTap{});
  d(core::TechPinKey{'1'})(core::TechPinSubmit{});
  d(core::TechPinChecked{d.s.technician.pin_request, core::TechPinResult::granted, 0, 0});
  d(core::TechInfoLoaded{std::move(i)});
  d(core::TechOpenProvision{});
  return d;
}

TEST(TechnicianProvision, TheFormIsPrefilledAndTypesCodesInUpperCase) {
  Driver d = provision_page();
  ASSERT_EQ(d.s.screen, core::Screen::technician_provision);
  const auto& p = d.s.technician.provision;
  EXPECT_EQ(p.focus, core::ProvisionField::token);
  EXPECT_EQ(p.hall.text, "HALL-01");
  EXPECT_EQ(p.terminal.text, "T-0001");
  EXPECT_EQ(p.token.mode, core::KeyboardMode::latin);
  type_code(d, "abc-12");
  EXPECT_EQ(d.s.technician.provision.token.text, "ABC-12");
  d(core::TechProvisionFocus{core::ProvisionField::terminal})(
      core::TechProvisionKey{core::Key{core::Key::backspace, {}, {}}});
  type_code(d, "2");
  EXPECT_EQ(d.s.technician.provision.terminal.text, "T-0002");
  EXPECT_EQ(d.s.technician.provision.token.text, "ABC-12");  // each field its own
}

TEST(TechnicianProvision, StartNeedsAPlatformATokenAHallAndATerminal) {
  core::TechInfo none = info();
  none.provision_platform.clear();
  Driver off = provision_page(none);
  type_code(off, "abc")(core::TechProvisionStart{});
  EXPECT_EQ(off.effect<core::TechProvision>(), nullptr);
  EXPECT_EQ(off.s.technician.provision.message_id, "technician.provision.no_platform");

  Driver d = provision_page();
  d(core::TechProvisionStart{});
  EXPECT_EQ(d.effect<core::TechProvision>(), nullptr);
  EXPECT_EQ(d.s.technician.provision.message_id, "technician.provision.need_token");
  type_code(d, "  ");  // spaces are not a token
  d(core::TechProvisionStart{});
  EXPECT_EQ(d.s.technician.provision.message_id, "technician.provision.need_token");
  type_code(d, "tok")(core::TechProvisionFocus{core::ProvisionField::hall});
  for (int i = 0; i < 7; ++i) d(core::TechProvisionKey{core::Key{core::Key::backspace, {}, {}}});
  d(core::TechProvisionStart{});
  EXPECT_EQ(d.s.technician.provision.message_id, "technician.provision.need_hall");
  EXPECT_EQ(d.s.technician.provision.focus, core::ProvisionField::hall);
  EXPECT_FALSE(d.s.technician.provision.running);
}

TEST(TechnicianProvision, TheTokenGoesOutOnceInTheEffectAndStepsAreShownAsReported) {
  Driver d = provision_page();
  type_code(d, "ab-1 ")(core::TechProvisionStart{});
  const auto* run = d.effect<core::TechProvision>();
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(*run, (core::TechProvision{"AB-1", "HALL-01", "T-0001"}));
  const auto& p = d.s.technician.provision;
  EXPECT_TRUE(p.running);
  EXPECT_TRUE(p.token.text.empty());  // spent: not kept on screen
  // While it runs the form is closed and a second start is ignored.
  type_code(d, "x")(core::TechProvisionStart{});
  EXPECT_EQ(d.effect<core::TechProvision>(), nullptr);
  EXPECT_TRUE(d.s.technician.provision.token.text.empty());

  d(core::TechProvisionStep{"certificate", false});
  EXPECT_EQ(d.s.technician.provision.current, "certificate");
  d(core::TechProvisionStep{"certificate", true})(core::TechProvisionStep{"outbox_key", true});
  EXPECT_EQ(d.s.technician.provision.done, (std::vector<std::string>{"certificate", "outbox_key"}));
  EXPECT_TRUE(d.s.technician.provision.current.empty());
  for (const char* step : {"root", "selftest", "slip"}) d(core::TechProvisionStep{step, true});
  d(core::TechProvisionDone{true, {}, {}, "650100-ZZ-0001"});
  EXPECT_TRUE(d.s.technician.provision.complete);
  // The platform named the terminal: its name is the one shown.
  EXPECT_EQ(d.s.technician.provision.terminal.text, "650100-ZZ-0001");
  EXPECT_EQ(d.s.technician.info.terminal_id, "650100-ZZ-0001");
  EXPECT_FALSE(d.s.technician.provision.running);
  EXPECT_EQ(d.s.technician.info.provision_done.size(), 5u);
  d(core::TechProvisionStart{});  // done: nothing to start
  EXPECT_EQ(d.effect<core::TechProvision>(), nullptr);
}

TEST(TechnicianProvision, AFailureIsShownAndARetryNeedsNoTokenOnceTheCertificateIsStored) {
  Driver d = provision_page();
  type_code(d, "tok")(core::TechProvisionStart{});
  d(core::TechProvisionStep{"certificate", true})(core::TechProvisionStep{"outbox_key", true});
  d(core::TechProvisionStep{"root", true})(core::TechProvisionStep{"selftest", false});
  d(core::TechProvisionDone{false, "selftest", "printer: no paper / 缺纸", {}});
  const auto& p = d.s.technician.provision;
  EXPECT_FALSE(p.running);
  EXPECT_FALSE(p.complete);
  EXPECT_EQ(p.failed_step, "selftest");
  EXPECT_EQ(p.detail, "printer: no paper / 缺纸");
  // Paper loaded: start again, no token (the certificate is stored).
  d(core::TechProvisionStart{});
  const auto* retry = d.effect<core::TechProvision>();
  ASSERT_NE(retry, nullptr);
  EXPECT_TRUE(retry->token.empty());
  EXPECT_TRUE(d.s.technician.provision.failed_step.empty());
}

TEST(TechnicianProvision, TouchingAFieldAfterAFailureReturnsToTheForm) {
  Driver d = provision_page();
  type_code(d, "used")(core::TechProvisionStart{});
  d(core::TechProvisionDone{false, "certificate", "token used / 令牌无效", {}});
  EXPECT_EQ(d.s.technician.provision.failed_step, "certificate");
  d(core::TechProvisionFocus{core::ProvisionField::token});
  EXPECT_TRUE(d.s.technician.provision.failed_step.empty());
  type_code(d, "new")(core::TechProvisionStart{});
  ASSERT_NE(d.effect<core::TechProvision>(), nullptr);
  EXPECT_EQ(d.effect<core::TechProvision>()->token, "NEW");
}

TEST(TechnicianProvision, BackKeepsARunningProvisionAndExitDropsItsReports) {
  Driver d = provision_page();
  type_code(d, "tok")(core::TechProvisionStart{})(core::TapBack{});
  EXPECT_EQ(d.s.screen, core::Screen::technician_status);
  d(core::TechProvisionStep{"certificate", true})(core::TechOpenProvision{});
  EXPECT_EQ(d.s.screen, core::Screen::technician_provision);
  EXPECT_TRUE(d.s.technician.provision.running);  // the page shows the run, not a new form
  EXPECT_EQ(d.s.technician.provision.done, std::vector<std::string>{"certificate"});
  d(core::TechExit{});
  EXPECT_EQ(d.s.screen, core::Screen::home);
  d(core::TechProvisionDone{true, {}, {}, "T-0001"});
  EXPECT_FALSE(d.s.technician.provision.complete);
  EXPECT_EQ(d.s.screen, core::Screen::home);
}

TEST(TechnicianProvision, StepsDoneBeforeAreShownFromTheAppsRecord) {
  Driver d = provision_page(info({"certificate", "outbox_key"}));
  EXPECT_EQ(d.s.technician.provision.done.size(), 2u);
  d(core::TechProvisionStart{});  // no token needed: the certificate is stored
  ASSERT_NE(d.effect<core::TechProvision>(), nullptr);
}

}  // namespace
