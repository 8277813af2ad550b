// Case progress (by number or QR) and the rating that ends a transaction.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;

core::CaseProgress a_case() {
  return core::CaseProgress{"YS2026112700042",
                            "RS-001",
                            "returned_for_correction",
                            {core::CaseStage{"received", "2026-11-27T10:00:00+08:00", {}},
                             core::CaseStage{"returned_for_correction",
                                             "2026-11-27T15:00:00+08:00",
                                             {{"照片不清晰", "The photo is not clear"}}}}};
}

TEST(Progress, TypedNumberIsCleanedAndLookedUp) {
  Driver d;
  d(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{});
  d(core::ProgressInput{"ys"})(core::ProgressQuery{});
  EXPECT_EQ(d.state.progress.error_text_id, "progress.error.too_short");
  EXPECT_EQ(d.count<core::QueryProgress>(), 0);
  d(core::ProgressInput{"ys-2026 1127/00042"});
  EXPECT_EQ(d.state.progress.case_number, "YS2026112700042");
  d(core::ProgressQuery{});
  ASSERT_NE(d.last<core::QueryProgress>(), nullptr);
  EXPECT_EQ(d.state.screen, core::Screen::progress_timeline);
  d(core::ProgressLoaded{d.last<core::QueryProgress>()->request, a_case()});
  ASSERT_TRUE(d.state.progress.result);
  EXPECT_EQ(core::next_step_text_id(*d.state.progress.result),
            "progress.next.returned_for_correction");
  EXPECT_EQ(core::stage_text_id("accepted"), "progress.stage.accepted");
}

TEST(Progress, AnUnknownCaseGoesBackToTheNumberWithTheReason) {
  Driver d;
  d(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{});
  d(core::ProgressInput{"YS000"})(core::ProgressQuery{});
  d(core::ProgressFailed{d.last<core::QueryProgress>()->request, "progress.error.not_found"});
  EXPECT_EQ(d.state.screen, core::Screen::progress_query);
  EXPECT_EQ(d.state.progress.error_text_id, "progress.error.not_found");
  EXPECT_EQ(d.state.progress.case_number, "YS000");
}

TEST(Progress, BackFromTheTimelineAsksForAnotherNumber) {
  Driver d;
  d(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{});
  d(core::ProgressInput{"YS2026112700042"})(core::ProgressQuery{});
  d(core::ProgressLoaded{d.last<core::QueryProgress>()->request, a_case()});
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::progress_query);
  EXPECT_FALSE(d.state.progress.result);
}

Driver rating_a_ticket() {
  Driver d;
  d(core::TapEntry{core::Flow::rating})(core::QrScanned{"https://zwfw.example.gov.cn/q/A042"});
  return d;
}

TEST(Rating, SubmitsFiveLevelsAndIndicatorsThroughTheOutboxThenEnds) {
  Driver d = rating_a_ticket();
  d(core::RateSubmit{});  // no level yet: nothing is sent
  EXPECT_EQ(d.count<core::EnqueueRating>(), 0);
  d(core::RateLevel{4})(core::RateIndicator{core::Indicator::attitude, 2})(core::RateLevel{9});
  d(core::RateComment{"窗口人员态度一般"})(core::RateSubmit{});
  const auto* r = d.last<core::EnqueueRating>();
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->level, 4);
  EXPECT_EQ(r->overall, 4);
  EXPECT_EQ(r->efficiency, 4);  // not set: same as the level
  EXPECT_EQ(r->attitude, 2);
  EXPECT_EQ(r->ticket_number, "A042");
  EXPECT_TRUE(r->case_number.empty());
  EXPECT_EQ(r->comment, "窗口人员态度一般");
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_EQ(d.count<core::WipeSession>(), 1);
}

TEST(Rating, CanBeSkipped) {
  Driver d = rating_a_ticket();
  d(core::RateLevel{5})(core::RateSkip{});
  EXPECT_EQ(d.count<core::EnqueueRating>(), 0);
  EXPECT_EQ(d.state.screen, core::Screen::home);
  ASSERT_NE(d.last<core::Speak>(), nullptr);
  EXPECT_EQ(d.last<core::Speak>()->text_id, "rating.thanks");
}

TEST(Rating, ACaseQrRatesTheCase) {
  Driver d;
  d(core::TapEntry{core::Flow::rating})(
      core::QrScanned{"https://zwfw.example.gov.cn/case/YS2026112700042"});
  d(core::RateLevel{1})(core::RateSubmit{});
  ASSERT_NE(d.last<core::EnqueueRating>(), nullptr);
  EXPECT_EQ(d.last<core::EnqueueRating>()->case_number, "YS2026112700042");
}

TEST(Outbox, ItsStateIsShownAndSurvivesTheSession) {
  Driver d;
  d(core::OutboxChanged{3, 1, false})(core::TapEntry{core::Flow::guide})(core::TapFinish{});
  EXPECT_EQ(d.state.outbox_waiting, 3);
  EXPECT_EQ(d.state.outbox_dead, 1);
  EXPECT_FALSE(d.state.outbox_accepting);
}

}  // namespace
