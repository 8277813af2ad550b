// Take a number: item -> priority -> ticket; printing; check-in; rating.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;

Driver at_item() {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::CardRead{coretest::resident()})(
      coretest::catalogue())(core::GuideOpen{"RS-001"});
  return d;
}

core::IssuedTicket a_ticket() {
  core::IssuedTicket t;
  t.number = "B007";
  t.item_code = "RS-001";
  t.window_group = "B";
  t.windows = {"B1", "B2"};
  t.ahead = 3;
  t.wait_minutes = 12;
  return t;
}

TEST(Ticket, PickingAnItemInTheTicketFlowOffersTheTicket) {
  Driver d = at_item();
  EXPECT_EQ(d.state.screen, core::Screen::ticket_item);
  EXPECT_EQ(d.state.ticket.item_code, "RS-001");
  EXPECT_EQ(d.state.ticket.priority, "normal");
}

TEST(Ticket, ElderlyModeSuggestsThePriorityQueue) {
  Driver d;
  d(core::ToggleElderly{})(core::TapEntry{core::Flow::ticket})(
      core::CardRead{coretest::resident()})(coretest::catalogue())(core::GuideOpen{"RS-001"});
  EXPECT_EQ(d.state.ticket.priority, "elderly");
}

TEST(Ticket, TakesANumberPrintsItAndGoesOnToTheRating) {
  Driver d = at_item();
  d(core::TicketPriority{"disabled"})(core::TicketPriority{"vip"})(core::TicketConfirm{});
  const auto* take = d.last<core::TakeTicket>();
  ASSERT_NE(take, nullptr);
  EXPECT_EQ(take->item_code, "RS-001");
  EXPECT_EQ(take->priority, "disabled");  // "vip" is no priority
  EXPECT_EQ(d.state.screen, core::Screen::ticket_issued);
  d(core::TicketConfirm{});  // a second tap does not take a second number
  EXPECT_EQ(d.count<core::TakeTicket>(), 1);

  d(core::TicketIssued{take->request, a_ticket()});
  ASSERT_TRUE(d.state.ticket.ticket);
  const auto* print = d.last<core::PrintReceipt>();
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->template_id, "ticket");
  EXPECT_EQ(print->qr, "https://zwfw.example.gov.cn/q/B007");
  const auto field = [&](const std::string& k) {
    for (const auto& [key, v] : print->fields)
      if (key == k) return v;
    return std::string("?");
  };
  EXPECT_EQ(field("number"), "B007");
  EXPECT_EQ(field("ahead"), "3");
  EXPECT_EQ(field("hall"), "市民中心");
  EXPECT_EQ(field("time"), "2026-11-28 10:05");
  d(core::PrintDone{true, ""});
  EXPECT_EQ(d.state.print, core::LoadState::ready);

  d(core::TicketDone{});
  EXPECT_EQ(d.state.screen, core::Screen::rating);
  EXPECT_EQ(d.state.rating.ticket_number, "B007");
}

TEST(Ticket, AFailureSaysWhyAndLetsTheCitizenTryAgain) {
  Driver d = at_item();
  d(core::TicketConfirm{});
  const auto request = d.last<core::TakeTicket>()->request;
  d(core::TicketFailed{request, "platform.error.offline"});
  EXPECT_EQ(d.state.ticket.request, core::LoadState::failed);
  EXPECT_EQ(d.state.ticket.error_text_id, "platform.error.offline");
  d(core::TicketDone{});
  EXPECT_EQ(d.state.screen, core::Screen::ticket_item);
  d(core::TicketConfirm{});
  EXPECT_EQ(d.count<core::TakeTicket>(), 2);
  EXPECT_NE(d.last<core::TakeTicket>()->request, request);
}

TEST(Ticket, AnAnswerToAnAbandonedRequestIsDropped) {
  Driver d = at_item();
  d(core::TicketConfirm{});
  const auto request = d.last<core::TakeTicket>()->request;
  d(core::TapFinish{});
  d(core::TicketIssued{request, a_ticket()});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_FALSE(d.state.ticket.ticket);
  EXPECT_EQ(d.count<core::PrintReceipt>(), 0);
}

TEST(Ticket, CheckInByAppointmentQrIssuesATicket) {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::QrScanned{"https://zwfw.example.gov.cn/appt/AP7Q3K"});
  const auto request = d.last<core::CheckIn>()->request;
  auto t = a_ticket();
  t.appointment_id = "APT-1";
  d(core::TicketIssued{request, t});
  ASSERT_TRUE(d.state.ticket.ticket);
  EXPECT_EQ(d.state.ticket.ticket->appointment_id, "APT-1");
  EXPECT_EQ(d.count<core::PrintReceipt>(), 1);
}

}  // namespace
