// Pre-application: item -> form (typed on the keyboard, validated) ->
// materials -> delivery -> review -> submit through the outbox (online:
// case number; offline or slow: local reference) -> receipt -> rating; back
// navigation and the wipe at the end of a session.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;
using namespace std::chrono_literals;

core::CatalogueLoaded preapply_catalogue() {
  core::CatalogueLoaded c = coretest::catalogue();
  core::GuideMaterial form;
  form.code = "GA-001-M1";
  form.name_zh = "申请表";
  form.name_en = "Application form";
  c.items[0].pre_acceptance = true;  // GA-001
  c.items[0].materials = {form};
  c.items[0].window_group = "A区";
  c.items[2].pre_acceptance = true;  // RS-001 (no materials)
  return c;
}

core::Key ch(const std::string& c) {
  return core::Key{core::Key::character, c, {}};
}

void type(Driver& d, const std::string& ascii) {
  for (char c : ascii) d(core::PreApplyKey{ch(std::string(1, c))});
}

Driver identified() {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online});
  d(core::TapEntry{core::Flow::idcard})(core::CardRead{coretest::resident()});
  return d;
}

Driver at_form(const std::string& item = "RS-001") {
  Driver d = identified();
  d(preapply_catalogue())(core::PreApplyChoose{item});
  return d;
}

// A valid form, no materials to give (RS-001): on the delivery page.
Driver at_delivery() {
  Driver d = at_form();
  type(d, "13800138000");
  d(core::PreApplyNext{})(core::MaterialsDone{});
  return d;
}

Driver submitted() {
  Driver d = at_delivery();
  d(core::PreApplyNext{})(core::PreApplySubmit{});
  return d;
}

std::string field(const core::PrintReceipt& r, const std::string& k) {
  for (const auto& [key, v] : r.fields)
    if (key == k) return v;
  return "?";
}

TEST(PreApply, CardIdentificationLeadsToTheItemsThatAcceptPreApplication) {
  Driver d = identified();
  EXPECT_EQ(d.state.screen, core::Screen::preapply_item);
  EXPECT_EQ(d.count<core::FetchCatalogue>(), 1);
  d(preapply_catalogue());
  const auto items = core::preapply_items(d.state.catalogue);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->code, "GA-001");
  EXPECT_EQ(items[1]->code, "RS-001");
  d(core::PreApplyChoose{"GA-002"});  // does not accept pre-application
  EXPECT_EQ(d.state.screen, core::Screen::preapply_item);
  d(core::PreApplyChoose{"GA-001"});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_form);
  EXPECT_EQ(d.state.preapply.item_code, "GA-001");
}

TEST(PreApply, TheFormIsPrefilledFromTheCard) {
  Driver d = at_form();
  EXPECT_EQ(d.state.preapply.address.text, "北京市朝阳区");
  EXPECT_EQ(d.state.preapply.post_address.text, "北京市朝阳区");
  EXPECT_TRUE(d.state.preapply.phone.text.empty());
  EXPECT_EQ(d.state.preapply.focus, core::PreApplyField::phone);
}

TEST(PreApply, ThePhoneTakesElevenDigitsAndNothingElse) {
  Driver d = at_form();
  type(d, "1380013800012345");
  d(core::PreApplyKey{ch("a")});
  d(core::PreApplyKey{core::Key{core::Key::set_mode, {}, core::KeyboardMode::pinyin}});
  EXPECT_EQ(d.state.preapply.phone.text, "13800138000");
  EXPECT_EQ(d.state.preapply.phone.mode, core::KeyboardMode::digits);
  d(core::PreApplyKey{core::Key{core::Key::backspace, {}, {}}});
  EXPECT_EQ(d.state.preapply.phone.text, "1380013800");
}

TEST(PreApply, ValidationSaysWhatIsMissingAndKeepsTheCitizenOnTheForm) {
  Driver d = at_form();
  d(core::PreApplyFocus{core::PreApplyField::address});
  for (int i = 0; i < 6; ++i) d(core::PreApplyKey{core::Key{core::Key::backspace, {}, {}}});
  EXPECT_TRUE(d.state.preapply.address.text.empty());
  d(core::PreApplyNext{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_form);
  EXPECT_EQ(d.state.preapply.error_text_ids,
            (std::vector<std::string>{"preapply.error.phone_required",
                                      "preapply.error.address_required"}));
  ASSERT_NE(d.last<core::Speak>(), nullptr);
  EXPECT_EQ(d.last<core::Speak>()->text_id, "preapply.error.phone_required");

  d(core::PreApplyFocus{core::PreApplyField::phone});
  type(d, "2380013800");  // ten digits, and not a mobile number
  d(core::PreApplyNext{});
  EXPECT_EQ(d.state.preapply.error_text_ids.front(), "preapply.error.phone_invalid");
}

TEST(PreApply, AddressAndRemarksAreTypedInPinyin) {
  Driver d = at_form();
  d(core::PreApplyFocus{core::PreApplyField::remarks});
  d(core::PreApplyKey{ch("j")})(core::PreApplyKey{ch("i")})(core::PreApplyKey{ch("a")});
  EXPECT_EQ(d.state.preapply.remarks.composing, "jia");
  d(core::PreApplyKey{core::Key{core::Key::pick, "急", {}}});
  EXPECT_EQ(d.state.preapply.remarks.text, "急");
  EXPECT_TRUE(d.state.preapply.phone.text.empty()) << "only the focused field changes";
  d(core::PreApplyFocus{core::PreApplyField::post_address});  // not on this page
  EXPECT_EQ(d.state.preapply.focus, core::PreApplyField::remarks);
}

TEST(PreApply, AValidFormLeadsToTheItemsMaterialsChecklist) {
  Driver d = at_form("GA-001");
  type(d, "13800138000");
  d(core::PreApplyNext{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_materials);
  ASSERT_EQ(d.state.preapply.materials.materials.size(), 1u);
  EXPECT_EQ(d.state.preapply.materials.materials[0].code, "GA-001-M1");
  d(core::MaterialsDone{});  // the form is required and not given
  EXPECT_EQ(d.state.screen, core::Screen::preapply_materials);
}

TEST(PreApply, DeliveryByPostNeedsAnAddress) {
  Driver d = at_delivery();
  EXPECT_EQ(d.state.screen, core::Screen::preapply_delivery);
  EXPECT_EQ(d.state.preapply.delivery, core::DeliveryMethod::pickup);
  type(d, "x");  // no address field while picking up
  EXPECT_EQ(d.state.preapply.post_address.text, "北京市朝阳区");
  d(core::PreApplyDelivery{core::DeliveryMethod::post});
  for (int i = 0; i < 6; ++i) d(core::PreApplyKey{core::Key{core::Key::backspace, {}, {}}});
  d(core::PreApplyNext{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_delivery);
  EXPECT_EQ(d.state.preapply.error_text_ids.front(), "preapply.error.post_address_required");
  d(core::PreApplyKey{core::Key{core::Key::set_mode, {}, core::KeyboardMode::latin}});
  type(d, "Room 5");
  d(core::PreApplyNext{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_review);
  EXPECT_TRUE(d.state.preapply.error_text_ids.empty());
}

TEST(PreApply, BackGoesOnePageBackAndKeepsWhatWasTyped) {
  Driver d = at_delivery();
  d(core::PreApplyNext{});
  ASSERT_EQ(d.state.screen, core::Screen::preapply_review);
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_delivery);
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_materials);
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_form);
  EXPECT_EQ(d.state.preapply.phone.text, "13800138000");
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_item);
  d(core::PreApplyChoose{"RS-001"});  // the same item again: the form is kept
  EXPECT_EQ(d.state.preapply.phone.text, "13800138000");
  d(core::TapBack{})(core::PreApplyChoose{"GA-001"});  // another item: a fresh form
  EXPECT_TRUE(d.state.preapply.phone.text.empty());
  d(core::TapBack{})(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_EQ(d.count<core::WipeSession>(), 1);
}

TEST(PreApply, SubmittingPutsTheFormIntoTheOutbox) {
  Driver d = submitted();
  EXPECT_EQ(d.state.screen, core::Screen::preapply_submitting);
  const auto* submit = d.last<core::SubmitPreApplication>();
  ASSERT_NE(submit, nullptr);
  EXPECT_EQ(submit->item_code, "RS-001");
  EXPECT_EQ(submit->name, "张三");
  EXPECT_EQ(submit->id_number, "11010519491231002X");
  EXPECT_EQ(submit->phone, "13800138000");
  EXPECT_EQ(submit->delivery_method, "pickup");
  EXPECT_TRUE(submit->delivery_address.empty());
  EXPECT_EQ(submit->form.front(), (std::pair<std::string, std::string>{"address", "北京市朝阳区"}));
  d(core::PreApplySubmit{})(core::TapBack{});  // no second submission, no way back
  EXPECT_EQ(d.count<core::SubmitPreApplication>(), 1);
  EXPECT_EQ(d.state.screen, core::Screen::preapply_submitting);
  EXPECT_GT(core::preapply_progress(d.state.preapply, d.state.now), 0.f);
}

TEST(PreApply, OnlineTheCaseNumberComesBackAndIsPrintedThenTheRating) {
  Driver d = submitted();
  const auto request = d.last<core::SubmitPreApplication>()->request;
  d(core::PreApplyQueued{request, "pa-key-1", "L-0007"});
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::sending);
  d(core::PreApplyDelivered{"pa-other", "YS1"});  // another item of the outbox
  EXPECT_EQ(d.state.screen, core::Screen::preapply_submitting);
  d(core::PreApplyDelivered{"pa-key-1", "YS2026112800001"});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_done);
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::delivered);
  EXPECT_EQ(core::preapply_progress(d.state.preapply, d.state.now), 1.f);
  const auto* print = d.last<core::PrintReceipt>();
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->template_id, "preapplication");
  EXPECT_EQ(field(*print, "case_number"), "YS2026112800001");
  EXPECT_EQ(print->qr, "https://zwfw.example.gov.cn/case/YS2026112800001");
  EXPECT_EQ(field(*print, "item"), "社会保障卡申领");
  EXPECT_EQ(field(*print, "time"), "2026-11-28 10:05");
  ASSERT_EQ(print->lists.size(), 1u);
  EXPECT_EQ(print->lists[0].first, "materials");
  d(core::PreApplyDone{});
  EXPECT_EQ(d.state.screen, core::Screen::rating);
  EXPECT_EQ(d.state.rating.case_number, "YS2026112800001");
}

TEST(PreApply, OfflineTheOutboxKeepsItAndTheReceiptGivesALocalReference) {
  Driver d = at_delivery();
  d(core::NetworkChanged{core::LinkState::offline});
  d(core::PreApplyNext{})(core::PreApplySubmit{});
  const auto request = d.last<core::SubmitPreApplication>()->request;
  d(core::PreApplyQueued{request, "pa-key-2", "L-0008"});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_done);
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::pending);
  const auto* print = d.last<core::PrintReceipt>();
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->template_id, "preapplication_pending");
  EXPECT_EQ(field(*print, "case_number"), "L-0008");
  // Delivered later: the page shows the number; the receipt was printed.
  d(core::PreApplyDelivered{"pa-key-2", "YS2026112800002"});
  EXPECT_EQ(d.state.preapply.case_number, "YS2026112800002");
  EXPECT_EQ(d.count<core::PrintReceipt>(), 1);
  d(core::PreApplyDone{});  // delivered meanwhile: rated by its case number
  EXPECT_EQ(d.state.screen, core::Screen::rating);
  EXPECT_EQ(d.state.rating.case_number, "YS2026112800002");
  EXPECT_TRUE(d.state.rating.submission_key.empty());
}

TEST(PreApply, StillInTheOutboxItIsRatedByItsKeyAndTheRatingFollowsIt) {
  Driver d = at_delivery();
  d(core::NetworkChanged{core::LinkState::offline});
  d(core::PreApplyNext{})(core::PreApplySubmit{});
  d(core::PreApplyQueued{d.last<core::SubmitPreApplication>()->request, "pa-key-4", "L-0010"});
  d(core::PreApplyDone{});  // every transaction ends on the rating page
  EXPECT_EQ(d.state.screen, core::Screen::rating);
  EXPECT_TRUE(d.state.rating.case_number.empty());
  EXPECT_EQ(d.state.rating.submission_key, "pa-key-4");
  d(core::RateLevel{5})(core::RateSubmit{});
  const auto* rating = d.last<core::EnqueueRating>();
  ASSERT_NE(rating, nullptr);
  EXPECT_EQ(rating->submission_key, "pa-key-4");
  EXPECT_TRUE(rating->case_number.empty());
  EXPECT_TRUE(rating->ticket_number.empty());
  EXPECT_EQ(d.state.screen, core::Screen::home);
}

TEST(PreApply, ASlowNetworkGivesUpWaitingAfterAFewSeconds) {
  Driver d = submitted();
  const auto request = d.last<core::SubmitPreApplication>()->request;
  d(core::PreApplyQueued{request, "pa-key-3", "L-0009"});
  const core::Millis t0 = d.state.now;
  d(core::Tick{t0 + core::kPreApplyDeliveryWait - 1ms, d.state.clock});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_submitting);
  d(core::Tick{t0 + core::kPreApplyDeliveryWait, d.state.clock});
  EXPECT_EQ(d.state.screen, core::Screen::preapply_done);
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::pending);
  EXPECT_EQ(d.last<core::PrintReceipt>()->template_id, "preapplication_pending");
}

TEST(PreApply, AFullOutboxRefusesAndNothingIsLost) {
  Driver d = submitted();
  const auto request = d.last<core::SubmitPreApplication>()->request;
  d(core::PreApplyQueued{request + 1, "stale", "L-1"});  // not this request
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::queuing);
  d(core::PreApplyQueueFailed{request, "preapply.error.outbox_full"});
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::failed);
  EXPECT_EQ(d.state.preapply.submit_error_text_id, "preapply.error.outbox_full");
  d(core::TapBack{});  // back to the review, everything still there
  EXPECT_EQ(d.state.screen, core::Screen::preapply_review);
  EXPECT_EQ(d.state.preapply.phone.text, "13800138000");

  d(core::OutboxChanged{3, 0, false})(core::PreApplySubmit{});
  EXPECT_EQ(d.count<core::SubmitPreApplication>(), 1) << "not offered while the outbox is full";
  EXPECT_EQ(d.state.preapply.submit, core::SubmitState::failed);
}

TEST(PreApply, TheSessionTimeoutWipesEverythingTyped) {
  Driver d = at_delivery();
  d(core::Tick{d.state.now + 121s, d.state.clock});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_EQ(d.count<core::WipeSession>(), 1);
  EXPECT_EQ(d.state.preapply, core::PreApplyState{});
  EXPECT_FALSE(d.state.identity.citizen);
}

}  // namespace
