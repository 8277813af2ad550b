// Appointment: book (item -> hall -> day -> slot -> confirm -> slip), a slot
// taken meanwhile, offline, stale answers; cancel by the slip's QR and by
// the typed code; hall navigation. The core alone: no SDL, no platform.
#include "core_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using coretest::Driver;

core::CatalogueLoaded bookable_catalogue() {
  core::CatalogueLoaded c = coretest::catalogue();
  for (core::GuideItem& i : c.items) i.appointment = i.code != "GA-002";
  return c;
}

core::Hall hall(std::string code, std::string group) {
  core::Hall h;
  h.code = std::move(code);
  h.name_zh = "市民中心 " + h.code;
  h.name_en = "Centre " + h.code;
  h.width_m = 40;
  h.depth_m = 20;
  h.entrance_x_m = 20;
  h.entrance_y_m = 20;
  h.windows = {
      {group + "01", group, 1, 5, 2}, {group + "02", group, 1, 10, 2}, {"D01", "D", 2, 30, 2}};
  return h;
}

std::vector<core::Hall> halls() {
  return {hall("HALL-01", "A"), hall("HALL-02", "B"), hall("HALL-03", "A")};
}

// At the hall list of item GA-001 (window group A), the halls answered.
Driver at_halls() {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{coretest::resident()});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_menu);
  d(core::AppointmentStartBook{})(bookable_catalogue());
  EXPECT_EQ(d.state.screen, core::Screen::guide_list);
  d(core::GuideOpen{"GA-001"});
  const auto* fetch = d.last<core::FetchHalls>();
  EXPECT_NE(fetch, nullptr);
  d(core::HallsLoaded{fetch ? fetch->request : 0, halls(), std::nullopt});
  return d;
}

std::vector<core::Slot> slots(const std::string& date) {
  return {{"HALL-03_GA-001_" + date + "_0900", date, "09:00", 4, 0},
          {"HALL-03_GA-001_" + date + "_0930", date, "09:30", 4, 2}};
}

Driver at_confirm() {
  Driver d = at_halls();
  d(core::AppointmentHallChosen{"HALL-03"});
  d(core::AppointmentDayChosen{d.state.appointment.days.front()});
  const auto* fetch = d.last<core::FetchSlots>();
  EXPECT_NE(fetch, nullptr);
  d(core::SlotsLoaded{fetch->request, slots(fetch->date)});
  d(core::AppointmentSlotChosen{d.state.appointment.slots[1].slot_id});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_confirm);
  d(core::AppointmentPhoneInput{"13800138000"});
  return d;
}

core::BookedAppointment booked(const core::State& s) {
  return {"AP20261130100001", "482913", "GA-001", "HALL-03", s.appointment.date, "09:30"};
}

std::string field(const core::PrintReceipt& r, const std::string& key) {
  for (const auto& [k, v] : r.fields) {
    if (k == key) return v;
  }
  return "<none>";
}

TEST(Appointment, NextWorkingDaysSkipWeekendsAndCrossMonthsAndYears) {
  // Saturday 2026-11-28: Monday 30th, then December.
  EXPECT_EQ(core::next_working_days({2026, 11, 28, 10, 0, 6}, 3),
            (std::vector<std::string>{"2026-11-30", "2026-12-01", "2026-12-02"}));
  // Thursday 2026-12-31 -> Friday 1 January, then Monday 4th.
  EXPECT_EQ(core::next_working_days({2026, 12, 31, 10, 0, 4}, 2),
            (std::vector<std::string>{"2027-01-01", "2027-01-04"}));
  // Leap day.
  EXPECT_EQ(core::next_working_days({2028, 2, 28, 10, 0, 1}, 1),
            (std::vector<std::string>{"2028-02-29"}));
}

TEST(Appointment, OnlyHallsHandlingTheItemAreOffered) {
  Driver d = at_halls();
  EXPECT_EQ(d.state.screen, core::Screen::appointment_hall);
  ASSERT_EQ(d.state.appointment.halls.size(), 2u);  // HALL-02 has no window of group A
  EXPECT_EQ(d.state.appointment.halls[1].code, "HALL-03");
  d(core::AppointmentHallChosen{"HALL-99"});  // not offered
  EXPECT_EQ(d.state.screen, core::Screen::appointment_hall);
}

TEST(Appointment, BooksASlotPrintsTheSlipWithItsQr) {
  Driver d = at_confirm();
  EXPECT_EQ(d.state.appointment.days.size(), static_cast<std::size_t>(core::kBookingDays));
  EXPECT_EQ(d.state.appointment.days.front(), "2026-11-30");
  d(core::AppointmentConfirm{});
  const auto* book = d.last<core::BookAppointment>();
  ASSERT_NE(book, nullptr);
  EXPECT_EQ(book->slot_id, "HALL-03_GA-001_2026-11-30_0930");
  EXPECT_EQ(book->id_number, coretest::resident().id_number);
  d(core::AppointmentConfirm{});  // a second tap books nothing more
  EXPECT_EQ(d.count<core::BookAppointment>(), 1);

  d(core::AppointmentBooked{book->request, booked(d.state)});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_booked);
  const auto* slip = d.last<core::PrintReceipt>();
  ASSERT_NE(slip, nullptr);
  EXPECT_EQ(slip->template_id, "appointment");
  EXPECT_EQ(slip->qr, "https://zwfw.example.gov.cn/appt/482913");
  EXPECT_EQ(field(*slip, "confirmation_code"), "482913");
  EXPECT_EQ(field(*slip, "time"), "2026-11-30 09:30");
  EXPECT_EQ(field(*slip, "hall"), "市民中心 HALL-03");
  EXPECT_EQ(field(*slip, "window"), "A");
  EXPECT_EQ(d.state.print, core::LoadState::loading);
  // No paper: the screen keeps the code and its QR (state stays booked).
  d(core::PrintDone{false, "print.error.no_paper"});
  EXPECT_EQ(d.state.print, core::LoadState::failed);
  EXPECT_TRUE(d.state.appointment.booked);
}

TEST(Appointment, BookingNeedsAMobileNumberForTheReminder) {
  Driver d = at_confirm();
  d(core::AppointmentPhoneInput{"1380013"});  // deleted back to 7 digits
  d(core::AppointmentConfirm{});
  EXPECT_EQ(d.count<core::BookAppointment>(), 0);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.phone");
  d(core::AppointmentPhoneInput{"23800138000"});  // not a mobile number
  EXPECT_TRUE(d.state.appointment.error_text_id.empty()) << "typing clears the message";
  d(core::AppointmentConfirm{});
  EXPECT_EQ(d.count<core::BookAppointment>(), 0);
  d(core::AppointmentPhoneInput{"1390013900099"});  // at most 11 digits are kept
  EXPECT_EQ(d.state.appointment.phone, "13900139000");
  d(core::AppointmentConfirm{});
  const auto* book = d.last<core::BookAppointment>();
  ASSERT_NE(book, nullptr);
  EXPECT_EQ(book->phone, "13900139000");
}

TEST(Appointment, TheMobileNumberGoesWithTheSession) {
  Driver d = at_confirm();
  // confirm -> slot -> day -> hall -> item list -> menu -> end of session
  d(core::TapBack{})(core::TapBack{})(core::TapBack{})(core::TapBack{})(core::TapBack{})(
      core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
  EXPECT_TRUE(d.state.appointment.phone.empty());
}

TEST(Appointment, AFullSlotIsShownButCannotBeChosen) {
  Driver d = at_confirm();
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_slot);
  d(core::AppointmentSlotChosen{d.state.appointment.slots[0].slot_id});  // 0 available
  EXPECT_EQ(d.state.screen, core::Screen::appointment_slot);
}

TEST(Appointment, SlotTakenMeanwhileSaysSoAndRecountsTheSlots) {
  Driver d = at_confirm();
  d(core::AppointmentConfirm{});
  const auto* book = d.last<core::BookAppointment>();
  ASSERT_NE(book, nullptr);
  d(core::AppointmentFailed{book->request, "appointment.error.slot_full"});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_slot);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.slot_full");
  EXPECT_TRUE(d.state.appointment.slots.empty());
  const auto* refetch = d.last<core::FetchSlots>();
  ASSERT_NE(refetch, nullptr);
  EXPECT_NE(refetch->request, book->request);
  d(core::SlotsLoaded{refetch->request, slots(refetch->date)});
  EXPECT_EQ(d.state.appointment.slots.size(), 2u);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.slot_full");  // still said
}

TEST(Appointment, OfflineBookingIsRefusedNotQueued) {
  Driver d;
  d(core::NetworkChanged{core::LinkState::offline})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{coretest::resident()})(core::AppointmentStartBook{});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_menu);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.offline");

  // The network drops between choosing and confirming.
  Driver c = at_confirm();
  c(core::NetworkChanged{core::LinkState::offline})(core::AppointmentConfirm{});
  EXPECT_EQ(c.count<core::BookAppointment>(), 0);
  EXPECT_EQ(c.state.appointment.error_text_id, "appointment.error.offline");
  EXPECT_EQ(c.state.screen, core::Screen::appointment_confirm);
}

TEST(Appointment, BookingNeedsTheCardHoldersIdentity) {
  Driver d = at_confirm();
  d.state.identity.citizen.reset();  // identified by a QR code instead
  d(core::AppointmentConfirm{});
  EXPECT_EQ(d.count<core::BookAppointment>(), 0);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.needs_card");
}

TEST(Appointment, AnItemWithoutAppointmentsSaysSo) {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{coretest::resident()})(core::AppointmentStartBook{})(bookable_catalogue())(
      core::GuideOpen{"GA-002"});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_hall);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.no_appointments");
  EXPECT_EQ(d.count<core::FetchHalls>(), 0);
}

TEST(Appointment, StaleAnswersAreDropped) {
  Driver d = at_halls();
  d(core::AppointmentHallChosen{"HALL-01"});
  const std::string first = d.state.appointment.days[0];
  d(core::AppointmentDayChosen{first});
  const core::RequestId old = d.last<core::FetchSlots>()->request;
  d(core::TapBack{})(core::AppointmentDayChosen{d.state.appointment.days[1]});
  d(core::SlotsLoaded{old, slots(first)});  // the first day's answer, late
  EXPECT_TRUE(d.state.appointment.slots.empty());
  d(core::AppointmentBooked{old, booked(d.state)});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_slot);
  EXPECT_EQ(d.count<core::PrintReceipt>(), 0);
}

TEST(Appointment, BackWalksTheStepsBackToTheMenu) {
  Driver d = at_confirm();
  const core::Screen expected[] = {core::Screen::appointment_slot, core::Screen::appointment_day,
                                   core::Screen::appointment_hall, core::Screen::guide_list,
                                   core::Screen::appointment_menu, core::Screen::home};
  for (core::Screen s : expected) {
    d(core::TapBack{});
    EXPECT_EQ(d.state.screen, s);
  }
  EXPECT_EQ(d.count<core::WipeSession>(), 1);
}

TEST(Appointment, CancelByTypedCode) {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{coretest::resident()})(core::AppointmentStartCancel{});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancel);
  d(core::AppointmentCodeInput{"48a29"})(core::AppointmentCancelSubmit{});
  EXPECT_EQ(d.state.appointment.cancel_code, "4829");  // digits only
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.bad_code");
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancel);
  d(core::AppointmentCodeInput{"48291312"})(core::AppointmentCancelSubmit{});
  EXPECT_EQ(d.state.appointment.cancel_code, "482913");  // six at most
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancel_confirm);
  d(core::AppointmentCancelConfirm{});
  const auto* cancel = d.last<core::CancelAppointment>();
  ASSERT_NE(cancel, nullptr);
  EXPECT_EQ(cancel->confirmation_code, "482913");
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancelled);
  d(core::AppointmentCancelled{cancel->request});
  EXPECT_TRUE(d.state.appointment.cancelled);
}

TEST(Appointment, CancelAnUnknownCodeSaysSo) {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{coretest::resident()})(core::AppointmentStartCancel{})(
      core::AppointmentCodeInput{"111111"})(core::AppointmentCancelSubmit{})(
      core::AppointmentCancelConfirm{});
  d(core::AppointmentFailed{d.last<core::CancelAppointment>()->request,
                            "appointment.error.unknown_code"});
  EXPECT_FALSE(d.state.appointment.cancelled);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.unknown_code");
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_menu);
}

TEST(Appointment, CancelByTheSlipsQrOnTheIdentifyScreen) {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::QrScanned{"https://zwfw.example.gov.cn/appt/482913"});
  // In the appointment flow the slip means "cancel it", not "check in".
  EXPECT_EQ(d.count<core::CheckIn>(), 0);
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancel_confirm);
  EXPECT_EQ(d.state.appointment.cancel_code, "482913");
  EXPECT_EQ(d.state.identity.method, core::IdMethod::qr);
}

TEST(Appointment, CancelByTheSlipsQrOnTheCancelPage) {
  Driver d;
  d(core::NetworkChanged{core::LinkState::online})(core::TapEntry{core::Flow::appointment})(
      core::CardRead{coretest::resident()})(core::AppointmentStartCancel{});
  d(core::QrScanned{"https://zwfw.example.gov.cn/case/123"});  // not a slip: ignored here
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancel);
  d(core::QrScanned{"https://zwfw.example.gov.cn/appt/135790"});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_cancel_confirm);
  EXPECT_EQ(d.state.appointment.cancel_code, "135790");
}

TEST(Appointment, TheSlipChecksInFromTheTicketFlowAsBefore) {
  Driver d;
  d(core::TapEntry{core::Flow::ticket})(core::QrScanned{"https://zwfw.example.gov.cn/appt/1"});
  EXPECT_EQ(d.count<core::CheckIn>(), 1);
}

TEST(Appointment, OfflineCancelIsRefused) {
  Driver d;
  d(core::TapEntry{core::Flow::appointment})(core::CardRead{coretest::resident()})(
      core::AppointmentStartCancel{})(core::AppointmentCodeInput{"482913"})(
      core::AppointmentCancelSubmit{})(core::NetworkChanged{core::LinkState::offline})(
      core::AppointmentCancelConfirm{});
  EXPECT_EQ(d.count<core::CancelAppointment>(), 0);
  EXPECT_EQ(d.state.appointment.error_text_id, "appointment.error.offline");
}

TEST(Appointment, EndingTheSessionWipesTheBooking) {
  Driver d = at_confirm();
  d(core::TapFinish{});
  EXPECT_EQ(d.state.appointment, core::AppointmentState{});
  EXPECT_EQ(d.state.screen, core::Screen::home);
}

// --- hall navigation ------------------------------------------------------------

TEST(Navigation, RouteFromTheKioskAlongTheAisleToTheWindow) {
  const core::Hall h = hall("HALL-01", "A");
  const core::Route r = core::plan_route(h, core::KioskSpot{"HALL-01", 1, 30, 15}, h.windows[0]);
  ASSERT_EQ(r.points.size(), 4u);
  EXPECT_EQ(r.points.front(), (core::MapPoint{30, 15}));
  EXPECT_EQ(r.points[1], (core::MapPoint{30, 10}));
  EXPECT_EQ(r.points[2], (core::MapPoint{5, 10}));
  EXPECT_EQ(r.points.back(), (core::MapPoint{5, 2}));
  EXPECT_EQ(r.metres, 5 + 25 + 8);
  EXPECT_FALSE(r.change_floor);
  // A kiosk in another hall: from this hall's entrance, up to floor 2.
  const core::Route other = core::plan_route(h, core::KioskSpot{"HALL-02", 1, 1, 1}, h.windows[2]);
  EXPECT_EQ(other.points.front(), (core::MapPoint{20, 20}));
  EXPECT_TRUE(other.change_floor);
  EXPECT_EQ(other.floor, 2);
}

TEST(Navigation, FromAGuideItemToItsWindowAndBack) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{})(coretest::catalogue())(
      core::GuideOpen{"GA-001"})(core::NavigateTo{"A", ""});
  EXPECT_EQ(d.state.screen, core::Screen::navigation);
  const auto* fetch = d.last<core::FetchHalls>();
  ASSERT_NE(fetch, nullptr);
  d(core::HallsLoaded{fetch->request, halls(), core::KioskSpot{"HALL-01", 1, 30, 15}});
  ASSERT_TRUE(d.state.navigation.hall);
  EXPECT_EQ(d.state.navigation.hall->code, "HALL-01");
  EXPECT_EQ(d.state.navigation.target, "A01");  // the group's first window
  EXPECT_EQ(d.state.navigation.route.metres, 38);
  d(core::NavigationPrint{});
  const auto* slip = d.last<core::PrintReceipt>();
  ASSERT_NE(slip, nullptr);
  EXPECT_EQ(slip->template_id, "navigation");
  EXPECT_EQ(slip->qr, "https://zwfw.example.gov.cn/nav?hall=HALL-01&to=A01");
  EXPECT_EQ(field(*slip, "destination"), "A01");
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::guide_item);
}

TEST(Navigation, AfterABookingToTheBookedHall) {
  Driver d = at_confirm();
  d(core::AppointmentConfirm{});
  d(core::AppointmentBooked{d.last<core::BookAppointment>()->request, booked(d.state)});
  d(core::NavigateTo{"A", "HALL-03"});
  d(core::HallsLoaded{d.last<core::FetchHalls>()->request, halls(),
                      core::KioskSpot{"HALL-01", 1, 30, 15}});
  ASSERT_TRUE(d.state.navigation.hall);
  EXPECT_EQ(d.state.navigation.hall->code, "HALL-03");
  EXPECT_EQ(d.state.navigation.route.points.front(), (core::MapPoint{20, 20}));  // entrance
  d(core::TapBack{});
  EXPECT_EQ(d.state.screen, core::Screen::appointment_booked);
}

TEST(Navigation, AnUnknownWindowSaysSoAndStaleAnswersAreDropped) {
  Driver d;
  d(core::TapEntry{core::Flow::guide})(core::IdentifyAnonymous{})(coretest::catalogue())(
      core::GuideOpen{"GA-001"});
  d(core::NavigateTo{"Z", ""});
  const core::RequestId first = d.last<core::FetchHalls>()->request;
  d(core::TapBack{})(core::NavigateTo{"Z", ""});
  d(core::HallsLoaded{first, halls(), std::nullopt});  // the first, late
  EXPECT_EQ(d.state.navigation.request, core::LoadState::loading);
  d(core::HallsLoaded{d.last<core::FetchHalls>()->request, halls(),
                      core::KioskSpot{"HALL-01", 1, 0, 0}});
  EXPECT_FALSE(d.state.navigation.hall);
  EXPECT_EQ(d.state.navigation.error_text_id, "navigation.error.unknown_window");
  d(core::NavigationPrint{});
  EXPECT_EQ(d.count<core::PrintReceipt>(), 0);
}

TEST(Navigation, OnlyFromAnItemATicketOrABooking) {
  Driver d;
  d(core::TapEntry{core::Flow::progress})(core::IdentifyAnonymous{})(core::NavigateTo{"A", ""});
  EXPECT_EQ(d.state.screen, core::Screen::progress_query);
  EXPECT_EQ(d.count<core::FetchHalls>(), 0);
}

}  // namespace
