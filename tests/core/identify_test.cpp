// Identification by card, QR code or anonymously, driven without SDL.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;

TEST(Identify, AValidCardIdentifiesAndOpensTheChosenFlow) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::CardRead{coretest::resident()});
  EXPECT_EQ(d.state.screen, core::Screen::guide_list);
  EXPECT_EQ(d.state.identity.method, core::IdMethod::card);
  ASSERT_TRUE(d.state.identity.citizen);
  EXPECT_EQ(d.state.identity.citizen->id_number, "11010519491231002X");
  EXPECT_NE(d.last<core::FetchCatalogue>(), nullptr);  // no catalogue yet: ask for it
}

TEST(Identify, AnExpiredCardStaysOnIdentifyWithAClearMessage) {
  Driver d;
  auto citizen = coretest::resident();
  citizen.valid_until = "20200101";
  d(core::TapEntry{core::Flow::ticket})(core::CardRead{citizen});
  EXPECT_EQ(d.state.screen, core::Screen::identify);
  EXPECT_EQ(d.state.identify.error_text_id, "identify.error.expired");
  EXPECT_EQ(d.state.identity.method, core::IdMethod::none);
  EXPECT_FALSE(d.state.identity.citizen);  // a refused card's data is not kept
  ASSERT_NE(d.last<core::Speak>(), nullptr);
  EXPECT_EQ(d.last<core::Speak>()->text_id, "identify.error.expired");
}

TEST(Identify, AFailedCheckDigitIsRefused) {
  Driver d;
  auto citizen = coretest::resident();
  citizen.id_number = "110105194912310021";
  d(core::TapEntry{core::Flow::ticket})(core::CardRead{citizen});
  EXPECT_EQ(d.state.screen, core::Screen::identify);
  EXPECT_EQ(d.state.identify.error_text_id, "identify.error.bad_number");
  // The next, good card clears the message and goes on.
  d(core::CardRead{coretest::resident()});
  EXPECT_EQ(d.state.screen, core::Screen::guide_list);
  EXPECT_TRUE(d.state.identify.error_text_id.empty());
}

TEST(Identify, AReaderErrorIsShown) {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::CardError{"identify.error.read"});
  EXPECT_EQ(d.state.identify.error_text_id, "identify.error.read");
}

TEST(Identify, ACardOnTheAttractScreenStartsNothing) {
  Driver d;
  d(core::CardRead{coretest::resident()});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_FALSE(d.state.identity.citizen);
  EXPECT_FALSE(core::session_active(d.state));
}

TEST(Identify, AnonymousOnlyForBrowsingAndLookingUp) {
  Driver guide;
  guide(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{});
  EXPECT_EQ(guide.state.screen, core::Screen::guide_list);
  EXPECT_EQ(guide.state.identity.method, core::IdMethod::anonymous);

  Driver progress;
  progress(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{});
  EXPECT_EQ(progress.state.screen, core::Screen::progress_query);

  Driver ticket;
  ticket(core::TapEntry{core::Flow::ticket})(core::IdentifyAnonymous{});
  EXPECT_EQ(ticket.state.screen, core::Screen::identify);
  EXPECT_EQ(ticket.state.identity.method, core::IdMethod::none);
}

TEST(Identify, AnAppointmentQrChecksIn) {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::QrScanned{"https://zwfw.example.gov.cn/appt/AP7Q3K"});
  EXPECT_EQ(d.state.screen, core::Screen::ticket_issued);
  ASSERT_NE(d.last<core::CheckIn>(), nullptr);
  EXPECT_EQ(d.last<core::CheckIn>()->confirmation_code, "AP7Q3K");
  EXPECT_EQ(d.state.identity.method, core::IdMethod::qr);
}

TEST(Identify, ACaseQrLooksTheCaseUpWhicheverTileWasChosen) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(
      core::QrScanned{"https://zwfw.example.gov.cn/case/YS2026112700042"});
  EXPECT_EQ(d.state.flow, core::Flow::progress);
  EXPECT_EQ(d.state.screen, core::Screen::progress_timeline);
  ASSERT_NE(d.last<core::QueryProgress>(), nullptr);
  EXPECT_EQ(d.last<core::QueryProgress>()->case_number, "YS2026112700042");
}

TEST(Identify, ATicketQrOpensItsRating) {
  Driver d;
  d(core::TapEntry{core::Flow::rating})(core::QrScanned{"https://zwfw.example.gov.cn/q/A042?h=B2"});
  EXPECT_EQ(d.state.screen, core::Screen::rating);
  EXPECT_EQ(d.state.rating.ticket_number, "A042");
}

TEST(Identify, AStrangeQrIsRefused) {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::QrScanned{"WIFI:S:cafe;;"});
  EXPECT_EQ(d.state.screen, core::Screen::identify);
  EXPECT_EQ(d.state.identify.error_text_id, "identify.error.qr_unknown");
}

TEST(Identify, RatingNeedsTheQrOfWhatIsRated) {
  Driver d;
  d(core::TapEntry{core::Flow::rating})(core::CardRead{coretest::resident()});
  EXPECT_EQ(d.state.screen, core::Screen::identify);
  EXPECT_EQ(d.state.identify.error_text_id, "identify.error.rating_needs_qr");
}

TEST(Identify, RemovingTheCardMidRequestKeepsTheSessionAndTheAnswerLands) {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::CardRead{coretest::resident()})(
      coretest::catalogue())(core::GuideOpen{"GA-001"})(core::TicketConfirm{});
  ASSERT_EQ(d.state.ticket.request, core::LoadState::loading);
  const auto request = d.last<core::TakeTicket>()->request;
  d(core::CardRemoved{});
  EXPECT_EQ(d.state.screen, core::Screen::ticket_issued);
  EXPECT_TRUE(d.state.identity.citizen);
  EXPECT_EQ(d.count<core::WipeSession>(), 0);
  core::IssuedTicket issued;
  issued.number = "A001";
  d(core::TicketIssued{request, issued});
  ASSERT_TRUE(d.state.ticket.ticket);
  EXPECT_EQ(d.state.ticket.ticket->number, "A001");
}

TEST(Identify, EndingTheSessionWipesTheCardData) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::CardRead{coretest::resident()});
  ASSERT_TRUE(d.state.identity.citizen);
  d(core::TapFinish{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_EQ(d.state.identity, core::Identity{});
  EXPECT_EQ(d.count<core::WipeSession>(), 1);
}

TEST(Identify, TimingOutWipesTheCardData) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::CardRead{coretest::resident()});
  d(core::Tick{std::chrono::seconds(121), d.state.clock});
  EXPECT_EQ(d.state.identity, core::Identity{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_EQ(d.count<core::WipeSession>(), 1);
}

}  // namespace
